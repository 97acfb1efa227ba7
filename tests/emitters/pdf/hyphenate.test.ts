import {createRequire} from 'node:module'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {hyphenateText, hyphenatorFor} from '../../../src/emitters/pdf/hyphenate.js'

const require = createRequire(import.meta.url)

type HyphenSync = (text: string, options?: object) => string

/** Length of the longest run of letters, as `hyphen` reads them. */
function longestWord(value: string): number {
  return Math.max(0, ...value.split(/\s|(?!['])[!-@[-`{-~\u2013-\u203C]/).map((word) => word.length))
}

describe('hyphenation', () => {
  // Characters that drive `hyphen`'s reading of a text: letters, spaces,
  // punctuation, tags, soft hyphens, apostrophes, dashes, astral characters.
  const characters = ['a', 'e', 'n', 't', 'i', 'o', 'r', 's', 'B', 'é', 'ß', ' ', '\n', '<', '>', '/', '\u00AD', "'", '-', '1', '.', '\u2014', '\u00A0', '😀', 'ı', 'ş']
  const text = fc.array(fc.constantFrom(...characters), {maxLength: 80}).map((parts) => parts.join(''))
  const words = fc
    .array(fc.constantFrom('information', 'hyphenation', 'Government', 'infrastructure', 'a', 'the', '<b>', '</b>', 'co\u00ADoperation', "minister's", '—', ' ', ' ', '\n'), {maxLength: 30})
    .map((parts) => parts.join(''))

  for (const lang of ['en', 'de', 'tr', 'ru']) {
    it(`should give what hyphen gives (${lang})`, () => {
      const reference = (require(`hyphen/${lang}`) as {hyphenateSync: HyphenSync}).hyphenateSync
      const ours = hyphenatorFor(lang)
      if (!ours) throw new Error('no hyphenator')
      const check = (value: string) => {
        // Words over 100 letters are ours to leave alone (the next test).
        if (longestWord(value) > 100) return
        expect(ours(value)).toBe(reference(value, {minWordLength: 6}))
      }
      fc.assert(fc.property(text, check), {numRuns: 3000})
      fc.assert(fc.property(words, check), {numRuns: 1000})
      check('')
      check('Reconstruction of the infrastructure, parliament and cooperation.')
      check('<a href="x">information</a> <hyphenation')
    })
  }

  it('should leave words over 100 letters alone (hyphen is quadratic in their length)', () => {
    const en = hyphenatorFor('en')
    const reference = (require('hyphen/en') as {hyphenateSync: HyphenSync}).hyphenateSync
    const long = 'information'.repeat(10)
    expect(en?.(`An ${long} word.`)).toBe(`An ${long} word.`)
    const shorter = 'information'.repeat(9)
    expect(en?.(`An ${shorter} word.`)).toBe(reference(`An ${shorter} word.`, {minWordLength: 6}))
    expect(en?.(`An ${shorter} word.`)).toContain('\u00AD')
  })

  it('should hand each long word to the word hyphenator', () => {
    const seen: string[] = []
    const word = (value: string) => {
      seen.push(value)
      return value.toUpperCase()
    }
    expect(hyphenateText('the government and the parliament, government!', word)).toBe('the GOVERNMENT and the PARLIAMENT, GOVERNMENT!')
    expect(seen).toEqual(['government', 'parliament', 'government'])
    const en = hyphenatorFor('en')
    expect(en?.('government government')).toBe('gov\u00ADern\u00ADment gov\u00ADern\u00ADment')
  })

  it('should leave languages without patterns alone', () => {
    expect(hyphenatorFor('ckb')).toBeUndefined()
  })
})
