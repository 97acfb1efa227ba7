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
  let indent = '    '
  const lines = state.indented(4, (granted) => {
    indent = ' '.repeat(granted)
    return state.flow(node)
  })
  return block(prefix(lines, indent, indent))
}
