import type {State} from '../state.js'

/**
 * Nodes with no text to show (comments, doctypes, `<rp>`).
 *
 * @param _state
 *   State.
 * @returns
 *   Nothing.
 */
export function ignore(_state: State): string {
  return ''
}
