/**
 * One article as an EPUB content document: the header (title, standfirst,
 * byline, date, lead image) and the body computed here, the markup in
 * `templates/epub/chapter.xhtml.liquid`.
 */
import {diagnostics} from '../../diagnostics.js'
import type {Article, Direction, EmitContext, TocEntry} from '../../types.js'
import {templateIds} from '../../pipeline/hast/template-ids.js'
import type {ImageStore} from './images.js'
import {renderTemplate} from './render.js'
import {directionOf, isoSeconds, languageTag, longDate} from './locale.js'
import {packBlocks, relinkParts} from './split.js'
import {bodyToXhtml} from './xhtml.js'
import {leadCredit} from '../credit.js'

/** An entry of the navigation document. */
export interface NavItem {
  href: string
  text: string
  /** Language and direction, only when they differ from the navigation document's. */
  lang: string
  dir: string
  children: NavItem[]
}

/** One content document of a chapter. */
export interface ChapterDocument {
  /** Manifest id. */
  id: string
  /** File name in the book. */
  href: string
  xhtml: string
}

/** A rendered chapter. */
export interface Chapter {
  /** Id and file of its first document. */
  id: string
  href: string
  title: string
  /** Its content documents, in reading order: one, or several for a long article (`split.ts`). */
  documents: ChapterDocument[]
  nav: NavItem
  /** Alt text of the images embedded in it. */
  imageAlts: string[]
  /** Images shown as text instead. */
  replacedImages: number
  /** Href of the embedded lead image, if any. */
  leadHref: string
  /** Authors as written in the header (`A, B and C`; empty when none). */
  byline: string
  /** Publication date, machine-readable and as shown. */
  date: {iso: string; text: string}
}

/** Reports a warning about an article once per emitter, whatever the number of books it is in. */
export type WarnOnce = (article: Article, key: string, reason: string, ruleId: string, place?: unknown) => void

/** Id of the chapter title; reserved in every chapter (and never an article's: `pipeline/hast/template-ids.ts`). */
const titleId = templateIds.articleTitle

/**
 * Direction of an article: `rtl` when its metadata or its language says so.
 *
 * @param article
 *   Article.
 * @returns
 *   Direction.
 */
export function articleDirection(article: Article): Direction {
  return article.meta.dir === 'rtl' || directionOf(article.meta.lang) === 'rtl' ? 'rtl' : 'ltr'
}

/**
 * Render an article as a chapter.
 *
 * @param article
 *   Article (its assets must be loaded into `images`).
 * @param ctx
 *   Emit context.
 * @param options
 *   File name and id of the chapter, the book's image store and language, and
 *   the warning channel.
 * @returns
 *   The chapter.
 */
export async function renderChapter(
  article: Article,
  ctx: EmitContext,
  options: {id: string; href: string; images: ImageStore; bookLang: string; warn: WarnOnce}
): Promise<Chapter> {
  const {meta} = article
  const {images, warn} = options
  const dir = articleDirection(article)
  const lang = languageTag(meta.lang, ctx.config.site.language)

  function embed(src: string, place?: unknown): string | undefined {
    const result = images.embed(src)
    if ('href' in result) return result.href
    if (result.problem === 'unsupported') {
      const {epubUnsupportedImage} = diagnostics
      warn(article, 'unsupported:' + src, epubUnsupportedImage.reason(src, result.mediaType ?? 'unknown type'), epubUnsupportedImage.ruleId, place)
    }
    return undefined
  }

  function remote(src: string, place?: unknown): void {
    warn(article, 'remote:' + src, diagnostics.remoteImage.reason(src), diagnostics.remoteImage.ruleId, place)
  }

  // The lead image first, so it is `image-1` and the cover.
  const imageAlts: string[] = []
  let replacedImages = 0
  let lead: Record<string, string> | undefined
  const image = meta.image
  // A caption whose photo was not supplied is not shown (see `caption-without-image`).
  if (image?.src) {
    const alt = (image.alt || image.caption || '').trim()
    let href: string | undefined
    if (image.src && /^(https?:)?\/\//i.test(image.src)) remote(image.src)
    else if (image.src) href = embed(image.src)
    if (href) imageAlts.push(alt)
    else if (image.src) replacedImages++
    lead = {
      href: href ?? '',
      alt,
      caption: image.caption?.trim() ?? '',
      credit: leadCredit(article, ctx),
      text: (image.caption || image.alt || '').trim()
    }
  }

  const body = bodyToXhtml(article.hast, {
    image: (src, node) => embed(src, node),
    remote: (src, node) => remote(src, node),
    url: (reference) => ctx.url(reference),
    reserved: [titleId]
  })

  imageAlts.push(...body.images)
  replacedImages += body.replacedImages

  // A long body goes into several documents, split at headings.
  const parts = packBlocks(body.blocks)
  const stem = options.href.replace(/\.xhtml$/, '')
  const files = parts.map((_, index) => (index === 0 ? options.href : `${stem}-${index + 1}.xhtml`))
  const {bodies, fileOf} = relinkParts(parts, files, [titleId])
  const documents: ChapterDocument[] = []
  // Authors as a list in the article's language (`A, B and C`), as the HTML page writes them.
  const authors = ctx.translator(lang).list(meta.authors.map((name) => name.trim()).filter(Boolean))
  for (const [index, part] of parts.entries()) {
    const opening = part[0]?.node
    const headingId = opening?.type === 'element' && /^h[1-6]$/.test(opening.tagName) ? opening.properties['id'] : undefined
    const xhtml = await renderTemplate(ctx, 'chapter.xhtml.liquid', {
      lang,
      dir,
      title: meta.title,
      stylesheet: 'styles/epub.css',
      ids: {title: titleId},
      // Documents after the first continue the article: no header, named by their first heading.
      continued: index > 0,
      labelledBy: index === 0 ? titleId : typeof headingId === 'string' ? headingId : '',
      description: meta.description?.trim() ?? '',
      byline: authors,
      date: {iso: isoSeconds(meta.date), text: longDate(meta.date, lang)},
      lead,
      body: bodies[index]!
    })
    documents.push({id: index === 0 ? options.id : `${options.id}-${index + 1}`, href: files[index]!, xhtml})
  }

  const differs = lang !== options.bookLang
  return {
    id: options.id,
    href: options.href,
    title: meta.title,
    documents,
    nav: {
      href: options.href,
      text: meta.title,
      lang: differs ? lang : '',
      dir: differs ? dir : '',
      children: outline(article.toc, (id) => fileOf.get(id) ?? options.href, body.idOf)
    },
    imageAlts,
    replacedImages,
    leadHref: lead?.['href'] ?? '',
    byline: authors,
    date: {iso: isoSeconds(meta.date), text: longDate(meta.date, lang)}
  }
}

/**
 * Nest the flat h2–h4 outline; entries whose heading is gone or has no text
 * are skipped.
 */
function outline(entries: readonly TocEntry[], fileOf: (id: string) => string, idOf: (id: string) => string | undefined): NavItem[] {
  const root: NavItem[] = []
  const stack: Array<{depth: number; item: NavItem}> = []
  for (const entry of entries) {
    const id = idOf(entry.id)
    const text = entry.text.replace(/\s+/g, ' ').trim()
    if (id === undefined || !text) continue
    const item: NavItem = {href: `${fileOf(id)}#${id}`, text, lang: '', dir: '', children: []}
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= entry.depth) stack.pop()
    const parent = stack[stack.length - 1]
    if (parent) parent.item.children.push(item)
    else root.push(item)
    stack.push({depth: entry.depth, item})
  }
  return root
}
