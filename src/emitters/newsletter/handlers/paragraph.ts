import type {Element} from 'hast'
import {block, type Block, type State} from '../state.js'

/**
 * Paragraph-like blocks (`p`, `figcaption`, `summary`, `dt`, `caption`): inline
 * content wrapped at the measure.
 *
 * @param state
 *   State.
 * @param node
 *   Element.
 * @returns
 *   Block.
 */
export function paragraph(state: State, node: Element): Block {
  // A `<p>` may hold a block (from raw HTML): then lay out its children.
  const output = state.all(node)
  return typeof output === 'string' ? block(state.paragraph(output)) : output
}
