/**
 * Display width of text in a monospace terminal or mail client, by grapheme
 * cluster: CJK and emoji take two columns, combining marks none, and an emoji
 * sequence (ZWJ, flag, skin tone, keycap) is one unit that is never split.
 */
import stringWidth from 'string-width'
import {segmentsOf} from '../../pipeline/characters.js'

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'})

/** Widths of graphemes seen so far (text repeats a small alphabet). */
const cache = new Map<string, number>()

/** Printable ASCII: one column per character, one grapheme per character. */
const ascii = /^[\x20-\x7E]*$/

/**
 * Split text into grapheme clusters (extended, as `Intl.Segmenter`).
 *
 * @param text
 *   Text.
 * @returns
 *   Graphemes, in order.
 */
export function graphemes(text: string): string[] {
  if (ascii.test(text)) return [...text]
  const out: string[] = []
  for (const part of segmentsOf(segmenter, text)) out.push(part)
  return out
}

/**
 * Display width of one grapheme cluster.
 *
 * @param grapheme
 *   One grapheme (from {@link graphemes}).
 * @returns
 *   Columns: 0, 1 or 2.
 */
export function graphemeWidth(grapheme: string): number {
  let width = cache.get(grapheme)
  if (width === undefined) {
    width = stringWidth(grapheme)
    if (cache.size < 65_536) cache.set(grapheme, width)
  }
  return width
}

/**
 * Display width of text: the sum of its graphemes' widths.
 *
 * @param text
 *   Text without line breaks.
 * @returns
 *   Columns.
 */
export function displayWidth(text: string): number {
  if (ascii.test(text)) return text.length
  let width = 0
  for (const part of segmentsOf(segmenter, text)) width += graphemeWidth(part)
  return width
}

/**
 * Pad text with spaces to a display width.
 *
 * @param text
 *   Text.
 * @param width
 *   Wanted width in columns.
 * @param align
 *   Where the text goes (default: `'left'`).
 * @returns
 *   Padded text (unchanged when already as wide or wider).
 */
export function pad(text: string, width: number, align: 'left' | 'right' | 'center' = 'left'): string {
  const missing = width - displayWidth(text)
  if (missing <= 0) return text
  if (align === 'right') return ' '.repeat(missing) + text
  if (align === 'center') {
    const before = Math.floor(missing / 2)
    return ' '.repeat(before) + text + ' '.repeat(missing - before)
  }
  return text + ' '.repeat(missing)
}
