import {diffArrays} from 'diff'

/**
 * Word-order comparison used by conformance and golden tests: does an output
 * (PDF text, newsletter, EPUB text) contain the HTML body's words, in order?
 */

/**
 * A word: a run of letters, digits and marks; each CJK ideograph or kana on
 * its own (as `countWords` in the pipeline). Punctuation, including inner
 * apostrophes and hyphens, separates words, so line-end hyphenation and
 * different quote styles compare equal.
 */
const wordPattern = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}\p{M}])+/gu

/**
 * A bidi embedding of pdftotext's output (LRE or RLE … PDF, innermost first)
 * with the neutrals (spaces, punctuation) at either end of it.
 */
const embedding = /[\u202A\u202B]([^\p{L}\p{N}\p{M}\u202A-\u202C]*)([^\u202A-\u202C]*?)([^\p{L}\p{N}\p{M}\u202A-\u202C]*)\u202C/gu

/**
 * Split text into comparable words: NFC, lower-cased, with soft hyphens,
 * zero-width characters, variation selectors and tatweel removed.
 */
export function words(text: string): string[] {
  // pdftotext (poppler's `reorderText`) writes a line in reading order by
  // cutting it, in visual order, into runs of one direction, each run
  // wrapped in a bidi embedding (U+202A/B … U+202C). A run takes in every
  // neutral up to the next strong character of the other direction, so the
  // spaces and punctuation between an embedded run and its neighbours end up
  // at the wrong end of it: in an RTL line, `Erbil (هەولێر)` comes out as
  // `‪) Erbil‬هەولێر(`, the space before `Erbil` instead of after it. Put the
  // neutrals back on the side they touch (leading ones after the run,
  // trailing ones before it, nearest first), then drop the controls.
  let unwrapped = text
  for (let previous = ''; unwrapped !== previous; ) {
    previous = unwrapped
    unwrapped = unwrapped.replace(embedding, (_, lead: string, core: string, trail: string) => reverse(trail) + core + reverse(lead))
  }
  const clean = unwrapped
    .replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g, ' ')
    .normalize('NFC')
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF\u0640\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}]/gu, '')
    .toLowerCase()
  return clean.match(wordPattern) ?? []
}

function reverse(text: string): string {
  return [...text].reverse().join('')
}

/**
 * Fraction (0..1) of `expected` words found in `actual` in the same order:
 * the length of their longest common subsequence (Myers' diff, from the
 * `diff` package) over the number of expected words. Extra words in
 * `actual` (headers, link lists) do not count against it.
 *
 * @param expected
 *   Words that must appear.
 * @param actual
 *   Words of the output.
 * @returns
 *   Ratio.
 */
export function inOrderRatio(expected: readonly string[], actual: readonly string[]): number {
  if (expected.length === 0) return 1
  let common = 0
  for (const change of diffArrays([...expected], [...actual])) {
    if (!change.added && !change.removed) common += change.count ?? change.value.length
  }
  return common / expected.length
}
