/**
 * An article as an IPTC ninjs 3.1 news item (https://iptc.org/standards/ninjs/),
 * and the index of the latest ones as a `composite` item associating them.
 *
 * Property names and shapes follow the 3.1 schema (camelCase, `headlines`,
 * `by`, `located`…); the roles follow the specification's own examples
 * (`main` for the plain-text body, `richtext` for the HTML one). Keys are
 * written in one fixed order so the same article gives the same bytes.
 */
import {toHtml} from 'hast-util-to-html'
import {joinNames} from '../../locale.js'
import {withAbsoluteUrls} from '../../pipeline/hast/absolute-urls.js'
import type {Article, CaptionedPhoto, EmitContext} from '../../types.js'
import {absoluteUrl} from '../context.js'
import {toPlainText, type PlainText} from '../plain-text.js'

/** What every document says it conforms to. */
export const standard = {
  name: 'ninjs',
  version: '3.1',
  schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#'
} as const

/** A text block of ninjs (`headlines`, `descriptions`, `bodies` items). */
interface Block {
  role?: string
  contentType?: string
  wordCount?: number
  value: string
}

/** One rendition (a file the item is available as). */
interface Rendition {
  name: string
  href: string
  contentType?: string
  width?: number
  height?: number
  sizeInBytes?: number
}

/** The subset of ninjs 3.1 Pressroom writes. */
export interface NinjsItem {
  standard?: typeof standard
  uri: string
  /** Only on associations (required there). */
  name?: string
  rel?: string
  type: 'text' | 'picture' | 'composite'
  representationType?: 'full' | 'partial'
  profile?: string
  version?: string
  firstCreated?: string
  versionCreated?: string
  pubStatus?: 'usable'
  copyrightHolder?: string
  copyrightNotice?: string
  language?: string
  headlines?: Block[]
  by?: string
  located?: string
  descriptions?: Block[]
  bodies?: Block[]
  subjects?: Array<{name: string}>
  infoSources?: Array<{name: string; role: string}>
  altIds?: Array<{role: string; value: string}>
  renditions?: Rendition[]
  associations?: NinjsItem[]
}

/**
 * RFC 3339 date-time in UTC without needless milliseconds, as the schema's
 * `date-time` format wants (`2025-03-03T09:30:00Z`).
 *
 * @param value
 *   ISO 8601 string or date.
 * @returns
 *   Date-time.
 */
export function dateTime(value: string | Date): string {
  return new Date(value).toISOString().replace(/\.000Z$/, 'Z')
}

/**
 * Absolute URL of an article's page: the item's `uri` (stable as long as the
 * slug is).
 *
 * @param article
 *   Article.
 * @param ctx
 *   Emit context.
 * @returns
 *   URL.
 */
export function articleUrl(article: Article, ctx: EmitContext): string {
  return ctx.url(ctx.outputsOf(article)['html'] ?? `${article.meta.slug}.html`)
}

/**
 * The ninjs item of one article.
 *
 * @param article
 *   Article.
 * @param ctx
 *   Emit context.
 * @param options
 *   Measure of the plain-text body.
 * @returns
 *   ninjs item (a JSON-ready object).
 */
export function toNinjs(article: Article, ctx: EmitContext, options: {width: number}): NinjsItem {
  const {meta} = article
  const {site} = ctx.config
  const uri = articleUrl(article, ctx)
  // References in the body are output-root-relative, or point into the page.
  const resolve = (reference: string) => (/^[#?]/.test(reference) ? absoluteUrl(uri, reference) : ctx.url(reference))
  const updated = meta.updated !== undefined && Date.parse(meta.updated) > Date.parse(meta.date)
  const item: NinjsItem = {
    standard,
    uri,
    type: 'text',
    representationType: 'full',
    profile: meta.image || meta.photos ? 'text-photo' : 'text-only',
    // Pressroom knows of the first version and, when `updated` is set, of a later one.
    version: updated ? '2' : '1',
    firstCreated: dateTime(meta.date),
    versionCreated: dateTime(updated ? meta.updated! : meta.date),
    pubStatus: 'usable',
    copyrightHolder: site.publisher
  }
  if (site.copyright) item.copyrightNotice = site.copyright
  item.language = meta.lang
  const headlines: Block[] = [{role: 'main', contentType: 'text/plain', value: meta.title}]
  if (meta.description) headlines.push({role: 'sub', contentType: 'text/plain', value: meta.description})
  item.headlines = headlines
  if (meta.authors.length > 0) item.by = joinNames(meta.authors, meta.lang)
  if (meta.dateline) item.located = meta.dateline.place
  const summary = meta.description ?? article.excerpt
  if (summary) item.descriptions = [{role: 'summary', contentType: 'text/plain', value: summary}]
  item.bodies = [
    {role: 'main', contentType: 'text/plain', wordCount: article.stats.words, value: plainBody(article, options.width, resolve, ctx)},
    {role: 'richtext', contentType: 'text/html', wordCount: article.stats.words, value: toHtml(withAbsoluteUrls(article.hast, resolve))}
  ]
  if (meta.tags.length > 0) item.subjects = meta.tags.map((name) => ({name}))
  if (meta.dateline?.agency) item.infoSources = [{name: meta.dateline.agency, role: 'source'}]
  if (meta.canonical && meta.canonical !== uri) item.altIds = [{role: 'canonical', value: meta.canonical}]
  const image = leadImage(article, ctx, uri)
  const associations = [...(image ? [image] : []), ...(meta.photos ?? []).map((photo, index) => captionedPhoto(photo, `${uri}#photo-${index + 1}`, index + 1))]
  if (associations.length > 0) item.associations = associations
  return item
}

/**
 * The plain-text body, written by the newsletter's text writer: the body,
 * then its notes and links, as the newsletter lays them out.
 *
 * Unhandled nodes are not reported here: the text writer's handlers report
 * them for the newsletter, and their text is kept either way.
 */
function plainBody(article: Article, width: number, resolve: (href: string) => string, ctx: EmitContext): string {
  const i18n = ctx.translator(article.meta.lang)
  const text: PlainText = toPlainText(article.hast, {width, resolve, noteWord: i18n.t('article.noteReference')})
  const parts = [text.body]
  if (text.notes.length > 0) {
    const spaced = text.notes.some((note) => note.lines.includes(''))
    parts.push([heading(text.notesLabel === 'Notes' ? i18n.t('article.notes') : text.notesLabel), text.notes.map((note) => note.lines.join('\n')).join(spaced ? '\n\n' : '\n')].join('\n\n'))
  }
  if (text.links.length > 0) {
    parts.push([heading(i18n.t('article.links')), text.links.map((url, index) => `[${index + 1}] ${url}`).join('\n')].join('\n\n'))
  }
  return parts.join('\n\n')
}

function heading(label: string): string {
  return `${label}\n${'-'.repeat(Math.max(1, [...label].length))}`
}

/**
 * The lead image as an association: a `picture` item with its caption and
 * alt text as descriptions, its credit as copyright notice, and the file as
 * rendition. A wire photo known only by its caption keeps the caption, under
 * a URI within the article.
 */
function leadImage(article: Article, ctx: EmitContext, uri: string): NinjsItem | undefined {
  const image = article.meta.image
  if (!image) return undefined
  const href = image.src ? webUrl(ctx.url(image.src)) : undefined
  const item: NinjsItem = {uri: href ?? `${uri}#lead-image`, name: 'leadimage', rel: 'leadimage', type: 'picture'}
  if (image.credit) item.copyrightNotice = image.credit
  const descriptions: Block[] = []
  if (image.caption) descriptions.push({role: 'caption', contentType: 'text/plain', value: image.caption})
  if (image.alt && image.alt !== image.caption) descriptions.push({role: 'alt', contentType: 'text/plain', value: image.alt})
  if (descriptions.length > 0) item.descriptions = descriptions
  if (href) {
    const rendition: Rendition = {name: 'original', href}
    const asset = image.asset
    if (asset) {
      rendition.contentType = asset.mediaType
      if (asset.width !== undefined) rendition.width = asset.width
      if (asset.height !== undefined) rendition.height = asset.height
      rendition.sizeInBytes = asset.size
    }
    item.renditions = [rendition]
  }
  return item
}

/**
 * A photo the body captions but the copy does not carry: a `picture` item
 * with its caption and credit only, under a URI within the article.
 */
function captionedPhoto(photo: CaptionedPhoto, uri: string, number: number): NinjsItem {
  const item: NinjsItem = {uri, name: `photo-${number}`, rel: 'photo', type: 'picture'}
  if (photo.credit) item.copyrightNotice = photo.credit
  if (photo.caption) item.descriptions = [{role: 'caption', contentType: 'text/plain', value: photo.caption}]
  return item
}

/**
 * An http(s) URL as the schema's `uri` format wants it, or `undefined`
 * (`ctx.url` gives back a reference it cannot resolve unchanged).
 */
function webUrl(reference: string): string | undefined {
  try {
    const url = new URL(reference)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/**
 * The index: a `composite` item associating the latest articles, each as a
 * partial item whose rendition is its ninjs file.
 *
 * @param articles
 *   Articles to list, newest first.
 * @param ctx
 *   Emit context.
 * @param path
 *   Output path of an article's ninjs file.
 * @returns
 *   ninjs item.
 */
export function toNinjsIndex(articles: readonly Article[], ctx: EmitContext, path: (article: Article) => string): NinjsItem {
  const {site} = ctx.config
  const item: NinjsItem = {
    standard,
    uri: ctx.url('ninjs/index.json'),
    type: 'composite',
    representationType: 'partial',
    // The build date, never the clock: the same articles give the same bytes.
    versionCreated: dateTime(ctx.buildDate),
    pubStatus: 'usable',
    copyrightHolder: site.publisher
  }
  if (site.copyright) item.copyrightNotice = site.copyright
  item.language = site.language
  item.headlines = [{role: 'main', contentType: 'text/plain', value: site.title}]
  if (site.description) item.descriptions = [{role: 'summary', contentType: 'text/plain', value: site.description}]
  item.associations = articles.map((article, index) => {
    const {meta} = article
    const association: NinjsItem = {
      uri: articleUrl(article, ctx),
      name: `item-${index + 1}`,
      rel: 'item',
      type: 'text',
      representationType: 'partial',
      firstCreated: dateTime(meta.date),
      versionCreated: dateTime(meta.updated !== undefined && Date.parse(meta.updated) > Date.parse(meta.date) ? meta.updated : meta.date),
      language: meta.lang,
      headlines: [{role: 'main', contentType: 'text/plain', value: meta.title}]
    }
    if (meta.authors.length > 0) association.by = joinNames(meta.authors, meta.lang)
    association.renditions = [{name: 'ninjs', href: ctx.url(path(article)), contentType: 'application/json'}]
    return association
  })
  return item
}
