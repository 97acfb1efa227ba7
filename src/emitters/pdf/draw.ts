/**
 * Text drawing without pdfkit's `text()`: the pieces of a line in one text
 * object (`BT`, the colour and font when they change, a text matrix where a
 * run of pieces starts and one `TJ` for the run, then `ET`), glyphs
 * subset through pdfkit's embedded font (so subsetting and the font
 * dictionaries stay pdfkit's), positions from the layout. pdfkit's `text()`
 * lays the string out again to measure it, wraps it, and handles options
 * none of which apply to a piece already placed.
 *
 * The glyphs and positions of a piece are computed once per process; only
 * the mapping to the document's CIDs is per document.
 */
import {BoundedCache} from './cache.js'
import {layoutOf, type Glyph, type LoadedFont} from './fonts.js'
import {cidOf, useFont} from './overrides/pdfkit.js'
import type {Pdf, PdfFont} from './pdf.js'

/** The glyphs of a piece of text, ready to encode (positions in 1/1000 em). */
interface Prepared {
  ids: number[]
  /** Code points each glyph stands for, in the order extraction expects. */
  codePoints: number[][]
  /** `id:codePoints`, the key of a CID. */
  keys: string[]
  advances: number[]
  xAdvance: number[]
  xOffset: number[]
  yOffset: number[]
  /** No glyph is raised or lowered (the operators do not depend on the size). */
  flat: boolean
  /** The advance of the whole piece, in thousandths of an em. */
  width: number
  /** A number unique to this piece in the process (the key of its operators in a document, see `addGlyphs`). */
  serial: number
}

/** Serial numbers of prepared pieces. */
let serials = 0

/**
 * Per font, by direction and text (bounded: words repeat across documents).
 * Two caches (left to right, right to left) keyed by the text itself: a key
 * made by concatenation would be a new string to flatten and hash per piece.
 */
const prepared = new WeakMap<LoadedFont['original'], [BoundedCache<string, Prepared>, BoundedCache<string, Prepared>]>()
const colors = new Map<string, string>()

/**
 * A text object being written (`BT … ET`): the pieces of one line go in one,
 * with the colour and font set only when they change, as both persist in a
 * text object. Nothing but text operators may go inside one (no marked
 * content, no paths): the caller ends it (`endText`) before drawing anything
 * else.
 *
 * Pieces on one baseline in one font, size and colour (the words of a line)
 * share one `TJ`: the space before a piece is a `TJ` adjustment from where
 * the previous piece left the pen, as TeX's PDF drivers write a line. A text
 * matrix per piece would repeat six numbers a word; the page content is what
 * pdfkit compresses, and its size is most of that time. Each gap is written
 * to a millionth of an em, so a line's last word is within a
 * hundred-thousandth of an em of where the layout put it.
 */
export interface TextObject {
  /** Operators so far (empty: not begun). */
  out: string
  /** Colour, font id and size in effect inside it. */
  color: string
  font: string
  size: number
  /** A `TJ` array is open (its `] TJ` not written yet). */
  open: boolean
  /** Where the open `TJ` leaves the pen: x, and its baseline. */
  penX: number
  penY: number
}

/** A text object, not yet begun (see {@link addGlyphs}). */
export function beginText(): TextObject {
  return {out: '', color: '', font: '', size: 0, open: false, penX: 0, penY: 0}
}

/**
 * Add text with its baseline at `(x, y)` (top-down page coordinates) to a
 * text object.
 *
 * @param doc
 *   Document.
 * @param text
 *   Text object (begun by the first piece).
 * @param font
 *   Font.
 * @param size
 *   Size in points.
 * @param color
 *   Fill colour, `#rrggbb`.
 * @param value
 *   Text in the order fontkit lays it out (RTL scripts are reversed by fontkit).
 * @param x
 *   Left edge.
 * @param y
 *   Baseline.
 * @param rtl
 *   Whether the text is a right-to-left run (default: `false`).
 */
export function addGlyphs(
  doc: Pdf,
  text: TextObject,
  font: LoadedFont,
  size: number,
  color: string,
  value: string,
  x: number,
  y: number,
  rtl = false
): void {
  const embedded = useFont(doc, font.font, font.key)
  const glyphs = prepare(font, value, rtl)
  const sameFont = embedded.id === text.font && size === text.size
  // On along the open `TJ` (forward only: a piece to the left, in a line
  // with right-to-left text, gets its own matrix): the gap as an adjustment,
  // in thousandths of the size, negative to the right.
  if (glyphs.flat && text.open && sameFont && color === text.color && y === text.penY && x >= text.penX) {
    const gap = num(((text.penX - x) * 1000) / size)
    text.out += (gap === '0' ? ' ' : ` ${gap} `) + flatParts(embedded, glyphs)
    text.penX = x + (glyphs.width * size) / 1000
    return
  }
  let head = text.out === '' ? 'BT\n' : ''
  if (text.open) {
    head = '] TJ\n'
    text.open = false
  }
  if (color !== text.color) {
    head += `${rgb(color)} rg\n`
    text.color = color
  }
  if (!sameFont) {
    head += `/${embedded.id} ${num(size)} Tf\n`
    text.font = embedded.id
    text.size = size
  }
  head += `1 0 0 -1 ${num(x)} ${num(y)} Tm\n`
  if (glyphs.flat) {
    text.out += head + '[' + flatParts(embedded, glyphs)
    text.open = true
    text.penX = x + (glyphs.width * size) / 1000
    text.penY = y
  } else {
    text.out += head + textBody(embedded, glyphs, size / 1000)
  }
}

/**
 * The `TJ` array's content for a piece without rise: the same at every size,
 * so kept per document (its CIDs are the document's) by the piece's number
 * (a map keyed by objects hashes each key object on first use, and strings
 * kept on the pieces would outlive their document). Words repeat.
 */
function flatParts(embedded: PdfFont, glyphs: Prepared): string {
  let parts = embedded.pressroomBodies?.get(glyphs.serial)
  if (parts === undefined) {
    parts = tjParts(embedded, glyphs, 0, glyphs.ids.length)
    ;(embedded.pressroomBodies ??= new Map()).set(glyphs.serial, parts)
  }
  return parts
}

/**
 * End a text object: write it, if begun, and make it a new one.
 *
 * @param doc
 *   Document.
 * @param text
 *   Text object.
 */
export function endText(doc: Pdf, text: TextObject): void {
  if (text.out === '') return
  // The document batches strings (see `batchContent` in `overrides/pdfkit.ts`); pdfkit
  // adds the line break.
  doc.addContent(text.out + (text.open ? '] TJ\nET' : 'ET'))
  text.out = ''
  text.color = ''
  text.font = ''
  text.size = 0
  text.open = false
}

/**
 * The text operators of a piece with rise, between its text matrix and `ET`:
 * one `TJ` per rise. Marks are placed with `TJ` adjustments (x) and text rise
 * (y), not with new text matrices, so extraction keeps them in their word.
 *
 * @param embedded
 *   The font in this document (CIDs).
 * @param glyphs
 *   Prepared glyphs.
 * @param scale
 *   Font size / 1000.
 * @returns
 *   Content stream text.
 */
function textBody(embedded: PdfFont, glyphs: Prepared, scale: number): string {
  let out = ''
  let start = 0
  let rise = 0
  const count = glyphs.ids.length
  for (let index = 0; index < count; index++) {
    const glyphRise = (glyphs.yOffset[index] ?? 0) * scale
    if (Math.abs(glyphRise - rise) <= 0.0005) continue
    if (index > start) out += `[${tjParts(embedded, glyphs, start, index)}] TJ\n`
    out += `${num(glyphRise)} Ts\n`
    start = index
    rise = glyphRise
  }
  out += `[${tjParts(embedded, glyphs, start, count)}] TJ\n`
  // The rise is graphics state: it would outlast the text object.
  if (rise !== 0) out += '0 Ts\n'
  return out
}

/**
 * The content of a `TJ` array for glyphs `start` to `end` of a piece: their
 * CIDs, with adjustments where the layout moves a glyph off its advance.
 */
function tjParts(embedded: PdfFont, glyphs: Prepared, start: number, end: number): string {
  let parts = ''
  let hex = ''
  for (let index = start; index < end; index++) {
    const xOffset = glyphs.xOffset[index] ?? 0
    if (xOffset) {
      if (hex) parts += `<${hex}> `
      hex = ''
      parts += `${num(-xOffset)} `
    }
    hex += cid(embedded, glyphs, index)
    // Back from the offset, then on by the advance the layout asks for.
    const adjust = (glyphs.xAdvance[index] ?? 0) - (glyphs.advances[index] ?? 0) - xOffset
    if (Math.abs(adjust) > 0.0005) {
      parts += `<${hex}> ${num(-adjust)} `
      hex = ''
    }
  }
  return hex ? parts + `<${hex}>` : parts.trimEnd()
}

/**
 * Glyphs of a text in a font, computed once per process.
 *
 * In a right-to-left run fontkit puts a mark (harakat) before its base in
 * drawing order, with its origin outside the base, so text extraction cannot
 * attach it to its letter: the base is drawn first and its marks after it,
 * at the same place, and the base's glyph stands for the base and its marks
 * (the marks for nothing). The characters of a glyph standing for several
 * (a lam-alef ligature) are listed in visual order in right-to-left text, as
 * poppler reads them before it reorders the line.
 */
function prepare(font: LoadedFont, text: string, rtl: boolean): Prepared {
  let caches = prepared.get(font.original)
  if (!caches) {
    caches = [new BoundedCache(2000), new BoundedCache(2000)]
    prepared.set(font.original, caches)
  }
  const cache = caches[rtl ? 1 : 0]
  const key = text
  let result = cache.get(key)
  if (result) return result
  const run = layoutOf(font, text)
  const units = 1000 / font.font.unitsPerEm
  result = {ids: [], codePoints: [], keys: [], advances: [], xAdvance: [], xOffset: [], yOffset: [], flat: true, width: 0, serial: ++serials}
  const glyphs = run.glyphs
  const add = (glyph: Glyph, codePoints: number[], index: number, shift: number) => {
    const position = run.positions[index]
    const points = rtl && codePoints.length > 1 ? [...codePoints].reverse() : codePoints
    result?.ids.push(glyph.id)
    result?.codePoints.push(points)
    result?.keys.push(glyph.id + ':' + points.join(','))
    result?.advances.push(glyph.advanceWidth * units)
    result?.xAdvance.push((position?.xAdvance ?? 0) * units)
    result?.xOffset.push(((position?.xOffset ?? 0) - shift) * units)
    result?.yOffset.push((position?.yOffset ?? 0) * units)
  }
  let index = 0
  while (index < glyphs.length) {
    let end = index
    if (rtl) while (end < glyphs.length && isMark(glyphs[end] as Glyph, run.positions[end]?.xAdvance ?? 1)) end++
    const base = glyphs[end]
    if (end > index && base) {
      const marks = glyphs.slice(index, end).flatMap((glyph) => glyph.codePoints)
      add(base, [...base.codePoints, ...marks], end, 0)
      const baseAdvance = run.positions[end]?.xAdvance ?? 0
      for (let mark = index; mark < end; mark++) add(glyphs[mark] as Glyph, [], mark, baseAdvance)
      index = end + 1
    } else {
      add(glyphs[index] as Glyph, (glyphs[index] as Glyph).codePoints, index, 0)
      index++
    }
  }
  result.flat = result.yOffset.every((offset) => offset === 0)
  for (const advance of result.xAdvance) result.width += advance
  cache.set(key, result)
  return result
}

const markPattern = /^\p{M}+$/u

function isMark(glyph: Glyph, xAdvance: number): boolean {
  return xAdvance === 0 && glyph.codePoints.length > 0 && markPattern.test(String.fromCodePoint(...glyph.codePoints))
}

/** The CID (hex) of a glyph for the characters it stands for here (see `cidOf`). */
function cid(embedded: PdfFont, glyphs: Prepared, index: number): string {
  const key = glyphs.keys[index] ?? ''
  embedded.pressroomCids ??= new Map()
  let hex = embedded.pressroomCids.get(key)
  if (hex === undefined) {
    // Widths are in thousandths of an em, as the advances.
    const id = cidOf(embedded, glyphs.ids[index] ?? 0, glyphs.codePoints[index] ?? [], glyphs.advances[index] ?? 0)
    hex = ('0000' + id.toString(16)).slice(-4)
    embedded.pressroomCids.set(key, hex)
  }
  return hex
}

function rgb(color: string): string {
  let value = colors.get(color)
  if (!value) {
    const hex = /^#?([\da-f]{6})$/i.exec(color)?.[1] ?? '000000'
    value = [0, 2, 4].map((i) => num(Number.parseInt(hex.slice(i, i + 2), 16) / 255)).join(' ')
    colors.set(color, value)
  }
  return value
}

/** `.001` … `.999` without trailing zeros (`.5`, `.25`). */
const fractions = Array.from({length: 1000}, (_, index) => String(index / 1000).slice(1))

/**
 * A number rounded to 3 decimals, as `String(Math.round(value * 1000) / 1000)`
 * writes it, without converting a fraction to a string (slow in V8): the
 * integer part and a table of fractions. Exported for the tests.
 */
export function num(value: number): string {
  const thousandths = Math.round(value * 1000)
  // Integers (and -0, NaN, huge values) as before.
  if (thousandths % 1000 === 0 || !(Math.abs(thousandths) < 1e15)) return String(thousandths / 1000)
  const magnitude = thousandths < 0 ? -thousandths : thousandths
  const fraction = magnitude % 1000
  return (thousandths < 0 ? '-' : '') + String((magnitude - fraction) / 1000) + fractions[fraction]
}
