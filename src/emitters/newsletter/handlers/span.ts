import type {Element} from 'hast'
import type {State} from '../state.js'

/**
 * Span: its text. The wire dateline (`span.dateline`, e.g. `ERBIL
 * (Kurdistan24) –`) stays at the start of the first paragraph, as printed.
 *
 * @param state
 *   State.
 * @param node
 *   `span`.
 * @returns
 *   Inline text.
 */
export function span(state: State, node: Element): string {
  return state.inline(node)
}
