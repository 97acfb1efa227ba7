/**
 * After sanitizing: make the tree valid, modern HTML5 that passes the Nu
 * checker — obsolete `align` becomes a class (empty headings are gone:
 * `rehype-content-model.ts`), ids are unique, every heading gets an id
 * (github-slugger), images get `alt` — then collect the outline.
 *
 * Ids: those the page templates use around the body (`../hast/template-ids.ts`)
 * are never given to an element of the article; those GFM generates for
 * footnotes (the notes, their heading, the references) are claimed first, so
 * that a reference, its back link and `aria-describedby` always reach the
 * footnote; then the author's, in document order. An author's id that a
 * template or a footnote holds is renamed (with a warning), one that an
 * earlier element of the author holds is removed; heading ids are made last,
 * around all of them.
 */
import type {Element, Root} from 'hast'
import {toText} from 'hast-util-to-text'
import GithubSlugger from 'github-slugger'
import type {VFile} from 'vfile'
import {diagnostics, report} from '../../diagnostics.js'
import {footnoteSection} from '../hast/footnotes.js'
import {reservedIds} from '../hast/template-ids.js'
import {eachElement} from '../walk.js'

const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const source = 'pressroom:ids'

export default function rehypeHtml5() {
  return function (tree: Root, file: VFile) {
    const slugger = new GithubSlugger()
    const ids = uniqueIds(tree, file, slugger)
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

/**
 * Make the ids of a tree unique, generated ones first (see the module's
 * comment).
 *
 * @param tree
 *   Article tree (changed).
 * @param file
 *   File to report renamed ids on.
 * @param slugger
 *   Slugger that makes heading ids; it learns every id kept.
 * @returns
 *   The ids in use.
 */
function uniqueIds(tree: Root, file: VFile, slugger: GithubSlugger): Set<string> {
  /** Who holds each id: the page template, the footnotes, or the author (`undefined`). */
  const holders = new Map<string, string | undefined>()
  const claim = (id: string, holder?: string) => {
    holders.set(id, holder)
    slugger.slug(id)
  }
  for (const id of reservedIds) claim(id, 'the page template')

  // What remark-rehype generated for footnotes: the section's heading and
  // notes, and the references to those notes; every other id is the author's.
  const own = new Set<Element>()
  const footnotes = footnoteSection(tree)
  for (const child of footnotes?.children ?? []) {
    if (child.type !== 'element') continue
    if (child.tagName === 'h2') own.add(child)
    if (child.tagName !== 'ol') continue
    for (const item of child.children) if (item.type === 'element' && item.tagName === 'li') own.add(item)
  }
  const notes = new Set([...own].filter((node) => node.tagName === 'li').map((node) => '#' + String(node.properties['id'])))
  const generated: Element[] = []
  const authored: Element[] = []
  eachElement(tree, (node) => {
    const id = node.properties['id']
    if (id === undefined) return
    if (typeof id !== 'string' || id === '' || /\s/.test(id)) delete node.properties['id']
    else if (own.has(node) || (node.tagName === 'a' && node.properties['dataFootnoteRef'] !== undefined && notes.has(String(node.properties['href'])))) generated.push(node)
    else authored.push(node)
  })

  for (const node of generated) {
    const id = String(node.properties['id'])
    // GFM numbers a second reference to a note (`fnref-1-2`): only a look-alike in raw HTML repeats an id; the first keeps it.
    // (No footnote id is a template's: those are `fn-…`, `fnref-…` and `footnote-label`.)
    if (holders.has(id)) delete node.properties['id']
    else claim(id, 'the footnotes')
  }
  // The author's ids where they are free, in document order; a repeat goes.
  const clashing: Element[] = []
  for (const node of authored) {
    const id = String(node.properties['id'])
    if (!holders.has(id)) claim(id)
    else if (holders.get(id) === undefined) delete node.properties['id']
    else clashing.push(node)
  }
  // Those a template or a footnote holds get the first free `id-1`, `id-2`….
  for (const node of clashing) {
    const id = String(node.properties['id'])
    let count = 1
    while (holders.has(`${id}-${count}`)) count++
    const renamed = `${id}-${count}`
    node.properties['id'] = renamed
    claim(renamed)
    report(file, diagnostics.renamedId, [id, renamed, holders.get(id)!], {place: node, source})
  }
  return new Set(holders.keys())
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
