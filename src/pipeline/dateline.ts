/**
 * Datelines: `ERBIL (Kurdistan24) –`, `WASHINGTON (AP) —`,
 * `SULAIMANI, Kurdistan Region (Kurdistan24) -`, `BAGHDAD —`, and in scripts
 * without capitals, with the agency: `هەولێر (کوردستان24) –`. No library
 * recognizes wire-service datelines, so this is a small hand-written matcher.
 */
import type {Dateline} from '../types.js'

const word = String.raw`\p{Lu}[\p{Lu}\p{M}'’.\-]*`
/** A word of a script without capitals (Arabic, Sorani, Persian…): `هەولێر`, `أربيل`. */
const uncased = String.raw`[\p{Lo}][\p{Lo}\p{M}\u200C\u200D'’.\-]*`
const pattern = new RegExp(
  String.raw`^[\u200E\u200F\u061C]?` + // a direction mark an editor left
    String.raw`(?<place>${word}(?: ${word}){0,3}|${uncased}(?: ${uncased}){0,2})` + // PLACE in capitals, up to four words (three in a script without capitals)
    String.raw`(?:(?<comma>[,،])\s*(?<region>[^()–—\n]{1,60}?))?` + // optional ", Region" or ", March 3"
    String.raw`\s*(?:\((?<agency>[^()\n]{1,60})\))?` + // optional "(Agency)"
    String.raw`\s*(?<dash>[–—]|-{1,2})\s*`,
  'u'
)

/**
 * Match a dateline at the start of a paragraph.
 *
 * @param text
 *   Start of the lede paragraph.
 * @param options
 *   `loose`: accept a plain hyphen without an agency (wire copy, front
 *   matter); otherwise an agency or a long dash is required (Markdown bodies).
 * @returns
 *   The dateline and the length of text it covers (including the space after
 *   the dash), or `undefined`.
 */
export function matchDateline(text: string, options: {loose?: boolean} = {}): (Dateline & {length: number}) | undefined {
  const match = pattern.exec(text)
  if (!match?.groups) return undefined
  const {place = '', comma = ',', region, agency, dash = ''} = match.groups
  // Capitals: at least two. A script without them: only with an agency's name
  // (`هەولێر (کوردستان24) –`, `(أ ف ب)`: at most three words), not a remark
  // in parentheses.
  const capitals = place.replace(/[^\p{Lu}]/gu, '').length
  const agencyName = agency?.trim() ?? ''
  const isAgencyName = agencyName.length > 0 && agencyName.length <= 30 && agencyName.split(/\s+/).length <= 3
  if (capitals === 1 || (capitals === 0 && !isAgencyName)) return undefined
  // A dash is followed by a space, but in a script without capitals, where `–`
  // often touches the next word.
  if (capitals > 0 && !/\s$/.test(match[0])) return undefined
  if (!options.loose && !agency && dash.startsWith('-')) return undefined
  const display = match[0].trimEnd()
  const dateline: Dateline & {length: number} = {place: region ? `${place}${comma} ${region.trim()}` : place, text: display, length: match[0].length}
  if (agency) dateline.agency = agency.trim()
  return dateline
}

/** Parse a dateline given on its own (front matter `dateline:`). */
export function parseDateline(text: string, options: {loose?: boolean} = {}): Dateline | undefined {
  const match = matchDateline(text + ' ', options)
  if (!match) return undefined
  const {length: _length, ...dateline} = match
  return dateline
}
