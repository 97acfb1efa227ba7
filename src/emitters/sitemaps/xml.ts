/**
 * The two sitemap formats as xast trees, serialized by `xast-util-to-xml`:
 * the Sitemaps protocol 0.9 (https://www.sitemaps.org/protocol.html) and
 * Google News' extension of it
 * (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
 */
import type {Element, ElementContent, Root} from 'xast'
import {toXml} from 'xast-util-to-xml'

/** One `<url>` of `sitemap.xml`. */
export interface SitemapEntry {
  /** Absolute URL. */
  loc: string
  /** W3C date-time of the last change. */
  lastmod: string
}

/** One `<url>` of `news-sitemap.xml`. */
export interface NewsEntry {
  /** Absolute URL. */
  loc: string
  /** Publication name. */
  name: string
  /** Google's language code: ISO 639 (`en`), or `zh-cn` / `zh-tw`. */
  language: string
  /** W3C date-time of first publication. */
  date: string
  title: string
}

const sitemapNs = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const newsNs = 'http://www.google.com/schemas/sitemap-news/0.9'

/**
 * Serialize `sitemap.xml`.
 *
 * @param entries
 *   URLs, in order.
 * @returns
 *   XML document.
 */
export function renderSitemap(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((entry) => x('url', {}, [x('loc', {}, [entry.loc]), x('lastmod', {}, [entry.lastmod])]))
  return document(x('urlset', {xmlns: sitemapNs}, urls))
}

/**
 * Serialize `news-sitemap.xml`.
 *
 * @param entries
 *   Articles, in order.
 * @returns
 *   XML document.
 */
export function renderNewsSitemap(entries: readonly NewsEntry[]): string {
  const urls = entries.map((entry) =>
    x('url', {}, [
      x('loc', {}, [entry.loc]),
      x('news:news', {}, [
        x('news:publication', {}, [x('news:name', {}, [clean(entry.name)]), x('news:language', {}, [entry.language])]),
        x('news:publication_date', {}, [entry.date]),
        x('news:title', {}, [clean(entry.title)])
      ])
    ])
  )
  return document(x('urlset', {xmlns: sitemapNs, 'xmlns:news': newsNs}, urls))
}

/** An element with text or element children, indented for people reading it. */
function x(name: string, attributes: Record<string, string>, children: Array<Element | string>): Element {
  const content: ElementContent[] = children.map((child) => (typeof child === 'string' ? {type: 'text', value: child} : child))
  return {type: 'element', name, attributes, children: content}
}

function document(root: Element): string {
  const tree: Root = {
    type: 'root',
    children: [{type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"'}, {type: 'text', value: '\n'}, indent(root, 0)]
  }
  // `]]>` may not appear in text, and `xast-util-to-xml` leaves `>` as is;
  // outside text (names, quoted attributes, the declaration) it cannot occur.
  return toXml(tree).replaceAll(']]>', ']]&#x3E;') + '\n'
}

/** Indent element-only content by two spaces a level. */
function indent(node: Element, depth: number): Element {
  if (!node.children.every((child) => child.type === 'element')) return node
  if (node.children.length === 0) return node
  const children: ElementContent[] = []
  for (const child of node.children) {
    children.push({type: 'text', value: '\n' + '  '.repeat(depth + 1)}, indent(child as Element, depth + 1))
  }
  children.push({type: 'text', value: '\n' + '  '.repeat(depth)})
  return {...node, children}
}

/**
 * Remove characters XML 1.0 does not allow (controls other than tab and line
 * feeds, lone surrogates, U+FFFE and U+FFFF): a title holding one would make
 * the whole sitemap ill-formed.
 */
function clean(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
}
