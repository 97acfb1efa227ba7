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
import {fontForPdf} from './overrides/fontkit.js'
import {installedVersion} from './overrides/versions.js'
import type {ShapingStore} from './shaping-store.js'
import type {FamilyName, Theme} from './theme.js'

/** A loaded font: the fontkit object and its key in pdfkit documents. */
export interface LoadedFont {
  /** Stable key (file name), used as pdfkit's font family name. */
  key: string
  /** The font handed to pdfkit: the fontkit font with the overrides of `overrides/fontkit.ts`. */
  font: fontkit.Font
  /**
   * The fontkit font itself, for layout ({@link layoutOf} caches its layouts
   * per process: pdfkit caches them per document only, and shaping is most
   * of the work of drawing text).
   */
  original: fontkit.Font
  /** Ascender and descender in em units (1 = font size). */
  ascent: number
  descent: number
  /** Digest of the file and of fontkit's version: the face's name in the shaping store. */
  face: string
  /** Where shaped words are kept across builds (see `createFontSet`). */
  store?: ShapingStore
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
    const font = fontForPdf(original)
    loaded = {
      key: path.basename(file).replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9-]/g, ''),
      font,
      original,
      ascent: font.ascent / font.unitsPerEm,
      descent: -font.descent / font.unitsPerEm,
      face: createHash('sha256').update(`fontkit@${installedVersion('fontkit') ?? 'unknown'}\0`).update(bytes).digest('hex').slice(0, 32)
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
 * @param store
 *   Shaping store the fonts read shaped words from and add to (optional).
 * @returns
 *   Font set.
 */
export function createFontSet(theme: Theme, config: Pick<ResolvedConfig, 'templates' | 'builtinTemplates'>, store?: ShapingStore): FontSet {
  const chains = new Map<string, FontChain>()
  let folders: string | undefined
  return {
    chain(style) {
      const styleKey = style.family + (style.bold ? 'b' : '') + (style.italic ? 'i' : '')
      let found = chains.get(styleKey)
      if (!found) {
        folders ??= foldersStamp(config)
        found = resolveChain(theme, config, style, folders)
        if (store) found = withStore(found, store)
        chains.set(styleKey, found)
      }
      return found
    }
  }
}

/**
 * The user's font folders and their modification times: a folder's changes
 * when a file is added to it or removed, so a font added while watching is
 * found, without looking every name up in every folder for each article.
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

/** The fonts of each store: the process's fonts, with the store. */
const storeFonts = new WeakMap<ShapingStore, Map<LoadedFont, LoadedFont>>()

/** A chain whose fonts use `store` (the same fonts, so the same choices). */
function withStore(chain: FontChain, store: ShapingStore): FontChain {
  let fonts = storeFonts.get(store)
  if (!fonts) {
    fonts = new Map()
    storeFonts.set(store, fonts)
  }
  const views = chain.fonts.map((font) => {
    let view = fonts.get(font)
    if (!view) {
      view = {...font, store}
      fonts.set(font, view)
    }
    return view
  })
  return {fonts: views, pick: (codePoint) => chain.pick(codePoint)}
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

/** A fontkit glyph, as used here. */
export interface Glyph {
  id: number
  codePoints: number[]
  advanceWidth: number
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

/** Per fontkit font: shaped texts (bounded; shared by every store). */
const shapedCache = new WeakMap<fontkit.Font, BoundedCache<string, Shaped>>()

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
  let cache = shapedCache.get(font.original)
  if (!cache) {
    cache = new BoundedCache(shapedLimit)
    shapedCache.set(font.original, cache)
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
  if (keep) font.store?.put(font.face, text, [
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
  const stored = font.store?.get(font.face, text)
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
