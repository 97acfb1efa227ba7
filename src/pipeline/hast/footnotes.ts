/**
 * The footnotes remark-rehype writes (GFM): a `<section data-footnotes>`
 * appended as the last child of the root, holding the `Footnotes` heading
 * (`#footnote-label`) and the notes (`<li id="fn-…">`), and a reference
 * `<a data-footnote-ref id="fnref-…">` where each note is called. Raw HTML
 * may hold look-alikes; only the section at the end of the root is the
 * generated one.
 */
import type {Element, Root} from 'hast'

/**
 * The generated footnote section of a tree.
 *
 * @param tree
 *   Article tree.
 * @returns
 *   The section, or `undefined` when the article has no footnotes.
 */
export function footnoteSection(tree: Root): Element | undefined {
  for (let index = tree.children.length - 1; index >= 0; index--) {
    const child = tree.children[index]!
    if (child.type === 'text' && child.value.trim() === '') continue
    return child.type === 'element' && child.tagName === 'section' && child.properties['dataFootnotes'] !== undefined ? child : undefined
  }
  return undefined
}
