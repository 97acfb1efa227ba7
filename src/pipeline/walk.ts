/**
 * Tree walks for the normalizing plugins, hand-written instead of
 * `unist-util-visit`: it builds a closure (and a parents array) for every
 * node it passes, and a dozen walks over every article made it about a tenth
 * of normalize's time in `--cpu-prof` profiles of the bench (with its share
 * of garbage collection besides). These are plain loops, in the same order
 * (preorder, document order) and with the same answers to mutation:
 *
 * - return `false` from a visitor: do not enter this node's children;
 * - return a number: go on at that index of the parent (after splicing it),
 *   without entering this node's children (as `[SKIP, index]`).
 *
 * The parent's `children` is read again at each step, so a visitor may
 * replace or splice it.
 */
import type {Element, Root as HastRoot} from 'hast'
import type {Nodes as MdastNodes, Parent as MdastParent} from 'mdast'

/** What a visitor returns: nothing (go on), `false` (skip the children) or the index to go on at. */
export type Next = void | undefined | boolean | number

/**
 * Visit every element under `tree`, in preorder (not `tree` itself).
 *
 * @param tree
 *   Root or element.
 * @param visitor
 *   Called with each element, its index and its parent.
 */
export function eachElement(tree: HastRoot | Element, visitor: (node: Element, index: number, parent: HastRoot | Element) => Next): void {
  let index = 0
  while (index < tree.children.length) {
    const child = tree.children[index]!
    if (child.type === 'element') {
      const next = visitor(child, index, tree)
      if (typeof next === 'number') {
        index = next
        continue
      }
      if (next !== false) eachElement(child, visitor)
    }
    index++
  }
}

/**
 * Visit every mdast node under `tree`, in preorder (not `tree` itself).
 *
 * @param tree
 *   Any parent.
 * @param visitor
 *   Called with each node; `false` skips its children, `true` stops the walk.
 * @returns
 *   Whether the walk was stopped.
 */
export function eachNode(tree: MdastParent, visitor: (node: MdastNodes) => boolean | void): boolean {
  for (const child of tree.children) {
    const next = visitor(child)
    if (next === true) return true
    if (next !== false && 'children' in child && eachNode(child, visitor)) return true
  }
  return false
}
