/**
 * After sanitizing: make the tree valid, modern HTML5 that passes the Nu
 * checker — obsolete `align` becomes a class (empty headings are gone:
 * `rehype-content-model.ts`), ids are unique, every heading gets an id (github-slugger), images get `alt` —
 * then collect the outline.
 */
import type {Element, Root} from 'hast'
import {toText} from 'hast-util-to-text'
import GithubSlugger from 'github-slugger'
import type {VFile} from 'vfile'
import {eachElement} from '../walk.js'

const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

export default function rehypeHtml5() {
  return function (tree: Root, file: VFile) {
    const slugger = new GithubSlugger()
    const ids = new Set<string>()
    // Ids the author wrote are reserved first, so generated ones never collide.
    eachElement(tree, (node) => {
      const id = node.properties['id']
      if (typeof id === 'string' && id !== '') {
        if (ids.has(id) || /\s/.test(id)) delete node.properties['id']
        else {
          ids.add(id)
          slugger.slug(id)
        }
      } else if (id !== undefined) delete node.properties['id']
    })
    const data = file.data.pressroom
    const toc: Array<{depth: number; id: string; text: string}> = []
    eachElement(tree, (node) => {
      const align = node.properties['align']
      if (align !== undefined) {
        delete node.properties['align']
        if (typeof align === 'string' && /^(left|right|center|justify)$/.test(align)) addClass(node, `align-${align}`)
      }
      if (headings.has(node.tagName)) {
        const text = toText(node).trim()
        if (node.properties['id'] === undefined) {
          // XML ids (EPUB) cannot start with a digit or hyphen.
          let id = slugger.slug(text || 'section')
          if (!/^[\p{L}_]/u.test(id)) id = slugger.slug(`h-${id}`)
          node.properties['id'] = id
          ids.add(id)
        }
        // The outline, in the same walk (nothing below changes a heading's text or id).
        if (/^h[2-4]$/.test(node.tagName) && !isFootnoteLabel(node)) toc.push({depth: Number(node.tagName[1]), id: String(node.properties['id']), text})
      }
      if (node.tagName === 'img' && node.properties['alt'] === undefined) node.properties['alt'] = ''
      return undefined
    })
    if (data) data.toc = toc
  }
}

function isFootnoteLabel(node: Element): boolean {
  return node.properties['id'] === 'footnote-label'
}

function addClass(node: Element, name: string): void {
  const current = node.properties['className']
  const list = Array.isArray(current) ? current.map(String) : typeof current === 'string' ? String(current).split(/\s+/) : []
  if (!list.includes(name)) list.push(name)
  node.properties['className'] = list
}
