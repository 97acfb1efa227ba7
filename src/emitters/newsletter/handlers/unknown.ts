import type {Nodes, Parents} from 'hast'
import {diagnostics} from '../../../diagnostics.js'
import type {Output, State} from '../state.js'

/**
 * Any node without a handler: reported (`unhandled-node`), and its text kept
 * so nothing is lost silently.
 *
 * @param state
 *   State.
 * @param node
 *   Node.
 * @returns
 *   Its children's output, or its text value.
 */
export function unknown(state: State, node: Nodes): Output {
  const type = node.type === 'element' ? `<${node.tagName}>` : node.type
  state.warn(diagnostics.unhandledNode.reason('newsletter', type), node)
  if ('children' in node) return state.all(node as Parents)
  if ('value' in node && typeof node.value === 'string') return node.value.replace(/[\t\n\f\r ]+/g, ' ')
  return ''
}
