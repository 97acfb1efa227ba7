import type {Element} from 'hast'
import {block, type Block, type State} from '../state.js'

/**
 * Figure: the image (`[Image: alt]`) and its caption, one block, no blank line
 * between them.
 *
 * @param state
 *   State.
 * @param node
 *   `figure`.
 * @returns
 *   Block.
 */
export function figure(state: State, node: Element): Block {
  return block(state.flow(node, true))
}
