/**
 * The sitemaps emitter: `sitemap.xml` (the index page and every article, for
 * search engines), `news-sitemap.xml` (the articles of the last two days, in
 * Google News' format) and `robots.txt` naming both.
 *
 * Every URL is absolute (`site.url`), and "the last two days" are counted back
 * from the build date (`ctx.buildDate`), never from the clock: the same
 * articles give the same bytes.
 */
import {diagnostics} from '../../diagnostics.js'
import type {Article, EmitContext, Emitter, OutputFile} from '../../types.js'
import {sitemapsOptions, type SitemapsOptions} from './options.js'
import {renderNewsSitemap, renderSitemap, type NewsEntry, type SitemapEntry} from './xml.js'

export type {SitemapsOptions} from './options.js'

/** URLs one sitemap may hold (sitemaps.org). */
export const maxSitemapUrls = 50_000
/** Articles one news sitemap may hold (Google News). */
export const maxNewsUrls = 1000
/** How far back the news sitemap reaches (Google News: two days). */
export const newsWindowMs = 2 * 24 * 60 * 60 * 1000

const files = {sitemap: 'sitemap.xml', news: 'news-sitemap.xml', robots: 'robots.txt'} as const

/**
 * Create the sitemaps emitter.
 *
 * @param options
 *   Which files to write, and the news publication name (optional).
 * @returns
 *   Emitter.
 * @throws {TypeError}
 *   When an option has the wrong type.
 */
export function sitemapsEmitter(options: SitemapsOptions = {}): Emitter {
  const parsed = sitemapsOptions.safeParse(options)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new TypeError(`Expected valid options in \`sitemapsEmitter\`: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}`)
  }
  const news = parsed.data.news ?? true
  const robots = parsed.data.robots ?? true
  const publicationName = parsed.data.publicationName
  return {
    name: 'sitemaps',
    outputs: {
      sitemap: {name: 'Sitemap', mediaType: 'application/xml', data: true},
      'news-sitemap': {name: 'Google News sitemap', mediaType: 'application/xml', data: true},
      robots: {name: 'robots.txt', mediaType: 'text/plain', data: true}
    },
    collectionPaths() {
      const paths: Record<string, string> = {sitemap: files.sitemap}
      if (news) paths['news-sitemap'] = files.news
      if (robots) paths['robots'] = files.robots
      return paths
    },
    // The sitemaps read each article's URL, dates, title and language only.
    collectionKey: (articles, ctx) =>
      articles.map((article) => [
        ctx.outputsOf(article)['html'] ?? null,
        article.meta.date,
        article.meta.updated ?? null,
        article.meta.title,
        article.meta.lang
      ]),
    collection(articles, ctx) {
      const outputs: OutputFile[] = [{path: files.sitemap, contents: renderSitemap(sitemapEntries(articles, ctx))}]
      if (news) outputs.push({path: files.news, contents: renderNewsSitemap(newsEntries(articles, ctx, publicationName ?? ctx.config.site.title))})
      if (robots) outputs.push({path: files.robots, contents: robotsTxt(ctx, news)})
      return outputs
    }
  }
}

/**
 * The entries of `sitemap.xml`: the index page, then every article page,
 * newest first, each with the date it last changed.
 *
 * @param articles
 *   Articles, newest first.
 * @param ctx
 *   Emit context.
 * @returns
 *   Entries (at most {@link maxSitemapUrls}).
 */
export function sitemapEntries(articles: readonly Article[], ctx: EmitContext): SitemapEntry[] {
  const pages: SitemapEntry[] = []
  let newest: number | undefined
  for (const article of articles) {
    // Only pages are listed: with the HTML emitter off there are none.
    const page = ctx.outputsOf(article)['html']
    if (!page) continue
    const changed = lastChange(article)
    if (newest === undefined || changed > newest) newest = changed
    pages.push({loc: ctx.url(page), lastmod: w3cDate(changed)})
  }
  const entries: SitemapEntry[] = []
  const index = ctx.collectionOutputs()['index']
  if (index) entries.push({loc: ctx.url(index), lastmod: w3cDate(newest ?? ctx.buildDate.getTime())})
  entries.push(...pages)
  if (entries.length > maxSitemapUrls) {
    const {sitemapTruncated} = diagnostics
    ctx.warn(sitemapTruncated.reason(files.sitemap, entries.length, maxSitemapUrls), {ruleId: sitemapTruncated.ruleId})
    entries.length = maxSitemapUrls
  }
  return entries
}

/**
 * The entries of `news-sitemap.xml`: articles first published within the two
 * days up to the build date (both ends included; later ones are not out yet),
 * newest first.
 *
 * @param articles
 *   Articles.
 * @param ctx
 *   Emit context.
 * @param name
 *   Publication name.
 * @returns
 *   Entries (at most {@link maxNewsUrls}).
 */
export function newsEntries(articles: readonly Article[], ctx: EmitContext, name: string): NewsEntry[] {
  const end = ctx.buildDate.getTime()
  const start = end - newsWindowMs
  const recent = articles
    .map((article) => ({article, page: ctx.outputsOf(article)['html'], date: Date.parse(article.meta.date)}))
    .filter(({page, date}) => page !== undefined && date >= start && date <= end)
    // Stable: articles of the same date keep the build's order.
    .sort((a, b) => b.date - a.date)
  if (recent.length > maxNewsUrls) {
    const {sitemapTruncated} = diagnostics
    ctx.warn(sitemapTruncated.reason(files.news, recent.length, maxNewsUrls), {ruleId: sitemapTruncated.ruleId})
    recent.length = maxNewsUrls
  }
  return recent.map(({article, page, date}) => ({
    loc: ctx.url(page!),
    name,
    language: newsLanguage(article.meta.lang),
    date: w3cDate(date),
    title: article.meta.title
  }))
}

/**
 * `robots.txt`: every crawler may read everything; the sitemaps are named
 * with absolute URLs, as the Sitemaps protocol asks.
 *
 * @param ctx
 *   Emit context.
 * @param news
 *   Whether the news sitemap is written.
 * @returns
 *   File contents.
 */
export function robotsTxt(ctx: EmitContext, news: boolean): string {
  const lines = ['User-agent: *', 'Disallow:', '', `Sitemap: ${ctx.url(files.sitemap)}`]
  if (news) lines.push(`Sitemap: ${ctx.url(files.news)}`)
  return lines.join('\n') + '\n'
}

/**
 * Google News' language code of a BCP 47 tag: the ISO 639 language
 * (`en-GB` → `en`), except Chinese, which is `zh-cn` (simplified) or `zh-tw`
 * (traditional).
 *
 * @param lang
 *   BCP 47 tag.
 * @returns
 *   Code.
 */
export function newsLanguage(lang: string): string {
  const subtags = lang.toLowerCase().split(/[-_]/)
  const primary = subtags[0] ?? ''
  if (primary === 'zh') return subtags.some((tag) => ['hant', 'tw', 'hk', 'mo'].includes(tag)) ? 'zh-tw' : 'zh-cn'
  return primary
}

/** Time of an article's last change: `updated` when later than `date`. */
function lastChange(article: Article): number {
  const date = Date.parse(article.meta.date)
  const updated = article.meta.updated === undefined ? Number.NaN : Date.parse(article.meta.updated)
  return updated > date ? updated : date
}

/** W3C date-time in UTC, without needless milliseconds (`2025-03-03T09:30:00Z`). */
function w3cDate(time: number): string {
  return new Date(time).toISOString().replace(/\.000Z$/, 'Z')
}
