import type {State} from '../state.js'

/**
 * Thematic break (`hr`): a thin rule, an artifact.
 *
 * @param state
 *   Render state.
 */
export function thematicBreak(state: State): void {
  state.flush()
  state.gap(6)
  state.rule()
  state.spaceAfter(8)
}
