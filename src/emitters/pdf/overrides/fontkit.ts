/**
 * The overrides of fontkit internals: each says why fontkit's public API is
 * not enough. `tests/emitters/pdf/overrides.test.ts` compares each one's
 * bytes with what fontkit gives without it.
 */
import type * as fontkit from 'fontkit'
import './versions.js'

function sameNumbers(a: readonly number[] | undefined, b: readonly number[]): boolean {
  if (!a || a.length !== b.length) return false
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false
  return true
}

/** A fontkit glyph, as used here. */
interface Glyph {
  id: number
  codePoints: number[]
  advanceWidth: number
  _decode(): unknown
  _getMetrics(): {leftBearing: number}
  pressroomDecoded?: boolean
}

/** The part of a fontkit TrueType subset used here. */
interface Subset {
  font: fontkit.Font & {getGlyph(id: number): Glyph}
  glyphs: number[]
  includeGlyph(id: number): number
  encode(): Uint8Array
}

type GetGlyph = (id: number, codePoints?: number[]) => Glyph
type FontkitFont = fontkit.Font & {getGlyph: GetGlyph; createSubset(): Subset}

/**
 * The font handed to pdfkit: the fontkit font with every override below.
 * (Text is laid out by `layoutOf` in `fonts.ts`, never by pdfkit's text
 * methods, which this emitter does not call.)
 *
 * @param font
 *   fontkit font (its own `getGlyph` is changed too, see {@link glyphPerUse}).
 * @returns
 *   A font object inheriting from `font`.
 */
export function fontForPdf(font: fontkit.Font): fontkit.Font {
  glyphPerUse(font)
  const wrapper = Object.create(font) as FontkitFont
  decodeOnce(wrapper, font)
  fastSubsets(wrapper, font)
  postHeader(wrapper, font as unknown as RawFont)
  return wrapper
}

/**
 * `getGlyph`: fontkit caches glyph objects by id, with the code points of
 * their first use, and its API has no other way to get a glyph for given
 * code points: one glyph drawn for two characters (Arabic kaf and Persian
 * keheh share forms) would read as the first. Give each use its own view.
 *
 * @param font
 *   fontkit font, changed in place.
 */
export function glyphPerUse(font: fontkit.Font): void {
  const protoGetGlyph = (Object.getPrototypeOf(font) as {getGlyph: GetGlyph}).getGlyph
  ;(font as FontkitFont).getGlyph = (id, codePoints = []) => {
    const glyph = protoGetGlyph.call(font, id, codePoints)
    if (!glyph || sameNumbers(glyph.codePoints, codePoints)) return glyph
    return Object.create(glyph, {codePoints: {value: codePoints}}) as Glyph
  }
}

/**
 * `getGlyph` and the glyph's `_decode`: pdfkit subsets through `getGlyph`,
 * which decodes every glyph of every document again; fontkit offers no
 * cache of decoded outlines. Decode each glyph once per process.
 */
function decodeOnce(wrapper: FontkitFont, font: fontkit.Font): void {
  const protoGetGlyph = (Object.getPrototypeOf(font) as {getGlyph: GetGlyph}).getGlyph
  wrapper.getGlyph = (id, codePoints) => {
    const glyph = protoGetGlyph.call(font, id, codePoints)
    if (!glyph.pressroomDecoded) {
      const decode = glyph._decode.bind(glyph)
      let value: unknown
      let done = false
      glyph._decode = () => {
        if (!done) {
          value = decode()
          done = true
        }
        return value
      }
      glyph.pressroomDecoded = true
    }
    return glyph
  }
}

/**
 * `createSubset` and the subset's `encode`: fontkit encodes a TrueType
 * subset with its generic struct encoder, the constant tables (cvt, prep,
 * fpgm) one number at a time for every document, and has no option to do
 * otherwise. The subset stays fontkit's (per document); only its encoding
 * is {@link encodeSubset}'s.
 */
function fastSubsets(wrapper: FontkitFont, font: fontkit.Font): void {
  const proto = Object.getPrototypeOf(font) as {createSubset(): Subset}
  const raw = font as unknown as RawFont
  if (!raw.directory.tables['glyf'] || raw.directory.tables['CFF '] || raw._variationProcessor) return
  let template: SubsetTemplate | undefined
  wrapper.createSubset = () => {
    const subset = proto.createSubset.call(wrapper)
    subset.encode = () => {
      template ??= subsetTemplate(proto.createSubset.call(wrapper))
      return encodeSubset(subset, raw, template)
    }
    return subset
  }
}

/**
 * `post`: pdfkit reads two fields of a font's `post` table (italic angle,
 * fixed pitch), but fontkit decodes all of it, with the name of every glyph,
 * on first access, and that is fontkit's only way to read it. Read the
 * fixed-size header here (OpenType `post`: Fixed version, Fixed italicAngle,
 * FWORD underlinePosition and underlineThickness, uint32 isFixedPitch);
 * glyph names still come from fontkit's full table when asked for.
 */
function postHeader(wrapper: fontkit.Font, raw: RawFont): void {
  const entry = raw.directory.tables['post']
  if (!entry || entry.length < 16) return
  const view = new DataView(raw.stream.buffer.buffer, raw.stream.buffer.byteOffset + entry.offset, 16)
  const fixed = (at: number) => view.getInt32(at) / 65536
  const full = () => Reflect.get(raw, 'post') as Record<string, unknown>
  const header: Record<string, unknown> = {
    version: fixed(0),
    italicAngle: fixed(4),
    underlinePosition: view.getInt16(8),
    underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12)
  }
  for (const name of ['minMemType42', 'maxMemType42', 'minMemType1', 'maxMemType1', 'numberOfGlyphs', 'glyphNameIndex', 'names', 'offsets', 'map']) {
    Object.defineProperty(header, name, {enumerable: true, get: () => full()[name]})
  }
  Object.defineProperty(wrapper, 'post', {value: header})
}

/** The parts of a fontkit TrueType font read here. */
interface RawFont {
  stream: {buffer: Uint8Array}
  directory: {tables: Record<string, {offset: number; length: number} | undefined>}
  loca: {offsets: number[]; version: number}
  _variationProcessor?: unknown
}

/** The tables of a font's subsets that do not depend on the glyphs. */
interface SubsetTemplate {
  /** Table tags in file order, with their bytes when they are constant. */
  tables: Array<{tag: string; bytes: Uint8Array}>
  /** The first 12 bytes (tag, numTables, search fields). */
  header: Uint8Array
  /** Checksum fields of the directory entries (fontkit writes zeros). */
  checksums: number[]
}

/**
 * Encode a subset of a TrueType font, byte for byte as fontkit's
 * `TTFSubset#encode` (a directory, then head, hhea, loca, maxp, cvt, prep,
 * glyf, hmtx, fpgm), without its generic struct encoder: the constant tables
 * are copied from fontkit's own encoding of an empty subset.
 *
 * @param subset
 *   fontkit subset (glyph ids in CID order; compound glyphs add theirs).
 * @param font
 *   The font.
 * @param template
 *   Constant tables, from fontkit's encoding of the empty subset.
 * @returns
 *   The font file.
 */
function encodeSubset(subset: Subset, font: RawFont, template: SubsetTemplate): Uint8Array {
  const file = font.stream.buffer
  const glyf = font.directory.tables['glyf']
  const glyfStart = glyf?.offset ?? 0
  const offsets = font.loca.offsets
  const starts: number[] = []
  const ends: number[] = []
  const advances: number[] = []
  const bearings: number[] = []
  /** Compound glyphs: where their component ids go, and the new ids. */
  const patches: Array<[glyph: number, position: number, id: number]> = []
  let glyfLength = 0
  // `subset.glyphs` grows while compound glyphs include their components.
  for (let index = 0; index < subset.glyphs.length; index++) {
    const id = subset.glyphs[index] as number
    const glyph = subset.font.getGlyph(id)
    const decoded = glyph._decode() as {numberOfContours: number; components?: Array<{glyphID: number; pos: number}>} | null
    const start = offsets[id] ?? 0
    const end = offsets[id + 1] ?? 0
    if (decoded && decoded.numberOfContours < 0) {
      for (const component of decoded.components ?? []) {
        patches.push([index, component.pos, subset.includeGlyph(component.glyphID)])
      }
    }
    starts.push(glyfStart + start)
    ends.push(glyfStart + end)
    glyfLength += end - start
    advances.push(glyph.advanceWidth)
    bearings.push(glyph._getMetrics().leftBearing)
  }
  const count = starts.length
  const long = font.loca.version !== 0
  const lengths = new Map<string, number>()
  for (const table of template.tables) lengths.set(table.tag, table.bytes.length)
  lengths.set('loca', (count + 1) * (long ? 4 : 2))
  lengths.set('glyf', glyfLength)
  lengths.set('hmtx', count * 4)
  let size = 12 + 16 * template.tables.length
  for (const table of template.tables) size += lengths.get(table.tag) ?? 0
  const out = new Uint8Array(size)
  const view = new DataView(out.buffer)
  out.set(template.header, 0)
  let entry = 12
  let position = 12 + 16 * template.tables.length
  const glyphStarts: number[] = []
  for (const [index, table] of template.tables.entries()) {
    const length = lengths.get(table.tag) ?? 0
    for (let c = 0; c < 4; c++) out[entry + c] = table.tag.charCodeAt(c)
    view.setUint32(entry + 4, template.checksums[index] ?? 0)
    view.setUint32(entry + 8, position)
    view.setUint32(entry + 12, length)
    entry += 16
    if (table.tag === 'loca') {
      let offset = 0
      for (let index = 0; index <= count; index++) {
        if (long) view.setUint32(position + index * 4, offset)
        else view.setUint16(position + index * 2, offset >>> 1)
        offset += (ends[index] ?? 0) - (starts[index] ?? 0)
      }
    } else if (table.tag === 'glyf') {
      let at = position
      for (let index = 0; index < count; index++) {
        glyphStarts.push(at)
        out.set(file.subarray(starts[index], ends[index]), at)
        at += (ends[index] ?? 0) - (starts[index] ?? 0)
      }
      for (const [glyph, offset, id] of patches) view.setUint16((glyphStarts[glyph] ?? 0) + offset, id)
    } else if (table.tag === 'hmtx') {
      for (let index = 0; index < count; index++) {
        view.setUint16(position + index * 4, advances[index] ?? 0)
        view.setInt16(position + index * 4 + 2, bearings[index] ?? 0)
      }
    } else {
      out.set(table.bytes, position)
      if (table.tag === 'hhea') view.setUint16(position + 34, count)
      if (table.tag === 'maxp') view.setUint16(position + 4, count)
    }
    position += length
  }
  return out
}

/**
 * The constant tables of a font's subsets, from fontkit's own encoding of a
 * subset with only `.notdef`.
 */
function subsetTemplate(empty: Subset): SubsetTemplate {
  const bytes = empty.encode()
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const count = view.getUint16(4)
  const tables: SubsetTemplate['tables'] = []
  const checksums: number[] = []
  for (let index = 0; index < count; index++) {
    const entry = 12 + index * 16
    const tag = String.fromCharCode(...bytes.subarray(entry, entry + 4))
    const offset = view.getUint32(entry + 8)
    const length = view.getUint32(entry + 12)
    checksums.push(view.getUint32(entry + 4))
    tables.push({tag, bytes: bytes.slice(offset, offset + length)})
  }
  return {tables, header: bytes.slice(0, 12), checksums}
}

