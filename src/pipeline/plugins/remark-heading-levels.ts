/**
 * One `<h1>` per page: the title. Body headings are shifted so the highest is
 * `h2` (capped at `h6`), keeping their relative order.
 */
import type {Heading, Root} from 'mdast'
import {eachNode} from '../walk.js'

export default function remarkHeadingLevels() {
  return function (tree: Root) {
    const headings: Heading[] = []
    eachNode(tree, (node) => {
      if (node.type === 'heading') headings.push(node)
      // No heading is inside a heading or a paragraph.
      return node.type === 'heading' || node.type === 'paragraph' ? false : undefined
    })
    const top = Math.min(7, ...headings.map((node) => node.depth))
    if (top >= 2 || top === 7) return
    const shift = 2 - top
    for (const node of headings) node.depth = Math.min(6, node.depth + shift) as 1 | 2 | 3 | 4 | 5 | 6
  }
}
