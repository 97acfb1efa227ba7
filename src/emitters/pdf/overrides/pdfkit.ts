/**
 * The overrides of pdfkit internals: each says why pdfkit's public API is
 * not enough. `tests/emitters/pdf/overrides.test.ts` compares each one's
 * bytes with what pdfkit gives without it.
 */
import type * as fontkit from 'fontkit'
import type {CachedImage} from '../images.js'
import type {Pdf, PdfFont, PdfImageObject} from '../pdf.js'
import './versions.js'

/**
 * `endMetadata`: pdfkit copies Title, Author, Subject and Creator into the
 * XMP metadata without escaping them, and has no option to escape them:
 * escape them there (only there; the Info dictionary is a PDF string).
 */
export function escapeMetadata(doc: Pdf): void {
  const original = doc.endMetadata.bind(doc)
  doc.endMetadata = () => {
    const saved = doc.info
    const escaped: Record<string, unknown> = {...saved}
    for (const key of ['Title', 'Author', 'Subject', 'Creator']) {
      const value = saved[key]
      if (typeof value === 'string') escaped[key] = escapeXml(value)
    }
    doc.info = escaped
    try {
      original()
    } finally {
      doc.info = saved
    }
  }
}

function escapeXml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

/** The content of the page being written (see {@link batchContent}; rendering is synchronous between flushes). */
let scratch = Buffer.allocUnsafe(1 << 16)

/**
 * `addContent` (with `flushPages`, `continueOnNewPage` and `end`, which
 * close marked content by writing to the page): pdfkit turns each content
 * operator into bytes on its own (a loop over the characters) and keeps them
 * as as many chunks, and its API takes operators one at a time. Collect a
 * page's operators in a string and hand them to the page in one piece, when
 * another page gets content and before pages are ended. The stream is the
 * same, byte for byte: operators in order, each followed by a line break.
 */
export function batchContent(doc: Pdf): void {
  let page: Pdf['page'] | undefined
  // The operators are written as they come into one buffer, reused by every
  // page and document (a string grown operator by operator is a rope of
  // thousands of pieces, flattened at the end at a cost); the page gets a
  // copy.
  let length = 0
  const flush = () => {
    if (page && length > 0) page.write(Buffer.from(scratch.subarray(0, length)))
    length = 0
  }
  doc.addContent = (data) => {
    if (doc.page !== page) {
      flush()
      page = doc.page
    }
    if (typeof data === 'string') {
      // One byte per UTF-16 unit (its low byte), as pdfkit writes it.
      if (length + data.length + 1 > scratch.length) {
        const grown = Buffer.allocUnsafe(Math.max(scratch.length * 2, length + data.length + 1))
        scratch.copy(grown, 0, 0, length)
        scratch = grown
      }
      length += scratch.write(data, length, 'latin1')
      scratch[length++] = 0x0a
    } else {
      flush()
      page.write(data)
    }
    return doc
  }
  for (const name of ['flushPages', 'continueOnNewPage', 'end'] as const) {
    const original = doc[name].bind(doc) as (...values: unknown[]) => unknown
    ;(doc as unknown as Record<string, unknown>)[name] = (...parameters: unknown[]) => {
      flush()
      return original(...parameters)
    }
  }
}

/**
 * `_write` and `_offset`: pdfkit turns every piece of every object into its
 * own byte array and pushes it through its stream, where it waits, with
 * thousands of others, for the end of the document; the public API only
 * offers that stream. Write the document into one growing buffer instead.
 * Same bytes, same offsets: a string is written with a line break after it,
 * one byte per UTF-16 unit (its low byte), as pdfkit writes it.
 *
 * @returns
 *   A function returning the bytes written so far (after the header, which
 *   pdfkit wrote to its stream when the document was created).
 */
export function collectOutput(doc: Pdf): () => Uint8Array {
  let buffer = Buffer.allocUnsafe(1 << 16)
  let length = 0
  const reserve = (size: number) => {
    if (length + size <= buffer.length) return
    const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, length + size))
    buffer.copy(grown, 0, 0, length)
    buffer = grown
  }
  doc._write = (data) => {
    let size: number
    if (data instanceof Uint8Array) {
      reserve(data.length)
      buffer.set(data, length)
      size = data.length
    } else {
      const text = `${data as string}\n`
      reserve(text.length)
      size = buffer.write(text, length, 'latin1')
    }
    length += size
    doc._offset += size
  }
  return () => buffer.subarray(0, length)
}

/**
 * `_font` and `page.fonts`: the emitter draws glyphs it laid out itself
 * (`text()` would lay the string out again, wrap it and pick one CID per
 * glyph), so it needs pdfkit's embedded font (its subset and CID maps) and
 * has to list the font in the page's resources, as `text()` does.
 *
 * @param doc
 *   Document.
 * @param font
 *   fontkit font (as handed to pdfkit) and its family name in the document.
 * @returns
 *   The embedded font.
 */
export function useFont(doc: Pdf, font: fontkit.Font, key: string): PdfFont {
  doc.font(font, key)
  const embedded = doc._font
  if (doc.page.fonts[embedded.id] == null) doc.page.fonts[embedded.id] = embedded.ref()
  return embedded
}

/**
 * `subset`, `unicode` and `widths` of an embedded font: pdfkit maps a glyph
 * to the characters of its first use. When the same glyph stands for others
 * (Arabic kaf and Persian keheh share forms), it gets another CID (a copy in
 * the subset), so text extraction gives each use its own characters.
 *
 * @param embedded
 *   Font in this document.
 * @param glyph
 *   Glyph id in the font.
 * @param codePoints
 *   Characters the glyph stands for here.
 * @param width
 *   Advance width in thousandths of an em.
 * @returns
 *   The CID.
 */
export function cidOf(embedded: PdfFont, glyph: number, codePoints: number[], width: number): number {
  let id = embedded.subset.includeGlyph(glyph)
  const existing = embedded.unicode[id]
  if (existing && existing.join(',') !== codePoints.join(',')) {
    embedded.subset.glyphs.push(glyph)
    id = embedded.subset.glyphs.length - 1
  }
  embedded.unicode[id] = codePoints
  embedded.widths[id] = width
  return id
}

/**
 * pdfkit's already-opened image (an object with `embed(doc)`, its internal
 * image protocol): a PNG with an alpha channel, split into colour and soft
 * mask once per process (`images.ts`), where pdfkit's public `image()`
 * decodes and splits it again for every document.
 *
 * @param image
 *   Split image.
 * @param label
 *   Its name in the document's resources.
 * @returns
 *   An object `doc.image()` accepts.
 */
export function splitImage(image: Extract<CachedImage, {kind: 'split'}>, label: string): PdfImageObject {
  return {
    width: image.width,
    height: image.height,
    label,
    obj: null,
    embed(doc) {
      const common = {Type: 'XObject', Subtype: 'Image', Width: image.width, Height: image.height, BitsPerComponent: 8, Filter: 'FlateDecode'}
      const smask = doc.ref({...common, ColorSpace: 'DeviceGray', Decode: [0, 1]})
      smask.end(image.alpha)
      const obj = doc.ref({...common, ColorSpace: image.colorSpace, SMask: smask})
      obj.end(image.data)
      this.obj = obj
    }
  }
}
