import type {State} from '../state.js'

/**
 * Hard line break.
 *
 * @param _state
 *   State.
 * @returns
 *   A line feed, which the paragraph keeps.
 */
export function br(_state: State): string {
  return '\n'
}
