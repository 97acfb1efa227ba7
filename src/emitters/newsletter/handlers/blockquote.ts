import type {Element} from 'hast'
import {block, prefix, type Block, type State} from '../state.js'

/**
 * Block quote: its blocks, each line prefixed `> `.
 *
 * @param state
 *   State.
 * @param node
 *   `blockquote`.
 * @returns
 *   Block.
 */
export function blockquote(state: State, node: Element): Block {
  const lines = state.indented(2, () => state.flow(node))
  return block(prefix(lines, '> ', '> '))
}
