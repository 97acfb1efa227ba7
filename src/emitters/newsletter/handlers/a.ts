import type {Element, Parents} from 'hast'
import {toText} from 'hast-util-to-text'
import type {State} from '../state.js'

/**
 * Link: `text [n]`, with `n` the number of its URL in the list printed after
 * the article (same URL, same number). A link whose text is its URL is
 * printed once, unnumbered; links within the page (`#…`) are plain text;
 * footnote references become `[note n]` and back references disappear.
 *
 * @param state
 *   State.
 * @param node
 *   `a`.
 * @param parent
 *   Parent (to join adjacent links to the same URL).
 * @returns
 *   Inline text.
 */
export function a(state: State, node: Element, parent: Parents | undefined): string {
  const {properties} = node
  if (properties['dataFootnoteBackref'] !== undefined) return ''
  const text = state.inline(node)
  if (properties['dataFootnoteRef'] !== undefined) {
    const label = text.trim()
    const target = String(properties['href'] ?? '').replace(/^#/, '')
    if (target) state.footnoteLabels.set(target, label)
    return `[${state.noteWord}\u00A0${label}]`
  }
  const href = hrefOf(node)
  if (href === '' || href.startsWith('#')) return text
  // Adjacent links to the same URL (`<a>calc@gsa.</a><a>gov</a>`) are one
  // link: only the last one gets the number, for their joined text.
  const siblings = parent ? parent.children : []
  const index = siblings.indexOf(node)
  const next = siblings[index + 1]
  if (next && next.type === 'element' && next.tagName === 'a' && hrefOf(next) === href) return text
  let joined = text
  for (let before = index - 1; before >= 0; before--) {
    const sibling = siblings[before]!
    if (sibling.type !== 'element' || sibling.tagName !== 'a' || hrefOf(sibling) !== href) break
    joined = toText(sibling) + joined
  }
  const url = state.resolve(href)
  const shown = joined.replace(/\s+/g, ' ').trim()
  if (shown === href || shown === url || `mailto:${shown}` === href || `tel:${shown}` === href || `${shown}/` === url) return text
  const number = state.link(url)
  return shown === '' ? `[${number}]` : `${text} [${number}]`
}

function hrefOf(node: Element): string {
  const href = node.properties['href']
  return typeof href === 'string' ? href.trim() : ''
}
