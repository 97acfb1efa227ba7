import type {Element} from 'hast'
import {block, classes, type Block, type State} from '../state.js'
import {displayWidth, pad} from '../width.js'
import {wrap} from '../wrap.js'

/** Columns are separated by two spaces. */
const gap = '  '

type Align = 'left' | 'right' | 'center'

interface Cell {
  text: string
  header: boolean
  align: Align
}

/**
 * Table: aligned columns (by display width) under a rule of `-`, when it fits
 * the measure; otherwise the column names (`A | B | C`), then one record per
 * row, `Header: value` lines wrapped with a hanging indent. The caption goes
 * first.
 *
 * @param state
 *   State.
 * @param node
 *   `table`.
 * @returns
 *   Block.
 */
export function table(state: State, node: Element): Block {
  const caption: string[] = []
  const rows: Cell[][] = []
  let headerRows = 0
  const visitRows = (parent: Element, inHead: boolean) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'caption') caption.push(...state.paragraph(state.inline(child)))
      else if (child.tagName === 'thead') visitRows(child, true)
      else if (child.tagName === 'tbody' || child.tagName === 'tfoot') visitRows(child, false)
      else if (child.tagName === 'tr') {
        const cells = rowCells(state, child)
        if (cells.length === 0) continue
        const header = inHead || cells.every((cell) => cell.header)
        if (header && rows.length === headerRows) headerRows++
        rows.push(cells)
      }
    }
  }
  visitRows(node, false)
  if (rows.length === 0) return block(caption)

  const columns = Math.max(...rows.map((row) => row.length))
  for (const row of rows) while (row.length < columns) row.push({text: '', header: false, align: 'left'})
  const widths = Array.from({length: columns}, (_, column) =>
    Math.max(...rows.map((row) => displayWidth(row[column]!.text)))
  )
  const total = widths.reduce((sum, width) => sum + width, 0) + gap.length * (columns - 1)
  const lines = [...caption]
  if (caption.length > 0) lines.push('')

  if (total <= state.width) {
    rows.forEach((row, index) => {
      lines.push(row.map((cell, column) => pad(cell.text, widths[column]!, cell.align)).join(gap).replace(/ +$/, ''))
      if (index === headerRows - 1) lines.push(widths.map((width) => '-'.repeat(Math.max(1, width))).join(gap))
    })
    return block(lines)
  }

  // Too wide: the column names, then one record per row.
  const headers = headerRows > 0 ? rows[headerRows - 1]!.map((cell) => cell.text) : []
  if (headers.some((header) => header !== '')) {
    const [first = '', ...rest] = wrap(headers.join(' | '), Math.max(1, state.width - 2))
    lines.push(first, ...rest.map((line) => '  ' + line))
  }
  rows.slice(headerRows).forEach((row, index) => {
    if (index > 0 || headers.length > 0) lines.push('')
    row.forEach((cell, column) => {
      const label = headers[column] ?? ''
      if (cell.text === '' && label === '') return
      const text = label ? `${label}: ${cell.text}` : cell.text
      const wrapped = wrap(text, Math.max(1, state.width - 2))
      const [first = '', ...rest] = wrapped
      lines.push(first, ...rest.map((line) => '  ' + line))
    })
  })
  return block(lines)
}

/**
 * The cells of a row as single-line text.
 */
function rowCells(state: State, row: Element): Cell[] {
  const cells: Cell[] = []
  for (const child of row.children) {
    if (child.type !== 'element' || (child.tagName !== 'td' && child.tagName !== 'th')) continue
    const text = state.inline(child).replace(/\s+/g, ' ').trim()
    const names = classes(child)
    const align: Align = names.includes('align-right') ? 'right' : names.includes('align-center') ? 'center' : 'left'
    cells.push({text, header: child.tagName === 'th', align})
    // A cell spanning columns keeps the others aligned with empty cells.
    const span = Math.min(Number(child.properties['colSpan'] ?? 1) || 1, 50)
    for (let index = 1; index < span; index++) cells.push({text: '', header: child.tagName === 'th', align: 'left'})
  }
  return cells
}
