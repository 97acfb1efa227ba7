/**
 * Features of one line or block of wire copy: what it looks like (length,
 * case, final punctuation) and what it matches (name, title, place, date,
 * URL, contact, release number, end mark, credit). The classifier combines
 * them with a fixed precedence; nothing here decides a block's kind.
 */
import {utcTime} from '../../util/utc.js'
import {readDateLine, type DateLine} from './timestamp.js'
import {groupOf, monthNames, patternOf, titleWords} from './patterns.js'

/** Sentence-final punctuation, in the scripts the reader knows. */
export const finalPunctuation = /[.!?…:;,"”’)\]؟۔،؛]$/u
/** `https://…`, `www.…`, `example.gov/press`. */
const urlPattern = /^(?:<)?(?:https?:\/\/|www\.)\S+?>?$|^[\w-]+(?:\.[\w-]+)+\/\S*$/iu
const emailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u
/** A phone number: 7 digits or more, with the usual separators and an optional `+`. */
const phonePattern = /(?:\+|\b)\d[\d\s().\-/]{5,}\d\b/u
/** `Tel:`, `Phone`, `Mobile`, `Cell`, `Fax`, `T:`, `M:`, `E:`, `Email:`. */
const contactFieldLabel = /^(?:tel(?:ephone)?|phone|mobile|cell|fax|office|t|m|e|e-?mail|ph|mob|هاتف|جوال|بريد|تەلەفۆن|ئیمەیڵ)\.?\s*[:.]/iu
/** A glossary or definition line: `term – n. a definition`, `Term: a definition.` */
const glossaryPattern = /^[\p{L}\p{N}'’ -]{1,40}\s[–—-]\s(?:(?:n|v|adj|adv)\.\s)?\p{Ll}/u
/** `By Jane Smith`, `By Jane Smith and Ahmed Rasheed`, `By JOHN DOE, JANE ROE & AL-SAMARRAI`. */
const bylinePattern = /^[Bb][Yy]\s+(\p{Lu}.{1,150})$/u
/** A person's name: two to four capitalized words, initials allowed (`Jane Q. Doe`, `al-Abbasi`), nothing else. */
const nameWord = String.raw`(?:\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*|\p{Lu}\.|\p{Lu}{2,}|(?:al|el|de|da|van|von|bin|ibn|le|la|du)-?)`
const namePattern = new RegExp(String.raw`^(?:(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Amb|Gen|Col|Maj|Capt)\.?\s+)?${nameWord}(?:\s+(?:\p{Lu}\.\s+)?${nameWord}){1,2}(?:,?\s+(?:Jr|Sr|II|III|IV)\.?)?$`, 'u')
/** A place line: `Washington, DC`, `Erbil, Kurdistan Region`, `GENEVA, Switzerland`. */
const placePattern = /^\p{Lu}[\p{L}.'’ -]{1,30},\s*(?:\p{Lu}[\p{L}.'’-]*\.?)(?:\s+\p{Lu}[\p{L}.'’-]*\.?){0,3}$/u
/** A typographic or ASCII list marker and a numbered one. */
export const bulletPattern = /^(--|[-*•▪·–])\s+(?=\S)/u
export const numberPattern = /^(\d{1,3})[.)]\s+(?=\S)/
/** A line of rules only (`___`, `* * *`, `---`, `• • •`): a break between sections, as in Markdown. */
export const rulePattern = /^(?:([-_*=~•·])\s*)(?:\1\s*){2,}$/u

/**
 * `… (Photo: AFP)`, `… (Photo credit: Reuters)`, `… Photo: AP`, `… (Photo by
 * Jane Doe/Getty Images)` at the end of a caption; also in Kurdish (`Wêne`,
 * `وێنە`), Arabic (`صورة`), Persian (`عکس`) and Turkish (`Fotoğraf`).
 */
const creditPattern = /\s*[([]?\s*(?:photo|picture|image|foto|fotoğraf|credit|photograph|wêne|وێنە|صورة|الصورة|عکس|تصویر)(?:\s*credit)?\s*(?:[:/：]|\s+by\s)\s*([^()[\]]{1,80}?)\s*[)\]]?\s*$/iu
/**
 * A credit in parentheses that names its agency first, kept whole as agencies
 * ask: `(AP Photo/Charlie Neibergall)`, `(REUTERS/Thaier al-Sudani)`,
 * `(AFP Photo/Safin Hamid)`.
 */
const agencyCreditPattern = /\s*[([]\s*((?:[\p{Lu}][\p{L}.&'’-]*\s+){0,3}?(?:[Pp]hoto|PHOTO|[Pp]icture|[Ff]oto|\p{Lu}{2,})\s*\/\s*[^()[\]/]{1,80}?)\s*[)\]]\s*$/u

/** Words of a text (letters and digits of any script). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}

/** Does the text have capital letters at all (a cased script)? */
export function isCased(text: string): boolean {
  return /\p{Lu}/u.test(text) || /\p{Ll}/u.test(text)
}

/** Is the line a URL and nothing else? */
export function isUrl(text: string): boolean {
  return urlPattern.test(text)
}

/** Does the line carry an e-mail address or a phone number, or label one? */
export function isContactField(line: string): boolean {
  // NASA's and others' `(Phone: 202/358-1753)`: the same field in brackets.
  const text = line.replace(/^\((.+)\)$/u, '$1').trim()
  if (contactFieldLabel.test(text)) return true
  if (text.length > 120) return false
  if (emailPattern.test(text)) return true
  // A phone number on a short line (not a figure in a sentence, not a date).
  return phonesOf(text).length > 0 && !readDateLine(text) && !finalPunctuation.test(text.replace(/\.$/, '')) && wordCount(text.replace(phonePattern, '')) <= 6
}

/** The e-mail addresses of a line. */
export function emailsOf(text: string): string[] {
  return [...text.matchAll(new RegExp(emailPattern.source, 'gu'))].map((match) => match[0])
}

/** The phone numbers of a line. */
export function phonesOf(text: string): string[] {
  return [...text.matchAll(new RegExp(phonePattern.source, 'gu'))].map((match) => match[0].trim())
    .filter((phone) => phone.replace(/\D/g, '').length >= 7 && !/^\d{1,2}:\d{2}/.test(phone) && !/^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(phone))
}

/** A contacts label (`Media contact:`) opening the line, and what follows it. */
export function contactLabelOf(text: string): {rest: string} | undefined {
  const colon = /^(.{2,60}?)\s*[:：]\s*(.*)$/u.exec(text)
  if (colon && patternOf('contactLabels').test(colon[1]!)) return {rest: colon[2]!}
  if (patternOf('contactLabels').test(text.replace(/[:：]$/, ''))) return {rest: ''}
  return undefined
}

/** Is the line a person's name alone? */
export function isName(text: string): boolean {
  return text.length <= 50 && namePattern.test(text)
}

/** Is the line a job title (`Spokesperson`, `Deputy Press Secretary, Office of …`)? */
export function isTitleLine(text: string): boolean {
  if (text.length > 100 || /[.!?]$/.test(text)) return false
  const words = text.toLowerCase().split(/[\s,/]+/u).filter(Boolean).map((word) => word.replace(/[^\p{L}]/gu, ''))
  // `Spokesperson`, `Director of Communications`, and `Department Spokesperson`, `Deputy Press Secretary`: a title word leads or ends it.
  return words.length > 0 && words.length <= 12 && (titleWords.has(words[0]!) || (words.length <= 4 && titleWords.has(words.at(-1)!)))
}

/** A name and a title on one line (`John Kirby, Spokesperson`): the name. */
export function nameWithTitleOf(text: string): string | undefined {
  const match = /^([^,]{3,50}),\s*(.{3,100})$/u.exec(text)
  return match && isName(match[1]!) && isTitleLine(match[2]!) ? match[1] : undefined
}

/** Is the line a place alone (`Washington, DC`)? */
export function isPlace(text: string): boolean {
  return placePattern.test(text) && wordCount(text) <= 6
}

/** Is the line a glossary entry (`term – n. a definition`)? */
export function isGlossary(text: string): boolean {
  return glossaryPattern.test(text)
}

/** Is the line an end mark? */
export function isEndMark(text: string): boolean {
  return patternOf('endMarks').test(text)
}

/** Is the line a release note (`FOR IMMEDIATE RELEASE`)? */
export function isReleaseNote(text: string): boolean {
  return patternOf('releaseNotes').test(text.replace(/[.:]$/, ''))
}

/** Is the line a document type alone (`Press Statement`)? */
export function isDocumentType(text: string): boolean {
  return patternOf('documentTypes').test(text.replace(/[.:]$/, ''))
}

/** Is the line an issuer (`Office of the Press Secretary`)? */
export function isIssuer(text: string): boolean {
  return text.length <= 80 && !finalPunctuation.test(text) && patternOf('issuers').test(text)
}

/** The release number of a line such as `RELEASE: 07-44` or `Release No. 25-012`. */
export function releaseNumberOf(text: string): string | undefined {
  // A document symbol alone on its line, as the UN and others number releases: `SC/15555`, `GA/EF/3580`, `PI/2024/12`.
  if (/^(?:\p{Lu}{1,6}\/){1,3}(?:\d{4}\/)?\d{2,6}(?:[-.]\p{Lu}?\d+)?$/u.test(text)) return text
  const match = /^(.{2,40}?)\s*(?:[:#]\s*|\s+)([\p{L}]{0,4}[-‑]?\d[\p{L}\d/.\-‑]*)$/u.exec(text)
  if (!match || !patternOf('releaseNumberLabels').test(match[1]!.replace(/\s*[:#]$/, ''))) return undefined
  return match[2]
}

/** The date of a line that is only a date (`September 7, 2018`, `Updated: …`). */
export function dateOf(text: string): DateLine | undefined {
  return readDateLine(text) ?? scriptDateOf(text)
}

/** `١٥ آذار ٢٠٢٤`, `15 مارس 2024`, `٢٤ی شوباتی ٢٠٢٥`: a day, a month name of {@link monthNames}, a year. */
function scriptDateOf(text: string): DateLine | undefined {
  const latin = text.replace(/[٠-٩]/gu, (digit) => String(digit.charCodeAt(0) - 0x660)).replace(/[۰-۹]/gu, (digit) => String(digit.charCodeAt(0) - 0x6f0))
  const match = /^(?:[\p{L}]+[،,]?\s+)?(\d{1,2})(?:ی)?\s+(\p{L}+(?:\s\p{L}+)?)\s+(\d{4})$/u.exec(latin.trim())
  if (!match) return undefined
  const month = monthNames[match[2]!.replace(/ی$/u, '')] ?? monthNames[match[2]!]
  const day = Number(match[1])
  const year = Number(match[3])
  if (!month || day < 1 || day > 31 || year < 1) return undefined
  // The year as written: `Date.UTC` reads ٠٠٢٤ (24) as 1924.
  return {iso: new Date(utcTime(year, month - 1, day)).toISOString(), kind: 'published'}
}

/** The names of a byline (`By A, B and C`), or `undefined`. */
export function bylineOf(text: string): string[] | undefined {
  if (/[.!?;:]$/.test(text)) return undefined
  const match = bylinePattern.exec(text) ?? otherBylinePattern.exec(text)
  return match ? namesOf(match[1]!) : undefined
}

/** `Written by Jane Doe`, `بقلم: …`: a byline with another label. */
const otherBylinePattern = new RegExp(String.raw`^(?:${patternOf('bylineLabels').source.slice(4, -2)})\s*:?\s+(\S.{1,150})$`, 'iu')

/** Split a list of names (`A, B and C`, `A & B`); `undefined` when one is not a name. */
export function namesOf(list: string): string[] | undefined {
  const names = list.split(/\s*(?:,|&|;|\band\b|\bو\b|\bو)\s*/iu).map((name) => name.trim()).filter(Boolean)
  // Each a name: one to five words, the first a capital (or a script without capitals).
  const isAName = (name: string) => (/^\p{Lu}/u.test(name) || !isCased(name)) && name.split(/\s+/).length <= 5
  return names.length > 0 && names.length <= 8 && names.every(isAName) ? names : undefined
}

/**
 * The writers of a closing credit, or `undefined` when the line is not one:
 * every part that names reporters or writers (`Reporting by A; Writing by B;
 * Editing by C` gives A and B, as the agency's own byline would), none of
 * the editors.
 */
export function reportingCreditOf(text: string): string[] | undefined {
  const pattern = patternOf('reportingCredits')
  const match = pattern.exec(text)
  if (!match) return undefined
  // One credit a part (`A; B; C`), each read alone; a line of one credit is its match.
  const parts = text.replace(/^\(|\)\.?$/g, '').split(/\s*;\s*/)
  const credits = parts.length > 1 ? parts.map((part) => pattern.exec(part)) : [match]
  const names: string[] = []
  for (const credit of credits) {
    const list = credit ? groupOf(credit, 'names') : undefined
    if (list === undefined) continue
    for (const name of namesOf(list.replace(/\s+(?:in|from)\s+\p{Lu}[\p{L} ]*$/u, '')) ?? []) if (!names.includes(name)) names.push(name)
  }
  return names
}

/** A credit alone on a line (`Art: A and B`, `Photo courtesy of NASA`), or `undefined`. */
export function creditLineOf(text: string): string | undefined {
  if (text.length > 140 || /[.!?]$/.test(text.replace(/\b(?:Inc|Ltd|Co|Jr|Sr)\.$/, ''))) return undefined
  const match = patternOf('creditLines').exec(text)
  return match ? groupOf(match, 'credit')?.trim() : undefined
}

/** Does the line open as a caption does (`Pictured: …`)? */
export function opensCaption(text: string): boolean {
  return patternOf('captionOpeners').test(text)
}

/** A photo caption and its credit, when the text ends with one. */
export function captionOf(text: string): {caption: string; credit?: string} | undefined {
  const agency = agencyCreditPattern.exec(text)
  const credit = agency ?? creditPattern.exec(text)
  if (!credit) return undefined
  const caption = text.slice(0, credit.index).trim()
  const image: {caption: string; credit?: string} = {caption: caption || text}
  const name = credit[1]?.replace(/\s*\/\s*/g, '/').trim()
  if (name) image.credit = name
  return image
}
