/**
 * Line breaking for plain text: greedy filling by display width. Breaks at
 * spaces, and between CJK characters (or next to emoji and other wide
 * graphemes) where there are no spaces, with the common kinsoku rules (no
 * closing punctuation at the start of a line, no opening one at its end).
 * A token that cannot be broken — a URL, a long word — is never split: it
 * stands alone on its line, even when wider than the measure.
 */
import {segmentsOf} from '../../pipeline/characters.js'
import {graphemeWidth, graphemes, displayWidth} from './width.js'

/** One unbreakable piece of a line. */
interface Atom {
  text: string
  width: number
  /** Whether a space separates it from the previous atom. */
  space: boolean
}

/** Characters that may not start a line. */
const noStart = new Set([
  ...'!%),.:;?]}¢°’”‰′″℃、。，．：；！？）］｝〕〉》」』】〙〗〟｠»›・ーヽヾゝゞ々〻‐゠–〜～ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ…‥'
])

/** Characters that may not end a line. */
const noEnd = new Set([...'([{£¥‘“（［｛〔〈《「『【〘〖〝｟«‹'])

/** A URL-like token: never broken, even between CJK characters. */
const urlLike = /[a-z][\w+.-]*:\/\/|^(?:www\.|mailto:)/i

/** Word segmentation (dictionary-based for CJK). */
const wordSegmenter = new Intl.Segmenter(undefined, {granularity: 'word'})

/** Hangul syllables and jamo. */
const hangul = /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7AF\uD7B0-\uD7FF]/

/** Printable ASCII. */
const asciiWord = /^[\x21-\x7E]*$/

/** ASCII whitespace (HTML inter-element whitespace). */
const whitespace = /[\t\n\f\r ]+/

/**
 * Wrap one paragraph of text to a display width.
 *
 * @param text
 *   Text; runs of ASCII whitespace (line breaks included) are collapsed.
 * @param width
 *   Measure in columns (at least 1).
 * @returns
 *   Lines, without trailing spaces; `[]` for blank text.
 */
export function wrap(text: string, width: number): string[] {
  const atoms = toAtoms(text, width)
  const lines: string[] = []
  let line = ''
  let lineWidth = 0
  for (const atom of atoms) {
    if (line === '') {
      line = atom.text
      lineWidth = atom.width
      continue
    }
    const add = (atom.space ? 1 : 0) + atom.width
    if (lineWidth + add > width) {
      lines.push(line)
      line = atom.text
      lineWidth = atom.width
    } else {
      line += (atom.space ? ' ' : '') + atom.text
      lineWidth += add
    }
  }
  if (line !== '') lines.push(line)
  return lines
}

/**
 * Split text into atoms: words at spaces; then a word holding wide
 * characters (CJK, emoji) at its word boundaries (`Intl.Segmenter`, which
 * knows CJK words), and a CJK word wider than the measure between its
 * graphemes.
 *
 * @param text
 *   Text.
 * @param width
 *   Measure.
 * @returns
 *   Atoms.
 */
function toAtoms(text: string, width: number): Atom[] {
  const atoms: Atom[] = []
  for (const word of text.split(whitespace)) {
    if (word === '') continue
    const space = atoms.length > 0
    // ASCII words and URLs have no break opportunity inside.
    if (asciiWord.test(word) || urlLike.test(word)) {
      atoms.push({text: word, width: displayWidth(word), space})
      continue
    }
    // Without wide graphemes (most non-ASCII words: `GSA’s`, `naïve`), no break either.
    if (!graphemes(word).some((grapheme) => graphemeWidth(grapheme) === 2)) {
      atoms.push({text: word, width: displayWidth(word), space})
      continue
    }
    const pieces: string[] = []
    for (const part of segmentsOf(wordSegmenter, word)) pieces.push(part)
    const parts = joinPieces(pieces)
    parts.forEach((part, index) => {
      const partWidth = displayWidth(part)
      if (partWidth <= width) atoms.push({text: part, width: partWidth, space: index === 0 && space})
      else {
        joinPieces(graphemes(part)).forEach((piece, inner) => {
          atoms.push({text: piece, width: displayWidth(piece), space: index === 0 && inner === 0 && space})
        })
      }
    })
  }
  return atoms
}

/**
 * Join pieces (word segments or graphemes) where no line may break: a break
 * needs a wide character on one side (CJK or emoji), and honours kinsoku.
 *
 * @param pieces
 *   Pieces, in order.
 * @returns
 *   Breakable parts.
 */
function joinPieces(pieces: readonly string[]): string[] {
  const parts: string[] = []
  let current = ''
  let previous = ''
  for (const piece of pieces) {
    if (current !== '' && breakable(previous, piece)) {
      parts.push(current)
      current = ''
    }
    current += piece
    previous = piece
  }
  if (current !== '') parts.push(current)
  return parts
}

/**
 * Whether a line may break between `before` and `after`.
 */
function breakable(before: string, after: string): boolean {
  const last = lastGrapheme(before)
  const first = firstGrapheme(after)
  if (graphemeWidth(last) !== 2 && graphemeWidth(first) !== 2) return false
  // Hangul is written with spaces: keep its words whole.
  if (hangul.test(last) || hangul.test(first)) return false
  return !noStart.has(firstChar(after)) && !noEnd.has(lastChar(before))
}

function firstGrapheme(value: string): string {
  return graphemes(value)[0] ?? ''
}

function lastGrapheme(value: string): string {
  return graphemes(value).at(-1) ?? ''
}

function firstChar(value: string): string {
  return String.fromCodePoint(value.codePointAt(0) ?? 0)
}

function lastChar(value: string): string {
  const chars = [...value]
  return chars[chars.length - 1] ?? ''
}
