/**
 * rehype-raw, run only when the article has raw HTML: re-parsing the whole
 * tree through parse5 costs about a third of the normalization of a long
 * article, and most articles have no HTML at all.
 */
import type {Root, RootContent} from 'hast'
import {raw} from 'hast-util-raw'
import type {VFile} from 'vfile'

export default function rehypeRawHtml() {
  return function (tree: Root, file: VFile): Root | undefined {
    return hasRaw(tree.children) ? (raw(tree, {file}) as Root) : undefined
  }
}

/** Whether a `raw` node is among `nodes` or under them (a plain loop: see `../walk.ts`). */
function hasRaw(nodes: readonly RootContent[]): boolean {
  for (const node of nodes) {
    if (node.type === 'raw' || ('children' in node && hasRaw(node.children))) return true
  }
  return false
}
