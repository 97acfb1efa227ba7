/**
 * A UTC time from calendar fields with the year as written. `Date.UTC` reads
 * the years 0 to 99 as 1900 to 1999 (`Date.UTC(24, 4, 1)` is 1 May 1924); a
 * date written `0024-05-01` is the year 24. A leaf: it imports nothing of
 * Pressroom, so any layer may use it.
 */

/**
 * Milliseconds since the epoch of a UTC date and time, the year taken as
 * written. Fields out of range roll over as `Date.UTC`'s do (month 12 is
 * January of the next year).
 *
 * @param year
 *   Full year (`24` is the year 24, not 1924).
 * @param monthIndex
 *   Month, 0 (January) to 11.
 * @param day
 *   Day of the month (default: `1`).
 * @param hours
 *   Hours (default: `0`).
 * @param minutes
 *   Minutes (default: `0`).
 * @param seconds
 *   Seconds (default: `0`).
 * @param milliseconds
 *   Milliseconds (default: `0`).
 * @returns
 *   Time value, `NaN` when a field is not a finite number or the date is
 *   out of the range of `Date`.
 */
export function utcTime(year: number, monthIndex: number, day = 1, hours = 0, minutes = 0, seconds = 0, milliseconds = 0): number {
  const date = new Date(0)
  date.setUTCFullYear(year, monthIndex, day)
  return date.setUTCHours(hours, minutes, seconds, milliseconds)
}
