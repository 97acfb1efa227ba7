/**
 * Hyphenation by language with the `hyphen` package (Liang's TeX patterns):
 * inserts soft hyphens (U+00AD), the only places a word may break besides
 * spaces. Languages without patterns (Arabic, Sorani, CJK…) are left alone.
 *
 * `hyphen` reads a text one character at a time through a chain of closures
 * (most of its cost), and caches every word it has seen for as long as the
 * process lives (also in the patterns module, shared by every hyphenator).
 * Here the text is split into words as `hyphen` splits it (same rules, see
 * {@link hyphenateText}), and each word is hyphenated by `hyphen` once per
 * process, through a bounded cache; `hyphen`'s own caches are dropped with
 * the instance that holds them every so many words.
 */
import {createRequire} from 'node:module'
import {BoundedCache} from './cache.js'

/** A function inserting soft hyphens into text. */
export type Hyphenator = (text: string) => string

type Patterns = [unknown, unknown, (Record<string, unknown> | undefined)?]
type HyphenSync = (text: string, options?: object) => string

const require = createRequire(import.meta.url)
const cache = new Map<string, Hyphenator | undefined>()
/** Words shorter than this are not hyphenated. */
const minWordLength = 6
/**
 * Longer "words" (a hash, a run of letters without spaces) are not
 * hyphenated: `hyphen` takes time quadratic in a word's length, and the
 * line breaker cuts them between graphemes anyway.
 */
const maxWordLength = 100
/** Words kept per language and cache generation. */
const wordLimit = 5000

/** Languages whose patterns live under another name in `hyphen`. */
const aliases: Record<string, string> = {ku: 'kmr', nb: 'nb', no: 'nb', sr: 'sr-cyrl', mn: 'mn-cyrl', el: 'el-monoton', zh: ''}

/**
 * Get the hyphenator of a language.
 *
 * @param lang
 *   BCP 47 language tag, e.g. `en`, `en-GB`, `tr`.
 * @returns
 *   Hyphenator, or `undefined` when there are no patterns for the language.
 */
export function hyphenatorFor(lang: string): Hyphenator | undefined {
  const tag = lang.toLowerCase()
  if (cache.has(tag)) return cache.get(tag)
  let result: Hyphenator | undefined
  const primary = tag.split('-')[0] ?? ''
  const candidates = [tag, aliases[primary] ?? primary].filter((name) => /^[a-z]{2,3}(-[a-z0-9]+)*$/.test(name))
  for (const name of candidates) {
    try {
      const mod = require(`hyphen/${name}`) as {hyphenateSync?: HyphenSync; patterns?: Patterns}
      if (typeof mod.hyphenateSync === 'function' && Array.isArray(mod.patterns)) {
        result = createHyphenator(mod.patterns)
        break
      }
    } catch {
      // No patterns under this name.
    }
  }
  cache.set(tag, result)
  return result
}

function createHyphenator(patterns: Patterns): Hyphenator {
  const create = require('hyphen/hyphen.js') as (patterns: Patterns, options?: object) => HyphenSync
  const words = new BoundedCache<string, string>(wordLimit)
  let instance: HyphenSync | undefined
  let misses = 0
  const word = (text: string): string => {
    if (text.length > maxWordLength) return text
    let hyphenated = words.get(text)
    if (hyphenated === undefined) {
      if (!instance || misses >= wordLimit) {
        // A fresh `hyphen` hyphenator, with its own copy of the exceptions
        // (it adds every word it sees to them).
        instance = create([patterns[0], patterns[1], patterns[2] ? {...patterns[2]} : undefined], {minWordLength})
        misses = 0
      }
      misses++
      hyphenated = instance(text)
      words.set(text, hyphenated)
    }
    return hyphenated
  }
  return (text) => hyphenateText(text, word)
}

/** `hyphen`'s non-letters: white space, ASCII punctuation and digits but `'`, `–` to `‼`. */
let notLetters: Uint8Array | undefined

function notLetterTable(): Uint8Array {
  if (!notLetters) {
    // The very expression `hyphen` tests each character with (copied as written, escapes included).
    // eslint-disable-next-line no-useless-escape
    const pattern = /\s|(?![\'])[\!-\@\[-\`\{-\~\u2013-\u203C]/
    notLetters = new Uint8Array(0x10000)
    for (let code = 0; code < 0x10000; code++) notLetters[code] = pattern.test(String.fromCharCode(code)) ? 1 : 0
  }
  return notLetters
}

/**
 * Hyphenate the words of a text as `hyphen`'s `hyphenateSync(text, {minWordLength: 6})`
 * does: the same reading of the text (UTF-16 units; a word is a run of
 * letters of at least `minWordLength` units; HTML tags and words that
 * already have a soft hyphen are skipped), with the words hyphenated by
 * `word`. `tests/emitters/pdf/hyphenate.test.ts` compares the two.
 *
 * @param text
 *   Text.
 * @param word
 *   Hyphenates one word.
 * @returns
 *   Text with soft hyphens.
 */
export function hyphenateText(text: string, word: (text: string) => string): string {
  const table = notLetterTable()
  // `hyphen` reads `char1` and `char2` (the next one, `''` at the end, which
  // counts as a letter); `start` is where its `accum` starts.
  const isNot = (code: number) => code >= 0 && table[code] === 1
  let out = ''
  let copied = 0
  let start = 0
  let html = false
  let soft = false
  const length = text.length
  for (let index = 0; index < length; ) {
    const char1 = text.charCodeAt(index++)
    const char2 = index < length ? text.charCodeAt(index) : -1
    // Its verifiers: HTML tags first, then words with soft hyphens (not
    // asked while in a tag).
    if (html) {
      if (char1 === 0x3e) {
        start = index
        html = false
      }
    } else if (char1 === 0x3c && (!isNot(char2) || char2 === 0x2f)) {
      html = true
    }
    let skip = html
    if (!skip) {
      if (soft) {
        if (!isNot(char1) && isNot(char2)) {
          start = index
          soft = false
        }
      } else if (!isNot(char1) && char2 === 0xad) {
        soft = true
      }
      skip = soft
    }
    if (!skip) {
      if (isNot(char1) && !isNot(char2)) start = index
      if (!isNot(char1) && isNot(char2)) {
        if (index - start >= minWordLength) {
          out += text.slice(copied, start) + word(text.slice(start, index))
          copied = index
        }
        start = index
        continue
      }
    }
    if (char2 === -1) {
      if (index - start >= minWordLength && !skip) {
        out += text.slice(copied, start) + word(text.slice(start, index))
        copied = index
      }
      start = index
    }
  }
  return copied === 0 ? text : out + text.slice(copied)
}
