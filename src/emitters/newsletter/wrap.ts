/**
 * Line breaking for plain text: greedy filling by display width. Breaks at
 * spaces, and between CJK characters (or next to emoji and other wide
 * graphemes) where there are no spaces, with the common kinsoku rules (no
 * closing punctuation at the start of a line, no opening one at its end).
 * A URL is never split: it stands alone on its line, even when wider than
 * the measure, unless it is longer than a mail line may be (998 octets,
 * RFC 5322 § 2.1.1). Any other token wider than the measure (a 10,000-letter
 * "word", a run of dashes) and such a URL are hard-broken between graphemes
 * into pieces of the measure.
 */
import {segmentsOf} from '../../pipeline/characters.js'
import {graphemeWidth, graphemes, displayWidth} from './width.js'

/** Longest line a mail message may have, in octets without CRLF (RFC 5322 § 2.1.1). */
export const maxLineOctets = 998

/** One unbreakable piece of a line. */
interface Atom {
  text: string
  width: number
  /** UTF-8 length. */
  octets: number
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

/** Spaces at the end of a line (any: no-break, ideographic…). */
const trailingSpace = /\s+$/u

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
  // A line never ends in a space: a no-break space at the end of a
  // paragraph (`&nbsp;` in the source) is invisible, and is left out.
  const push = (line: string) => {
    const trimmed = line.replace(trailingSpace, '')
    if (trimmed !== '') lines.push(trimmed)
  }
  let line = ''
  let lineWidth = 0
  let lineOctets = 0
  for (const atom of atoms) {
    if (line === '') {
      line = atom.text
      lineWidth = atom.width
      lineOctets = atom.octets
      continue
    }
    const space = atom.space ? 1 : 0
    const add = space + atom.width
    // Emoji sequences take up to 30 octets for 2 columns: a wide measure of them is checked in octets too.
    if (lineWidth + add > width || lineOctets + space + atom.octets > maxLineOctets) {
      push(line)
      line = atom.text
      lineWidth = atom.width
      lineOctets = atom.octets
    } else {
      line += (atom.space ? ' ' : '') + atom.text
      lineWidth += add
      lineOctets += space + atom.octets
    }
  }
  if (line !== '') push(line)
  return lines
}

/**
 * Cut every line longer than a mail line may be (998 octets) between
 * graphemes: the last guard of the newsletter's text, for what is laid out
 * without wrapping (a code block's line, a URL under a deep indentation).
 *
 * @param text
 *   Text, lines separated by LF.
 * @param max
 *   Longest line in UTF-8 octets (default: 998).
 * @returns
 *   Text whose every line has at most `max` octets.
 */
export function limitLineOctets(text: string, max: number = maxLineOctets): string {
  if (Buffer.byteLength(text) <= max) return text
  return text
    .split('\n')
    .flatMap((line) => {
      if (Buffer.byteLength(line) <= max) return [line]
      const pieces: string[] = []
      let piece = ''
      let octets = 0
      for (const grapheme of graphemes(line)) {
        const size = Buffer.byteLength(grapheme)
        if (piece !== '' && octets + size > max) {
          pieces.push(piece)
          piece = ''
          octets = 0
        }
        // A grapheme longer than a line (hundreds of combining marks) is cut between code points.
        if (size > max) {
          for (const char of grapheme) {
            const charSize = Buffer.byteLength(char)
            if (piece !== '' && octets + charSize > max) {
              pieces.push(piece)
              piece = ''
              octets = 0
            }
            piece += char
            octets += charSize
          }
          continue
        }
        piece += grapheme
        octets += size
      }
      if (piece !== '') pieces.push(piece)
      return pieces
    })
    .join('\n')
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
    // Most words: printable ASCII within the measure, one column and one
    // octet a character, whole whether a URL or not (what the cases below
    // give them, without measuring them again).
    if (word.length <= width && word.length <= maxLineOctets && asciiWord.test(word)) {
      atoms.push({text: word, width: word.length, octets: word.length, space})
      continue
    }
    // URLs have no break opportunity inside: whole unless a mail line cannot hold them.
    if (urlLike.test(word)) {
      const octets = Buffer.byteLength(word)
      if (octets <= maxLineOctets) atoms.push({text: word, width: displayWidth(word), octets, space})
      else hardBreak(word, width, space, atoms)
      continue
    }
    // Nor ASCII words, and words without wide graphemes (most non-ASCII
    // words: `GSA’s`, `naïve`): broken only when wider than the measure.
    if (asciiWord.test(word) || !graphemes(word).some((grapheme) => graphemeWidth(grapheme) === 2)) {
      hardBreak(word, width, space, atoms)
      continue
    }
    const pieces: string[] = []
    for (const part of segmentsOf(wordSegmenter, word)) pieces.push(part)
    const parts = joinPieces(pieces)
    parts.forEach((part, index) => {
      const partWidth = displayWidth(part)
      if (partWidth <= width) hardBreak(part, width, index === 0 && space, atoms)
      else {
        joinPieces(graphemes(part)).forEach((piece, inner) => {
          hardBreak(piece, width, index === 0 && inner === 0 && space, atoms)
        })
      }
    })
  }
  return atoms
}

/**
 * Add a token as one atom, or, when wider than the measure (or longer than
 * a mail line), as pieces of the measure cut between graphemes (a grapheme
 * wider than the measure is a piece of its own).
 *
 * @param token
 *   Token without spaces.
 * @param width
 *   Measure.
 * @param space
 *   Whether a space separates it from the previous atom.
 * @param atoms
 *   Atoms to add to.
 */
function hardBreak(token: string, width: number, space: boolean, atoms: Atom[]): void {
  const tokenWidth = displayWidth(token)
  const tokenOctets = Buffer.byteLength(token)
  if (tokenWidth <= width && tokenOctets <= maxLineOctets) {
    atoms.push({text: token, width: tokenWidth, octets: tokenOctets, space})
    return
  }
  let piece = ''
  let pieceWidth = 0
  let pieceOctets = 0
  let first = true
  const push = () => {
    atoms.push({text: piece, width: pieceWidth, octets: pieceOctets, space: first && space})
    first = false
    piece = ''
    pieceWidth = 0
    pieceOctets = 0
  }
  for (const grapheme of graphemes(token)) {
    const graphemeColumns = graphemeWidth(grapheme)
    const graphemeOctets = Buffer.byteLength(grapheme)
    if (piece !== '' && (pieceWidth + graphemeColumns > width || pieceOctets + graphemeOctets > maxLineOctets)) push()
    piece += grapheme
    pieceWidth += graphemeColumns
    pieceOctets += graphemeOctets
  }
  if (piece !== '') push()
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
