/**
 * Make every URL of an HTML tree absolute, for content read far from the site
 * (feeds, e-mail; as eleventy-plugin-rss' `htmlToAbsoluteUrls.js`). Works on
 * a clone: the article's tree is shared by every emitter and stays untouched.
 */
import type {Element, Root} from 'hast'
import {visit} from 'unist-util-visit'
import {cleanUrl} from '../url.js'
import {mapUrls, urlPropertiesOf} from './url-attributes.js'

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
 * The tree with every URL made absolute, for a consumer that only reads it
 * (serializes it): as {@link toAbsoluteUrls}, but new objects are made only
 * for the elements with a URL property and their ancestors; everything else
 * is the article's own nodes. Never change the result. (A `structuredClone`
 * of a whole body, positions and all, cost more than serializing it.)
 *
 * @param tree
 *   hast tree (not changed).
 * @param resolve
 *   Turns a reference into an absolute URL (e.g. `ctx.url`).
 * @returns
 *   Tree sharing the unchanged nodes with `tree`.
 */
export function withAbsoluteUrls(tree: Root, resolve: Resolve): Root {
  return shared(tree, resolve)
}

function shared<Node extends Root | Element>(node: Node, resolve: Resolve): Node {
  let children = node.children
  let copied = false
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    if (child.type !== 'element') continue
    const next = shared(child, resolve)
    if (next === child) continue
    if (!copied) children = [...children]
    copied = true
    children[index] = next
  }
  let result = node
  if (node.type === 'element' && urlPropertiesOf(node.tagName).some((property) => node.properties[property] != null)) {
    const element: Element = {...node, properties: {...node.properties}}
    mapUrls(element, (url) => absolute(url, resolve))
    result = element as Node
  }
  if (copied) result = {...result, children}
  return result
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
