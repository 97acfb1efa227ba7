/**
 * Characters XML 1.0 forbids (C0 controls but tab, LF and CR; lone surrogates;
 * U+FFFE/U+FFFF) plus those HTML forbids in text (DEL, C1 controls, all
 * noncharacters). They are removed from sources and from front matter values
 * (a YAML escape such as `"\u0000"` can produce them).
 */
export const illegalCharacters = new RegExp(
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF\\uFDD0-\\uFDEF\\uFFFE\\uFFFF' +
    Array.from({length: 16}, (_, plane) => `\\u{${(plane + 1).toString(16)}FFFE}\\u{${(plane + 1).toString(16)}FFFF}`).join('') +
    ']',
  'gu'
)

/** Remove illegal characters; `removed` counts them. */
export function stripIllegal(text: string): {text: string; removed: number; first?: string} {
  const matches = text.match(illegalCharacters)
  if (!matches) return {text, removed: 0}
  return {text: text.replace(illegalCharacters, ''), removed: matches.length, first: matches[0]!}
}

/** Code point of a character as `U+XXXX`. */
export function codePoint(character: string): string {
  return 'U+' + character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
}
