import {describe, expect, it} from 'vitest'
import {isRfc3339, isRfc822} from '../../src/check/dates.js'

describe('dates', () => {
  it('should accept RFC 822 dates and refuse others', () => {
    expect(isRfc822('Mon, 03 Mar 2025 09:30:00 +0000')).toBe(true)
    expect(isRfc822('3 Mar 2025 09:30 GMT')).toBe(true)
    expect(isRfc822('Tue, 03 Mar 2025 09:30:00 +0000')).toBe(false) // wrong day name
    expect(isRfc822('Mon, 31 Feb 2025 09:30:00 +0000')).toBe(false)
    expect(isRfc822('2025-03-03T09:30:00Z')).toBe(false)
  })

  it('should read a four-digit year below 100 as written (a two-digit one is 19xx)', () => {
    expect(isRfc822('Wed, 01 May 0024 00:00:00 +0000')).toBe(true)
    expect(isRfc822('Thu, 01 May 1924 00:00:00 +0000')).toBe(true)
    expect(isRfc822('Thu, 01 May 24 00:00:00 +0000')).toBe(true)
    expect(isRfc822('Thu, 01 May 0024 00:00:00 +0000')).toBe(false)
    expect(isRfc3339('0000-02-29T00:00:00Z')).toBe(true)
  })

  it('should accept RFC 3339 dates and refuse others', () => {
    expect(isRfc3339('2025-03-03T09:30:00Z')).toBe(true)
    expect(isRfc3339('2025-03-03T09:30:00.000+02:00')).toBe(true)
    expect(isRfc3339('2025-03-03 09:30:00Z')).toBe(false)
    expect(isRfc3339('2025-02-29T09:30:00Z')).toBe(false)
    expect(isRfc3339('2025-03-03T09:30:00')).toBe(false)
    expect(isRfc3339('Mon, 03 Mar 2025 09:30:00 +0000')).toBe(false)
  })
})
