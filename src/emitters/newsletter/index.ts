/**
 * The newsletter emitter: a plain-text version of each article
 * (`newsletter/<slug>.txt`) and an edition — a digest of the latest articles —
 * as plain text (`newsletter/edition.txt`) and as an RFC 5322 message with a
 * text and an email-safe HTML part (`newsletter/edition.eml`).
 *
 * The text is written from the normalized tree by handlers keyed by node type
 * (`./handlers/`), wrapped by display width (`./wrap.ts`); code computes every
 * piece of text and the templates (`templates/default.newsletter*.liquid`)
 * only place them.
 */
import type {Nodes} from 'hast'
import {diagnostics} from '../../diagnostics.js'
import type {Article, EmitContext, Emitter, OutputFile} from '../../types.js'
import {displayDate} from '../../locale.js'
import {articleKeys} from '../collection-key.js'
import {toEmailHtml} from './email-html.js'
import {toEml, type Edition} from './eml.js'
import {newsletterDefaults, type NewsletterConfigOptions} from './options.js'
import type {Handlers} from './state.js'
import {toPlainText} from '../plain-text.js'
import {displayWidth} from './width.js'
import {limitLineOctets, wrap} from './wrap.js'
import {creditLine} from '../credit.js'

export {toPlainText} from '../plain-text.js'
export {wrap} from './wrap.js'
export {displayWidth, graphemes} from './width.js'
export {defaultHandlers} from './handlers/index.js'
export type {Handler, Handlers, State} from './state.js'

/** Options of {@link newsletterEmitter}: those of the configuration, with `handlers` typed exactly. */
export type NewsletterOptions = Omit<NewsletterConfigOptions, 'handlers'> & {
  /** Handlers overriding or adding to the default ones (optional). */
  handlers?: Handlers
}

/** Settings after defaults. */
interface Settings {
  limit: number | undefined
  since: number | undefined
  width: number
  /** The https URL, else the placeholder. */
  unsubscribeUrl: string
  /** Whether `unsubscribeUrl` is a real (https) URL: one-click unsubscribe. */
  oneClick: boolean
  unsubscribeMailto: string | undefined
  from: string | undefined
  to: string | undefined
  template: string
  articleTemplate: string
  htmlTemplate: string
  handlers: Handlers
}

/**
 * Create the newsletter emitter.
 *
 * @param options
 *   Edition size, measure, addresses and templates (optional).
 * @returns
 *   Emitter.
 * @throws {TypeError}
 *   When an option has the wrong type.
 */
export function newsletterEmitter(options: NewsletterOptions = {}): Emitter {
  const settings = resolveOptions(options)
  return {
    name: 'newsletter',
    paths: (article) => ({newsletter: articlePath(article)}),
    collectionPaths: () => ({'newsletter-edition': 'newsletter/edition.txt', 'newsletter-eml': 'newsletter/edition.eml'}),
    outputs: {
      newsletter: {name: 'Plain text', mediaType: 'text/plain'},
      'newsletter-edition': {name: 'Newsletter edition', mediaType: 'text/plain'},
      'newsletter-eml': {name: 'Newsletter edition (email)', mediaType: 'message/rfc822'}
    },
    // The edition is made of the articles it selects only.
    collectionKey: (articles) => articleKeys(selectArticles(articles, settings)),
    async article(article, ctx) {
      const text = await renderArticle(article, ctx, settings)
      return [{path: articlePath(article), contents: text}]
    },
    async collection(articles, ctx) {
      const selected = selectArticles(articles, settings)
      const edition = await renderEdition(selected, ctx, settings)
      const eml = await toEml(edition, ctx, {
        from: settings.from,
        to: settings.to,
        unsubscribeUrl: settings.unsubscribeUrl,
        oneClick: settings.oneClick,
        unsubscribeMailto: settings.unsubscribeMailto
      })
      const files: OutputFile[] = [
        {path: 'newsletter/edition.txt', contents: edition.text},
        {path: 'newsletter/edition.eml', contents: eml}
      ]
      return files
    }
  }
}

/**
 * Pick the articles of the edition: those since `since`, else the latest
 * `limit` (articles arrive newest first).
 *
 * @param articles
 *   All good articles, newest first.
 * @param settings
 *   Settings.
 * @returns
 *   Articles of the edition.
 */
function selectArticles(articles: readonly Article[], settings: Settings): Article[] {
  let list = [...articles]
  if (settings.since !== undefined) {
    const since = settings.since
    list = list.filter((article) => Date.parse(article.meta.date) >= since)
    if (settings.limit !== undefined) list = list.slice(0, settings.limit)
  } else {
    list = list.slice(0, settings.limit ?? 10)
  }
  return list
}

function articlePath(article: Article): string {
  return `newsletter/${article.meta.slug}.txt`
}

/**
 * Render one article as plain text.
 */
async function renderArticle(article: Article, ctx: EmitContext, settings: Settings): Promise<string> {
  return finish(await ctx.render(settings.articleTemplate, articleContext(article, ctx, settings)))
}

/**
 * The template context of one article: every piece already laid out.
 */
function articleContext(article: Article, ctx: EmitContext, settings: Settings) {
  const {meta} = article
  const width = settings.width
  const i18n = ctx.translator(meta.lang)
  const html = ctx.outputsOf(article)['html']
  const url = html ? ctx.url(html) : undefined
  const text = toPlainText(article.hast, {
    width,
    handlers: settings.handlers,
    resolve: (href) => ctx.url(href),
    noteWord: i18n.t('article.noteReference'),
    warn: (reason: string, node: Nodes) =>
      ctx.warn(reason, {ruleId: diagnostics.unhandledNode.ruleId, article, place: node.position})
  })

  const titleLines = wrap(meta.title, width)
  const headline = lines(underline(titleLines, '='))
  const standfirst = meta.description ? lines(wrap(meta.description, width)) : ''
  const parts: string[] = []
  if (meta.authors.length > 0) parts.push(i18n.t('article.byline', {authors: i18n.list(meta.authors)}))
  if (meta.dateline && !hasDateline(article)) parts.push(meta.dateline.text.replace(/\s*[–—-]+$/, ''))
  parts.push(displayDate(meta.date, meta.lang))
  const byline = lines(wrap(parts.join(' | '), width))

  let image = ''
  // A caption whose photo was not supplied is not shown (see `caption-without-image`).
  if (meta.image?.src) {
    const {alt, caption, credit} = meta.image
    const imageLines = wrap(`[${alt ? i18n.t('article.image', {alt}) : i18n.t('article.imageNoAlt')}]`, width)
    const under: string[] = []
    if (caption && caption !== alt) under.push(caption)
    if (credit) under.push(creditLine(credit, (text) => i18n.t('article.photoCredit', {credit: text})))
    if (under.length > 0) imageLines.push(...wrap(under.join(' '), width))
    image = lines(imageLines)
  }

  const notes =
    text.notes.length > 0
      ? lines([...underline([text.notesLabel === defaultNotesLabel ? i18n.t('article.notes') : text.notesLabel], '-'), '', ...text.notes.flatMap((note, index) => {
          const spaced = index > 0 && text.notes.some((n) => n.lines.includes(''))
          return spaced ? ['', ...note.lines] : note.lines
        })])
      : ''
  const links =
    text.links.length > 0
      ? lines([...underline([i18n.t('article.links')], '-'), '', ...text.links.flatMap((link, index) => linkLines(`[${index + 1}]`, link, width))])
      : ''

  return {
    site: ctx.config.site,
    title: meta.title,
    headline,
    standfirst,
    byline,
    date: displayDate(meta.date, meta.lang),
    lang: meta.lang,
    dir: meta.dir,
    image,
    body: text.body,
    notes,
    links,
    url: url ?? '',
    web: url ? lines(linkLines(`${i18n.t('article.readOnWeb')}:`, url, width)) : ''
  }
}

/**
 * Render the edition: text and HTML.
 */
async function renderEdition(articles: Article[], ctx: EmitContext, settings: Settings): Promise<Edition> {
  const width = settings.width
  const site = ctx.config.site
  const i18n = ctx.translator(site.language)
  const date = displayDate(ctx.buildDate.toISOString(), site.language)
  const texts = await Promise.all(articles.map((article) => renderArticle(article, ctx, settings)))
  const numberWidth = String(articles.length).length
  const contents = articles.flatMap((article, index) => {
    const marker = `  ${String(index + 1).padStart(numberWidth)}. `
    const indent = ' '.repeat(marker.length)
    return wrap(article.meta.title, Math.max(1, width - marker.length)).map((line, n) => (n === 0 ? marker : indent) + line)
  })
  const rule = '='.repeat(width)
  const text = finish(
    await ctx.render(settings.template, {
      site,
      title: lines(wrap(site.title, width)),
      edition: lines(wrap(i18n.t('newsletter.edition', {date}), width)),
      date,
      rule,
      contents_heading: lines(underline([i18n.t('newsletter.contents')], '-')),
      contents: lines(contents),
      articles: articles.map((article, index) => ({title: article.meta.title, slug: article.meta.slug, text: texts[index]!.trimEnd()})),
      footer: lines(wrap(i18n.t('newsletter.footer', {site: site.title}), width)),
      site_link: lines(linkLines(`${site.title}:`, site.url, width)),
      unsubscribe_url: settings.unsubscribeUrl,
      unsubscribe: lines(linkLines(`${i18n.t('newsletter.unsubscribe')}:`, settings.unsubscribeUrl, width))
    })
  )
  const html = await ctx.render(settings.htmlTemplate, {
    site,
    lang: site.language,
    dir: i18n.dir,
    date,
    // The footer's text around the link to the site (the template links it).
    ...footerParts(i18n.t('newsletter.footer', {site: '\u0000'})),
    subject: `${site.title} — ${date}`,
    unsubscribe_url: settings.unsubscribeUrl,
    articles: articles.map((article) => {
      const page = ctx.outputsOf(article)['html']
      const url = page ? ctx.url(page) : ''
      return {
        title: article.meta.title,
        slug: article.meta.slug,
        lang: article.meta.lang,
        dir: article.meta.dir,
        url,
        standfirst: article.meta.description ?? '',
        byline: [article.meta.authors.length > 0 ? byline(ctx, article) : '', displayDate(article.meta.date, article.meta.lang)]
          .filter(Boolean)
          .join(' | '),
        body: toEmailHtml(article.hast, {resolve: (href) => (href.startsWith('#') ? url + href : ctx.url(href))})
      }
    })
  })
  return {text, html, date}
}

/** What the footnotes are called when the article's own heading does not say. */
const defaultNotesLabel = 'Notes'

/** `By A and B` in the article's language. */
function byline(ctx: EmitContext, article: Article): string {
  const i18n = ctx.translator(article.meta.lang)
  return i18n.t('article.byline', {authors: i18n.list(article.meta.authors)})
}

/** The footer sentence split around the site's name (`\u0000` in `text`). */
function footerParts(text: string): {footer_before: string; footer_after: string} {
  const at = text.indexOf('\u0000')
  if (at === -1) return {footer_before: text.replace(/\.$/, '') + ' ', footer_after: ''}
  return {footer_before: text.slice(0, at), footer_after: text.slice(at + 1)}
}

/**
 * Underline lines with a character, to the widest line's display width.
 */
function underline(text: readonly string[], char: string): string[] {
  const width = Math.max(1, ...text.map((line) => displayWidth(line)))
  return [...text, char.repeat(width)]
}

/**
 * `label url` on one line when it fits, else the URL alone on the next line.
 */
function linkLines(label: string, url: string, width: number): string[] {
  const line = `${label} ${url}`
  // `wrap` keeps a URL whole unless no mail line could hold it.
  return displayWidth(line) <= width ? [line] : [label, ...wrap(url, width)]
}

function lines(list: readonly string[]): string {
  return list.join('\n')
}

/**
 * Whether the body already shows the dateline (`span.dateline`).
 */
function hasDateline(article: Article): boolean {
  const stack: Nodes[] = [article.hast]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'element' && node.tagName === 'span') {
      const className = node.properties['className']
      if (Array.isArray(className) && className.includes('dateline')) return true
    }
    if ('children' in node) stack.push(...node.children)
  }
  return false
}

/**
 * Normalize rendered text: LF line endings, no trailing spaces, no leading
 * blank lines, one final line feed, no line over 998 octets (RFC 5322).
 * (Blank lines inside are the template's and the body's own: code blocks
 * keep theirs.)
 *
 * @param text
 *   Rendered template.
 * @returns
 *   Clean text.
 */
export function finish(text: string): string {
  return limitLineOctets(
    text
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+$/gm, '')
      .replace(/^\n+/, '')
      .trimEnd() + '\n'
  )
}

function resolveOptions(options: NewsletterOptions): Settings {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('Expected `options` to be an object in `newsletterEmitter`')
  }
  const positive = (name: 'limit' | 'width', min: number): number | undefined => {
    const value = options[name]
    if (value === undefined) return undefined
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      throw new TypeError(`Expected \`${name}\` to be an integer of at least ${min} in \`newsletterEmitter\`, not \`${String(value)}\``)
    }
    return value
  }
  const string = (name: 'since' | 'unsubscribeUrl' | 'unsubscribeMailto' | 'from' | 'to' | 'template' | 'articleTemplate' | 'htmlTemplate'): string | undefined => {
    const value = options[name]
    if (value === undefined) return undefined
    if (typeof value !== 'string' || value === '') {
      throw new TypeError(`Expected \`${name}\` to be a non-empty string in \`newsletterEmitter\``)
    }
    return value
  }
  const sinceText = string('since')
  let since: number | undefined
  if (sinceText !== undefined) {
    since = Date.parse(sinceText)
    if (Number.isNaN(since)) throw new TypeError(`Expected \`since\` to be an ISO date such as \`2024-05-01\` in \`newsletterEmitter\`, not \`${sinceText}\``)
  }
  // The configuration's schema says the same; this is for `newsletterEmitter()` called in code.
  const unsubscribeUrl = string('unsubscribeUrl')
  if (unsubscribeUrl !== undefined && !/^https:\/\/[^/?#\s]+/.test(unsubscribeUrl)) {
    throw new TypeError(`Expected \`unsubscribeUrl\` to be an \`https:\` URL (RFC 8058 one-click unsubscribe) in \`newsletterEmitter\`, not \`${unsubscribeUrl}\``)
  }
  const unsubscribeMailto = string('unsubscribeMailto')
  if (unsubscribeMailto !== undefined && !/^mailto:[^@\s<>,]+@[^@\s<>,]+$/.test(unsubscribeMailto)) {
    throw new TypeError(`Expected \`unsubscribeMailto\` to be a \`mailto:\` address in \`newsletterEmitter\`, not \`${unsubscribeMailto}\``)
  }
  return {
    limit: positive('limit', 1),
    since,
    width: positive('width', 20) ?? newsletterDefaults.width,
    unsubscribeUrl: unsubscribeUrl ?? newsletterDefaults.unsubscribePlaceholder,
    oneClick: unsubscribeUrl !== undefined,
    unsubscribeMailto,
    from: string('from'),
    to: string('to'),
    template: string('template') ?? 'default.newsletter.txt.liquid',
    articleTemplate: string('articleTemplate') ?? 'default.newsletter-article.txt.liquid',
    htmlTemplate: string('htmlTemplate') ?? 'default.newsletter.html.liquid',
    handlers: options.handlers ?? {}
  }
}
