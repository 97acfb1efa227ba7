/**
 * The characters Pressroom removes from text, defined once. Two sets, because
 * two contracts apply:
 *
 * - {@link xmlIllegalCharacters}: what XML 1.0 forbids (the complement of its
 *   `Char` production: C0 controls but tab, LF and CR; lone surrogates;
 *   U+FFFE/U+FFFF). EPUB content documents are XML, and `pressroom check`
 *   validates XML against exactly this.
 * - {@link illegalCharacters}: that, plus what HTML forbids in text (DEL, C1
 *   controls and every noncharacter). Sources, front matter values (a YAML
 *   escape such as `"\u0000"` can produce them) and feed text are stripped of
 *   these, so one article reads the same in every format.
 */

/** Characters XML 1.0 does not allow: everything outside its `Char` production. */
export const xmlIllegalCharacters = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/**
 * Characters XML 1.0 forbids plus those HTML forbids in text: DEL, C1
 * controls and all noncharacters (U+FDD0–U+FDEF and the last two code points
 * of every plane).
 */
export const illegalCharacters = new RegExp(
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF\\uFDD0-\\uFDEF\\uFFFE\\uFFFF' +
    Array.from({length: 16}, (_, plane) => `\\u{${(plane + 1).toString(16)}FFFE}\\u{${(plane + 1).toString(16)}FFFF}`).join('') +
    ']',
  'gu'
)

/**
 * Remove {@link illegalCharacters} and tell how many there were.
 *
 * @param text
 *   Any text.
 * @returns
 *   The text without them, how many were removed and the first one removed.
 */
export function stripIllegal(text: string): {text: string; removed: number; first?: string} {
  const matches = text.match(illegalCharacters)
  if (!matches) return {text, removed: 0}
  return {text: text.replace(illegalCharacters, ''), removed: matches.length, first: matches[0]!}
}

/**
 * Remove {@link illegalCharacters} (XML 1.0's and HTML's).
 *
 * @param text
 *   Any text.
 * @returns
 *   Text that may appear in an XML document and in HTML text.
 */
export function removeIllegal(text: string): string {
  return text.replace(illegalCharacters, '')
}

/**
 * Remove {@link xmlIllegalCharacters} only (C1 controls and noncharacters
 * other than U+FFFE/U+FFFF stay: XML allows them).
 *
 * @param text
 *   Any text.
 * @returns
 *   Text that may appear in an XML document.
 */
export function removeXmlIllegal(text: string): string {
  return text.replace(xmlIllegalCharacters, '')
}
