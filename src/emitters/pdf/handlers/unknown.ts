import type {Element} from 'hast'
import type {State} from '../state.js'
import {blockTags} from '../block-tags.js'

/**
 * Any element without a handler: its text is kept (in the flow it appears
 * in) and the article gets one `unhandled-node` warning per tag name.
 *
 * @param state
 *   Render state.
 * @param node
 *   Element.
 */
export function unknown(state: State, node: Element): void {
  state.unhandled(node)
  if (state.inline || !blockTags.has(node.tagName)) state.inlineAll(node)
  else state.all(node)
}
