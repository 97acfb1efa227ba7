/**
 * Find shortcode tags in Markdown source, with their offsets: Hugo
 * `{{< name args >}}` and `{{% name args %}}` (closing `{{< /name >}}`), and
 * Liquid `{% name args %}` (closing `{% endname %}`, whitespace control
 * `{%- -%}` included). Tags inside excluded ranges (code) are skipped, except
 * Liquid's `raw`/`endraw`, whose only job is to protect what code shows.
 */

/** The syntax a tag was written in (`liquid-output`: `{{ "/path/" | url }}`, `{{ site.baseurl }}`). */
export type TagSyntax = 'hugo' | 'hugo-markdown' | 'liquid' | 'liquid-output'

/** One tag as written. */
export interface Tag {
  syntax: TagSyntax
  /** Name without `/` or `end`, e.g. `note` for `{{< /note >}}` and `raw` for `{% endraw %}`. */
  name: string
  /** `{{< /name >}}` or `{% endname %}`. */
  closing: boolean
  /** Text after the name, e.g. `src="a.png" alt="A"`. */
  args: string
  /** Offset of the first `{`. */
  start: number
  /** Offset after the last `}`. */
  end: number
}

/** A half-open range of offsets `[start, end)`. */
export type Range = readonly [number, number]

const openers = /\{\{<|\{\{%|\{%|\{\{(?=\s*(?:"[^"\n]*"|'[^'\n]*'|site\.baseurl)\s*(?:\|\s*(?:url|relative_url|absolute_url)\s*)?\}\})/g
/** The Liquid outputs Pressroom can run: a site path through `url`, or the base URL. */
const liquidOutput = /^\s*(?:"([^"\n]*)"|'([^'\n]*)'|site\.baseurl)\s*(?:\|\s*(?:url|relative_url|absolute_url)\s*)?$/
/** Tags longer than this are not tags (an unclosed `{%` in prose must not swallow the article). */
const maxTagLength = 4000
/** Liquid's block tags whose closing is `end<name>`; others close only if such a tag follows. */
const liquidEnd = /^end([a-z_][\w-]*)$/i

/**
 * Whether a text may hold shortcodes at all (the fast path of every article
 * without them).
 *
 * @param text
 *   Markdown source.
 * @returns
 *   Whether `{{<`, `{{%`, `{%` or a Liquid output of a path occurs.
 */
export function mayHaveShortcodes(text: string): boolean {
  return /\{\{[<%]|\{%|\{\{\s*(?:["']|site\.baseurl)/.test(text)
}

/**
 * Tokenize shortcode tags.
 *
 * @param text
 *   Markdown source.
 * @param excluded
 *   Sorted ranges (code, front matter) whose tags are left alone.
 * @returns
 *   Tags in source order, and the offsets of openers that never close.
 */
export function tokenize(text: string, excluded: readonly Range[] = []): {tags: Tag[]; unclosed: number[]} {
  const tags: Tag[] = []
  const unclosed: number[] = []
  openers.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = openers.exec(text))) {
    const start = match.index
    if (match[0] === '{{') {
      // `{{ "/2014/05/29/name/" | url }}`: a path of the site (the lookahead made sure it is one).
      const end = text.indexOf('}}', start) + 2
      if (!isExcluded(excluded, start)) {
        const output = liquidOutput.exec(text.slice(start + 2, end - 2))
        tags.push({syntax: 'liquid-output', name: 'liquid-url', closing: false, args: JSON.stringify(output?.[1] ?? output?.[2] ?? ''), start, end})
      }
      openers.lastIndex = end
      continue
    }
    const syntax: TagSyntax = match[0] === '{{<' ? 'hugo' : match[0] === '{{%' ? 'hugo-markdown' : 'liquid'
    const closer = syntax === 'hugo' ? '>}}' : syntax === 'hugo-markdown' ? '%}}' : '%}'
    const end = findCloser(text, start + match[0].length, closer)
    const inCode = isExcluded(excluded, start)
    if (end === undefined) {
      // A `{%` in prose or code that is not a tag: only outside code is it worth a word.
      if (!inCode && syntax !== 'liquid') unclosed.push(start)
      // `{{{% endraw %}`: the `{% endraw %}` inside is a tag.
      openers.lastIndex = start + 1
      continue
    }
    let inner = text.slice(start + match[0].length, end - closer.length)
    if (syntax === 'liquid') inner = inner.replace(/^-/, '').replace(/-$/, '')
    // Hugo's comment syntax `{{</* x */>}}` shows a tag: not one.
    if (syntax !== 'liquid' && /^\/\*[\s\S]*\*\/$/.test(inner.trim())) continue
    const head = /^\s*(\/)?\s*([A-Za-z_][\w.-]*)/.exec(inner)
    if (!head) {
      if (!inCode && syntax !== 'liquid') unclosed.push(start)
      openers.lastIndex = start + 1
      continue
    }
    let name = head[2]!
    let closing = head[1] !== undefined
    if (syntax === 'liquid') {
      const ended = liquidEnd.exec(name)
      if (ended) {
        name = ended[1]!
        closing = true
      }
    }
    if (inCode && name !== 'raw') continue
    tags.push({syntax, name, closing, args: inner.slice(head[0].length).trim(), start, end})
    openers.lastIndex = end
  }
  return {tags, unclosed}
}

/** Offset after `closer`, skipping quoted strings; `undefined` when there is none nearby. */
function findCloser(text: string, from: number, closer: string): number | undefined {
  const limit = Math.min(text.length, from + maxTagLength)
  let quote: string | undefined
  for (let index = from; index < limit; index++) {
    const char = text[index]!
    if (quote) {
      if (char === '\\') index++
      else if (char === quote) quote = undefined
      // A quote left open at a blank line was an apostrophe, not a string.
      else if (char === '\n' && text[index + 1] === '\n') return plainCloser(text, from, closer, limit)
      continue
    }
    if (char === '"' || char === "'") {
      // An apostrophe inside a word (`GSA's`) opens no string.
      if (char === "'" && /\w/.test(text[index - 1] ?? '')) continue
      quote = char
      continue
    }
    if (text.startsWith(closer, index)) return index + closer.length
    // Another tag opens first: this opener is a stray brace, not a tag.
    if (char === '{' && (text.startsWith('{{<', index) || text.startsWith('{{%', index) || text.startsWith('{%', index))) return undefined
  }
  return quote ? plainCloser(text, from, closer, limit) : undefined
}

function plainCloser(text: string, from: number, closer: string, limit: number): number | undefined {
  const at = text.indexOf(closer, from)
  if (at === -1 || at + closer.length > limit) return undefined
  return /\{\{[<%]|\{%/.test(text.slice(from, at)) ? undefined : at + closer.length
}

function isExcluded(ranges: readonly Range[], offset: number): boolean {
  // Ranges are few (code blocks and spans of one article): a scan is enough.
  for (const [start, end] of ranges) {
    if (offset < start) return false
    if (offset < end) return true
  }
  return false
}
