/**
 * After sanitizing: repair what the HTML parser accepts but the HTML content
 * model (and so the Nu checker and XHTML readers) rejects, in raw HTML that
 * came with the article:
 *
 * - block elements inside phrasing-only elements (`<p>` in `<pre>` or `<h3>`)
 *   are unwrapped (their content stays);
 * - a `<section>` without a heading becomes a `<div>`;
 * - headings without text or image go; the others are shifted so that the
 *   highest is `h2` (the title is the page's only `h1`), keeping their
 *   relative order (capped at `h6`), and never skip a level (`h2` → `h4`
 *   becomes `h2` → `h3`). Levels are decided here, on the headings that
 *   remain once raw HTML is sanitized and missing images are gone, so an
 *   empty `#` shifts nothing;
 * - empty table rows are dropped and short rows padded with empty cells, so
 *   every row has the table's column count.
 */
import type {Element, ElementContent, Root} from 'hast'
import {toText} from 'hast-util-to-text'
import {blockElements, phrasingContainers} from '../hast/content-model.js'
import {footnoteSection} from '../hast/footnotes.js'
import {eachElement} from '../walk.js'

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
    // In one walk, in document order (each step only looks at what is below
    // or at the node, which the steps before it have already changed):
    const footnotes = footnoteSection(tree)
    const shift = headingShift(tree, footnotes)
    let last = 1
    let tables = false
    eachElement(tree, (node, _index, parent) => {
      // 1. Block inside phrasing: unwrap the block.
      if (phrasingOnly.has(node.tagName)) node.children = flatten(node.children, node.tagName)
      // 2. Sections need a heading.
      if (node.tagName === 'section') {
        const first = node.children.find((child) => child.type === 'element')
        if (!first || first.type !== 'element' || !headingTag.test(first.tagName)) node.tagName = 'div'
      }
      // 3. Heading levels: shifted to start at h2, never skip. The footnotes' own heading is not shifted.
      const match = headingTag.exec(node.tagName)
      if (match) {
        const level = Math.max(2, Math.min(Number(match[1]) + (parent === footnotes ? 0 : shift), 6, last + 1))
        node.tagName = `h${level}`
        last = level
      }
      if (node.tagName === 'table') tables = true
    })
    if (!tables) return

    // 4. Tables: no empty rows, every row as wide as the widest.
    eachElement(tree, (node, index, parent) => {
      if (node.tagName !== 'table') return undefined
      const rows: Element[] = []
      eachElement(node, (child, childIndex, childParent) => {
        // A nested table is its own.
        if (child.tagName === 'table') return false
        if (child.tagName !== 'tr') return undefined
        if (!child.children.some((cell) => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'))) {
          childParent.children.splice(childIndex, 1)
          return childIndex
        }
        rows.push(child)
        return false
      })
      // Row groups left empty are not allowed either.
      node.children = node.children.filter((child) => !(child.type === 'element' && /^t(head|body|foot)$/.test(child.tagName) && !child.children.some((row) => row.type === 'element')))
      if (rows.length === 0) {
        parent.children.splice(index, 1)
        return index
      }
      const spans = rows.some((row) => row.children.some((cell) => cell.type === 'element' && Number(cell.properties['rowSpan'] ?? 1) > 1))
      if (!spans) {
        const width = (row: Element) => row.children.reduce((sum, cell) => sum + (cell.type === 'element' ? Number(cell.properties['colSpan'] ?? 1) || 1 : 0), 0)
        const max = Math.max(...rows.map(width))
        for (const row of rows) {
          for (let missing = max - width(row); missing > 0; missing--) row.children.push({type: 'element', tagName: 'td', properties: {}, children: []})
        }
      }
      return false
    })
  }
}

/**
 * Remove the headings without text or image, and find how far the others
 * must move down for the highest to be `h2`.
 *
 * @param tree
 *   Article tree (empty headings are removed).
 * @param footnotes
 *   The generated footnote section, whose heading is not counted.
 * @returns
 *   Levels to add to every body heading (0 or 1).
 */
function headingShift(tree: Root, footnotes: Element | undefined): number {
  let top = 7
  eachElement(tree, (node, index, parent) => {
    if (node === footnotes) return false
    const match = headingTag.exec(node.tagName)
    if (match) {
      if (toText(node).trim() === '' && !hasImage(node)) {
        parent.children.splice(index, 1)
        return index
      }
      top = Math.min(top, Number(match[1]))
      return false
    }
    // A heading in phrasing content is unwrapped below: it does not count.
    return phrasingOnly.has(node.tagName) ? false : undefined
  })
  return top === 7 ? 0 : Math.max(0, 2 - top)
}

function hasImage(node: Element): boolean {
  let found = false
  eachElement(node, (child) => {
    if (child.tagName === 'img') found = true
    return found ? false : undefined
  })
  return found
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
