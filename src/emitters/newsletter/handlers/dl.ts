import type {Element} from 'hast'
import {block, type Block, type State} from '../state.js'

/**
 * Definition list: terms and descriptions, no blank line between a term and
 * its descriptions.
 *
 * @param state
 *   State.
 * @param node
 *   `dl`.
 * @returns
 *   Block.
 */
export function dl(state: State, node: Element): Block {
  const lines: string[] = []
  for (const child of node.children) {
    const output = state.one(child, node)
    const part = typeof output === 'string' ? state.paragraph(output) : output.lines
    if (part.length === 0) continue
    const isTerm = child.type === 'element' && child.tagName === 'dt'
    if (isTerm && lines.length > 0) lines.push('')
    lines.push(...part)
  }
  return block(lines)
}
