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
 * Split text into comparable words: NFC, lower-cased, with soft hyphens,
 * zero-width characters and tatweel removed.
 */
export function words(text: string): string[] {
  // pdftotext wraps right-to-left runs in bidi embeddings (U+202A/B … U+202C)
  // and moves a following space inside them: unwrap, then drop the controls.
  let unwrapped = text
  for (let previous = ''; unwrapped !== previous; ) {
    previous = unwrapped
    unwrapped = unwrapped
      .replace(/[\u202A\u202B]([ \t]+)([^\u202A-\u202C]*)\u202C/g, '$2$1')
      .replace(/[\u202A\u202B]([^\u202A-\u202C]*)\u202C/g, '$1')
  }
  const clean = unwrapped
    .replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g, ' ')
    .normalize('NFC')
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF\u0640]/g, '')
    .toLowerCase()
  return clean.match(wordPattern) ?? []
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
