/**
 * Long articles in several content documents. Reading systems load a
 * content document whole, and several limit its size to a few hundred KB (a
 * 5 MB article in one file overflowed EPUBCheck's own stack), so a body
 * above {@link maxBodyBytes} is split between its top-level blocks: at
 * headings, its sections packed into as few documents as fit, and between
 * other blocks only when one section alone is too long. A block is never
 * cut (a 1 MB table stays one document).
 *
 * Links follow the split: a `#fragment` whose target went to another
 * document becomes `other.xhtml#fragment`; an ARIA id reference (which must
 * stay in its document) to an id elsewhere is dropped.
 */
import type {Element, ElementContent} from 'hast'
import {serializeBlock, type BodyBlock} from './xhtml.js'
import {idReferenceAttributes} from './xhtml-schema.js'

/** Bytes of body XHTML above which an article is split (the header and template add about 1 KB). */
export const maxBodyBytes = 240_000

/**
 * Group the body's blocks into documents of at most `limit` bytes where the
 * blocks allow.
 *
 * @param blocks
 *   Top-level blocks, in order.
 * @param limit
 *   Bytes per document (default: {@link maxBodyBytes}).
 * @returns
 *   One list of blocks per document (one list when the body fits).
 */
export function packBlocks(blocks: readonly BodyBlock[], limit: number = maxBodyBytes): BodyBlock[][] {
  const total = blocks.reduce((sum, block) => sum + block.bytes + 1, 0)
  if (total <= limit) return [[...blocks]]
  // Sections: a heading and the blocks up to the next one (the opening has none).
  const sections: BodyBlock[][] = []
  for (const block of blocks) {
    if (block.heading || sections.length === 0) sections.push([block])
    else sections.at(-1)!.push(block)
  }
  const parts: BodyBlock[][] = []
  let current: BodyBlock[] = []
  let size = 0
  const flush = () => {
    if (current.length > 0) parts.push(current)
    current = []
    size = 0
  }
  for (const section of sections) {
    const sectionSize = section.reduce((sum, block) => sum + block.bytes + 1, 0)
    if (size > 0 && size + sectionSize > limit) flush()
    for (const block of section) {
      // A section longer than a document: split between its blocks.
      if (size > 0 && size + block.bytes + 1 > limit) flush()
      current.push(block)
      size += block.bytes + 1
    }
  }
  flush()
  return parts
}

/**
 * Make the links of split documents point across them.
 *
 * @param parts
 *   Blocks per document.
 * @param files
 *   File name (href in the book) of each document.
 * @param reserved
 *   Ids of the first document's header (e.g. the title's).
 * @returns
 *   The XHTML of each document's body, and the document of each id.
 */
export function relinkParts(
  parts: readonly BodyBlock[][],
  files: readonly string[],
  reserved: Iterable<string> = []
): {bodies: string[]; fileOf: Map<string, string>} {
  const fileOf = new Map<string, string>()
  for (const id of reserved) fileOf.set(id, files[0]!)
  parts.forEach((blocks, index) => {
    for (const block of blocks) collectIds(block.node, (id) => fileOf.set(id, files[index]!))
  })
  const bodies = parts.map((blocks, index) => {
    const here = files[index]!
    return blocks
      .map((block) => {
        if (parts.length === 1) return block.xhtml
        const {node, changed} = relink(block.node, here, fileOf)
        return changed ? serializeBlock(node) : block.xhtml
      })
      .join('\n')
  })
  return {bodies, fileOf}
}

function collectIds(node: ElementContent, add: (id: string) => void): void {
  if (node.type !== 'element') return
  const id = node.properties['id']
  if (typeof id === 'string' && id !== '') add(id)
  for (const child of node.children) collectIds(child, add)
}

/** A copy of the node with cross-document references fixed (the same node when none). */
function relink(node: ElementContent, here: string, fileOf: ReadonlyMap<string, string>): {node: ElementContent; changed: boolean} {
  if (node.type !== 'element') return {node, changed: false}
  let changed = false
  let properties = node.properties
  const href = properties['href']
  if (typeof href === 'string' && href.startsWith('#')) {
    const file = fileOf.get(href.slice(1))
    if (file !== undefined && file !== here) {
      properties = {...properties, href: file + href}
      changed = true
    }
  }
  for (const key of idReferenceAttributes) {
    const value = properties[key]
    if (value === undefined || value === null) continue
    const tokens = (Array.isArray(value) ? value.map(String) : String(value).split(/\s+/)).filter(Boolean)
    const kept = tokens.filter((token) => fileOf.get(token) === undefined || fileOf.get(token) === here)
    if (kept.length !== tokens.length) {
      properties = {...properties}
      if (kept.length > 0) properties[key] = kept
      else delete properties[key]
      changed = true
    }
  }
  const children = node.children.map((child) => {
    const result = relink(child, here, fileOf)
    if (result.changed) changed = true
    return result.node
  })
  if (!changed) return {node, changed: false}
  const copy: Element = {...node, properties, children}
  return {node: copy, changed: true}
}
