import type {Element} from 'hast'
import type {State} from '../state.js'

/**
 * Phrasing elements with no plain-text form of their own (`strong`, `em`,
 * `code`, `span`, `abbr`, `kbd`, `mark`, `del`, `sub`, `time`…): their text.
 * No Markdown markers are added.
 *
 * @param state
 *   State.
 * @param node
 *   Element.
 * @returns
 *   Inline text.
 */
export function phrasing(state: State, node: Element): string {
  return state.inline(node)
}
