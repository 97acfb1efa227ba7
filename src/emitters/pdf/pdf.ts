/**
 * The part of pdfkit's document API the emitter uses, typed here because
 * `@types/pdfkit` lags behind pdfkit 0.20 (structure, named destinations,
 * font objects, image objects).
 */
import PDFDocument from 'pdfkit'

/** A pdfkit structure element. */
export interface PdfStructureElement {
  add(child: unknown): PdfStructureElement
  end(): void
}

/** An object pdfkit accepts as an already-opened image. */
export interface PdfImageObject {
  width: number
  height: number
  label: string
  obj: unknown
  embed(doc: Pdf): void
}

/** A pdfkit indirect object. */
export interface PdfReference {
  data: Record<string, unknown>
  end(chunk?: Uint8Array): void
}

/** A font embedded in one pdfkit document (pdfkit's `EmbeddedFont`). */
export interface PdfFont {
  id: string
  /** 1000 / unitsPerEm. */
  scale: number
  ref(): unknown
  /** fontkit subset: original glyph ids by CID. */
  subset: {glyphs: number[]; includeGlyph(id: number): number}
  /** Code points by CID (the `ToUnicode` map). */
  unicode: Array<number[] | undefined>
  /** Advance widths by CID, in thousandths of an em. */
  widths: Array<number | undefined>
  /** CIDs (hex) by glyph id and code points (added here). */
  pressroomCids?: Map<string, string>
  /** A `TJ` array's content by prepared piece's serial number (added here, see `draw.ts`). */
  pressroomBodies?: Map<number, string>
}

/** The pdfkit document, as used here. */
export interface Pdf {
  page: {width: number; height: number; dictionary: unknown; fonts: Record<string, unknown>; write(chunk: Uint8Array): void}
  /** The current font (private in pdfkit; used to encode glyphs). */
  _font: PdfFont
  /** Writes a piece of the file (private in pdfkit; replaced to collect it). */
  _write(data: unknown): void
  /** Bytes written so far (private in pdfkit). */
  _offset: number
  addContent(data: string | Uint8Array): Pdf
  info: Record<string, unknown>
  on(event: 'data', listener: (chunk: Uint8Array) => void): void
  on(event: 'end' | 'error', listener: (error?: Error) => void): void
  addPage(options?: Record<string, unknown>): Pdf
  flushPages(): void
  continueOnNewPage(options?: Record<string, unknown>): Pdf
  switchToPage(index: number): unknown
  bufferedPageRange(): {start: number; count: number}
  font(src: unknown, family?: string): Pdf
  fontSize(size: number): Pdf
  fillColor(color: string, opacity?: number): Pdf
  strokeColor(color: string): Pdf
  lineWidth(width: number): Pdf
  text(text: string, x: number, y: number, options?: Record<string, unknown>): Pdf
  moveTo(x: number, y: number): Pdf
  lineTo(x: number, y: number): Pdf
  rect(x: number, y: number, width: number, height: number): Pdf
  fill(color?: string): Pdf
  stroke(color?: string): Pdf
  image(src: unknown, x: number, y: number, options?: Record<string, unknown>): Pdf
  link(x: number, y: number, width: number, height: number, url: string, options?: Record<string, unknown>): Pdf
  annotate(x: number, y: number, width: number, height: number, options: Record<string, unknown>): Pdf
  addNamedDestination(name: string, ...args: Array<string | number | null>): void
  struct(type: string, options?: Record<string, unknown>): PdfStructureElement
  addStructure(elem: PdfStructureElement): Pdf
  markContent(tag: string, options?: Record<string, unknown>): Pdf
  markStructureContent(tag: string, options?: Record<string, unknown>): unknown
  endMarkedContent(): Pdf
  ref(data: Record<string, unknown>): PdfReference
  endMetadata(): void
  end(): void
}

/**
 * Create a pdfkit document.
 *
 * @param options
 *   pdfkit options.
 * @returns
 *   The document.
 */
export function createPdf(options: Record<string, unknown>): Pdf {
  return new PDFDocument(options as PDFKit.PDFDocumentOptions) as unknown as Pdf
}
