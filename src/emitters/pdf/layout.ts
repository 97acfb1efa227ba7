/**
 * Inline layout: turns styled runs (logical order) into measured words and
 * glue, splits them by bidi level (UAX #9 via bidi-js) and by the font chain's
 * glyph coverage, and orders a line's pieces visually (UAX #9 rule L2). Lines
 * are broken in `line-breaking.ts`.
 *
 * pdfkit has no bidi algorithm and no font fallback, and it loses spaces at
 * the edges of right-to-left runs, so every piece is placed here and drawn on
 * its own; the spaces are gaps, never glyphs.
 */
import bidiModule from 'bidi-js'
import {segmentsOf} from '../../pipeline/characters.js'
import type {StructNode} from './tagger.js'
import {measure, type FontSet, type LoadedFont} from './fonts.js'
import type {BlockStyle, FamilyName} from './theme.js'

// bidi-js is UMD: Node hands ESM the factory itself, its types say `.default`.
const bidiFactory = ((bidiModule as unknown as {default?: unknown}).default ?? bidiModule) as () => import('bidi-js').Bidi
const bidi = bidiFactory()
const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'})

/** Where a link goes. */
export interface LinkTarget {
  /** External URL (http, https, mailto…). */
  url?: string
  /** Named destination inside the document (an element id). */
  dest?: string
}

/** Style of a run of text. */
export interface TextStyle {
  family: FamilyName
  bold: boolean
  italic: boolean
  /** Font size in points. */
  size: number
  color: string
  strike?: boolean
  underline?: boolean
  /** Baseline shift in em (positive is up), for `sup`/`sub`. */
  shift?: number
  link?: LinkTarget
  /** Structure element the run belongs to (a `Link`), instead of the block's. */
  struct?: StructNode
  /** Id of the element starting here: becomes a named destination. */
  anchor?: string
}

/** A run of text with one style, in logical order. */
export interface InlineRun {
  text: string
  style: TextStyle
}

/** A measured piece of a word: one style, one bidi level, one font. */
export interface Segment {
  kind: 'segment'
  /** Text in logical order (what it means). */
  text: string
  style: TextStyle
  font: LoadedFont
  level: number
  /** Width in points. */
  width: number
  /** Whether the word may be hyphenated after this segment. */
  hyphenAfter?: boolean
}

/** Space between words. */
export interface Glue {
  kind: 'glue'
  width: number
  level: number
}

/** A word: segments without a break opportunity between them, except hyphens. */
export interface Word {
  kind: 'word'
  segments: Segment[]
  width: number
}

/** A forced line break (`<br>`). */
export interface Break {
  kind: 'break'
}

/** Result of shaping a paragraph. */
export type Item = Word | Glue | Break

/** One line of a paragraph. */
export interface Line {
  /** Segments and glue in logical order. */
  items: Array<Segment | Glue>
  /** Natural width in points. */
  width: number
  /** Ends in an inserted hyphen. */
  hyphenated: boolean
  /** Ends in a forced break, or is the paragraph's last line (not justified). */
  last: boolean
}

/**
 * A line as it was drawn: what `renderPdf`'s `onLine` option receives, so
 * tests and tools can read the layout (measure, spacing, hyphens) without
 * parsing the PDF.
 */
export interface LineRecord {
  /** Page index (0-based). */
  page: number
  /** Top of the line, in points from the top of the page. */
  top: number
  /** Left edge of the measure. */
  x: number
  /** The measure (line width) in points. */
  width: number
  /** Theme style of the block (compare with `theme.body`, `theme.standfirst`…). */
  style: BlockStyle
  line: Line
  /** Every space was drawn this many times its natural width (1: not justified). */
  factor: number
  align: 'start' | 'justify' | 'center'
  /** Drawn as an artifact (running heads). */
  artifact: boolean
}

/** Code points that change bidi levels but are never drawn. */
const bidiControl = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/
/** Default-ignorable code points: drawn only when the run's font has them. */
const ignorable = /[\u034F\u180B-\u180F\u200B-\u200D\u2060\uFE00-\uFE0F\uFEFF]|[\u{E0100}-\u{E01EF}]/u
/** Combining marks (left out, not boxed, when no font has them). */
const combiningMark = /^\p{M}$/u
/** Characters that may start right-to-left text or change levels. */
const rtlCharacter = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200F\u202B\u202E\u2067\u061C]|[\u{10800}-\u{10FFF}]|[\u{1E800}-\u{1EFFF}]/u
/** Scripts written right to left, which fontkit reverses itself. */
const rtlScript = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|[\u{10800}-\u{10FFF}]|[\u{1E800}-\u{1EFFF}]/u

/** Options of {@link shape}. */
export interface ShapeOptions {
  /** Paragraph direction. */
  dir: 'ltr' | 'rtl'
  /** Called with each character no font of the chain can draw (it is dropped). */
  onMissing?: (character: string) => void
  /** Keep spaces as they are (code): every space is glue, none collapse. */
  preserveSpaces?: boolean
}

/**
 * Shape styled runs into words and glue.
 *
 * @param runs
 *   Runs of text, logical order. Soft hyphens mark hyphenation points, `\n`
 *   a forced break.
 * @param fonts
 *   Font set (chains per style).
 * @param options
 *   Direction and callbacks.
 * @returns
 *   Items in logical order.
 */
export function shape(runs: readonly InlineRun[], fonts: FontSet, options: ShapeOptions): Item[] {
  const full = runs.map((run) => run.text).join('')
  const items: Item[] = []
  if (full.length === 0) return items
  // Left-to-right text without a right-to-left character: all level 0.
  const levels =
    options.dir === 'ltr' && !rtlCharacter.test(full)
      ? new Uint8Array(full.length)
      : bidi.getEmbeddingLevels(full, options.dir).levels
  let word: Word | undefined
  let segment: Segment | undefined
  let offset = 0
  // The text of the segment: `prefix` and `source.slice(start, end)`, not a
  // string grown one character at a time (a copy per character).
  let source = ''
  let prefix = ''
  let start = 0
  let end = 0
  const append = (from: number, length: number) => {
    if (from !== end) {
      prefix += source.slice(start, end)
      start = from
    }
    end = from + length
  }

  const endSegment = () => {
    if (segment && (end > start || prefix.length > 0)) {
      segment.text = prefix + source.slice(start, end)
      segment.width = measure(segment.font, segment.text) * segment.style.size
      word ??= {kind: 'word', segments: [], width: 0}
      word.segments.push(segment)
      word.width += segment.width
    }
    segment = undefined
    prefix = ''
    start = end
  }
  const endWord = () => {
    endSegment()
    if (word && word.segments.length > 0) items.push(word)
    word = undefined
  }

  for (const run of runs) {
    const chain = fonts.chain(run.style)
    const space = chain.fonts[0]
    const spaceWidth = (space ? measure(space, ' ') : 0.3) * run.style.size
    const runStart = offset
    source = run.text
    start = 0
    end = 0
    for (const character of run.text) {
      const index = offset
      offset += character.length
      const level = levels[index] ?? 0
      if (character === '\n') {
        endWord()
        items.push({kind: 'break'})
        continue
      }
      if (character === ' ' || character === '\t' || character === '\r') {
        endWord()
        const previous = items.at(-1)
        if (!options.preserveSpaces && previous?.kind === 'glue') continue
        items.push({kind: 'glue', width: character === '\t' && options.preserveSpaces ? spaceWidth * 4 : spaceWidth, level})
        continue
      }
      if (character === '\u00AD') {
        if (segment) {
          endSegment()
          const last = word?.segments.at(-1)
          if (last) last.hyphenAfter = true
        }
        continue
      }
      const codePoint = character.codePointAt(0) ?? 0
      // Below U+034F there are neither bidi controls nor ignorables.
      const plain = codePoint < 0x34f
      if (!plain && bidiControl.test(character)) continue
      const fontIndex = chain.pick(codePoint)
      if (!plain && ignorable.test(character)) {
        // Joiners and variation selectors stay with the run they modify.
        if (segment && segment.font.font.hasGlyphForCodePoint(codePoint)) append(index - runStart, character.length)
        continue
      }
      if (fontIndex < 0) {
        options.onMissing?.(character)
        // Drawn as a white square (tofu), as browsers do: the reader sees that
        // something is missing, and the words on either side stay apart.
        // Combining marks the font cannot draw go with their base character.
        const boxIndex = combiningMark.test(character) ? -1 : chain.pick(0x25a1)
        const box = chain.fonts[boxIndex]
        if (!box) continue
        if (!segment || segment.style !== run.style || segment.level !== level || segment.font !== box) {
          endSegment()
          segment = {kind: 'segment', text: '', style: run.style, font: box, level, width: 0}
          start = index - runStart
          end = start
        }
        prefix += source.slice(start, end) + '\u25A1'
        start = index - runStart + character.length
        end = start
        continue
      }
      const font = chain.fonts[fontIndex] as LoadedFont
      if (!segment || segment.style !== run.style || segment.level !== level || segment.font !== font) {
        endSegment()
        segment = {kind: 'segment', text: '', style: run.style, font, level, width: 0}
        start = index - runStart
        end = start
      }
      append(index - runStart, character.length)
    }
    // A style change is not a break opportunity: the word continues.
    endSegment()
  }
  endWord()
  return items
}

/**
 * The text to draw for a segment: mirrored characters (brackets) at odd
 * levels, and reversed when fontkit will not reverse it itself (a run of
 * neutrals, such as punctuation, inside right-to-left text).
 *
 * @param segment
 *   Segment.
 * @returns
 *   Text to hand to pdfkit.
 */
export function drawText(segment: Segment): string {
  if (segment.level % 2 === 0) {
    // Arabic-Indic digits are left to right, but fontkit, seeing Arabic
    // script, reverses them: hand them over reversed.
    if (rtlScript.test(segment.text)) return reverse(segment.text)
    return segment.text
  }
  let text = ''
  for (const character of segment.text) text += bidi.getMirroredCharacter(character) ?? character
  if (rtlScript.test(text)) return text
  return reverse(text)
}

function reverse(text: string): string {
  return Array.from(segmentsOf(graphemes, text)).reverse().join('')
}

/**
 * Visual order of a line's items (UAX #9 rule L2): from the highest level to
 * the lowest odd level, reverse every sequence at that level or higher.
 *
 * @param items
 *   Items in logical order.
 * @returns
 *   Items in visual order (left to right).
 */
export function visualOrder<T extends {level: number}>(items: readonly T[]): T[] {
  const out = [...items]
  let highest = 0
  let lowestOdd = Number.POSITIVE_INFINITY
  for (const item of out) {
    highest = Math.max(highest, item.level)
    if (item.level % 2 === 1) lowestOdd = Math.min(lowestOdd, item.level)
  }
  for (let level = highest; level >= lowestOdd; level--) {
    let start = -1
    for (let index = 0; index <= out.length; index++) {
      const inside = index < out.length && (out[index] as T).level >= level
      if (inside && start < 0) start = index
      if (!inside && start >= 0) {
        const reversed = out.slice(start, index).reverse()
        out.splice(start, reversed.length, ...reversed)
        start = -1
      }
    }
  }
  return out
}
