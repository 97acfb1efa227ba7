/**
 * Fonts: every font file is parsed once per process with fontkit and handed
 * to pdfkit as a font object (pdfkit's `registerFont(path)` re-parses it for
 * every document). A *chain* of fonts picks, for each character, the first
 * font that has a glyph for it (pdfkit has no fallback of its own).
 */
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import * as fontkit from 'fontkit'
import type {ResolvedConfig} from '../../config.js'
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
const require = createRequire(import.meta.url)
let dejavuFolder: string | undefined

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
    const original = fontkit.create(readFileSync(file))
    const font = withLayoutCache(original)
    loaded = {
      key: path.basename(file).replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9-]/g, ''),
      font,
      original,
      ascent: font.ascent / font.unitsPerEm,
      descent: -font.descent / font.unitsPerEm
    }
    fontCache.set(file, loaded)
  }
  return loaded
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
  return {
    chain(style) {
      const styleKey = style.family + (style.bold ? 'b' : '') + (style.italic ? 'i' : '')
      let found = chains.get(styleKey)
      if (!found) {
        found = resolveChain(theme, config, style)
        chains.set(styleKey, found)
      }
      return found
    }
  }
}

function resolveChain(
  theme: Theme,
  config: Pick<ResolvedConfig, 'templates' | 'builtinTemplates'>,
  style: FontStyle
): FontChain {
  const variant = style.bold ? (style.italic ? 'boldItalic' : 'bold') : style.italic ? 'italic' : 'regular'
  const names = [theme.fonts[style.family][variant], theme.fonts.sans[variant], ...theme.fonts.fallback]
  const files: string[] = []
  for (const name of names) {
    const file = findFont(config, name)
    if (file && !files.includes(file)) files.push(file)
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
  const memo = new Map<number, number>()
  return {
    fonts,
    pick(codePoint) {
      let index = memo.get(codePoint)
      if (index === undefined) {
        index = fonts.findIndex((font) => font.font.hasGlyphForCodePoint(codePoint))
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
  pressroomDecoded?: boolean
}

interface CachedRun {
  glyphs: unknown[]
  positions: Position[]
  advanceWidth: number
}

/**
 * Wrap a fontkit font so `layout(text)` (without features) is computed once
 * per process. Each call returns fresh position objects: pdfkit scales them
 * in place.
 *
 * @param font
 *   fontkit font.
 * @returns
 *   A font object inheriting from `font`.
 */
function withLayoutCache(font: fontkit.Font): fontkit.Font {
  const runs = new Map<string, CachedRun>()
  const original = font.layout.bind(font)
  type GetGlyph = (id: number, codePoints?: number[]) => Glyph
  const protoGetGlyph = (Object.getPrototypeOf(font) as {getGlyph: GetGlyph}).getGlyph
  // fontkit caches glyph objects by id, with the code points of their first
  // use: one glyph drawn for two characters (Arabic kaf and Persian keheh
  // share forms) would read as the first. Give each use its own view.
  ;(font as unknown as {getGlyph: GetGlyph}).getGlyph = (id, codePoints = []) => {
    const glyph = protoGetGlyph.call(font, id, codePoints)
    if (!glyph || sameNumbers(glyph.codePoints, codePoints)) return glyph
    return Object.create(glyph, {codePoints: {value: codePoints}}) as Glyph
  }
  const wrapper = Object.create(font) as fontkit.Font & {getGlyph: GetGlyph}
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
  wrapper.layout = (text: string, features?: unknown) => {
    if (features !== undefined) return original(text, features)
    let run = runs.get(text)
    if (!run) {
      const fresh = original(text) as unknown as CachedRun
      run = {
        glyphs: fresh.glyphs,
        positions: fresh.positions.map((p) => ({xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset})),
        advanceWidth: fresh.advanceWidth
      }
      if (runs.size > 20_000) runs.clear()
      runs.set(text, run)
    }
    const positions = run.positions.map((p) => ({...p}))
    return {
      glyphs: run.glyphs,
      positions,
      // A getter, as fontkit's: pdfkit reads it after scaling the positions.
      get advanceWidth() {
        let width = 0
        for (const position of positions) width += position.xAdvance
        return width
      }
    } as unknown as fontkit.GlyphRun
  }
  return wrapper
}

const runCache = new Map<LoadedFont, Map<string, fontkit.GlyphRun>>()

/**
 * The glyph run of a text, laid out once per process (shared: do not change it).
 *
 * @param font
 *   Font.
 * @param text
 *   Text.
 * @returns
 *   fontkit glyph run.
 */
export function layoutOf(font: LoadedFont, text: string): fontkit.GlyphRun {
  let runs = runCache.get(font)
  if (!runs) {
    runs = new Map()
    runCache.set(font, runs)
  }
  let run = runs.get(text)
  if (!run) {
    run = font.original.layout(text)
    if (runs.size > 20_000) runs.clear()
    runs.set(text, run)
  }
  return run
}

const widthCache = new Map<string, number>()

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
  const key = font.key + '\u0000' + text
  let width = widthCache.get(key)
  if (width === undefined) {
    width = layoutOf(font, text).advanceWidth / font.font.unitsPerEm
    if (widthCache.size > 50_000) widthCache.clear()
    widthCache.set(key, width)
  }
  return width
}
