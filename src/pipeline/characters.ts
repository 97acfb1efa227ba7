/**
 * Characters of text: naming a code point in messages, and walking a long
 * text's segments. Which characters are removed lives in
 * `hast/xml-characters.ts`.
 */

/** Code point of a character as `U+XXXX`. */
export function codePoint(character: string): string {
  return 'U+' + character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
}

/**
 * Code units of text handed to `Intl.Segmenter` at once (see {@link segmentsOf}).
 * Each step of its iterator costs in proportion to the text it holds, so
 * small windows are faster.
 */
const segmentWindow = 256

/**
 * The segments of a text (graphemes, words), as `segmenter.segment(text)`
 * gives them, read in windows of a few hundred code units. V8's segmenter
 * slows down sharply with the length of the text it holds (tens of thousands
 * of characters walked whole take seconds to minutes). Each window's last
 * segment may be cut short, so the next window starts at it. A lazy
 * generator: a caller that stops early (a line breaker taking what fits on a
 * line) segments little more than it read.
 *
 * @param segmenter
 *   Segmenter.
 * @param text
 *   Text.
 * @returns
 *   Segments, in order; joined, they are `text`.
 */
export function* segmentsOf(segmenter: Intl.Segmenter, text: string): Generator<string, void, undefined> {
  let start = 0
  let window = segmentWindow
  while (start < text.length) {
    if (start + window >= text.length) {
      for (const part of segmenter.segment(start === 0 ? text : text.slice(start))) yield part.segment
      return
    }
    // Not between the two halves of a character: the break before a
    // character is decided on the character itself.
    let end = start + window
    const code = text.charCodeAt(end - 1)
    if (code >= 0xd800 && code <= 0xdbff) end--
    const parts = Array.from(segmenter.segment(text.slice(start, end)))
    const last = parts.pop()
    if (!last || parts.length === 0) {
      // One segment fills the window (a letter with thousands of marks).
      window *= 2
      continue
    }
    for (const part of parts) yield part.segment
    start += last.index
    window = segmentWindow
  }
}
