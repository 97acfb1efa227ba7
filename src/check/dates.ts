/**
 * Strict date syntax checks for feeds: RFC 822 (RSS, as updated by RFC 1123:
 * four-digit years allowed) and RFC 3339 (Atom, JSON Feed, EPUB). Written
 * independently of the emitters' date helpers, so a bug there shows here.
 */
import {utcTime} from '../util/utc.js'

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const rfc822 =
  /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}|\d{2}) (\d{2}):(\d{2})(?::(\d{2}))? ([+-]\d{4}|UT|GMT|[ECMP][SD]T|[A-IK-Z])$/
const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/

/**
 * Whether a string is an RFC 822 date-time with a real calendar date, and,
 * when a day name is given, the right one.
 *
 * @param value
 *   Date text.
 * @returns
 *   Whether it is valid.
 */
export function isRfc822(value: string): boolean {
  const match = rfc822.exec(value.trim())
  if (!match) return false
  const [, dayName, day, month, year, hour, minute, second] = match
  const fullYear = year!.length === 2 ? 1900 + Number(year) : Number(year)
  const monthIndex = months.indexOf(month!)
  if (!validDay(fullYear, monthIndex + 1, Number(day)) || !validTime(Number(hour), Number(minute), Number(second ?? 0))) return false
  if (dayName) {
    const weekday = new Date(utcTime(fullYear, monthIndex, Number(day))).getUTCDay()
    if (days[weekday] !== dayName) return false
  }
  return true
}

/**
 * Whether a string is an RFC 3339 date-time (`date-time` production).
 *
 * @param value
 *   Date text.
 * @returns
 *   Whether it is valid.
 */
export function isRfc3339(value: string): boolean {
  const match = rfc3339.exec(value)
  if (!match) return false
  const [, year, month, day, hour, minute, second, offsetHour, offsetMinute] = match
  return (
    validDay(Number(year), Number(month), Number(day)) &&
    validTime(Number(hour), Number(minute), Number(second)) &&
    Number(offsetHour ?? 0) <= 23 &&
    Number(offsetMinute ?? 0) <= 59
  )
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  // The year as written: `Date.UTC` reads 0024 as 1924.
  return day <= new Date(utcTime(year, month, 0)).getUTCDate()
}

function validTime(hour: number, minute: number, second: number): boolean {
  // 60: leap second.
  return hour <= 23 && minute <= 59 && second <= 60
}
