/**
 * The EPUB 3 emitter: one book per article and an edition of the latest
 * articles, built from each article's hast (never the source text).
 *
 * XHTML comes from `hast-util-to-xast` + `xast-util-to-xml` (see
 * `epub-parts/xhtml.ts`), the package and navigation documents from
 * `templates/epub/*.liquid`, the ZIP from fflate with `mimetype` first and
 * stored. Identifiers are UUID v5 of the site URL and slug(s); dates and ZIP
 * timestamps come from the articles, `ctx.buildDate` or `SOURCE_DATE_EPOCH`,
 * so the same inputs give the same bytes.
 */
import {sourceDateEpoch} from '../../build-date.js'
import type {Article, EmitContext, Emitter, OutputFile} from '../../types.js'
import {articleKeys} from '../collection-key.js'
import {buildBook, type BookSpec} from './book.js'
import {articleDirection, renderChapter, type WarnOnce} from './chapter.js'
import {createImageStore} from './images.js'
import {directionOf, isoSeconds, languageTag, longDate} from './locale.js'
import type {EpubOptions} from './options.js'
import {uuidV5} from './uuid.js'

export type {EpubOptions} from './options.js'

/**
 * Create the EPUB emitter.
 *
 * @param options
 *   Configuration (optional).
 * @returns
 *   Emitter writing `epub/<slug>.epub` per article and `epub/edition.epub`.
 */
export function epubEmitter(options: EpubOptions = {}): Emitter {
  const editionSize = options.editionSize ?? 10
  if (!Number.isInteger(editionSize) || editionSize < 1) {
    throw new TypeError(`Expected a positive integer as \`epubEmitter\` option \`editionSize\`, not \`${String(editionSize)}\``)
  }
  const certifiedBy = options.certifiedBy
  if (certifiedBy !== undefined && certifiedBy !== false && typeof certifiedBy !== 'string') {
    throw new TypeError(`Expected a string or \`false\` as \`epubEmitter\` option \`certifiedBy\`, not \`${String(certifiedBy)}\``)
  }
  // An article is in its own book and in the edition: report its problems once.
  const reported = new WeakMap<Article, Set<string>>()
  function warnOnce(ctx: EmitContext): WarnOnce {
    return (article, key, reason, ruleId, place) => {
      let keys = reported.get(article)
      if (!keys) reported.set(article, (keys = new Set()))
      if (keys.has(key)) return
      keys.add(key)
      // The reader may have reported the same problem already (`remote-image`).
      if (article.file.messages.some((message) => message.ruleId === ruleId && message.reason === reason)) return
      ctx.warn(reason, place === undefined ? {ruleId, article} : {ruleId, article, place})
    }
  }

  return {
    name: 'epub',
    paths: (article) => ({epub: `epub/${article.meta.slug}.epub`}),
    collectionPaths: () => ({'epub-edition': 'epub/edition.epub'}),
    outputs: {
      epub: {name: 'EPUB e-book', mediaType: 'application/epub+zip'},
      'epub-edition': {name: 'EPUB edition', mediaType: 'application/epub+zip'}
    },
    // The edition is made of the latest articles only.
    collectionKey: (articles) => articleKeys(articles.slice(0, editionSize)),

    async article(article, ctx): Promise<OutputFile[]> {
      const {meta} = article
      const {site} = ctx.config
      const lang = languageTag(meta.lang, site.language)
      const images = createImageStore()
      await images.load(article)
      const chapter = await renderChapter(article, ctx, {
        id: 'article',
        href: 'article.xhtml',
        images,
        bookLang: lang,
        warn: warnOnce(ctx)
      })
      const modified = isoSeconds(meta.updated ?? meta.date)
      const leadHref = chapter.leadHref
      const html = ctx.outputsOf(article)['html']
      const spec: BookSpec = {
        identifier: 'urn:uuid:' + uuidV5(site.url + meta.slug),
        title: meta.title,
        lang,
        languages: [lang],
        dir: articleDirection(article),
        creators: meta.authors.length > 0 ? meta.authors : [site.author],
        date: isoSeconds(meta.date),
        modified,
        publisher: site.publisher,
        description: meta.description?.trim() ?? '',
        subjects: meta.tags,
        source: meta.canonical ?? (html ? ctx.url(html) : ''),
        rights: site.copyright ?? '',
        // The cover page names the article: headline, byline and date.
        cover: leadHref
          ? {href: leadHref, alt: (meta.image?.alt || meta.image?.caption || meta.title).trim(), text: {title: meta.title, byline: chapter.byline, date: chapter.date}}
          : {title: meta.title, publication: site.title, byline: chapter.byline, subtitle: chapter.date.text},
        chapters: [chapter],
        images,
        navInSpine: false,
        certifiedBy: certifiedBy ?? site.publisher,
        zipDate: sourceDateEpoch() ?? new Date(modified)
      }
      return [{path: `epub/${meta.slug}.epub`, contents: await buildBook(spec, ctx)}]
    },

    async collection(articles, ctx): Promise<OutputFile[]> {
      const selected = articles.slice(0, editionSize)
      if (selected.length === 0) return []
      const {site} = ctx.config
      const lang = languageTag(site.language, 'en')
      const images = createImageStore()
      const warn = warnOnce(ctx)
      const chapters = []
      for (const [index, article] of selected.entries()) {
        await images.load(article)
        const number = String(index + 1).padStart(2, '0')
        chapters.push(
          await renderChapter(article, ctx, {id: `article-${number}`, href: `article-${number}.xhtml`, images, bookLang: lang, warn})
        )
      }
      const editionDate = longDate(ctx.buildDate, lang)
      const date = isoSeconds(ctx.buildDate)
      const spec: BookSpec = {
        identifier: 'urn:uuid:' + uuidV5(site.url + 'edition:' + selected.map((article) => article.meta.slug).join(',')),
        title: `${site.title} — ${editionDate}`,
        lang,
        languages: unique([lang, ...selected.map((article) => languageTag(article.meta.lang, lang))]),
        dir: directionOf(lang),
        creators: unique(selected.flatMap((article) => article.meta.authors)),
        date,
        modified: date,
        publisher: site.publisher,
        description: site.description.trim(),
        subjects: unique(selected.flatMap((article) => article.meta.tags)),
        source: '',
        rights: site.copyright ?? '',
        cover: {title: site.title, publication: '', subtitle: editionDate},
        chapters,
        images,
        navInSpine: true,
        certifiedBy: certifiedBy ?? site.publisher,
        zipDate: ctx.buildDate
      }
      if (spec.creators.length === 0) spec.creators = [site.author]
      return [{path: 'epub/edition.epub', contents: await buildBook(spec, ctx)}]
    }
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))]
}
