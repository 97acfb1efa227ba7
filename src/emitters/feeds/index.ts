/**
 * The feeds emitter: RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest
 * articles, and optionally one set per tag. Code computes one format-neutral
 * model (`src/feeds/model.ts`); each format's writer only places it. RSS and
 * Atom are written by `feed`, JSON Feed by us (see `src/feeds/*`).
 */
import {absoluteUrl} from '../context.js'
import {renderAtom} from './atom.js'
import {feedContent} from './content.js'
import {toDate} from './dates.js'
import {renderJsonFeed} from './json-feed.js'
import {diagnostics} from '../../diagnostics.js'
import type {FeedChannel, FeedEntry, FeedImage} from './model.js'
import {renderRss} from './rss.js'
import {tagSlug} from './tag-slug.js'
import {removeIllegal} from '../../pipeline/hast/xml-characters.js'
import type {Article, EmitContext, Emitter, OutputFile} from '../../types.js'
import {articleKeys} from '../collection-key.js'
import type {FeedsOptions} from './options.js'

export type {FeedsOptions} from './options.js'

/** Output file name of each format, by label. */
const files = {rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json'} as const

/** Generator named in every feed. */
const generator = 'Pressroom'

/** One feed to write: where, and which articles. */
interface FeedSet {
  /** Folder, e.g. `feeds` or `feeds/tags/politics`. */
  folder: string
  /** Tag as written, for tag feeds. */
  tag?: string
  articles: Article[]
}

/**
 * Create the feeds emitter.
 *
 * @param options
 *   Entry limit and per-tag feeds (optional).
 * @returns
 *   Emitter.
 * @throws {TypeError}
 *   When an option has the wrong type.
 */
export function feedsEmitter(options: FeedsOptions = {}): Emitter {
  const limit = options.limit ?? 20
  if (!Number.isInteger(limit) || limit < 1) {
    throw new TypeError(`Expected \`limit\` to be a positive integer in \`feedsEmitter\`, not \`${String(limit)}\``)
  }
  const perTag = options.perTag ?? false
  if (typeof perTag !== 'boolean' && !(Array.isArray(perTag) && perTag.every((tag) => typeof tag === 'string'))) {
    throw new TypeError('Expected `perTag` to be a boolean or a list of tags in `feedsEmitter`')
  }
  const listedTags = Array.isArray(perTag) ? (perTag as readonly string[]) : []
  /** The feeds to write: the site's, and one per tag when asked for. */
  const feedSets = (articles: Article[], ctx: EmitContext): FeedSet[] => {
    const sets: FeedSet[] = [{folder: 'feeds', articles}]
    if (perTag !== false) sets.push(...tagSets(articles, perTag === true ? undefined : listedTags, ctx))
    return sets
  }

  return {
    name: 'feeds',
    collectionPaths() {
      const paths = pathsOf('feeds')
      for (const tag of listedTags) {
        const slug = tagSlug(tag)
        if (slug) Object.assign(paths, pathsOf(`feeds/tags/${slug}`, slug))
      }
      return paths
    },
    // The site's feeds; a tag's feeds are not announced on every page.
    outputs: {
      rss: {name: 'RSS', mediaType: 'application/rss+xml', feed: true},
      atom: {name: 'Atom', mediaType: 'application/atom+xml', feed: true},
      json: {name: 'JSON Feed', mediaType: 'application/feed+json', feed: true}
    },
    collectionKey(articles, ctx) {
      // Each feed is made of its newest `limit` articles. (When an entry fails,
      // the next article takes its place; the build then calls `collection`
      // again next time, since it reported the failure.)
      const keys: unknown[] = []
      for (const set of feedSets(articles, ctx)) {
        const first = articleKeys(set.articles.slice(0, limit))
        if (!first) return undefined
        keys.push([set.folder, set.tag ?? null, first])
      }
      return keys
    },
    collection(articles, ctx) {
      const sets = feedSets(articles, ctx)
      // Each article's entry is computed once, shared by every feed it is in.
      // One bad article costs only itself: it is reported and left out.
      const entries = new Map<Article, FeedEntry | undefined>()
      const entryOf = (article: Article): FeedEntry | undefined => {
        if (!entries.has(article)) {
          let entry: FeedEntry | undefined
          try {
            entry = toEntry(article, ctx)
          } catch (error) {
            ctx.report(diagnostics.feedEntryFailed, [(error as Error).message], {article})
          }
          entries.set(article, entry)
        }
        return entries.get(article)
      }
      const newest = (articles: readonly Article[]): FeedEntry[] => {
        const list: FeedEntry[] = []
        for (const article of articles) {
          if (list.length === limit) break
          const entry = entryOf(article)
          if (entry) list.push(entry)
        }
        return list
      }
      const outputs: OutputFile[] = []
      for (const set of sets) {
        const channel = toChannel(set, newest(set.articles), ctx)
        outputs.push(
          {path: `${set.folder}/${files.rss}`, contents: renderRss(channel)},
          {path: `${set.folder}/${files.atom}`, contents: renderAtom(channel)},
          {path: `${set.folder}/${files.json}`, contents: renderJsonFeed(channel)}
        )
      }
      return outputs
    }
  }
}

/**
 * Output paths of one set of feeds, by label.
 *
 * @param folder
 *   Folder of the set.
 * @param slug
 *   Tag slug, for tag feeds (labels `rss:<slug>`…).
 * @returns
 *   Label → path.
 */
function pathsOf(folder: string, slug?: string): Record<string, string> {
  const suffix = slug ? `:${slug}` : ''
  return {
    [`rss${suffix}`]: `${folder}/${files.rss}`,
    [`atom${suffix}`]: `${folder}/${files.atom}`,
    [`json${suffix}`]: `${folder}/${files.json}`
  }
}

/**
 * Group articles by tag slug (tags that slug alike, such as `News` and
 * `news`, share a feed named after the first spelling met, newest first).
 *
 * @param articles
 *   Articles, newest first.
 * @param only
 *   Tags to make feeds for (default: every tag).
 * @param ctx
 *   Emit context (for warnings).
 * @returns
 *   One set per tag, sorted by slug.
 */
function tagSets(articles: readonly Article[], only: readonly string[] | undefined, ctx: EmitContext): FeedSet[] {
  const bySlug = new Map<string, {tag: string; articles: Article[]}>()
  for (const tag of only ?? []) {
    const slug = tagSlug(tag)
    if (slug && !bySlug.has(slug)) bySlug.set(slug, {tag, articles: []})
  }
  for (const article of articles) {
    const seen = new Set<string>()
    for (const tag of article.meta.tags) {
      const slug = tagSlug(tag)
      if (!slug) {
        ctx.report(diagnostics.emptyTagSlug, [tag], {article})
        continue
      }
      if (seen.has(slug)) continue
      seen.add(slug)
      let group = bySlug.get(slug)
      if (!group) {
        if (only) continue
        group = {tag, articles: []}
        bySlug.set(slug, group)
      }
      group.articles.push(article)
    }
  }
  return [...bySlug.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([slug, group]) => ({folder: `feeds/tags/${slug}`, tag: group.tag, articles: group.articles}))
}

/**
 * The model of one feed.
 *
 * @param set
 *   Folder and tag.
 * @param entries
 *   Entries, newest first, already limited.
 * @param ctx
 *   Emit context.
 * @returns
 *   Channel.
 */
function toChannel(set: FeedSet, entries: FeedEntry[], ctx: EmitContext): FeedChannel {
  const {site} = ctx.config
  const i18n = ctx.translator(site.language)
  const title = clean(set.tag === undefined ? site.title : i18n.t('feeds.tagTitle', {site: site.title, tag: set.tag}))
  // The newest update of the entries; with none, the build date (never the clock).
  let updated = ctx.buildDate
  if (entries.length > 0) {
    updated = entries.reduce((newest, entry) => (entry.updated > newest ? entry.updated : newest), entries[0]!.updated)
  }
  const channel: FeedChannel = {
    title,
    description: clean(set.tag === undefined ? site.description : i18n.t('feeds.tagDescription', {site: site.title, tag: set.tag})),
    home: ctx.url(''),
    id: ctx.url(`${set.folder}/${files.atom}`),
    self: {
      rss: ctx.url(`${set.folder}/${files.rss}`),
      atom: ctx.url(`${set.folder}/${files.atom}`),
      json: ctx.url(`${set.folder}/${files.json}`)
    },
    updated,
    language: clean(site.language),
    generator,
    author: clean(site.author),
    entries
  }
  if (site.icon) channel.icon = ctx.url(site.icon)
  if (site.logo) channel.logo = ctx.url(site.logo)
  if (site.copyright) channel.copyright = clean(site.copyright)
  if (site.hub) channel.hub = ctx.url(site.hub)
  return channel
}

/**
 * The entry of one article.
 *
 * @param article
 *   Article.
 * @param ctx
 *   Emit context.
 * @returns
 *   Entry.
 */
function toEntry(article: Article, ctx: EmitContext): FeedEntry {
  const {meta} = article
  const url = ctx.url(ctx.outputsOf(article)['html'] ?? `${meta.slug}.html`)
  const published = toDate(meta.date, 'feedsEmitter')
  const updated = meta.updated ? toDate(meta.updated, 'feedsEmitter') : published
  const summary = clean(meta.description ?? article.excerpt).trim()
  const authors = (meta.authors.length > 0 ? meta.authors : [ctx.config.site.author]).map(clean).filter(Boolean)
  const entry: FeedEntry = {
    id: url,
    url,
    title: clean(meta.title),
    contentHtml: feedContent(article.hast, {
      // Fragment- and query-only references point into the article page;
      // everything else is output-root-relative, as the tree's contract says.
      resolve: (reference) => (/^[#?]/.test(reference) ? absoluteUrl(url, reference) : ctx.url(reference)),
      lang: meta.lang,
      dir: meta.dir,
      feedLanguage: ctx.config.site.language
    }),
    published,
    updated: updated > published ? updated : published,
    wasUpdated: meta.updated !== undefined && updated > published,
    authors: authors.length > 0 ? authors : [generator],
    tags: meta.tags.map(clean).filter(Boolean),
    lang: meta.lang,
    dir: meta.dir
  }
  if (summary) entry.summary = summary
  if (meta.canonical && meta.canonical !== url) entry.externalUrl = meta.canonical
  const image = leadImage(article, ctx)
  if (image) entry.image = image
  // The lead image's own caption and credit; a body photo's only when there is no lead image at all.
  const photo = meta.image ? meta.image : meta.photos?.[0]
  if (photo?.caption || photo?.credit) {
    entry.photo = {...(photo.caption ? {caption: clean(photo.caption)} : {}), ...(photo.credit ? {credit: clean(photo.credit)} : {})}
  }
  return entry
}

/**
 * The lead image of an article, with type and size when it is a local file.
 *
 * @param article
 *   Article.
 * @param ctx
 *   Emit context.
 * @returns
 *   Image, or `undefined` when there is none or it has no usable URL.
 */
function leadImage(article: Article, ctx: EmitContext): FeedImage | undefined {
  const image = article.meta.image
  if (!image?.src) return undefined
  const url = ctx.url(image.src)
  if (!/^https?:\/\//i.test(url)) return undefined
  const result: FeedImage = {url, alt: clean(image.alt)}
  if (image.caption) result.caption = clean(image.caption)
  if (image.credit) result.credit = clean(image.credit)
  const asset = image.asset
  if (asset) {
    result.mediaType = asset.mediaType
    result.length = asset.size
    if (asset.width !== undefined) result.width = asset.width
    if (asset.height !== undefined) result.height = asset.height
  }
  return result
}

/**
 * Text safe for every format: XML-illegal characters removed.
 *
 * @param text
 *   Text from an article or the configuration.
 * @returns
 *   Text.
 */
function clean(text: string): string {
  return removeIllegal(text)
}
