import type {Root} from 'hast'
import {block, type Block, type State} from '../state.js'

/**
 * Root: the body, as blocks.
 *
 * @param state
 *   State.
 * @param node
 *   Root.
 * @returns
 *   Block.
 */
export function root(state: State, node: Root): Block {
  return block(state.flow(node))
}
