/**
 * What the build's planning needs to know of a source before (and instead of)
 * reading it in full: its slug and draft flag, to find duplicate slugs and
 * skip drafts before any work; and whether it may take the Markdown parser
 * very long, to build it where it can be stopped.
 */
import {VFile} from 'vfile'

/**
 * Slug and draft flag from the front matter only, with the readers' own
 * front-matter parser and slug rules. A source whose front matter is broken
 * gets the slug of its file name: its own build reports the problem.
 *
 * @param source
 *   Path of the source (its file name gives the slug when the front matter
 *   has none).
 * @param bytes
 *   Its bytes.
 * @returns
 *   The slug (empty when none can be made) and whether it is a draft.
 */
export async function quickMeta(source: string, bytes: Uint8Array): Promise<{slug: string; draft: boolean}> {
  // Loaded on first use: a rebuild that reads no source needs neither.
  const {parseFrontMatter, splitFrontMatter} = await import('./front-matter.js')
  const {fileStem, toSlug} = await import('./meta.js')
  const {decode} = await import('./decode.js')
  let slug = ''
  let draft = false
  try {
    // Decoded as the reader decodes it; its messages are the reader's to give.
    const split = splitFrontMatter(decode(bytes, new VFile()).replace(/^(?:[ \t]*\n)+(?=---)/, ''))
    // Parsing the YAML was most of planning a source: front matter that
    // cannot name a slug or a draft flag is not parsed. Only a key spelled
    // out can (an alias or merge key copies one spelled out in the same
    // text), or one spelled with escapes in a double-quoted key (`\x73lug`).
    if (split.yaml !== undefined && /slug|draft|\\/.test(split.yaml)) {
      const frontMatter = parseFrontMatter(split.yaml, {line: 2, column: 1}, new VFile())
      const value = frontMatter?.data['slug']
      if (typeof value === 'string' || typeof value === 'number') slug = toSlug(String(value))
      draft = frontMatter?.data['draft'] === true
    }
  } catch {
    // The article's own build reports it.
  }
  return {slug: slug || toSlug(fileStem(source).name), draft}
}

/**
 * Whether a source may take the Markdown parser very long. micromark is
 * quadratic or worse on some inputs (cmark's "pathological" cases: thousands
 * of nested brackets, emphasis marks or backticks in one paragraph, lists or
 * quotes nested hundreds deep), and time spent in the build's own thread
 * cannot be cut short. Such a source is built in a worker thread, under the
 * time limit, even in a small build. Articles do not come near: their lines
 * and paragraphs are short, their nesting shallow, their emphasis and links
 * few.
 *
 * @param bytes
 *   Source.
 * @returns
 *   Whether it has a line over 10,000 bytes, a paragraph (lines between
 *   blank ones) over 20,000, a line whose container prefix (spaces, tabs,
 *   `>`, list markers) is over 64 bytes, or over 2,000 inline delimiters
 *   (`` *_[]`<>!~ ``) in a paragraph or 20,000 in all.
 */
export function isRisky(bytes: Uint8Array): boolean {
  let lineStart = 0
  let blockStart = 0
  let blockMarks = 0
  let marks = 0
  let prefix = 0
  let inPrefix = true
  let blank = true
  for (let index = 0; index <= bytes.length; index++) {
    const byte = index < bytes.length ? bytes[index]! : 0x0a
    if (byte === 0x0a) {
      if (index - lineStart > 10_000) return true
      if (blank) {
        blockStart = index + 1
        blockMarks = 0
      } else if (index - blockStart > 20_000) return true
      lineStart = index + 1
      prefix = 0
      inPrefix = true
      blank = true
      continue
    }
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) blank = false
    if (delimiters[byte] === 1 && (++blockMarks > 2000 || ++marks > 20_000)) return true
    if (!inPrefix) continue
    const next = bytes[index + 1]
    const marker = (byte === 0x2d || byte === 0x2a || byte === 0x2b) && (next === 0x20 || next === 0x09)
    if (byte === 0x20 || byte === 0x09 || byte === 0x3e || marker) {
      if (++prefix > 64) return true
    } else {
      inPrefix = false
    }
  }
  return false
}

/** The bytes of inline delimiters micromark matches in pairs: `` * _ [ ] ` < > ! ~ ``. */
const delimiters = new Uint8Array(256)
for (const character of '*_[]`<>!~') delimiters[character.charCodeAt(0)] = 1
