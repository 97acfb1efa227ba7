/**
 * One `<h1>` per page: the title. Body headings are shifted so the highest is
 * `h2` (capped at `h6`), keeping their relative order.
 */
import type {Root} from 'mdast'
import {visit} from 'unist-util-visit'

export default function remarkHeadingLevels() {
  return function (tree: Root) {
    let top = 7
    visit(tree, 'heading', (node) => {
      top = Math.min(top, node.depth)
    })
    if (top >= 2 || top === 7) return
    const shift = 2 - top
    visit(tree, 'heading', (node) => {
      node.depth = Math.min(6, node.depth + shift) as 1 | 2 | 3 | 4 | 5 | 6
    })
  }
}
