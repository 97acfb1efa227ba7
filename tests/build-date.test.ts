import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {buildDateOf, sourceDateEpoch} from '../src/build-date.js'

let saved: string | undefined

beforeEach(() => {
  saved = process.env['SOURCE_DATE_EPOCH']
  delete process.env['SOURCE_DATE_EPOCH']
})

afterEach(() => {
  if (saved === undefined) delete process.env['SOURCE_DATE_EPOCH']
  else process.env['SOURCE_DATE_EPOCH'] = saved
})

const dated = (date: string, updated?: string) => ({meta: updated === undefined ? {date} : {date, updated}})

describe('sourceDateEpoch', () => {
  it('should read whole seconds only', () => {
    expect(sourceDateEpoch()).toBeUndefined()
    process.env['SOURCE_DATE_EPOCH'] = '1740441600'
    expect(sourceDateEpoch()?.toISOString()).toBe('2025-02-25T00:00:00.000Z')
    process.env['SOURCE_DATE_EPOCH'] = '17.5'
    expect(sourceDateEpoch()).toBeUndefined()
  })
})

describe('buildDateOf', () => {
  it('should give the newest updated or published date', () => {
    const date = buildDateOf([dated('2025-01-01T00:00:00Z'), dated('2024-01-01T00:00:00Z', '2025-03-01T00:00:00Z')])
    expect(date.toISOString()).toBe('2025-03-01T00:00:00.000Z')
  })

  it('should give the Unix epoch without articles, and ignore dates that do not parse', () => {
    expect(buildDateOf([]).toISOString()).toBe('1970-01-01T00:00:00.000Z')
    expect(buildDateOf([dated('not a date'), dated('2025-01-01T00:00:00Z')]).toISOString()).toBe('2025-01-01T00:00:00.000Z')
  })

  it('should prefer SOURCE_DATE_EPOCH', () => {
    process.env['SOURCE_DATE_EPOCH'] = '0'
    expect(buildDateOf([dated('2025-01-01T00:00:00Z')]).toISOString()).toBe('1970-01-01T00:00:00.000Z')
  })
})
