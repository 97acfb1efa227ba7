/**
 * Word count, reading time and excerpt, computed once from the final tree so
 * every format reports the same figures.
 */
import type {Element, Root} from 'hast'
import {toText} from 'hast-util-to-text'
import type {VFile} from 'vfile'

/**
 * A word: letters, digits and marks, with inner apostrophes, dots or hyphens
 * (`don't`, `U.S.`, `al-Abbasi`); or one ideograph or kana (CJK text has no
 * spaces; each character counts as a word, as word processors count it).
 * `Intl.Segmenter` was measured 30× slower on the corpus for the same counts
 * in space-separated scripts.
 */
const wordPattern = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}\p{M}])+(?:['’.-](?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}\p{M}])+)*/gu
/** Words per minute for the reading-time estimate. */
const wordsPerMinute = 230
const excerptLength = 300

/**
 * Count words in text of any script: the matches of `wordPattern`, found by
 * a scan over the characters instead of the regex (which allocates a match
 * for each word and tests its script lookahead at every letter; it was a
 * tenth of normalizing an article). Each character is classified once (see
 * `kindOf`); the scan takes what the regex's leftmost, greedy match takes:
 * one ideograph or kana; else a run of letters, digits and marks, then
 * (joiner, run)* for as long as a joiner is followed by a letter.
 * `tests/pipeline/normalize.test.ts` checks the two agree.
 */
export function countWords(text: string): number {
  let count = 0
  let index = 0
  const length = text.length
  while (index < length) {
    const code = text.codePointAt(index)!
    const kind = kindOf(code)
    index += code > 0xffff ? 2 : 1
    if (kind === ideograph) {
      count++
    } else if (kind === letter) {
      count++
      index = skipLetters(text, index)
      while (index < length) {
        const joiner = text.charCodeAt(index)
        if (joiner !== 0x27 && joiner !== 0x2019 && joiner !== 0x2e && joiner !== 0x2d) break
        const next = text.codePointAt(index + 1)
        if (next === undefined || kindOf(next) !== letter) break
        index = skipLetters(text, index + 1)
      }
    }
  }
  return count
}

/** The index after the run of letters (digits, marks) at `index`. */
function skipLetters(text: string, index: number): number {
  while (index < text.length) {
    const code = text.codePointAt(index)!
    if (kindOf(code) !== letter) break
    index += code > 0xffff ? 2 : 1
  }
  return index
}

const other = 0
const letter = 1
const ideograph = 2
/** ASCII's kinds, then the others' as they are met (a text uses few). */
const asciiKinds = Uint8Array.from({length: 128}, (_, code) => (/[\dA-Za-z]/.test(String.fromCharCode(code)) ? letter : other))
const kinds = new Map<number, number>()
const ideographPattern = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u
const letterPattern = /^[\p{L}\p{N}\p{M}]$/u

/** A character's kind in `wordPattern`: an ideograph or kana, another letter, digit or mark, or neither. */
function kindOf(code: number): number {
  if (code < 128) return asciiKinds[code]!
  let kind = kinds.get(code)
  if (kind === undefined) {
    const character = String.fromCodePoint(code)
    kind = ideographPattern.test(character) ? ideograph : letterPattern.test(character) ? letter : other
    kinds.set(code, kind)
  }
  return kind
}

/** Count words with `wordPattern` itself (the definition `countWords` follows; for tests). */
export function countWordsByPattern(text: string): number {
  let count = 0
  wordPattern.lastIndex = 0
  while (wordPattern.exec(text)) count++
  return count
}

export default function rehypeStats() {
  return function (tree: Root, file: VFile) {
    const data = file.data.pressroom
    if (!data) return
    const words = countWords(toText(tree))
    data.stats = {words, readingMinutes: Math.max(1, Math.round(words / wordsPerMinute))}
    const paragraphs = tree.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'p')
    let excerpt = ''
    for (const paragraph of paragraphs) {
      const text = toText(paragraph).replace(/\s+/g, ' ').trim()
      if (!text) continue
      excerpt = excerpt ? `${excerpt} ${text}` : text
      if (excerpt.length >= 120) break
    }
    data.excerpt = truncateWords(excerpt, excerptLength)
  }
}

/** Cut text at a word boundary, adding `…` when something was cut. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '') + '…'
}
