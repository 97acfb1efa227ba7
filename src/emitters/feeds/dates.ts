/**
 * Feed dates: RFC 822 for RSS 2.0 (`pubDate`, `lastBuildDate`) and RFC 3339
 * for Atom, JSON Feed and `atom:updated` — one tested concern, as
 * eleventy-plugin-rss' `dateRfc822.js` and `dateRfc3339.js`.
 *
 * Both are in UTC and never read the clock.
 */

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * Turn a date or an ISO 8601 string into a valid `Date` with a four-digit year.
 *
 * @param value
 *   `Date` or ISO 8601 string (as in `ArticleMeta.date`).
 * @param api
 *   Name of the calling API, for the error message.
 * @returns
 *   The date.
 * @throws {TypeError}
 *   When the value is not a valid date between the years 0 and 9999.
 */
export function toDate(value: Date | string, api: string): Date {
  const date = typeof value === 'string' ? new Date(value) : value
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new TypeError(`Expected a valid date in \`${api}\`, not \`${String(value)}\``)
  }
  const year = date.getUTCFullYear()
  if (year < 0 || year > 9999) {
    throw new TypeError(`Expected a date between the years 0 and 9999 in \`${api}\`, not \`${String(value)}\``)
  }
  return date
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0')
}

/**
 * Format a date as RFC 822 (with a four-digit year, as RFC 1123 and RSS 2.0
 * ask), in UTC: `Mon, 03 Mar 2025 09:30:00 +0000`.
 *
 * @param value
 *   `Date` or ISO 8601 string.
 * @returns
 *   RFC 822 date-time.
 * @throws {TypeError}
 *   When the value is not a valid date.
 */
export function dateRfc822(value: Date | string): string {
  const date = toDate(value, 'dateRfc822')
  return (
    `${days[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${months[date.getUTCMonth()]} ${pad(date.getUTCFullYear(), 4)} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  )
}

/**
 * Format a date as RFC 3339, in UTC, with milliseconds:
 * `2025-03-03T09:30:00.000Z`.
 *
 * > **Note**: this is the form `feed` writes in Atom (`toISOString`), so the
 * > three formats agree to the byte.
 *
 * @param value
 *   `Date` or ISO 8601 string.
 * @returns
 *   RFC 3339 date-time.
 * @throws {TypeError}
 *   When the value is not a valid date.
 */
export function dateRfc3339(value: Date | string): string {
  return toDate(value, 'dateRfc3339').toISOString()
}
