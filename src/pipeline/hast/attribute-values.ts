/**
 * The values HTML allows in the attributes the sanitizer keeps, defined once
 * (HTML §2.3 microsyntaxes, §3.2.6 global attributes, BCP 47 for languages):
 * the content-model step (`plugins/rehype-content-model.ts`) removes a value
 * that is not one of them, so that no page fails the Nu checker and no EPUB
 * fails EPUBCheck over an attribute written by hand.
 *
 * Language tags are checked for their form (RFC 5646), not against the IANA
 * registry: `xx` or `de-1234` pass here and the Nu checker still rejects them.
 */

import {isLanguageTag} from '../../locale.js'

/**
 * What an attribute value must be: `undefined` when `value` is allowed, else
 * what is expected (for the message), by hast property name. `tagName` is the
 * element's.
 */
export const attributeValues: Readonly<Record<string, (value: string, tagName: string) => string | undefined>> = {
  dir: (value) => (/^(ltr|rtl|auto)$/i.test(value) ? undefined : 'it must be `ltr`, `rtl` or `auto`'),
  lang: (value) => (value === '' || isLanguageTag(value) ? undefined : 'it must be a language tag such as `en` or `pt-BR`'),
  hrefLang: (value) => (isLanguageTag(value) ? undefined : 'it must be a language tag such as `en` or `pt-BR`'),
  dateTime: (value, tagName) =>
    tagName === 'time'
      ? isDateTimeValue(value)
        ? undefined
        : 'it must be a date, time or duration such as `2024-05-01`, `2024-05-01T09:30Z` or `PT2H`'
      : isDateString(value) || isGlobalDateTime(value)
        ? undefined
        : 'it must be a date such as `2024-05-01` or `2024-05-01T09:30Z`',
  start: (value) => (/^-?\d+$/.test(value) ? undefined : 'it must be a whole number'),
  value: (value) => (/^-?\d+$/.test(value) ? undefined : 'it must be a whole number'),
  colSpan: (value) => (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 1000 ? undefined : 'it must be a whole number from 1 to 1000'),
  rowSpan: (value) => (/^\d+$/.test(value) && Number(value) <= 65_534 ? undefined : 'it must be a whole number from 0 to 65534'),
  scope: (value) => (/^(row|col|rowgroup|colgroup)$/i.test(value) ? undefined : 'it must be `row`, `col`, `rowgroup` or `colgroup`'),
  width: (value) => (/^\d+$/.test(value) ? undefined : 'it must be a whole number of pixels'),
  height: (value) => (/^\d+$/.test(value) ? undefined : 'it must be a whole number of pixels')
}


/**
 * Whether a value is one of the `datetime` values of `<time>` (HTML
 * §4.5.14): a year, month, date, yearless date, week, time, local or global
 * date and time, time-zone offset, or duration.
 *
 * @param value
 *   Value as written.
 * @returns
 *   Whether it is.
 */
export function isDateTimeValue(value: string): boolean {
  return (
    isDateString(value) ||
    isGlobalDateTime(value) ||
    isLocalDateTime(value) ||
    isTimeString(value) ||
    isTimeZone(value) ||
    isMonthString(value) ||
    isYearlessDate(value) ||
    isWeekString(value) ||
    (/^\d{4,}$/.test(value) && Number(value) > 0) ||
    isDuration(value)
  )
}

/** `2024-05-01`. */
export function isDateString(value: string): boolean {
  const match = /^(\d{4,})-(\d\d)-(\d\d)$/.exec(value)
  return match !== null && isDate(Number(match[1]), Number(match[2]), Number(match[3]))
}

/** `2024-05-01T09:30`, `2024-05-01 09:30:15.5`. */
function isLocalDateTime(value: string): boolean {
  const match = /^(.+?)[T ](.+)$/.exec(value)
  return match !== null && isDateString(match[1]!) && isTimeString(match[2]!)
}

/** `2024-05-01T09:30Z`, `2024-05-01 09:30+03:00`. */
export function isGlobalDateTime(value: string): boolean {
  const match = /^(.+?)(Z|[+-]\d\d:?\d\d)$/.exec(value)
  return match !== null && isLocalDateTime(match[1]!) && isTimeZone(match[2]!)
}

/** `09:30`, `09:30:15`, `09:30:15.250`. */
function isTimeString(value: string): boolean {
  const match = /^(\d\d):(\d\d)(?::(\d\d)(?:\.\d{1,3})?)?$/.exec(value)
  return match !== null && Number(match[1]) <= 23 && Number(match[2]) <= 59 && Number(match[3] ?? 0) <= 59
}

/** `Z`, `+03:00`, `-0500`. */
function isTimeZone(value: string): boolean {
  const match = /^(?:Z|[+-](\d\d):?(\d\d))$/.exec(value)
  return match !== null && Number(match[1] ?? 0) <= 23 && Number(match[2] ?? 0) <= 59
}

/** `2024-05`. */
function isMonthString(value: string): boolean {
  const match = /^(\d{4,})-(\d\d)$/.exec(value)
  return match !== null && Number(match[1]) > 0 && Number(match[2]) >= 1 && Number(match[2]) <= 12
}

/** `05-01`, `02-29` (HTML allows `--05-01` too; the Nu checker does not). */
function isYearlessDate(value: string): boolean {
  const match = /^(\d\d)-(\d\d)$/.exec(value)
  // Any year: 29 February is a date.
  return match !== null && isDate(2000, Number(match[1]), Number(match[2]))
}

/** `2024-W18`. */
function isWeekString(value: string): boolean {
  const match = /^(\d{4,})-W(\d\d)$/.exec(value)
  if (!match) return false
  const year = Number(match[1])
  const week = Number(match[2])
  const weekday = new Date(Date.UTC(2000, 0, 1)).setUTCFullYear(year, 0, 1)
  const first = new Date(weekday).getUTCDay()
  const weeks = first === 4 || (first === 3 && isLeap(year)) ? 53 : 52
  return year > 0 && week >= 1 && week <= weeks
}

/** `P2DT3H`, `PT1.5S`, `4h 18m 3s`. */
function isDuration(value: string): boolean {
  if (/^P(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,3})?S)?)?$/.test(value)) return true
  const components = /^\s*(?:(?:\d+(?:\.\d{1,3})?\s*s|\d+\s*[wdhm])\s*)+$/i.test(value) ? value.match(/[wdhms]/gi) ?? [] : []
  return components.length > 0 && new Set(components.map((scale) => scale.toLowerCase())).size === components.length
}

function isDate(year: number, month: number, day: number): boolean {
  const days = month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
  return year > 0 && month >= 1 && month <= 12 && day >= 1 && day <= days
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}
