/**
 * Feed content: the article's sanitized tree, serialized once more as HTML
 * (never the source re-parsed), made safe to read far from the site.
 */
import type {Element, ElementContent, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {visit} from 'unist-util-visit'
import type {Direction} from '../../types.js'
import {toAbsoluteUrls, type Resolve} from '../../pipeline/hast/absolute-urls.js'
import {stripXmlIllegal} from './xml.js'

/** Elements never carried into a feed, even if the tree held them. */
const dropped = new Set([
  'base', 'embed', 'form', 'frame', 'iframe', 'link', 'meta', 'noscript', 'object', 'script', 'style', 'template'
])

/** Options of {@link feedContent}. */
export interface FeedContentOptions {
  /** Turns a reference into an absolute URL. */
  resolve: Resolve
  /** Language of the article. */
  lang: string
  /** Direction of the article. */
  dir: Direction
  /**
   * Language of the feed: content in another language, or right-to-left, is
   * wrapped in `<div lang dir>` so readers shape and align it.
   */
  feedLanguage: string
}

/**
 * Serialize an article body for a feed: a clone of the tree with every URL
 * absolute, script-like elements, comments, raw HTML and `on*` handlers
 * removed (the tree is already sanitized; this is a second lock), and
 * XML-illegal characters removed.
 *
 * @param tree
 *   Sanitized body (`article.hast`, not changed).
 * @param options
 *   Resolver, language and direction.
 * @returns
 *   HTML.
 */
export function feedContent(tree: Root, options: FeedContentOptions): string {
  const clone = toAbsoluteUrls(tree, options.resolve)
  visit(clone, (node, index, parent) => {
    const type = (node as {type: string}).type
    const remove =
      type === 'comment' || type === 'doctype' || type === 'raw' || (node.type === 'element' && dropped.has(node.tagName))
    if (remove && parent && index !== undefined) {
      parent.children.splice(index, 1)
      return index
    }
    if (node.type === 'element') {
      for (const name of Object.keys(node.properties)) {
        if (/^on/i.test(name)) delete node.properties[name]
      }
    }
    return undefined
  })
  let root: Root = clone
  if (options.dir === 'rtl' || options.lang !== options.feedLanguage) {
    const wrapper: Element = {
      type: 'element',
      tagName: 'div',
      properties: {lang: options.lang, dir: options.dir},
      children: clone.children as ElementContent[]
    }
    root = {type: 'root', children: [wrapper]}
  }
  return stripXmlIllegal(toHtml(root))
}
