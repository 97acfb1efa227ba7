import type {Element} from 'hast'
import {toText} from 'hast-util-to-text'
import type {LinkTarget, TextStyle} from '../layout.js'
import type {State} from '../state.js'

/**
 * Link (`a`): a clickable `Link` (with its annotation in the structure tree).
 * External links get a number, `[1]`, which refers to the list of URLs
 * printed at the end; internal links (`#id`) go to the named destination of
 * that element, when it exists.
 *
 * @param state
 *   Render state.
 * @param node
 *   `a` element.
 */
export function link(state: State, node: Element): void {
  const href = typeof node.properties['href'] === 'string' ? node.properties['href'] : ''
  let target: LinkTarget | undefined
  if (href.startsWith('#')) {
    let id = href.slice(1)
    try {
      id = decodeURIComponent(id)
    } catch {
      // Keep it as written.
    }
    if (state.ids.has(id)) target = {dest: id}
  } else if (href) {
    target = {url: /^[a-z][a-z\d+.-]*:/i.test(href) ? href : state.ctx.url(href)}
  }
  const patch: Partial<TextStyle> = {}
  if (target) patch.link = target
  if (typeof node.properties['id'] === 'string') patch.anchor = node.properties['id']
  state.withStyle(patch, () => state.inlineAll(node))
  if (!target?.url) return
  const text = toText(node).trim()
  if (text === target.url || text === href || 'mailto:' + text === href) return
  let number = state.links.get(target.url)
  if (number === undefined) {
    number = state.links.size + 1
    state.links.set(target.url, number)
  }
  const size = state.inline?.style.size ?? state.text.size
  const marker = `[${number}]`
  const inline = state.inline
  if (!inline) return
  const {link: _link, anchor: _anchor, ...rest} = inline.style
  inline.runs.push({text: marker, style: {...rest, size: size * 0.7, shift: 0.5, color: '#555555'}})
}
