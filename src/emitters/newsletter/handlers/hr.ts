import {block, type Block, type State} from '../state.js'
import {pad} from '../width.js'

/**
 * Thematic break: a centered `* * *`.
 *
 * @param state
 *   State.
 * @returns
 *   Block.
 */
export function hr(state: State): Block {
  return block([pad('* * *', state.width, 'center').trimEnd()])
}
