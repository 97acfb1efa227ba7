/**
 * Sitemaps (sitemaps.org 0.9) and Google News sitemaps: every `loc` an
 * absolute http(s) URL, dates in W3C Datetime (a date, or an RFC 3339 time),
 * at most 50,000 URLs a file, and for news entries the publication's name and
 * language, the publication date and the title, at most 1,000 URLs a file.
 * The rules are those of https://www.sitemaps.org/protocol.html and Google's
 * news sitemap documentation; no library checks them.
 */
import type {VFile} from 'vfile'
import {diagnostics} from '../diagnostics.js'
import {isRfc3339} from './dates.js'
import {flag} from './flag.js'
import {childOf, childrenOf, textOf, type XmlElement} from './xml.js'

const sitemapNs = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const newsNs = 'http://www.google.com/schemas/sitemap-news/0.9'

/** Whether an XML root element is a sitemap or a sitemap index. */
export function isSitemap(root: XmlElement): boolean {
  return root.uri === sitemapNs && (root.local === 'urlset' || root.local === 'sitemapindex')
}

/**
 * Check a parsed sitemap.
 *
 * @param file
 *   Checked file.
 * @param root
 *   Its root element.
 */
export function checkSitemap(file: VFile, root: XmlElement): void {
  if (!isSitemap(root)) {
    flag(file, diagnostics.sitemapInvalid, ['the root', `expected \`urlset\` or \`sitemapindex\` in \`${sitemapNs}\`, found \`${root.name}\``], {place: root.place})
    return
  }
  const entries = childrenOf(root, root.local === 'urlset' ? 'url' : 'sitemap', sitemapNs)
  if (entries.length > 50_000) flag(file, diagnostics.sitemapInvalid, ['the file', `${entries.length} entries, at most 50,000 are allowed`], {place: root.place})
  let news = 0
  for (const [index, entry] of entries.entries()) {
    const where = `entry ${index + 1}`
    const loc = textOf(childOf(entry, 'loc', sitemapNs))
    if (!/^https?:\/\/[^\s/]+/i.test(loc) || !URL.canParse(loc)) flag(file, diagnostics.sitemapInvalid, [where, `expected an absolute http(s) \`loc\`, found \`${loc}\``], {place: entry.place})
    const lastmod = childOf(entry, 'lastmod', sitemapNs)
    if (lastmod && !isW3cDatetime(textOf(lastmod))) flag(file, diagnostics.sitemapInvalid, [where, `expected a W3C Datetime \`lastmod\`, found \`${textOf(lastmod)}\``], {place: lastmod.place})
    const item = childOf(entry, 'news', newsNs)
    if (!item) continue
    news++
    const publication = childOf(item, 'publication', newsNs)
    for (const field of ['name', 'language']) {
      if (!publication || textOf(childOf(publication, field, newsNs)) === '') flag(file, diagnostics.sitemapInvalid, [where, `missing \`news:publication/news:${field}\``], {place: item.place})
    }
    const date = textOf(childOf(item, 'publication_date', newsNs))
    if (!isW3cDatetime(date)) flag(file, diagnostics.sitemapInvalid, [where, `expected a W3C Datetime \`news:publication_date\`, found \`${date}\``], {place: item.place})
    if (textOf(childOf(item, 'title', newsNs)) === '') flag(file, diagnostics.sitemapInvalid, [where, 'missing `news:title`'], {place: item.place})
  }
  if (news > 1000) flag(file, diagnostics.sitemapInvalid, ['the file', `${news} news entries, at most 1,000 are allowed`], {place: root.place})
}

/** W3C Datetime as sitemaps take it: `YYYY-MM-DD` or a full RFC 3339 time. */
function isW3cDatetime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? !Number.isNaN(Date.parse(value)) : isRfc3339(value)
}
