/**
 * After sanitizing: repair what the HTML parser accepts but the HTML content
 * model (and so the Nu checker and XHTML readers) rejects, in raw HTML that
 * came with the article:
 *
 * - block elements inside phrasing-only elements (`<p>` in `<pre>` or `<h3>`)
 *   are unwrapped (their content stays);
 * - a `<section>` without a heading becomes a `<div>`;
 * - heading levels never skip (`h2` → `h4` becomes `h2` → `h3`), and the
 *   body starts at `h2` (the title is the page's only `h1`);
 * - empty table rows are dropped and short rows padded with empty cells, so
 *   every row has the table's column count.
 */
import type {Element, ElementContent, Root} from 'hast'
import {SKIP, visit} from 'unist-util-visit'
import {blockElements, phrasingContainers} from '../hast/content-model.js'

/**
 * Elements a block is unwrapped from: those HTML holds to phrasing content,
 * and — stricter than HTML, which allows some flow content in them — the
 * one-run-of-text parts: term, captions and header cells.
 */
const phrasingOnly = new Set([...phrasingContainers, 'dt', 'figcaption', 'caption', 'th'])
/** Elements unwrapped from those: blocks, and a figure's caption (only valid in a figure). */
const flow = new Set([...blockElements, 'figcaption'])
const headingTag = /^h([1-6])$/

export default function rehypeContentModel() {
  return function (tree: Root) {
    // 1. Block inside phrasing: unwrap the block.
    visit(tree, 'element', (node) => {
      if (!phrasingOnly.has(node.tagName)) return
      node.children = flatten(node.children, node.tagName)
    })

    // 2. Sections need a heading.
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'section') return
      const first = node.children.find((child) => child.type === 'element')
      if (!first || first.type !== 'element' || !headingTag.test(first.tagName)) node.tagName = 'div'
    })

    // 3. Heading levels: start at h2, never skip.
    let last = 1
    visit(tree, 'element', (node) => {
      const match = headingTag.exec(node.tagName)
      if (!match) return
      const level = Math.max(2, Math.min(Number(match[1]), last + 1))
      node.tagName = `h${level}`
      last = level
    })

    // 4. Tables: no empty rows, every row as wide as the widest.
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table') return undefined
      const rows: Element[] = []
      visit(node, 'element', (child, childIndex, childParent) => {
        if (child.tagName === 'table' && child !== node) return SKIP
        if (child.tagName !== 'tr') return undefined
        if (!child.children.some((cell) => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th')) && childParent && childIndex !== undefined) {
          childParent.children.splice(childIndex, 1)
          return [SKIP, childIndex]
        }
        rows.push(child)
        return SKIP
      })
      // Row groups left empty are not allowed either.
      node.children = node.children.filter((child) => !(child.type === 'element' && /^t(head|body|foot)$/.test(child.tagName) && !child.children.some((row) => row.type === 'element')))
      if (rows.length === 0 && parent && index !== undefined) {
        parent.children.splice(index, 1)
        return [SKIP, index]
      }
      const spans = rows.some((row) => row.children.some((cell) => cell.type === 'element' && Number(cell.properties['rowSpan'] ?? 1) > 1))
      if (!spans) {
        const width = (row: Element) => row.children.reduce((sum, cell) => sum + (cell.type === 'element' ? Number(cell.properties['colSpan'] ?? 1) || 1 : 0), 0)
        const max = Math.max(...rows.map(width))
        for (const row of rows) {
          for (let missing = max - width(row); missing > 0; missing--) row.children.push({type: 'element', tagName: 'td', properties: {}, children: []})
        }
      }
      return SKIP
    })
  }
}

function flatten(children: ElementContent[], container: string): ElementContent[] {
  const out: ElementContent[] = []
  for (const child of children) {
    if (child.type === 'element' && flow.has(child.tagName)) {
      const inner = flatten(child.children, container)
      if (out.length > 0 && container !== 'pre' && inner.length > 0) out.push({type: 'text', value: ' '})
      out.push(...inner)
    } else {
      out.push(child)
    }
  }
  return out
}
