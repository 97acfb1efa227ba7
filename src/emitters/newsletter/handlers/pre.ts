import type {Element} from 'hast'
import {toText} from 'hast-util-to-text'
import {block, type Block, type State} from '../state.js'

/**
 * Code block: its text as written (tabs expanded), indented four spaces, never
 * wrapped.
 *
 * @param _state
 *   State.
 * @param node
 *   `pre`.
 * @returns
 *   Block.
 */
export function pre(_state: State, node: Element): Block {
  const lines = toText(node, {whitespace: 'pre'})
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => expandTabs(line).replace(/\s+$/, ''))
  while (lines.length > 0 && lines[0] === '') lines.shift()
  while (lines.length > 0 && lines.at(-1) === '') lines.pop()
  return block(lines.map((line) => (line === '' ? '' : '    ' + line)))
}

/**
 * Expand tabs to 8-column stops (counting code units: code is mostly ASCII).
 */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line
  let out = ''
  for (const char of line) {
    if (char === '\t') out += ' '.repeat(8 - (out.length % 8))
    else out += char
  }
  return out
}
