import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {displayWidth, graphemes, pad} from '../../../src/emitters/newsletter/width.js'
import {wrap} from '../../../src/emitters/newsletter/wrap.js'

describe('displayWidth', () => {
  it('should count CJK as two columns, combining marks as none, emoji sequences as two', () => {
    expect(displayWidth('abc')).toBe(3)
    expect(displayWidth('東京')).toBe(4)
    expect(displayWidth('e\u0301')).toBe(1)
    expect(displayWidth('👩‍👩‍👧‍👦')).toBe(2)
    expect(displayWidth('🇺🇦')).toBe(2)
    expect(displayWidth('👍🏽')).toBe(2)
    expect(displayWidth('مرحبا')).toBe(5)
  })

  it('should keep emoji sequences as one grapheme', () => {
    expect(graphemes('a👩‍👩‍👧‍👦🇺🇦👍🏽e\u0301')).toEqual(['a', '👩‍👩‍👧‍👦', '🇺🇦', '👍🏽', 'e\u0301'])
  })

  it('should pad by display width', () => {
    expect(pad('東京', 6)).toBe('東京  ')
    expect(pad('1', 3, 'right')).toBe('  1')
  })
})

describe('wrap', () => {
  it('should break at spaces, greedily', () => {
    expect(wrap('aaa bbb ccc ddd', 7)).toEqual(['aaa bbb', 'ccc ddd'])
  })

  it('should collapse whitespace and drop blank text', () => {
    expect(wrap('  a \n\t b  ', 10)).toEqual(['a b'])
    expect(wrap(' \n ', 10)).toEqual([])
  })

  it('should break between CJK characters, at word boundaries when it can', () => {
    const lines = wrap('東京都は一日、区内に新しい公立図書館を開館したと発表した。', 20)
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(20)
    expect(lines.join('')).toBe('東京都は一日、区内に新しい公立図書館を開館したと発表した。')
  })

  it('should not start a line with closing punctuation', () => {
    const lines = wrap('あいうえおかきくけこ。さしすせそ', 20)
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[。、）」]/)
  })

  it('should keep Hangul words whole', () => {
    expect(wrap('새로운 도서관은 지역 주민들에게', 16)).toEqual(['새로운 도서관은', '지역 주민들에게'])
  })

  it('should put a URL wider than the measure alone on its line, unbroken', () => {
    const url = 'https://example.org/' + 'a'.repeat(100)
    expect(wrap(`see ${url} now`, 30)).toEqual(['see', url, 'now'])
  })

  it('should never split a URL with CJK characters in it', () => {
    const url = 'https://example.jp/図書館/案内/利用方法/開館時間/詳しい情報'
    expect(wrap(`詳しくは ${url} を参照`, 20)).toContain(url)
  })

  it('should never split emoji sequences', () => {
    const family = '👩‍👩‍👧‍👦'
    const lines = wrap(family.repeat(20), 10)
    for (const line of lines) expect(graphemes(line).every((g) => g === family)).toBe(true)
    expect(lines.join('')).toBe(family.repeat(20))
  })
})

/** Characters the property test builds text from. */
const pieces = [
  'a', 'b', 'Z', '1', '.', ',', '-', '/', ':', ' ', ' ', ' ', '\n', '\t',
  '東', '京', '図', '書', '館', '。', '、', '「', '」', 'あ', 'カ', '한', '국',
  'é', 'e\u0301', 'a\u0308\u0323', '\u0301',
  '👩‍👩‍👧‍👦', '🇺🇦', '👍🏽', '🏳️‍🌈', '1️⃣', '❤️‍🔥',
  'م', 'ر', 'ح', 'ب', 'ا', 'ی', 'ە',
  'https://example.org/a-very/long/path?q=1', 'Supercalifragilisticexpialidocious'
]

const text = fc.array(fc.constantFrom(...pieces), {maxLength: 120}).map((parts) => parts.join(''))

/** Graphemes of text with whitespace removed (what wrapping must keep, in order). */
function visible(value: string): string[] {
  return graphemes(value.replace(/[\t\n\f\r ]+/g, ''))
}

describe('wrap (property)', () => {
  it('should keep lines within the width unless one unbreakable token stands alone, with no trailing spaces, keeping every grapheme in order', () => {
    fc.assert(
      fc.property(text, fc.integer({min: 2, max: 80}), (value, width) => {
        const lines = wrap(value, width)
        for (const line of lines) {
          expect(line).not.toMatch(/\s$/)
          expect(line).not.toMatch(/^\s/)
          expect(line).not.toContain('\n')
          if (displayWidth(line) > width) expect(line).not.toContain(' ')
        }
        expect(visible(lines.join(''))).toEqual(visible(value))
      }),
      {numRuns: 2000}
    )
  })
})
