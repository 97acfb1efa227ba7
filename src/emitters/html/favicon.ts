/**
 * The generated favicon: when `site.favicon` is not set, the HTML emitter
 * writes `favicon.svg`, a monogram of the publication's name, so that no
 * browser's first load ends in a 404. Hand-written (a dozen lines of SVG):
 * no icon library is needed for one letter on a square, and the bytes depend
 * on the title only (same title, same file).
 */

/** Leading English articles skipped when picking the monogram's letter. */
const articles = new Set(['the', 'a', 'an'])

/**
 * The monogram's letter: the first letter of the first word of the title
 * that is not an English article (`The Pressroom Desk` → `P`), upper-cased;
 * `#` when the title has no letter or digit.
 *
 * @param title
 *   Publication name.
 * @returns
 *   One grapheme.
 */
export function monogramLetter(title: string): string {
  const words = title.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word))
  const word = words.find((candidate) => !articles.has(candidate.toLowerCase())) ?? words[0]
  if (!word) return '#'
  const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'})
  for (const {segment} of segmenter.segment(word)) {
    if (/[\p{L}\p{N}]/u.test(segment)) return segment.toLocaleUpperCase('en')
  }
  return '#'
}

/**
 * The SVG favicon of a publication: a rounded dark square with the
 * monogram's letter in white (legible on light and dark browser chrome).
 *
 * @param title
 *   Publication name.
 * @returns
 *   SVG document.
 */
export function faviconSvg(title: string): string {
  const letter = monogramLetter(title)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">',
    '<rect width="64" height="64" rx="12" fill="#1b1b1b"/>',
    `<text x="32" y="45" text-anchor="middle" font-family="Georgia, 'DejaVu Serif', serif" font-size="40" font-weight="700" fill="#ffffff">${letter}</text>`,
    '</svg>',
    ''
  ].join('\n')
}
