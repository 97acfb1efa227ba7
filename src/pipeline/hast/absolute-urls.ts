/**
 * Make every URL of an HTML tree absolute, for feed content read far from the
 * site (as eleventy-plugin-rss' `htmlToAbsoluteUrls.js`). Works on a clone:
 * the article's tree is shared by every emitter and stays untouched.
 */
import type {Element, Root} from 'hast'
import {visit} from 'unist-util-visit'
import {cleanUrl} from '../url.js'

/** hast properties holding one URL. */
const urlProperties = ['href', 'src', 'poster', 'cite'] as const

/** Schemes allowed in feed content; anything else is removed. */
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
 * Clone a tree with `href`, `src`, `srcset`, `poster` and `cite` made
 * absolute. A URL that is unsafe (`javascript:`, `data:`…), invalid, or does
 * not resolve to an absolute http(s), mailto or tel URL is removed.
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
    const properties = node.properties
    for (const name of urlProperties) {
      const value = properties[name]
      if (value === undefined || value === null) continue
      const url = absolute(String(value), resolve)
      if (url === undefined) delete properties[name]
      else properties[name] = url
    }
    if (properties['srcSet'] !== undefined && properties['srcSet'] !== null) {
      const srcSet = absoluteSrcSet(properties['srcSet'], resolve)
      if (srcSet.length === 0) delete properties['srcSet']
      else properties['srcSet'] = srcSet.join(', ')
    }
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

/**
 * Make each candidate of a `srcset` absolute, keeping its descriptor.
 *
 * @param value
 *   `srcSet` property: a list of candidates (`['a.png 1x', 'b.png 2x']`) or
 *   a comma-separated string.
 * @param resolve
 *   Resolver.
 * @returns
 *   Candidates with absolute URLs (unsafe ones dropped).
 */
function absoluteSrcSet(value: unknown, resolve: Resolve): string[] {
  const candidates = Array.isArray(value) ? value.map(String) : String(value).split(/,\s+/)
  const result: string[] = []
  for (const candidate of candidates) {
    const [url, ...descriptor] = candidate.trim().split(/\s+/)
    if (!url) continue
    const resolved = absolute(url, resolve)
    if (resolved) result.push([resolved, ...descriptor].join(' '))
  }
  return result
}
