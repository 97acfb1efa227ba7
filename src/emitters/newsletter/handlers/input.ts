import type {Element} from 'hast'
import type {State} from '../state.js'

/**
 * Checkbox of a task list item: `[x] ` or `[ ] `.
 *
 * @param _state
 *   State.
 * @param node
 *   `input`.
 * @returns
 *   Inline text.
 */
export function input(_state: State, node: Element): string {
  if (node.properties['type'] !== 'checkbox') return ''
  return node.properties['checked'] ? '[x] ' : '[ ] '
}
