import type {Element} from 'hast'
import {block, type Block, type State} from '../state.js'

/**
 * Containers of blocks (`div`, `figure`, `details`, `dl`, `section`): their
 * children, as blocks.
 *
 * @param state
 *   State.
 * @param node
 *   Element.
 * @returns
 *   Block.
 */
export function flow(state: State, node: Element): Block {
  return block(state.flow(node))
}
