import type {Element} from 'hast'
import {toText} from 'hast-util-to-text'
import {block, classes, fitPrefix, prefix, type Block, type State} from '../state.js'
import {displayWidth} from '../width.js'

/**
 * Section. The footnotes section (`section.footnotes`) is taken out of the
 * body: its notes are kept on the state and printed after the article, under
 * the section's own label. Other sections are plain containers.
 *
 * @param state
 *   State.
 * @param node
 *   `section`.
 * @returns
 *   Block (empty for the footnotes).
 */
export function section(state: State, node: Element): Block {
  if (node.properties['dataFootnotes'] === undefined && !classes(node).includes('footnotes')) {
    return block(state.flow(node))
  }
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (/^h[1-6]$/.test(child.tagName)) {
      const label = toText(child).trim()
      if (label) state.notesLabel = label
    } else if (child.tagName === 'ol' || child.tagName === 'ul') {
      const items = child.children.filter((item): item is Element => item.type === 'element' && item.tagName === 'li')
      const labels = items.map((item, index) => state.footnoteLabels.get(String(item.properties['id'] ?? '')) ?? String(index + 1))
      const labelWidth = Math.max(1, ...labels.map((label) => displayWidth(label)))
      const indent = 2 + labelWidth + 2
      items.forEach((item, index) => {
        const label = labels[index]!
        let marker = '  ' + (label + '.').padStart(labelWidth + 1) + ' '
        let rest = ' '.repeat(indent)
        const lines = state.indented(indent, (granted) => {
          marker = fitPrefix(marker, granted)
          rest = ' '.repeat(granted)
          return state.flow(item)
        })
        state.notes.push({label, lines: prefix(lines, marker, rest)})
      })
    } else {
      const output = state.one(child, node)
      const lines = typeof output === 'string' ? state.paragraph(output) : output.lines
      if (lines.length > 0) state.notes.push({label: '', lines})
    }
  }
  return block([])
}
