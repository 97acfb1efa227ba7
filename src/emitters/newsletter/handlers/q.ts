import type {Element} from 'hast'
import type {State} from '../state.js'

/**
 * Inline quotation: its text in quotation marks (as browsers render `<q>`).
 *
 * @param state
 *   State.
 * @param node
 *   `q`.
 * @returns
 *   Inline text.
 */
export function q(state: State, node: Element): string {
  return `“${state.inline(node)}”`
}
