import type {Element, ElementContent} from 'hast'
import {block, fitPrefix, prefix, type Block, type State} from '../state.js'
import {displayWidth} from '../width.js'

/**
 * List (`ul`, `ol`): each item with a hanging indent, `  * ` or `  1. `
 * (numbers right-aligned); nested lists are indented further. Items of a
 * loose list (items holding paragraphs) are separated by a blank line.
 * However deep lists nest, the text keeps its columns (`state.indented`):
 * past that, the marker hangs in what room is left, or opens the text.
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
    const marker = '  ' + markers[index]!.padStart(markerWidth) + ' '
    let content: string[] = []
    let first = marker
    let rest = ' '.repeat(indent)
    state.indented(indent, (granted) => {
      if (granted === indent) {
        content = state.flow(item, !loose)
      } else if (granted >= markers[index]!.length + 1) {
        // Deep nesting: the indent stops growing, the marker still hangs.
        first = fitPrefix(marker, granted)
        rest = ' '.repeat(granted)
        content = state.flow(item, !loose)
      } else {
        // No room left for a hanging marker: it opens the item's text.
        first = rest = ' '.repeat(granted)
        content = state.flow(withMarker(item, markers[index]!), !loose)
      }
    })
    if (content.length === 0) content.push('')
    if (loose && lines.length > 0) lines.push('')
    lines.push(...prefix(content, first, rest))
  })
  return block(lines.map((line) => line.replace(/ +$/, '')))
}

/**
 * The item with its marker as the start of its text (in its first
 * paragraph, if it opens with one).
 */
function withMarker(item: Element, marker: string): Element {
  const text: ElementContent = {type: 'text', value: marker + ' '}
  const children = [...item.children]
  const index = children.findIndex((child) => !(child.type === 'text' && child.value.trim() === ''))
  const opening = index === -1 ? undefined : children[index]
  if (opening?.type === 'element' && opening.tagName === 'p') {
    children[index] = {...opening, children: [text, ...opening.children]}
  } else if (opening?.type === 'element' && !phrasing.has(opening.tagName)) {
    children.splice(index, 0, {type: 'element', tagName: 'p', properties: {}, children: [text]})
  } else {
    children.splice(Math.max(0, index), 0, text)
  }
  return {...item, children}
}

/** Elements that flow as text (the rest are blocks). */
const phrasing = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'img', 'input', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr'])

function isBlockParagraph(node: ElementContent): boolean {
  return node.type === 'element' && node.tagName === 'p'
}
