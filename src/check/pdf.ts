/**
 * PDF structure checks through `pdf-lib` (no poppler, no qpdf): the file
 * loads, has pages, is tagged (`/MarkInfo`, `/StructTreeRoot`), has a
 * `/Lang` and an Info `/Title`, and embeds every font.
 */
import {PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFObject} from 'pdf-lib'
import type {VFile} from 'vfile'
import {diagnostics} from '../diagnostics.js'
import {flag} from './flag.js'

/**
 * Check a PDF file.
 *
 * @param file
 *   Checked file.
 * @param bytes
 *   Contents.
 */
export async function checkPdf(file: VFile, bytes: Uint8Array): Promise<void> {
  let document: PDFDocument
  try {
    document = await PDFDocument.load(bytes, {updateMetadata: false, throwOnInvalidObject: true})
  } catch (error) {
    flag(file, diagnostics.pdfInvalid, [(error as Error).message], {cause: error})
    return
  }
  if (document.getPageCount() === 0) flag(file, diagnostics.pdfNoPages, [])

  const catalog = document.catalog
  const markInfo = catalog.lookup(PDFName.of('MarkInfo'))
  const marked = markInfo instanceof PDFDict ? markInfo.lookup(PDFName.of('Marked')) : undefined
  if (!(marked instanceof PDFBool && marked.asBoolean())) flag(file, diagnostics.pdfNotTagged, [])
  if (!(catalog.lookup(PDFName.of('StructTreeRoot')) instanceof PDFDict)) flag(file, diagnostics.pdfNoStructTree, [])
  if (!textOf(catalog.lookup(PDFName.of('Lang')))) flag(file, diagnostics.pdfNoLang, [])
  if (!document.getTitle()?.trim()) flag(file, diagnostics.pdfNoTitle, [])

  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.lookup(PDFName.of('Type')) !== PDFName.of('Font')) continue
    const subtype = object.lookup(PDFName.of('Subtype'))
    // Type 3 glyphs are content streams; a Type 0 font's file is on its descendant.
    if (subtype === PDFName.of('Type3') || subtype === PDFName.of('Type0')) {
      if (subtype === PDFName.of('Type3')) continue
      const descendants = object.lookup(PDFName.of('DescendantFonts'))
      const descendant = descendants && 'lookup' in descendants ? (descendants as unknown as {lookup(index: number): PDFObject}).lookup(0) : undefined
      if (!(descendant instanceof PDFDict) || !isEmbedded(descendant)) flag(file, diagnostics.pdfFontNotEmbedded, [fontName(object)])
      continue
    }
    if (!isEmbedded(object)) flag(file, diagnostics.pdfFontNotEmbedded, [fontName(object)])
  }
}

/** Whether a (simple or CID) font's descriptor holds a font program. */
function isEmbedded(font: PDFDict): boolean {
  const descriptor = font.lookup(PDFName.of('FontDescriptor'))
  if (!(descriptor instanceof PDFDict)) return false
  return ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.has(PDFName.of(key)))
}

function fontName(font: PDFDict): string {
  const name = font.lookup(PDFName.of('BaseFont'))
  return name instanceof PDFName ? name.decodeText() : '(unnamed)'
}

function textOf(value: PDFObject | undefined): string {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText().trim() : ''
}
