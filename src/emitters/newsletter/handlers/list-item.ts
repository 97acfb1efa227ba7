import type {Element} from 'hast'
import {block, type Block, type State} from '../state.js'

/**
 * List item outside a list (lists lay out their own items): its blocks.
 *
 * @param state
 *   State.
 * @param node
 *   `li`.
 * @returns
 *   Block.
 */
export function listItem(state: State, node: Element): Block {
  return block(state.flow(node, true))
}
