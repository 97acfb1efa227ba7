import type {Element} from 'hast'
import type {Item, Line} from '../layout.js'
import type {State} from '../state.js'
import type {StructNode} from '../tagger.js'

interface Cell {
  node: Element
  header: boolean
  align: 'start' | 'center' | 'end'
  items: Item[]
  min: number
  max: number
  lines: Line[]
}

interface Row {
  cells: Cell[]
  header: boolean
  height: number
}

/**
 * Table: `Table` > `THead`/`TBody` > `TR` > `TH` (scope column) / `TD`.
 * Column widths follow the content; rows never split; the header row is
 * repeated (as an artifact) at the top of every page the table continues on.
 * Columns run from the right in right-to-left articles.
 *
 * @param state
 *   Render state.
 * @param node
 *   `table` element.
 */
export function table(state: State, node: Element): void {
  state.flush()
  const theme = state.theme
  const style = theme.table
  const padding = style.padding ?? 4
  const inline = inlinePadding(state)
  const rows: Row[] = []
  let caption: Element | undefined
  const visit = (parent: Element, header: boolean) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'caption') caption = child
      else if (child.tagName === 'thead') visit(child, true)
      else if (child.tagName === 'tbody' || child.tagName === 'tfoot') visit(child, false)
      else if (child.tagName === 'tr') rows.push(row(state, child, header))
    }
  }
  visit(node, false)
  if (rows.length === 0) return
  // A first row of only `th` is a header row even without `thead`.
  const first = rows[0]
  if (first && !rows.some((r) => r.header) && first.cells.every((cell) => cell.header)) first.header = true

  const columns = Math.max(...rows.map((r) => r.cells.length))
  const frame = state.frame()
  const widths = columnWidths(rows, columns, frame.width, inline)
  const lineHeight = state.lineHeight(style)
  for (const r of rows) {
    r.cells.forEach((cell, index) => {
      cell.lines = state.lines(cell.items, (widths[index] ?? 40) - 2 * inline)
    })
    r.height = Math.max(1, ...r.cells.map((cell) => cell.lines.length)) * lineHeight + 2 * padding
  }

  const struct = state.node('Table')
  const head = state.tagger.node('THead', struct)
  const body = state.tagger.node('TBody', struct)
  const headerRows = rows.filter((r) => r.header)
  const bodyRows = rows.filter((r) => !r.header)
  const headerHeight = headerRows.reduce((sum, r) => sum + r.height, 0)

  state.gap(6)
  if (caption) {
    const element = caption
    state.withParent(struct, () =>
      state.paragraph({style: theme.caption, type: 'Caption', align: 'start'}, () => state.inlineAll(element))
    )
  }
  state.ensure(headerHeight + (bodyRows[0]?.height ?? 0))
  for (const r of headerRows) drawRow(state, r, widths, state.tagger.node('TR', head), false)
  for (const r of bodyRows) {
    if (state.y + r.height > state.bottom && state.y > state.top + 0.01) {
      state.newPage()
      // Repeat the header rows, as artifacts (their content is tagged once).
      for (const h of headerRows) drawRow(state, h, widths, undefined, true)
    }
    drawRow(state, r, widths, state.tagger.node('TR', body), false)
  }
  state.spaceAfter(style.spaceAfter ?? 10)
}

/**
 * Padding at the start and end of a cell: the theme's, but at least 0.65 em,
 * so the text of two cells is more than an em apart. Closer, text extraction
 * (poppler) reads neighbouring cells as one line, or the table as columns,
 * instead of cell by cell, row by row.
 */
function inlinePadding(state: State): number {
  const style = state.theme.table
  return Math.max(style.padding ?? 4, style.size * 0.65)
}

function row(state: State, node: Element, header: boolean): Row {
  const cells: Cell[] = []
  for (const child of node.children) {
    if (child.type !== 'element' || (child.tagName !== 'td' && child.tagName !== 'th')) continue
    const isHeader = child.tagName === 'th' || header
    const runs = state.collect(child, state.theme.table, isHeader ? {bold: true} : {})
    const items = state.shapeRuns(runs)
    let min = 0
    let max = 0
    let word = 0
    for (const item of items) {
      if (item.kind === 'word') {
        min = Math.max(min, item.width)
        word += item.width
      } else if (item.kind === 'glue') word += item.width
      else {
        max = Math.max(max, word)
        word = 0
      }
    }
    max = Math.max(max, word)
    // GFM alignment: `align` or an `align-*` class (physical sides).
    const classes = Array.isArray(child.properties['className']) ? child.properties['className'].map(String) : []
    const align = String(child.properties['align'] ?? classes.find((name) => name.startsWith('align-'))?.slice(6) ?? '')
    const rtl = state.dir === 'rtl'
    cells.push({
      node: child,
      header: isHeader,
      align: align === 'center' ? 'center' : align === 'right' ? (rtl ? 'start' : 'end') : align === 'left' && rtl ? 'end' : 'start',
      items,
      min,
      max,
      lines: []
    })
  }
  return {cells, header, height: 0}
}

function columnWidths(rows: Row[], columns: number, total: number, padding: number): number[] {
  const min = new Array<number>(columns).fill(0)
  const max = new Array<number>(columns).fill(0)
  for (const r of rows) {
    r.cells.forEach((cell, index) => {
      min[index] = Math.max(min[index] ?? 0, Math.min(cell.min, total / 2) + 2 * padding)
      max[index] = Math.max(max[index] ?? 0, cell.max + 2 * padding)
    })
  }
  const sumMax = max.reduce((a, b) => a + b, 0)
  const sumMin = min.reduce((a, b) => a + b, 0)
  if (sumMax <= total) return max.map((width) => width + (total - sumMax) / columns)
  if (sumMin >= total) return min.map((width) => (width * total) / sumMin)
  const flexible = sumMax - sumMin
  return min.map((width, index) => width + ((total - sumMin) * ((max[index] ?? 0) - width)) / (flexible || 1))
}

function drawRow(state: State, r: Row, widths: number[], struct: StructNode | undefined, artifact: boolean): void {
  const style = state.theme.table
  const padding = style.padding ?? 4
  const inline = inlinePadding(state)
  const frame = state.frame()
  const top = state.y
  const lineHeight = state.lineHeight(style)
  const rtl = state.dir === 'rtl'
  let offset = 0
  const boxes = widths.map((width) => {
    const x = rtl ? frame.x + frame.width - offset - width : frame.x + offset
    offset += width
    return {x, width}
  })
  state.tagger.artifact(() => {
    const doc = state.doc
    if (r.header) {
      doc.rect(boxes[0] ? Math.min(...boxes.map((b) => b.x)) : frame.x, top, offset, r.height).fill(style.headerBackground ?? '#eeeeee')
    }
    doc.lineWidth(0.5).strokeColor(style.border ?? '#999999')
    for (const box of boxes) doc.rect(box.x, top, box.width, r.height).stroke()
  })
  const draw = () => {
    r.cells.forEach((cell, index) => {
      const box = boxes[index]
      if (!box) return
      const cellStruct = struct
        ? state.tagger.node(cell.header ? 'TH' : 'TD', struct, cell.header ? {scope: 'Column'} : {})
        : undefined
      cell.lines.forEach((line, lineIndex) => {
        const align = cell.align === 'center' ? 'center' : 'start'
        const x = box.x + inline
        const width = box.width - 2 * inline
        const shifted =
          cell.align === 'end' ? {x: x + (rtl ? 0 : width - line.width), width: line.width} : {x, width}
        state.drawLine(line, shifted.x, shifted.width, top + padding + lineIndex * lineHeight, style, {
          struct: cellStruct ?? null,
          align,
          dir: state.dir
        })
      })
      if (cellStruct && cell.lines.length === 0) {
        // Empty cells still exist in the structure.
        state.tagger.ensure(cellStruct)
      }
    })
  }
  if (artifact) state.tagger.artifact(draw, 'Pagination')
  else draw()
  state.y = top + r.height
}
