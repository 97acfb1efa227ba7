import type {Element} from 'hast'
import {block, prefix, type Block, type State} from '../state.js'

/**
 * Definition description: its blocks, indented four spaces under the term.
 *
 * @param state
 *   State.
 * @param node
 *   `dd`.
 * @returns
 *   Block.
 */
export function dd(state: State, node: Element): Block {
  const lines = state.indented(4, () => state.flow(node))
  return block(prefix(lines, '    ', '    '))
}
