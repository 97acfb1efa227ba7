import {afterEach, describe, expect, it} from 'vitest'
import {dateOf} from '../../src/readers/wire/features.js'
import {readDateLine} from '../../src/readers/wire/timestamp.js'

describe('readDateLine', () => {
  const zone = process.env['TZ']
  afterEach(() => {
    if (zone === undefined) delete process.env['TZ']
    else process.env['TZ'] = zone
  })

  it('should read dates that are the whole line, with a label, time and zone', () => {
    expect(readDateLine('February 24, 2025')).toEqual({iso: '2025-02-24T00:00:00.000Z', kind: 'published'})
    expect(readDateLine('Monday, 24 February 2025 - 11:29 GMT')?.iso).toBe('2025-02-24T11:29:00.000Z')
    expect(readDateLine('Published: 2025-02-24 11:29')).toEqual({iso: '2025-02-24T11:29:00.000Z', kind: 'published'})
    expect(readDateLine('2025-02-24T11:29:00+03:00')?.iso).toBe('2025-02-24T08:29:00.000Z')
    expect(readDateLine('Last updated: Feb 24, 2025 at 2:30 p.m. EST')).toEqual({iso: '2025-02-24T19:30:00.000Z', kind: 'updated'})
    expect(readDateLine('24-02-2025 11:29')?.iso).toBe('2025-02-24T11:29:00.000Z')
  })

  it('should not read relative, partial, ambiguous or embedded dates', () => {
    for (const line of ['3 hours ago', 'Updated 2 hours ago', 'Tuesday', 'March 2025', '03/04/2025', 'By noon on March 3 2025 the talks ended.', 'The 2025 budget', '2025']) {
      expect(readDateLine(line), line).toBeUndefined()
    }
  })

  it('should give the same date whatever the machine’s time zone', () => {
    const lines = ['February 24, 2025', 'Feb. 24, 2025 11:29 AM', 'March 30, 2025 02:30', 'Last updated: Feb 24, 2025 at 2:30 p.m. EST']
    process.env['TZ'] = 'UTC'
    const utc = lines.map((line) => readDateLine(line)?.iso)
    for (const other of ['America/New_York', 'Asia/Baghdad', 'Pacific/Chatham']) {
      process.env['TZ'] = other
      expect(lines.map((line) => readDateLine(line)?.iso)).toEqual(utc)
    }
    expect(utc[1]).toBe('2025-02-24T11:29:00.000Z')
  })

  it('should keep the year of a date in Arabic script as written', () => {
    expect(dateOf('١٥ آذار ٢٠٢٤')?.iso).toBe('2024-03-15T00:00:00.000Z')
    expect(dateOf('١٥ آذار ٠٠٢٤')?.iso).toBe('0024-03-15T00:00:00.000Z')
    expect(dateOf('١٥ آذار ٠٠٠٠')).toBeUndefined()
  })
})
