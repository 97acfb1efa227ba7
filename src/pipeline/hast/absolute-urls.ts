/**
 * Make every URL of an HTML tree absolute, for content read far from the site
 * (feeds, e-mail; as eleventy-plugin-rss' `htmlToAbsoluteUrls.js`). Works on
 * a clone: the article's tree is shared by every emitter and stays untouched.
 */
import type {Element, Root} from 'hast'
import {visit} from 'unist-util-visit'
import {cleanUrl} from '../url.js'
import {mapUrls} from './url-attributes.js'

/** Schemes allowed in content read elsewhere; anything else is removed. */
const allowedProtocols = new Set(['http:', 'https:', 'mailto:', 'tel:'])

/**
 * Resolve a reference to an absolute URL.
 *
 * @param reference
 *   Cleaned, percent-encoded reference: relative (`assets/x.png`, `/about`,
 *   `#top`) or absolute.
 * @returns
 *   Absolute URL.
 */
export type Resolve = (reference: string) => string

/**
 * Clone a tree with every URL (see `url-attributes.ts`: `href`, `src`,
 * `srcset`, `poster`, `cite`…) made absolute. A URL that is unsafe
 * (`javascript:`, `data:`…), invalid, or does not resolve to an absolute
 * http(s), mailto or tel URL is removed.
 *
 * @param tree
 *   hast tree (not changed).
 * @param resolve
 *   Turns a reference into an absolute URL (e.g. `ctx.url`).
 * @returns
 *   New tree.
 */
export function toAbsoluteUrls(tree: Root, resolve: Resolve): Root {
  const clone = structuredClone(tree)
  visit(clone, 'element', (node: Element) => {
    mapUrls(node, (url) => absolute(url, resolve))
  })
  return clone
}

/**
 * Make one reference absolute.
 *
 * @param value
 *   Reference as found in the tree.
 * @param resolve
 *   Resolver.
 * @returns
 *   Absolute URL, or `undefined` when it is unsafe or cannot be resolved.
 */
function absolute(value: string, resolve: Resolve): string | undefined {
  const cleaned = cleanUrl(value)
  if (!cleaned.ok) return undefined
  let url: URL
  try {
    url = new URL(resolve(cleaned.url))
  } catch {
    return undefined
  }
  return allowedProtocols.has(url.protocol) ? url.href : undefined
}
