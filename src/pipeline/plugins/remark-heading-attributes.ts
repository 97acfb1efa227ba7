/**
 * Heading attributes as kramdown, Pandoc, Hugo and markdown-it-attrs write
 * them: `## Prepare {#prepare}` (also `{#id .class}`, `{.class}`, kramdown's
 * `{: #id}`) sets the heading's id and is not printed, so in-page links to
 * `#prepare` keep working in every format. Classes are presentational and
 * dropped (the sanitizer would drop them anyway).
 */
import type {Heading, Root} from 'mdast'
import {eachNode} from '../walk.js'

const attributes = /[ \t]*\\?\{:?[ \t]*((?:[#.][\w:.-]+[ \t]*)+)\\?\}[ \t]*$/

export default function remarkHeadingAttributes() {
  return function (tree: Root) {
    eachNode(tree, (node) => {
      if (node.type === 'heading') {
        setAttributes(node)
        return false
      }
      // No heading is inside a paragraph.
      return node.type === 'paragraph' ? false : undefined
    })
  }
}

function setAttributes(heading: Heading): void {
  const last = heading.children[heading.children.length - 1]
  if (last?.type !== 'text') return
  const match = attributes.exec(last.value)
  if (!match) return
  last.value = last.value.slice(0, match.index)
  if (last.value === '') heading.children.pop()
  const id = /#([\w:.-]+)/.exec(match[1]!)?.[1]
  if (id) heading.data = {...heading.data, hProperties: {...heading.data?.hProperties, id}}
}
