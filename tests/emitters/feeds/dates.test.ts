import {describe, expect, it} from 'vitest'
import {dateRfc3339, dateRfc822, toDate} from '../../../src/emitters/feeds/dates.js'

describe('dateRfc822', () => {
  it('should format a date in UTC with a four-digit year and a numeric zone', () => {
    expect(dateRfc822(new Date('2025-03-03T09:30:00Z'))).toBe('Mon, 03 Mar 2025 09:30:00 +0000')
  })

  it('should accept an ISO 8601 string with an offset and convert it to UTC', () => {
    expect(dateRfc822('2024-12-31T23:59:59-02:00')).toBe('Wed, 01 Jan 2025 01:59:59 +0000')
  })

  it('should pad single-digit days, hours, minutes and seconds', () => {
    expect(dateRfc822('2025-02-01T01:02:03Z')).toBe('Sat, 01 Feb 2025 01:02:03 +0000')
  })

  it('should pad years below 1000 to four digits', () => {
    expect(dateRfc822(new Date(Date.UTC(999, 0, 1)))).toBe('Tue, 01 Jan 0999 00:00:00 +0000')
  })

  it('should match the RFC 822 date-time grammar for many dates', () => {
    const pattern = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$/
    for (let time = Date.UTC(1970, 0, 1); time < Date.UTC(2100, 0, 1); time += 86_400_000 * 37 + 3_600_777) {
      const text = dateRfc822(new Date(time))
      expect(text).toMatch(pattern)
      expect(Date.parse(text)).toBe(Math.floor(time / 1000) * 1000)
    }
  })

  it('should throw a `TypeError` naming the API on an invalid date', () => {
    expect(() => dateRfc822('not a date')).toThrow(/`dateRfc822`/)
    expect(() => dateRfc822(new Date(Number.NaN))).toThrow(TypeError)
    expect(() => dateRfc822(new Date(Date.UTC(10_000, 0, 1)))).toThrow(TypeError)
  })
})

describe('dateRfc3339', () => {
  it('should format a date in UTC with milliseconds and `Z`', () => {
    expect(dateRfc3339('2025-03-03T09:30:00Z')).toBe('2025-03-03T09:30:00.000Z')
  })

  it('should convert offsets to UTC', () => {
    expect(dateRfc3339('2025-03-03T12:30:00+03:00')).toBe('2025-03-03T09:30:00.000Z')
  })

  it('should round-trip through `Date.parse`', () => {
    const date = new Date('2026-11-27T21:01:11.123Z')
    expect(Date.parse(dateRfc3339(date))).toBe(date.getTime())
    expect(dateRfc3339(date)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  })

  it('should throw a `TypeError` naming the API on an invalid date', () => {
    expect(() => dateRfc3339('2025-13-45')).toThrow(/`dateRfc3339`/)
  })
})

describe('toDate', () => {
  it('should parse an ISO 8601 string and pass a valid `Date` through', () => {
    const date = new Date('2025-03-03T09:30:00Z')
    expect(toDate('2025-03-03T09:30:00Z', 'x').getTime()).toBe(date.getTime())
    expect(toDate(date, 'x')).toBe(date)
  })

  it('should throw a `TypeError` naming the given API', () => {
    expect(() => toDate('not a date', 'feedsEmitter')).toThrow('Expected a valid date in `feedsEmitter`, not `not a date`')
  })
})
