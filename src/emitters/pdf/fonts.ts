/**
 * Fonts: every font file is parsed once per process with fontkit and handed
 * to pdfkit as a font object (pdfkit's `registerFont(path)` re-parses it for
 * every document). A *chain* of fonts picks, for each character, the first
 * font that has a glyph for it (pdfkit has no fallback of its own).
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import * as fontkit from 'fontkit'
import type {ResolvedConfig} from '../../config.js'
import {BoundedCache} from './cache.js'
import {storedRun, storeRun} from './shaping-store.js'
import type {FamilyName, Theme} from './theme.js'

/** A loaded font: the fontkit object and its key in pdfkit documents. */
export interface LoadedFont {
  /** Stable key (file name), used as pdfkit's font family name. */
  key: string
  /**
   * The fontkit font, wrapped so that its `layout` (shaping) is cached per
   * process: pdfkit caches layouts per document only, and shaping is most of
   * the work of drawing text.
   */
  font: fontkit.Font
  /** The fontkit font itself (for layout). */
  original: fontkit.Font
  /** Ascender and descender in em units (1 = font size). */
  ascent: number
  descent: number
  /** Digest of the file and of fontkit's version: the face's name in the shaping store. */
  face: string
}

/** An ordered list of fonts with a memo of which one covers a code point. */
export interface FontChain {
  fonts: LoadedFont[]
  /** Index of the first font covering `codePoint`, or `-1`. */
  pick(codePoint: number): number
}

/** Style of a text run. */
export interface FontStyle {
  family: FamilyName
  bold: boolean
  italic: boolean
}

const fontCache = new Map<string, LoadedFont>()
const chainCache = new Map<string, FontChain>()
/** Font files found for a list of names, by templates folders, their modification times and the names. */
const foundCache = new Map<string, string[]>()
const require = createRequire(import.meta.url)
let dejavuFolder: string | undefined
let fontkitVersion: string | undefined

/**
 * Find a font file: the templates folders first, then the `dejavu-fonts-ttf`
 * package.
 *
 * @param config
 *   Templates folders.
 * @param name
 *   File name such as `DejaVuSans.ttf`, or an absolute path.
 * @returns
 *   Absolute path, or `undefined` when there is no such file.
 */
export function findFont(config: Pick<ResolvedConfig, 'templates' | 'builtinTemplates'>, name: string): string | undefined {
  if (path.isAbsolute(name)) return existsSync(name) ? name : undefined
  for (const folder of [config.templates, path.join(config.templates, 'fonts'), config.builtinTemplates]) {
    const candidate = path.join(folder, name)
    if (existsSync(candidate)) return candidate
  }
  if (dejavuFolder === undefined) {
    dejavuFolder = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')
  }
  const candidate = path.join(dejavuFolder, name)
  return existsSync(candidate) ? candidate : undefined
}

/**
 * Load a font file once per process.
 *
 * @param file
 *   Absolute path of a TTF/OTF file.
 * @returns
 *   The loaded font.
 */
export function loadFont(file: string): LoadedFont {
  let loaded = fontCache.get(file)
  if (!loaded) {
    const bytes = readFileSync(file)
    const original = fontkit.create(bytes)
    const font = withPostHeader(wrapFont(original), original as unknown as RawFont)
    fontkitVersion ??= versionOf('fontkit')
    loaded = {
      key: path.basename(file).replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9-]/g, ''),
      font,
      original,
      ascent: font.ascent / font.unitsPerEm,
      descent: -font.descent / font.unitsPerEm,
      face: createHash('sha256').update(`fontkit@${fontkitVersion}\0`).update(bytes).digest('hex').slice(0, 32)
    }
    fontCache.set(file, loaded)
  }
  return loaded
}

/** A package's version (its `package.json` is not in its exports), or `unknown`. */
function versionOf(name: string): string {
  try {
    for (let dir = path.dirname(require.resolve(name)); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
      const file = path.join(dir, 'package.json')
      if (!existsSync(file)) continue
      const data = JSON.parse(readFileSync(file, 'utf8')) as {name?: string; version?: string}
      if (data.name === name) return data.version ?? 'unknown'
    }
  } catch {
    // Not resolvable from here.
  }
  return 'unknown'
}

/** Fonts of a theme, with chains per style. */
export interface FontSet {
  chain(style: FontStyle): FontChain
}

/**
 * Create the font set of a theme. Chains are cached per process.
 *
 * @param theme
 *   Theme (font file names).
 * @param config
 *   Templates folders.
 * @returns
 *   Font set.
 */
export function createFontSet(theme: Theme, config: Pick<ResolvedConfig, 'templates' | 'builtinTemplates'>): FontSet {
  const chains = new Map<string, FontChain>()
  let folders: string | undefined
  return {
    chain(style) {
      const styleKey = style.family + (style.bold ? 'b' : '') + (style.italic ? 'i' : '')
      let found = chains.get(styleKey)
      if (!found) {
        folders ??= foldersStamp(config)
        found = resolveChain(theme, config, style, folders)
        chains.set(styleKey, found)
      }
      return found
    }
  }
}

/**
 * The user's font folders and their modification times: a folder's changes
 * when a file is added to it or removed, so a font added while watching is
 * found. (Looking every name up in every folder for each article cost about
 * 0.4 ms an article in `existsSync`.)
 */
function foldersStamp(config: Pick<ResolvedConfig, 'templates' | 'builtinTemplates'>): string {
  const folders = [config.templates, path.join(config.templates, 'fonts')]
  return [config.builtinTemplates, ...folders.map((folder) => `${folder}:${statSync(folder, {throwIfNoEntry: false})?.mtimeMs ?? '-'}`)].join('\n')
}

function resolveChain(
  theme: Theme,
  config: Pick<ResolvedConfig, 'templates' | 'builtinTemplates'>,
  style: FontStyle,
  folders: string
): FontChain {
  const variant = style.bold ? (style.italic ? 'boldItalic' : 'bold') : style.italic ? 'italic' : 'regular'
  const names = [theme.fonts[style.family][variant], theme.fonts.sans[variant], ...theme.fonts.fallback]
  const foundKey = `${folders}\n${names.join('\n')}`
  let files = foundCache.get(foundKey)
  if (!files) {
    files = []
    for (const name of names) {
      const file = findFont(config, name)
      if (file && !files.includes(file)) files.push(file)
    }
    foundCache.set(foundKey, files)
  }
  if (files.length === 0) throw new Error(`Cannot find any font of \`${names.join('`, `')}\``)
  const cacheKey = files.join('\n')
  let chain = chainCache.get(cacheKey)
  if (!chain) {
    chain = createChain(files.map((file) => loadFont(file)))
    chainCache.set(cacheKey, chain)
  }
  return chain
}

function createChain(fonts: LoadedFont[]): FontChain {
  // Basic Multilingual Plane in a table (index + 2; 0: not looked up yet),
  // the rest in a map.
  const basic = new Uint8Array(0x10000)
  const memo = new Map<number, number>()
  const find = (codePoint: number) => fonts.findIndex((font) => font.font.hasGlyphForCodePoint(codePoint))
  return {
    fonts,
    pick(codePoint) {
      if (codePoint < 0x10000 && fonts.length < 250) {
        let index = basic[codePoint] ?? 0
        if (index === 0) {
          index = find(codePoint) + 2
          basic[codePoint] = index
        }
        return index - 2
      }
      let index = memo.get(codePoint)
      if (index === undefined) {
        index = find(codePoint)
        memo.set(codePoint, index)
      }
      return index
    }
  }
}

interface Position {
  xAdvance: number
  yAdvance: number
  xOffset: number
  yOffset: number
}

function sameNumbers(a: readonly number[] | undefined, b: readonly number[]): boolean {
  if (!a || a.length !== b.length) return false
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false
  return true
}

/** A fontkit glyph, as used here. */
export interface Glyph {
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

/**
 * Wrap a fontkit font for pdfkit: each use of a glyph keeps its own code
 * points, glyphs decode once per process, and subsets encode faster. (Text is
 * laid out by {@link layoutOf}, never by pdfkit's text methods, which this
 * emitter does not call.)
 *
 * @param font
 *   fontkit font.
 * @returns
 *   A font object inheriting from `font`.
 */
function wrapFont(font: fontkit.Font): fontkit.Font {
  type GetGlyph = (id: number, codePoints?: number[]) => Glyph
  const proto = Object.getPrototypeOf(font) as {getGlyph: GetGlyph; createSubset(): Subset}
  const protoGetGlyph = proto.getGlyph
  // fontkit caches glyph objects by id, with the code points of their first
  // use: one glyph drawn for two characters (Arabic kaf and Persian keheh
  // share forms) would read as the first. Give each use its own view.
  ;(font as unknown as {getGlyph: GetGlyph}).getGlyph = (id, codePoints = []) => {
    const glyph = protoGetGlyph.call(font, id, codePoints)
    if (!glyph || sameNumbers(glyph.codePoints, codePoints)) return glyph
    return Object.create(glyph, {codePoints: {value: codePoints}}) as Glyph
  }
  const wrapper = Object.create(font) as fontkit.Font & {getGlyph: GetGlyph; createSubset(): Subset}
  // Subsetting decodes every glyph of every document again: decode once.
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
  // The subset stays per document; only its encoding is faster (see below).
  const raw = font as unknown as RawFont
  const fast = raw.directory.tables['glyf'] && !raw.directory.tables['CFF '] && !raw._variationProcessor
  let template: SubsetTemplate | undefined
  wrapper.createSubset = () => {
    const subset = proto.createSubset.call(wrapper)
    if (fast) {
      subset.encode = () => {
        template ??= subsetTemplate(proto.createSubset.call(wrapper))
        return encodeSubset(subset, raw, template)
      }
    }
    return subset
  }
  return wrapper
}

/**
 * pdfkit reads two fields of a font's `post` table (italic angle, fixed
 * pitch), but fontkit decodes all of it, with the name of every glyph: 16 ms
 * for a DejaVu face in a fresh process. The wrapper reads the fixed-size
 * header itself (OpenType `post`: Fixed version, Fixed italicAngle, FWORD
 * underlinePosition and underlineThickness, uint32 isFixedPitch); glyph names
 * still come from fontkit's full table when asked for.
 */
function withPostHeader(font: fontkit.Font, raw: RawFont): fontkit.Font {
  const entry = raw.directory.tables['post']
  if (!entry || entry.length < 16) return font
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
  Object.defineProperty(font, 'post', {value: header})
  return font
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
 * glyf, hmtx, fpgm), without its generic struct encoder: fontkit encodes the
 * constant tables (cvt, prep, fpgm: arrays of numbers) one number at a time
 * for every document, which made subsetting the costliest part of a PDF.
 * `tests/emitters/pdf/fonts.test.ts` compares the bytes with fontkit's.
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

/** A laid-out text: fontkit's glyphs (shared per font) and positions. */
export interface Shaped {
  readonly glyphs: readonly Glyph[]
  readonly positions: readonly Readonly<Position>[]
  /** Advance width in font units. */
  readonly advanceWidth: number
  /** Advance width in em. */
  readonly width: number
}

/** Per font: shaped texts (bounded). */
const shapedCache = new WeakMap<LoadedFont, BoundedCache<string, Shaped>>()

/**
 * The glyph run of a text, laid out once per process and shared (frozen: do
 * not change it). Word-sized texts are what the layout asks for, and words
 * repeat across documents, so the cache is process-wide and bounded.
 *
 * @param font
 *   Font.
 * @param text
 *   Text.
 * @returns
 *   Glyphs and positions.
 */
export function layoutOf(font: LoadedFont, text: string): Shaped {
  // A text longer than any word (a 100,000-character string without a
  // space, the pieces a line breaker cuts from it) is shaped and not kept:
  // kept, each piece would hold its own copy of the rest.
  if (text.length > longestKept) return shape(font, text, false)
  let cache = shapedCache.get(font)
  if (!cache) {
    cache = new BoundedCache(shapedLimit)
    shapedCache.set(font, cache)
  }
  let run = cache.get(text)
  if (!run) {
    run = fromStore(font, text) ?? shape(font, text)
    cache.set(text, run)
  }
  return run
}

/** Longest text (in UTF-16 units) kept in memory and in the shaping store. */
const longestKept = 64

/** Shape a text with fontkit, and keep it in the shaping store (when `keep`). */
function shape(font: LoadedFont, text: string, keep = true): Shaped {
  const fresh = font.original.layout(text)
  const glyphs = fresh.glyphs as unknown as Glyph[]
  const positions = fresh.positions.map((p) => Object.freeze({xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset}))
  if (keep) storeRun(font.face, text, [
    glyphs.map((glyph) => glyph.id),
    glyphs.map((glyph) => glyph.codePoints),
    positions.flatMap((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
    fresh.advanceWidth
  ])
  // Keep the glyphs and positions, not the run (features, script, a
  // reference to the font…): less to hold in the cache.
  return Object.freeze({
    glyphs: Object.freeze(glyphs),
    positions: Object.freeze(positions),
    advanceWidth: fresh.advanceWidth,
    width: fresh.advanceWidth / font.font.unitsPerEm
  })
}

/** A text's shaping from the store: the same glyphs (by id and code points) and positions fontkit gave. */
function fromStore(font: LoadedFont, text: string): Shaped | undefined {
  const stored = storedRun(font.face, text)
  if (!stored) return undefined
  const [ids, codePoints, flat, advanceWidth] = stored
  const getGlyph = (font.original as unknown as {getGlyph(id: number, codePoints: number[]): Glyph}).getGlyph
  const glyphs = ids.map((id, index) => getGlyph.call(font.original, id, codePoints[index] ?? []))
  const positions = ids.map((_, index) =>
    Object.freeze({xAdvance: flat[index * 4] ?? 0, yAdvance: flat[index * 4 + 1] ?? 0, xOffset: flat[index * 4 + 2] ?? 0, yOffset: flat[index * 4 + 3] ?? 0})
  )
  return Object.freeze({glyphs: Object.freeze(glyphs), positions: Object.freeze(positions), advanceWidth, width: advanceWidth / font.font.unitsPerEm})
}

/** Shaped texts kept per font and generation. */
const shapedLimit = 2000

/**
 * Advance width of a text in a font, in em units (multiply by the size).
 * Cached per process (bounded).
 *
 * @param font
 *   Font.
 * @param text
 *   Text (one script run, logical order).
 * @returns
 *   Width in em.
 */
export function measure(font: LoadedFont, text: string): number {
  return layoutOf(font, text).width
}
