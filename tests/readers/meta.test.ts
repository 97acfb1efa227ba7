import {describe, expect, it} from 'vitest'
import {isRtl} from '../../src/locale.js'
import {fileStem, parseDate, toSlug} from '../../src/readers/meta.js'
import {matchDateline} from '../../src/pipeline/dateline.js'

describe('parseDate', () => {
  it('should read the date forms of real front matter', () => {
    expect(parseDate('2016-10-11')).toBe('2016-10-11T00:00:00.000Z')
    expect(parseDate('2014-03-19T10:14:29-04:00')).toBe('2014-03-19T14:14:29.000Z')
    expect(parseDate('2015-03-19 10:00:00 -4')).toBe('2015-03-19T14:00:00.000Z')
    expect(parseDate('2012-06-08 2:43:37 -0400')).toBe('2012-06-08T06:43:37.000Z')
    expect(parseDate('2020-07-07T00:00:00.000Z')).toBe('2020-07-07T00:00:00.000Z')
    expect(parseDate(new Date(Date.UTC(2020, 0, 2)))).toBe('2020-01-02T00:00:00.000Z')
  })
  it('should refuse impossible dates', () => {
    expect(parseDate('2021-02-30')).toBeUndefined()
    expect(parseDate('2021-13-01')).toBeUndefined()
    expect(parseDate('soon')).toBeUndefined()
  })
  it('should refuse zone offsets beyond ±14:00 or with 60 minutes or more', () => {
    for (const value of ['2024-01-01T00:00:00+99:99', '2024-01-01T00:00:00+15:00', '2024-01-01T00:00:00-14:30', '2024-01-01T00:00:00+05:60', '2024-01-01 00:00:00 -1401', '2024-01-01 10:00 +99']) {
      expect(parseDate(value), value).toBeUndefined()
    }
    expect(parseDate('2024-01-01T00:00:00+14:00')).toBe('2023-12-31T10:00:00.000Z')
    expect(parseDate('2024-01-01T00:00:00-1400')).toBe('2024-01-01T14:00:00.000Z')
    expect(parseDate('2024-01-01T00:00:00+05:45')).toBe('2023-12-31T18:15:00.000Z')
  })
  it('should keep a year below 100 as written, not make it 19xx', () => {
    expect(parseDate('0024-05-01')).toBe('0024-05-01T00:00:00.000Z')
    expect(parseDate('0099-12-31T23:30:00+01:00')).toBe('0099-12-31T22:30:00.000Z')
    expect(parseDate('0024-02-29')).toBe('0024-02-29T00:00:00.000Z')
    expect(parseDate('0100-02-29')).toBeUndefined()
    expect(fileStem('input/0099-12-31-x.md')).toEqual({name: 'x', date: '0099-12-31T00:00:00.000Z'})
  })
  it('should refuse years no format writes alike: before 1 or after 9999 in UTC', () => {
    expect(parseDate('0000-06-01')).toBeUndefined()
    expect(parseDate('0001-01-01T00:30:00+01:00')).toBeUndefined()
    expect(parseDate('0001-01-01T00:30:00Z')).toBe('0001-01-01T00:30:00.000Z')
    expect(parseDate('9999-12-31T23:00:00-02:00')).toBeUndefined()
    expect(parseDate(new Date('0000-06-01T00:00:00Z'))).toBeUndefined()
  })
})

describe('toSlug', () => {
  it('should never keep path separators, dots or control characters', () => {
    expect(toSlug('../../etc/passwd')).toBe('etc-passwd')
    expect(toSlug('a\u0000b')).toBe('a-b')
    expect(toSlug('/abs/path')).toBe('abs-path')
    expect(toSlug('gsa’s-fedramp')).toBe('gsa-s-fedramp')
    expect(toSlug('code-gov-user-interviews%e2%80%8a-%e2%80%8awhat-we-learned')).toBe('code-gov-user-interviews-what-we-learned')
    expect(toSlug('هەولێر')).toBe('هەولێر')
  })
})

describe('isRtl', () => {
  it('should know right-to-left languages', () => {
    expect(isRtl('ckb')).toBe(true)
    expect(isRtl('ar-IQ')).toBe(true)
    expect(isRtl('ku-Arab')).toBe(true)
    expect(isRtl('en')).toBe(false)
    expect(isRtl('ku')).toBe(false)
  })
})

describe('matchDateline', () => {
  it('should match agency datelines', () => {
    expect(matchDateline('ERBIL (Kurdistan24) – Iraq is')).toMatchObject({place: 'ERBIL', agency: 'Kurdistan24', text: 'ERBIL (Kurdistan24) –'})
    expect(matchDateline('WASHINGTON (AP) — The')).toMatchObject({place: 'WASHINGTON', agency: 'AP'})
    expect(matchDateline('NEW YORK — The')).toMatchObject({place: 'NEW YORK'})
  })
  it('should not mistake ordinary sentences for datelines', () => {
    expect(matchDateline('ISIS Threat Remains in Key Iraqi Regions')).toBeUndefined()
    expect(matchDateline('A - b')).toBeUndefined()
    expect(matchDateline('FAQ - questions')).toBeUndefined()
    expect(matchDateline('FAQ - questions', {loose: true})).toBeDefined()
  })
})
