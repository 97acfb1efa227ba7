/**
 * Shortcode arguments as the three generators write them: Hugo
 * (`src="a.png" alt='A'`, or positional `"a.png" "A"`), Liquid/Jekyll
 * (`image "a.png" "A"`, `include x.html key=value`) and Eleventy's LiquidJS
 * (`include "x.html", key: "value"`). Values may be double-, single- or
 * back-quoted, or bare words.
 */

import type {ShortcodeArgs} from '../../shortcode-types.js'

export type {ShortcodeArgs}

const quotes = new Set(['"', "'", '`'])

/**
 * Parse the argument text of a shortcode (what follows its name).
 *
 * Never throws: an unclosed quote runs to the end of the text, stray commas
 * separate values.
 *
 * @param text
 *   Argument text, e.g. `src="a.png" alt="An image"`.
 * @returns
 *   Positional and named arguments.
 */
export function parseArgs(text: string): ShortcodeArgs {
  const positional: string[] = []
  const named: Record<string, string> = Object.create(null) as Record<string, string>
  let index = 0
  const skipSpace = () => {
    while (index < text.length && /[\s,]/.test(text[index]!)) index++
  }
  /** A quoted string or a bare word (stopping at space, comma, `=` and `:` when `key`). */
  const readValue = (key: boolean): string => {
    const quote = text[index]!
    if (quotes.has(quote)) {
      let value = ''
      index++
      while (index < text.length && text[index] !== quote) {
        // Hugo and Liquid strings know `\"`; keep other backslashes (Windows paths, regexes).
        if (text[index] === '\\' && text[index + 1] === quote) index++
        value += text[index++]
      }
      index++
      return value
    }
    const start = index
    const stop = key ? /[\s,=:]/ : /[\s,]/
    while (index < text.length && !stop.test(text[index]!)) index++
    return text.slice(start, index)
  }
  skipSpace()
  while (index < text.length) {
    const quoted = quotes.has(text[index]!)
    const word = readValue(!quoted)
    // `key=value` / `key: value`: only a bare word can be a name.
    const rest = /^\s*(=|:(?=\s|["'`]))\s*/.exec(text.slice(index))
    if (!quoted && word !== '' && rest) {
      index += rest[0].length
      named[word] = index < text.length ? readValue(false) : ''
    } else if (word !== '') {
      positional.push(word)
    } else {
      // A lone `=`, `:` or similar: skip it so the loop always advances.
      index++
    }
    skipSpace()
  }
  return {positional, named}
}
