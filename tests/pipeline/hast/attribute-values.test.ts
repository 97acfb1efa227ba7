import {describe, expect, it} from 'vitest'
import {isLanguageTag} from '../../../src/locale.js'
import {attributeValues, isDateTimeValue} from '../../../src/pipeline/hast/attribute-values.js'

// Each list was checked with the Nu HTML checker (vnu-jar 26.9.27), which rejects
// every `invalid` value and accepts every `valid` one — but for `2024-W53`,
// which it accepts though 2024 has 52 ISO weeks.
describe('attribute values', () => {
  it('should know the datetime values of `<time>`', () => {
    const valid = ['2024', '0024', '99999', '2024-12', '2024-02-29', '2000-02-29', '02-29', '2020-W53', '2015-W53', '23:59:59.123', '+05:30', '+0530', 'Z',
      '2024-01-01T10:00:00.5-05:00', '2024-01-01 10:00Z', '2024-01-01T10:00', 'P1D', 'PT1H', 'PT1.5S', '1h 2m', '2w', '1.5s', ' 1s ', '1 s']
    const invalid = ['soon', '0000', '2024-13', '2023-02-29', '1900-02-29', '--02-29', '02-30', '2024-W53', '2024-W00', '24:00', '23:59:60', '23:59:59.1234',
      '10:00Z', '-24:00', '2024-01-01T10:00+25:00', '2024-01-01t10:00', 'P', 'PT', 'P1DT', 'P1W', 'P1Y', 'PT1.5M', '1h1h', '1.5h', 'p1d', ' 2024-01-01', '2024-1-1']
    for (const value of valid) expect(isDateTimeValue(value), value).toBe(true)
    for (const value of invalid) expect(isDateTimeValue(value), value).toBe(false)
  })

  it('should hold `del` and `ins` to a date, with a time only with its zone', () => {
    expect(attributeValues['dateTime']!('2024-05-01', 'del')).toBeUndefined()
    expect(attributeValues['dateTime']!('2024-05-01T09:30Z', 'ins')).toBeUndefined()
    expect(attributeValues['dateTime']!('2024-05-01T09:30', 'del')).toMatch(/must be a date/)
    expect(attributeValues['dateTime']!('PT2H', 'del')).toMatch(/must be a date/)
  })

  it('should know well-formed language tags', () => {
    const valid = ['en', 'EN', 'en-US', 'zh-Hant-TW', 'x-foo', 'i-klingon', 'sgn-BE-FR', 'de-1996', 'de-CH-1901', 'ckb-IQ', 'es-419', 'zh-yue-HK', 'en-US-u-ca-gregory']
    const invalid = ['not a tag', 'english language', 'en_US', 'abcdefghi', '1234', 'en--US', 'en-', 'en-x', 'en-a', 'en-a-bbb-x-a', 'aaa-bbb-ccc-ddd-eee']
    for (const value of valid) expect(isLanguageTag(value), value).toBe(true)
    for (const value of invalid) expect(isLanguageTag(value), value).toBe(false)
    // Empty: the language is unknown, which `lang` may say (`hreflang` may not).
    expect(attributeValues['lang']!('', 'p')).toBeUndefined()
    expect(attributeValues['hrefLang']!('', 'a')).toBeDefined()
  })

  it('should know the numbers and keywords', () => {
    const check = (property: string, value: string) => attributeValues[property]!(value, 'x') === undefined
    expect(['ltr', 'RTL', 'auto'].every((value) => check('dir', value))).toBe(true)
    expect(['', 'sideways'].some((value) => check('dir', value))).toBe(false)
    expect(check('colSpan', '1') && check('colSpan', '1000') && !check('colSpan', '0') && !check('colSpan', '1001')).toBe(true)
    expect(check('rowSpan', '0') && check('rowSpan', '65534') && !check('rowSpan', '65535')).toBe(true)
    expect(check('start', '-3') && !check('start', 'x') && check('value', '7') && !check('value', '1.5')).toBe(true)
    expect(check('width', '10') && !check('width', '10px') && !check('height', '-1')).toBe(true)
    expect(check('scope', 'col') && !check('scope', 'foo')).toBe(true)
  })
})
