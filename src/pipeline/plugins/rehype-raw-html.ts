/**
 * rehype-raw, run only when the article has raw HTML: re-parsing the whole
 * tree through parse5 costs about a third of the normalization of a long
 * article, and most articles have no HTML at all.
 */
import type {Root} from 'hast'
import {raw} from 'hast-util-raw'
import {visit, EXIT} from 'unist-util-visit'
import type {VFile} from 'vfile'

export default function rehypeRawHtml() {
  return function (tree: Root, file: VFile): Root | undefined {
    let found = false
    visit(tree, 'raw', () => {
      found = true
      return EXIT
    })
    return found ? (raw(tree, {file}) as Root) : undefined
  }
}
