/**
 * Datelines: `ERBIL (Kurdistan24) –`, `WASHINGTON (AP) —`,
 * `SULAIMANI, Kurdistan Region (Kurdistan24) -`, `BAGHDAD —`,
 * `LONDON, Dec 3 (Reuters) -`; in mixed case with a region or a date, as
 * press offices write them: `Washington, D.C., June 4, 2007 -`,
 * `GREENBELT, Md. -`; and in scripts without capitals, with the agency:
 * `هەولێر (کوردستان24) –`. No library recognizes wire-service datelines, so
 * this is a small hand-written matcher; the date inside one is read by
 * chrono-node.
 */
import * as chrono from 'chrono-node'
import type {Dateline} from '../types.js'

const word = String.raw`\p{Lu}[\p{Lu}\p{M}'’.\-]*`
/** A word in mixed case: `Washington`, `St.`, `Bad-Homburg`. */
const titleWord = String.raw`\p{Lu}[\p{Ll}\p{M}'’.\-]*`
/** A word of a script without capitals (Arabic, Sorani, Persian…): `هەولێر`, `أربيل`. */
const uncased = String.raw`[\p{Lo}][\p{Lo}\p{M}\u200C\u200D'’.\-]*`
const pattern = new RegExp(
  String.raw`^[\u200E\u200F\u061C]?` + // a direction mark an editor left
    String.raw`(?<place>${word}(?: ${word}){0,3}|${titleWord}(?: ${titleWord}){0,2}|${uncased}(?: ${uncased}){0,2})` + // PLACE in capitals (up to four words), in mixed case (three), or in a script without capitals (three)
    String.raw`(?:(?<comma>[,،])\s*(?<region>[^()–—\n]{1,60}?))?` + // optional ", Region" or ", March 3"
    String.raw`\s*(?:\((?<agency>[^()\n]{1,60})\))?` + // optional "(Agency)"
    String.raw`\s*(?<dash>[–—]|-{1,2})\s*`,
  'u'
)
/** A part of a region in mixed case: `D.C.`, `Md.`, `Kurdistan Region`, `Calif.` (one to three capitalized words). */
const regionPart = /^\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}\p{M}.'’-]*){0,2}$/u
/** A month name opening a date part: `June 4, 2007`, `Sept. 30`, `Dec 3`. */
const monthStart = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|^\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i
/** Fixed reference for chrono, so nothing depends on the day of the build. */
const reference = new Date(Date.UTC(2000, 0, 1))

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
  // Capitals: at least two, or a word in mixed case with a region, a date or
  // an agency after it. A script without them: only with an agency's name
  // (`هەولێر (کوردستان24) –`, `(أ ف ب)`: at most three words), not a remark
  // in parentheses.
  const capitals = place.replace(/[^\p{Lu}]/gu, '').length
  const mixed = /\p{Ll}/u.test(place)
  const agencyName = agency?.trim() ?? ''
  const isAgencyName = agencyName.length > 0 && agencyName.length <= 30 && agencyName.split(/\s+/).length <= 3
  if (capitals === 0 && !isAgencyName) return undefined
  if (capitals > 0 && !mixed && capitals === 1) return undefined
  const parts = region ? readRegion(region) : {place: [], date: undefined, dated: false}
  if (!parts) {
    if (mixed) return undefined
  } else if (mixed) {
    // `Washington, D.C., June 4, 2007 -`; `Greenbelt (AP) —`. Not a name and a remark (`Smith, the minister -`).
    if (parts.place.length === 0 && !parts.dated && !isAgencyName) return undefined
    if (!options.loose && !parts.dated && !isAgencyName) return undefined
  }
  // A dash is followed by a space, but in a script without capitals, where `–`
  // often touches the next word.
  if (capitals > 0 && !/\s$/.test(match[0])) return undefined
  if (!options.loose && !agency && dash.startsWith('-')) return undefined
  const display = match[0].trimEnd()
  const dateline: Dateline & {length: number} = {place: region ? `${place}${comma} ${region.trim()}` : place, text: display, length: match[0].length}
  if (parts?.dated) {
    // The place without the date: `Washington, D.C.` of `Washington, D.C., June 4, 2007`.
    dateline.place = [place, ...parts.place].join(`${comma} `)
    if (parts.date) dateline.date = parts.date
  }
  if (agency) dateline.agency = agency.trim()
  return dateline
}

/**
 * Read the region of a dateline: capitalized parts (`D.C.`, `Md.`) and a
 * date (`June 4, 2007`; `Dec 3` has no year and gives no date).
 */
function readRegion(region: string): {place: string[]; date: string | undefined; dated: boolean} | undefined {
  const parts = region.trim().split(/\s*,\s*/)
  const place: string[] = []
  let index = 0
  while (index < parts.length && !monthStart.test(parts[index]!) && regionPart.test(parts[index]!)) place.push(parts[index++]!)
  if (index === parts.length) return {place, date: undefined, dated: false}
  const rest = parts.slice(index).join(', ')
  if (!monthStart.test(rest)) return undefined
  const [found] = chrono.strict.parse(rest, reference, {forwardDate: false})
  if (!found || found.index !== 0 || found.text.length < rest.replace(/[.\s]+$/, '').length - 1) return undefined
  const start = found.start
  if (!start.isCertain('year')) return {place, date: undefined, dated: true}
  const date = new Date(Date.UTC(start.get('year')!, start.get('month')! - 1, start.get('day')!))
  return {place, date: Number.isNaN(date.getTime()) ? undefined : date.toISOString(), dated: true}
}

/** Parse a dateline given on its own (front matter `dateline:`). */
export function parseDateline(text: string, options: {loose?: boolean} = {}): Dateline | undefined {
  const match = matchDateline(text + ' ', options)
  if (!match) return undefined
  const {length: _length, ...dateline} = match
  return dateline
}
