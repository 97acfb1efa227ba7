/**
 * The HTML emitter: one page per article (`<slug>.html`), an index page and
 * the stylesheet, rendered from `templates/` with LiquidJS. Code computes the
 * context; templates only place it.
 */
import {readFileSync} from 'node:fs'
import {toHtml} from 'hast-util-to-html'
import type {ResolvedConfig} from '../../config.js'
import {displayDate} from '../../locale.js'
import type {Article, EmitContext, Emitter, OutputFile} from '../../types.js'
import {accessibleTree} from './accessible.js'
import {faviconSvg} from './favicon.js'
import type {HtmlOptions} from './options.js'
import {leadCredit} from '../credit.js'

export type {HtmlOptions} from './options.js'


/**
 * Create the HTML emitter.
 *
 * @param options
 *   Templates and index size (optional).
 * @returns
 *   Emitter.
 */
export function htmlEmitter(options: HtmlOptions = {}): Emitter {
  const template = options.template ?? 'default.html.liquid'
  const indexTemplate = options.indexTemplate ?? 'default.index.html.liquid'
  // Made once per build: `collectionKey` and `collection` get the same list
  // and configuration.
  const indexContexts = new WeakMap<Article[], {config: ResolvedConfig; context: ReturnType<typeof makeIndexContext>}>()
  const indexContext = (articles: Article[], ctx: EmitContext) => {
    let made = indexContexts.get(articles)
    if (made?.config !== ctx.config) {
      made = {config: ctx.config, context: makeIndexContext(articles, ctx)}
      indexContexts.set(articles, made)
    }
    return made.context
  }
  const makeIndexContext = (articles: Article[], ctx: EmitContext) => {
    const listed = options.indexLimit ? articles.slice(0, options.indexLimit) : articles
    return {
      ...siteContext(ctx, ctx.config.site.language),
      lang: ctx.config.site.language,
      dir: ctx.translator(ctx.config.site.language).dir,
      canonical: ctx.url('index.html'),
      articles: listed.map((article) => ({
        ...summaryContext(article, ctx),
        href: pagePath(article)
      }))
    }
  }
  return {
    name: 'html',
    paths: (article) => ({[ownLabel]: pagePath(article)}),
    collectionPaths: (config) => ({
      index: 'index.html',
      stylesheet: 'style.css',
      ...(config.site.favicon === undefined ? {favicon: generatedFavicon} : {})
    }),
    outputs: {
      html: {name: 'Web page', mediaType: 'text/html'},
      index: {name: 'Index page', mediaType: 'text/html'},
      stylesheet: {name: 'Stylesheet', mediaType: 'text/css'},
      favicon: {name: 'Favicon', mediaType: 'image/svg+xml', data: true}
    },
    async article(article, ctx) {
      const html = await ctx.render(template, articleContext(article, ctx))
      const files: OutputFile[] = [{path: pagePath(article), contents: html}]
      // Local images are served next to the pages.
      // Synchronously: one round trip to the thread pool each cost more than reading a picture.
      for (const asset of article.assets) files.push({path: asset.output, contents: readFileSync(asset.source)})
      return files
    },
    // The index page is its template's context: when that is the same (an
    // article's body changed, not its summary), so is the page.
    collectionKey: (articles, ctx) => indexContext(articles, ctx),
    async collection(articles, ctx) {
      const html = await ctx.render(indexTemplate, indexContext(articles, ctx))
      const files: OutputFile[] = [
        {path: 'index.html', contents: html},
        {path: 'style.css', contents: await ctx.readTemplateFile('style.css')}
      ]
      if (ctx.config.site.favicon === undefined) files.push({path: generatedFavicon, contents: faviconSvg(ctx.config.site.title)})
      return files
    }
  }
}

/** Path of the generated favicon (when `site.favicon` is not set). */
const generatedFavicon = 'favicon.svg'

/** Label of the page of an article among the article's outputs. */
const ownLabel = 'html'

function pagePath(article: Article): string {
  return `${article.meta.slug}.html`
}

/**
 * Context shared by every page: site, stylesheet and feed links (the
 * collection outputs their emitters describe as feeds, in their order).
 */
function siteContext(ctx: EmitContext, lang: string) {
  const i18n = ctx.translator(lang)
  const feeds = Object.entries(ctx.collectionOutputs()).flatMap(([label, href]) => {
    const feed = ctx.describe(label)
    if (!feed?.feed) return []
    const name = outputName(label, ctx, lang)
    return [{href, type: feed.mediaType, name, title: i18n.t('site.feedTitle', {site: ctx.config.site.title, feed: name})}]
  })
  const favicon = ctx.config.site.favicon ?? generatedFavicon
  return {
    site: ctx.config.site,
    feeds,
    stylesheet: 'style.css',
    favicon: {href: favicon, type: faviconType(favicon)},
    home: 'index.html',
    generator: 'Pressroom'
  }
}

/** Media type of a favicon by its extension (`undefined`: let the browser sniff). */
function faviconType(href: string): string | undefined {
  const extension = /\.([a-z]+)(?:[?#].*)?$/i.exec(href)?.[1]?.toLowerCase()
  return extension ? faviconTypes[extension] : undefined
}

const faviconTypes: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  gif: 'image/gif',
  webp: 'image/webp'

}

/**
 * What a page calls an output: its catalog label (`output.<label>`) when the
 * catalogs have one, else the name its emitter gives it.
 */
function outputName(label: string, ctx: EmitContext, lang: string): string {
  const key = `output.${label}`
  const i18n = ctx.translator(lang)
  return i18n.has(key) || ctx.translator('en').has(key) ? i18n.t(key) : (ctx.describe(label)?.name ?? label)
}

function summaryContext(article: Article, ctx: EmitContext) {
  const {meta} = article
  const config = ctx.config
  return {
    title: meta.title,
    lang: meta.lang,
    dir: meta.dir,
    date: meta.date,
    dateDisplay: displayDate(meta.date, meta.lang),
    description: meta.description ?? article.excerpt,
    authors: meta.authors,
    byline: meta.authors.length > 0 ? ctx.translator(meta.lang).list(meta.authors) : '',
    siteLang: config.site.language
  }
}

function articleContext(article: Article, ctx: EmitContext) {
  const {meta} = article
  const url = ctx.url(pagePath(article))
  const canonical = meta.canonical ?? url
  const image = meta.image
  const imageUrl = image?.src ? ctx.url(image.src) : undefined
  // The other formats of the article, named as their emitters describe them.
  const formats = Object.entries(ctx.outputsOf(article))
    .filter(([label]) => label !== ownLabel && ctx.describe(label)?.data !== true)
    .map(([label, href]) => ({label, name: outputName(label, ctx, meta.lang), href}))
  const description = meta.description ?? article.excerpt

  const jsonLd: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: meta.title,
    description,
    datePublished: meta.date,
    dateModified: meta.updated ?? meta.date,
    inLanguage: meta.lang,
    mainEntityOfPage: canonical,
    url,
    wordCount: article.stats.words,
    author: meta.authors.length > 0
      ? meta.authors.map((name) => ({'@type': 'Person', name}))
      : [{'@type': 'Organization', name: ctx.config.site.author}],
    publisher: {
      '@type': 'Organization',
      name: ctx.config.site.publisher,
      ...(ctx.config.site.logo ? {logo: {'@type': 'ImageObject', url: ctx.url(ctx.config.site.logo)}} : {})
    }
  }
  if (meta.tags.length > 0) jsonLd['keywords'] = meta.tags.join(', ')
  if (meta.dateline) jsonLd['dateline'] = meta.dateline.text.replace(/\s*[–—-]+$/, '')
  if (imageUrl) jsonLd['image'] = [imageUrl]

  return {
    ...siteContext(ctx, meta.lang),
    ...summaryContext(article, ctx),
    description,
    // Only a real standfirst is displayed: the excerpt is the body's opening,
    // shown right below (it serves descriptions only).
    standfirst: meta.description,
    release: meta.release?.lines,
    contacts: meta.contacts?.map((contact) => contact.lines),
    url,
    canonical,
    updated: meta.updated,
    updatedDisplay: meta.updated ? displayDate(meta.updated, meta.lang) : undefined,
    tags: meta.tags,
    dateline: meta.dateline?.text,
    image: image
      ? {
          src: image.src,
          alt: image.alt,
          caption: image.caption,
          credit: leadCredit(article, ctx),
          width: image.asset?.width,
          height: image.asset?.height
        }
      : undefined,
    imageUrl,
    readingMinutes: article.stats.readingMinutes,
    words: article.stats.words,
    body: toHtml(accessibleTree(article.hast)),
    formats,
    jsonLd
  }
}
