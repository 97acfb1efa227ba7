import type {Element, ElementContent} from 'hast'
import {block, prefix, type Block, type State} from '../state.js'
import {displayWidth} from '../width.js'

/**
 * List (`ul`, `ol`): each item with a hanging indent, `  * ` or `  1. `
 * (numbers right-aligned); nested lists are indented further. Items of a
 * loose list (items holding paragraphs) are separated by a blank line.
 *
 * @param state
 *   State.
 * @param node
 *   `ul` or `ol`.
 * @returns
 *   Block.
 */
export function list(state: State, node: Element): Block {
  const items = node.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li')
  const ordered = node.tagName === 'ol'
  const start = Number(node.properties['start'] ?? 1)
  const reversed = Boolean(node.properties['reversed'])
  const first = Number.isFinite(start) ? start : 1
  const markers = items.map((item, index) => {
    if (!ordered) return '*'
    const value = Number(item.properties['value'])
    return `${Number.isFinite(value) && item.properties['value'] !== undefined ? value : reversed ? first - index : first + index}.`
  })
  const markerWidth = Math.max(1, ...markers.map((marker) => displayWidth(marker)))
  const indent = 2 + markerWidth + 1
  const loose = items.some((item) => item.children.some(isBlockParagraph))
  const lines: string[] = []
  items.forEach((item, index) => {
    const content = state.indented(indent, () => state.flow(item, !loose))
    if (content.length === 0) content.push('')
    const marker = '  ' + markers[index]!.padStart(markerWidth) + ' '
    if (loose && lines.length > 0) lines.push('')
    lines.push(...prefix(content, marker, ' '.repeat(indent)))
  })
  return block(lines.map((line) => line.replace(/ +$/, '')))
}

function isBlockParagraph(node: ElementContent): boolean {
  return node.type === 'element' && node.tagName === 'p'
}
