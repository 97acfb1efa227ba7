/**
 * Date lines of wire copy: `February 24, 2025`, `Published: 24 Feb 2025
 * 11:29 GMT`, `Updated: 2025-02-24T11:29:00+03:00`. The date is read by
 * chrono-node (`strict`: formal dates only); this module decides what counts
 * as a line that is only a date, and how to read what the line leaves open.
 */
import * as chrono from 'chrono-node'

/** What a date line gives. */
export interface DateLine {
  /** ISO 8601 (UTC). */
  iso: string
  /** `updated` for `Updated:`, `Last updated`, `Modified`; else `published`. */
  kind: 'published' | 'updated'
}

const label = /^(?:(published|posted|date[d]?|first published)|(updated|last updated|modified|last modified))(?:\s+on)?\s*[:\-–—|]?\s*/i
/** `03/04/2025`: March 4 in one country, 3 April in another. */
const ambiguousNumeric = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}\b/
/** Fixed reference for chrono, so nothing depends on the day of the build. */
const reference = new Date(Date.UTC(2000, 0, 1))

/**
 * Read a line that is a date and nothing else (an optional label first).
 * Relative dates (`3 hours ago`) and dates without a year or with an
 * ambiguous day and month are not read.
 *
 * @param text
 *   One line of text.
 * @returns
 *   The date, or `undefined`.
 */
export function readDateLine(text: string): DateLine | undefined {
  if (text.length > 80 || !/\d{4}/.test(text)) return undefined
  const labelled = label.exec(text)
  const rest = text.slice(labelled?.[0].length ?? 0).replace(/[.\s]+$/, '')
  const numeric = ambiguousNumeric.exec(rest)
  if (numeric && Number(numeric[1]) <= 12 && Number(numeric[2]) <= 12 && numeric[1] !== numeric[2]) return undefined
  const [found] = chrono.strict.parse(rest, reference, {forwardDate: false})
  if (!found || found.index !== 0 || found.text.length < rest.length - 1 || !/\b\d{4}\b/.test(found.text)) return undefined
  const start = found.start
  if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return undefined
  const year = start.get('year')!
  const month = start.get('month')!
  const day = start.get('day')!
  // A date alone is that day at 00:00 UTC, as `date: 2025-02-24` in front
  // matter; a time without a zone is UTC, as in front matter.
  const time = start.isCertain('hour')
    ? Date.UTC(year, month - 1, day, start.get('hour')!, start.get('minute') ?? 0, start.get('second') ?? 0) -
      (start.isCertain('timezoneOffset') ? (start.get('timezoneOffset') ?? 0) : 0) * 60_000
    : Date.UTC(year, month - 1, day)
  const date = new Date(time)
  if (Number.isNaN(date.getTime())) return undefined
  return {iso: date.toISOString(), kind: labelled?.[2] ? 'updated' : 'published'}
}
