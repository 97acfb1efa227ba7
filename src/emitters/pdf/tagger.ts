/**
 * Tagging: a lazily built structure tree and the marked-content bookkeeping
 * that ties drawn content to it. A structure element is created the first
 * time content is drawn for it (so empty elements never appear), and marked
 * content is closed before every page break, so none leaks into the running
 * header and footer, which are artifacts.
 */
import type {Pdf, PdfStructureElement} from './pdf.js'

/** A node of the structure tree, created in the PDF on first use. */
export interface StructNode {
  /** Standard structure type: `H1`, `P`, `L`, `LI`, `Lbl`, `LBody`, `Link`, `Table`… */
  type: string
  /** pdfkit structure options (`alt`, `lang`, `scope`, `actual`…). */
  options: Record<string, unknown>
  parent: StructNode | undefined
  elem?: PdfStructureElement
  ended?: boolean
}

/** Marked-content and structure services of one document. */
export interface Tagger {
  /** The `Document` element all others descend from. */
  root: StructNode
  /** Create a node (not yet in the PDF). */
  node(type: string, parent: StructNode, options?: Record<string, unknown>): StructNode
  /** Make sure the node exists in the PDF (with its ancestors); returns the element. */
  ensure(node: StructNode): PdfStructureElement
  /** Mark what is drawn next as content of `node`. */
  use(node: StructNode): void
  /** Whether what is drawn now is content of `node` (`use` would write nothing). */
  isCurrent(node: StructNode): boolean
  /** Close the open marked content, if any. */
  close(): void
  /** Draw `draw` as an artifact (not part of the content). */
  artifact(draw: () => void, type?: 'Pagination' | 'Layout'): void
  /** End a node early (links: their annotations must be flushed on their page). */
  end(node: StructNode): void
}

/**
 * Create the tagger of a document.
 *
 * @param doc
 *   pdfkit document (created with `tagged: true`).
 * @param lang
 *   Language of the document (set on the `Document` element).
 * @returns
 *   Tagger.
 */
export function createTagger(doc: Pdf, lang: string): Tagger {
  let current: StructNode | undefined
  const root: StructNode = {type: 'Document', options: {lang}, parent: undefined}

  const tagger: Tagger = {
    root,
    node(type, parent, options = {}) {
      return {type, options, parent}
    },
    ensure(node) {
      if (node.elem) return node.elem
      const elem = doc.struct(node.type, node.options)
      if (node.parent) tagger.ensure(node.parent).add(elem)
      else doc.addStructure(elem)
      node.elem = elem
      return elem
    },
    use(node) {
      if (current === node) return
      tagger.close()
      const elem = tagger.ensure(node)
      elem.add(doc.markStructureContent(node.type))
      current = node
    },
    isCurrent(node) {
      return current === node
    },
    close() {
      if (current) {
        doc.endMarkedContent()
        current = undefined
      }
    },
    artifact(draw, type = 'Layout') {
      tagger.close()
      doc.markContent('Artifact', {type})
      draw()
      doc.endMarkedContent()
    },
    end(node) {
      if (node.elem && !node.ended) {
        if (current === node) tagger.close()
        node.elem.end()
        node.ended = true
      }
    }
  }
  return tagger
}
