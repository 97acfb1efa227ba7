import type {Element} from 'hast'
import {displayWidth} from '../width.js'
import {block, type Block, type State} from '../state.js'

/** Underline character by heading rank: `=` for the top, `-` for sections, `.` below. */
const underlines: Record<string, string> = {h1: '=', h2: '-', h3: '.', h4: '.', h5: '.', h6: '.'}

/**
 * Heading: its text, wrapped, underlined to its display width.
 *
 * @param state
 *   State.
 * @param node
 *   `h1`–`h6`.
 * @returns
 *   Block.
 */
export function heading(state: State, node: Element): Block {
  const lines = state.paragraph(state.inline(node))
  if (lines.length === 0) return block([])
  const width = Math.max(...lines.map((line) => displayWidth(line)))
  return block([...lines, (underlines[node.tagName] ?? '-').repeat(Math.max(1, width))])
}
