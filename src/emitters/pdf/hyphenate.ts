/**
 * Hyphenation by language with the `hyphen` package (Liang's TeX patterns):
 * inserts soft hyphens (U+00AD), the only places a word may break besides
 * spaces. Languages without patterns (Arabic, Sorani, CJK…) are left alone.
 */
import {createRequire} from 'node:module'

/** A function inserting soft hyphens into text. */
export type Hyphenator = (text: string) => string

const require = createRequire(import.meta.url)
const cache = new Map<string, Hyphenator | undefined>()

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
      const mod = require(`hyphen/${name}`) as {hyphenateSync?: (text: string, options?: object) => string}
      const sync = mod.hyphenateSync
      if (typeof sync === 'function') {
        result = (text) => sync(text, {minWordLength: 6})
        break
      }
    } catch {
      // No patterns under this name.
    }
  }
  cache.set(tag, result)
  return result
}
