/**
 * What the web page adds to an article's HTML tree for readers of assistive
 * technology and keyboard users, found by axe-core in the browser suite:
 *
 * - a task list's checkbox is named by its item's text (`aria-label`): GFM
 *   writes a bare `<input type="checkbox" disabled>`, which has no name;
 * - code blocks and tables, which scroll sideways inside their box on a
 *   narrow screen rather than widen the page, can take the keyboard focus
 *   (`tabindex="0"`), so that they can be scrolled without a mouse.
 *
 * The article's tree is shared by every emitter: this works on a copy.
 */
import type {Element, ElementContent, Root} from 'hast'
import {toText} from 'hast-util-to-text'

/**
 * A copy of the tree with the web page's accessibility additions.
 *
 * @param tree
 *   The article's sanitized HTML tree (not changed).
 * @returns
 *   New tree.
 */
export function accessibleTree(tree: Root): Root {
  return {...tree, children: tree.children.map((child) => (child.type === 'element' ? visit(child) : child))}
}

function visit(node: Element): Element {
  const children = node.children.map((child) => (child.type === 'element' ? visit(child) : child))
  const properties = {...node.properties}
  if (node.tagName === 'pre' || node.tagName === 'table') properties['tabIndex'] = 0
  const next: Element = {...node, properties, children}
  for (const [index, child] of children.entries()) {
    if (child.type === 'element' && isCheckbox(child) && child.properties['ariaLabel'] === undefined) {
      const label = itemText(next)
      if (label) children[index] = {...child, properties: {...child.properties, ariaLabel: label}}
    }
  }
  return next
}

function isCheckbox(node: Element): boolean {
  return node.tagName === 'input' && String(node.properties['type'] ?? '').toLowerCase() === 'checkbox'
}

/** Text of a task item (the `li`, or its first paragraph), without its nested lists. */
function itemText(parent: Element): string {
  const own: ElementContent[] = parent.children.filter((child) => !(child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')))
  return toText({...parent, children: own}).replace(/\s+/g, ' ').trim()
}
