/**
 * Word count, reading time and excerpt, computed once from the final tree so
 * every format reports the same figures.
 */
import type {Element, ElementContent, Root} from 'hast'
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
    const words = countWords(textForCount(tree))
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

/** Elements whose content is not rendered (as `hast-util-to-text` skips them). */
const notRendered = new Set(['datalist', 'head', 'noembed', 'noframes', 'noscript', 'rp', 'script', 'style', 'template', 'title'])
/**
 * Elements whose boundaries end a word: `hast-util-to-text`'s block-level and
 * caption elements and `br`, plus every table part (it separates cells and
 * rows by a tab or a line, but not the last ones from what follows the table).
 */
const separating = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'dialog', 'dir', 'div', 'dl', 'dt',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend',
  'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'section', 'ul', 'xmp',
  'col', 'colgroup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr'
])
/** Elements whose text is preformatted (`white-space: pre` or `pre-wrap`). */
const preformatted = new Set(['listing', 'plaintext', 'pre', 'textarea', 'xmp'])
/** Bidi controls, which `hast-util-to-text` drops outside preformatted text (so they never split a word there). */
const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

/**
 * The rendered text of a tree as far as counting words goes: text nodes
 * joined as they are, with a line break at the edges of block-level elements,
 * table parts and `br`. `countWords` over it gives the count it gives over
 * `toText(tree)`, which also collapses white space (never joining two words)
 * and took a tenth of normalizing an article (about 0.5 ms). Written by hand
 * for that reason; `tests/pipeline/normalize.test.ts` compares the two.
 */
export function textForCount(tree: Root | Element): string {
  const parts: string[] = []
  const walk = (children: ReadonlyArray<ElementContent | Root['children'][number]>, pre: boolean) => {
    for (const child of children) {
      if (child.type === 'text') {
        if (pre) {
          parts.push(child.value)
        } else {
          // A text node left empty (bidi controls only) still ends a word, as there.
          const text = child.value.replace(bidiControls, '')
          parts.push(text === '' ? ' ' : text)
        }
      } else if (child.type === 'element') {
        const name = child.tagName
        if (notRendered.has(name) || child.properties.hidden || (name === 'dialog' && !child.properties.open)) continue
        const edge = separating.has(name)
        if (edge) parts.push('\n')
        walk(child.children, preformatted.has(name) || (pre && name !== 'nobr' && !((name === 'td' || name === 'th') && child.properties.noWrap)))
        if (edge) parts.push('\n')
      }
    }
  }
  walk(tree.children, tree.type === 'element' && preformatted.has(tree.tagName))
  return parts.join('')
}

/** Cut text at a word boundary, adding `…` when something was cut. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '') + '…'
}
