import type {Element} from 'hast'
import {block, fitPrefix, prefix, type Block, type State} from '../state.js'

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
  let marker = '> '
  const lines = state.indented(2, (granted) => {
    // Deep in nested blocks: `>` alone, then no mark (the text keeps its columns).
    marker = fitPrefix(marker, granted)
    return state.flow(node)
  })
  return block(prefix(lines, marker, marker))
}
