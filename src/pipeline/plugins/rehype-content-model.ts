/**
 * After sanitizing: repair what the HTML parser accepts but the HTML content
 * model (and so the Nu checker, EPUBCheck and XHTML readers) rejects, in raw
 * HTML that came with the article; each repair of the author's markup is
 * reported (`removed-html`, at the element):
 *
 * - an attribute value HTML does not allow (`dir="sideways"`, `lang="not a
 *   tag"`, `colspan="0"`, `datetime="soon"` on `del`; `../hast/attribute-values.ts`)
 *   is removed, and so is an `li`'s `value` outside an `ol`;
 * - a `<time>` whose `datetime` (or, without one, whose text) is not a date,
 *   time or duration is unwrapped (its content stays);
 * - a part of a block outside the block it belongs to (`<li>` outside a
 *   list, `<dt>`/`<dd>` outside a `<dl>`, a `<summary>` that does not open its
 *   `<details>`, a `<figcaption>` in the middle of a `<figure>`) becomes a
 *   `<div>` (an `<li>` in a list);
 * - a `<details>` without a `<summary>` becomes a `<div>` (one whose summary
 *   is not its first child gets it moved first), and so does a `<dl>` whose
 *   terms and descriptions do not pair up, its `<dt>`s and `<dd>`s with it;
 * - block elements and block parts inside phrasing-only elements (`<p>` in
 *   `<pre>` or `<h3>`) are unwrapped (their content stays);
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
import type {VFile} from 'vfile'
import {diagnostics, report} from '../../diagnostics.js'
import {attributeValues, isDateTimeValue} from '../hast/attribute-values.js'
import {blockElements, blockPartElements, phrasingContainers} from '../hast/content-model.js'
import {footnoteSection} from '../hast/footnotes.js'
import {eachElement} from '../walk.js'

/**
 * Elements a block is unwrapped from: those HTML holds to phrasing content,
 * and — stricter than HTML, which allows some flow content in them — the
 * one-run-of-text parts: term, captions and header cells.
 */
const phrasingOnly = new Set([...phrasingContainers, 'dt', 'figcaption', 'caption', 'th'])
/** Elements unwrapped from those: blocks, and the parts of blocks (an item, a caption, a cell…). */
const flow = new Set([...blockElements, ...blockPartElements])
const headingTag = /^h([1-6])$/
const lists = new Set(['ul', 'ol', 'menu'])
/**
 * Parts of a block the sanitizer keeps outside tables (the HTML parser puts
 * table parts in place itself), and where they belong, for the message.
 */
const parts: Readonly<Record<string, string>> = {
  li: 'outside a list',
  dt: 'outside a `<dl>`',
  dd: 'outside a `<dl>`',
  summary: 'that does not open a `<details>`',
  figcaption: 'that is neither the first nor the last child of a `<figure>`'
}
const source = 'pressroom:content-model'

export default function rehypeContentModel() {
  return function (tree: Root, file: VFile) {
    const removed = (node: Element, what: string, why: string) => report(file, diagnostics.removedHtml, [what, why], {place: node, source})
    // In one walk, in document order (each step only looks at what is below
    // or at the node, which the steps before it have already changed):
    const footnotes = footnoteSection(tree)
    const shift = headingShift(tree, footnotes)
    /** Parts of a block its parent has found in place (`dt` in a `dl`, the `summary` of a `details`…). */
    const placed = new WeakSet<Element>()
    let last = 1
    let tables = false
    eachElement(tree, (node, index, parent) => {
      // 1. Attribute values HTML does not allow.
      attributes(node, parent, removed)
      // 2. A time that says no time: its content stays.
      if (node.tagName === 'time' && !isTime(node)) {
        const datetime = node.properties['dateTime']
        removed(node, datetime === undefined ? '`<time>` without a `datetime`' : `\`<time datetime="${String(datetime)}">\``, 'its text is kept, give it a date such as `datetime="2024-05-01"`')
        parent.children.splice(index, 1, ...node.children)
        return index
      }
      // 3. A part outside its block: a `div` (an item in a list).
      const where = parts[node.tagName]
      if (where && !placed.has(node) && !(node.tagName === 'li' && parent.type === 'element' && lists.has(parent.tagName))) {
        removed(node, `\`<${node.tagName}>\` ${where}`, 'its content is kept')
        node.tagName = parent.type === 'element' && lists.has(parent.tagName) ? 'li' : 'div'
        delete node.properties['value']
      }
      // 4. Block inside phrasing: unwrap the block.
      if (phrasingOnly.has(node.tagName)) node.children = flatten(node.children, node.tagName)
      // 5. Blocks whose parts must be in place: sections need a heading, details a summary, lists of terms pairs.
      if (node.tagName === 'section') {
        const first = node.children.find((child) => child.type === 'element')
        if (!first || first.type !== 'element' || !headingTag.test(first.tagName)) node.tagName = 'div'
      } else if (node.tagName === 'details') {
        const at = node.children.findIndex((child) => child.type === 'element' && child.tagName === 'summary')
        if (at === -1) {
          removed(node, '`<details>` without a `<summary>`', 'its content is kept, unfolded; add a `<summary>` first')
          node.tagName = 'div'
          delete node.properties['open']
        } else {
          // Browsers show the first summary, wherever it is: moving it changes nothing they show.
          const [summary] = node.children.splice(at, 1) as [Element]
          node.children.unshift(summary)
          placed.add(summary)
        }
      } else if (node.tagName === 'figure') {
        const elements = node.children.filter((child): child is Element => child.type === 'element')
        const caption = [elements[0], elements.at(-1)].find((child) => child?.tagName === 'figcaption')
        if (caption) placed.add(caption)
      } else if (node.tagName === 'dl') {
        const terms = definitionList(node)
        if (terms) {
          for (const term of terms) placed.add(term)
        } else {
          removed(node, '`<dl>` whose terms (`<dt>`) and descriptions (`<dd>`) do not pair up', 'its content is kept, write each `<dt>` before its `<dd>`')
          toDivs(node)
        }
      }
      // 6. Heading levels: shifted to start at h2, never skip. The footnotes' own heading is not shifted.
      const match = headingTag.exec(node.tagName)
      if (match) {
        const level = Math.max(2, Math.min(Number(match[1]) + (parent === footnotes ? 0 : shift), 6, last + 1))
        node.tagName = `h${level}`
        last = level
      }
      if (node.tagName === 'table') tables = true
    })
    if (!tables) return

    // 7. Tables: no empty rows, every row as wide as the widest.
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
 * Remove the attribute values HTML does not allow on an element.
 *
 * @param node
 *   Element (changed).
 * @param parent
 *   Its parent.
 * @param removed
 *   Report a removal.
 */
function attributes(node: Element, parent: Root | Element, removed: (node: Element, what: string, why: string) => void): void {
  for (const key in node.properties) {
    if (!Object.hasOwn(attributeValues, key)) continue
    const value = node.properties[key]
    // A time's `datetime` is the time's business (step 2).
    if (value === undefined || value === null || (key === 'dateTime' && node.tagName === 'time')) continue
    const check = attributeValues[key]!
    const text = Array.isArray(value) ? value.join(' ') : String(value)
    const why = check(text, node.tagName)
    if (why === undefined) continue
    removed(node, `\`${attributeName(key)}="${text}"\` on \`<${node.tagName}>\``, why)
    delete node.properties[key]
  }
  if (node.tagName === 'li' && node.properties['value'] !== undefined && !(parent.type === 'element' && parent.tagName === 'ol')) {
    removed(node, `\`value\` on an \`<li>\` outside an \`<ol>\``, 'only the items of a numbered list have one')
    delete node.properties['value']
  }
}

/** HTML attribute name of a hast property (`dateTime` → `datetime`). */
function attributeName(property: string): string {
  return property.toLowerCase()
}

/** Whether a `time` says a time: by its `datetime`, or, without one, by its text alone. */
function isTime(node: Element): boolean {
  const datetime = node.properties['dateTime']
  if (datetime !== undefined && datetime !== null) return isDateTimeValue(String(datetime))
  // The Nu checker allows white space around the text.
  return node.children.every((child) => child.type === 'text') && isDateTimeValue(toText(node).trim())
}

/**
 * The terms and descriptions of a `dl` whose children are groups of one or
 * more `dt` followed by one or more `dd`, or `div`s each holding one such
 * group (whitespace aside).
 *
 * @param node
 *   `dl`.
 * @returns
 *   Its `dt`s and `dd`s, or `undefined` when they do not pair up.
 */
function definitionList(node: Element): Element[] | undefined {
  const elements: Element[] = []
  for (const child of node.children) {
    if (child.type === 'element') elements.push(child)
    else if (child.type === 'text' && child.value.trim() !== '') return undefined
  }
  if (elements.length > 0 && elements.every((child) => child.tagName === 'div')) {
    const terms: Element[] = []
    for (const group of elements) {
      const inner = definitionList(group)
      if (!inner || inner.length === 0 || inner.some((child) => child.tagName === 'div')) return undefined
      // One group per `div`: one run of terms, then one of descriptions.
      if (/d.*t/.test(inner.map((child) => child.tagName[1]).join(''))) return undefined
      terms.push(...inner)
    }
    return terms
  }
  const sequence = elements.map((child) => (child.tagName === 'dt' ? 't' : child.tagName === 'dd' ? 'd' : 'x')).join('')
  return /^(t+d+)*$/.test(sequence) ? elements : undefined
}

/** A `dl` that is not a list of terms, its terms and descriptions (and those of its `div`s) all `div`s. */
function toDivs(node: Element): void {
  node.tagName = 'div'
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'dt' || child.tagName === 'dd') child.tagName = 'div'
    else if (child.tagName === 'div') {
      for (const grandchild of child.children) {
        if (grandchild.type === 'element' && (grandchild.tagName === 'dt' || grandchild.tagName === 'dd')) grandchild.tagName = 'div'
      }
    }
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
