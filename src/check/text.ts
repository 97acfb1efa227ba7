/**
 * Plain-text checks (newsletter `.txt`): valid UTF-8 (see `decodeText`), LF
 * line endings, lines at most the newsletter's measure wide (72 display
 * columns unless the build's configuration sets `newsletter.width`) unless the
 * line is one URL, no trailing whitespace, no HTML tags or entities, no
 * Markdown left over.
 *
 * Code is the exception: the newsletter prints a code block as written,
 * indented four columns past the text it is in and never wrapped, and code
 * may well hold `<div>` or `**`. Those lines are checked for trailing
 * whitespace only (see {@link verbatimLines}).
 */
import stringWidth from 'string-width'
import type {VFile} from 'vfile'
import {diagnostics} from '../diagnostics.js'
import {newsletterDefaults} from '../emitters/newsletter/options.js'
import {flag} from './flag.js'

const htmlTag = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--/i
const htmlEntity = /&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[\da-f]{1,6});/i
const markdown: Array<[RegExp, string]> = [
  [/\*\*\S/, '**'],
  [/(?:^|[\s(])__\S|\S__(?:$|[\s).,;:!?])/, '__'],
  [/`[^`\s][^`]*`|^```/, '`code`'],
  [/\]\(/, '](']
]

/**
 * Check a plain-text file.
 *
 * @param file
 *   Checked file.
 * @param text
 *   Decoded text.
 * @param maxWidth
 *   Widest line allowed, in display columns (default: the newsletter's default measure).
 */
export function checkText(file: VFile, text: string, maxWidth: number = newsletterDefaults.width): void {
  const lines = text.split('\n')
  const crlf = lines.filter((line) => line.includes('\r'))
  const first = lines.findIndex((line) => line.includes('\r'))
  if (crlf.length > 0) flag(file, diagnostics.textCrlf, [crlf.length], {place: {line: first + 1, column: 1}})

  const verbatim = verbatimLines(lines)
  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, '')
    const number = index + 1
    const trailing = /[ \t\u00A0]+$/.exec(line)
    if (trailing) flag(file, diagnostics.textTrailingSpace, [], {place: {line: number, column: trailing.index + 1}})
    if (verbatim[index]) return
    const width = stringWidth(line)
    if (width > maxWidth && !/^\s*(?:<)?[a-z][a-z\d+.-]*:\/\/\S+(?:>)?\s*$/i.test(line)) {
      flag(file, diagnostics.textLineTooWide, [width, maxWidth], {place: {line: number, column: maxWidth + 1}})
    }
    const tag = htmlTag.exec(line) ?? htmlEntity.exec(line)
    if (tag) flag(file, diagnostics.textHtml, [tag[0]], {place: {line: number, column: tag.index + 1}})
    for (const [pattern, label] of markdown) {
      const found = pattern.exec(line)
      if (found) flag(file, diagnostics.textMarkdown, [label], {place: {line: number, column: found.index + 1}})
    }
  })
}

/** A list item's first line: its indent, marker and space (`  * `, ` 10. `). */
const listItem = /^ *(?:[*-]|\d+\.) +(?=\S)/

/**
 * Which lines are code, as the newsletter lays text out: a line indented at
 * least four columns past the text it belongs to. Outside lists that text
 * starts at column 0; in a list item, at the column after the item's marker
 * (its other lines and paragraphs line up there), until a line of text
 * starts left of it. Block quotes' `> ` prefixes are left out first.
 *
 * @param lines
 *   Lines of the file.
 * @returns
 *   Per line, whether it is code.
 */
export function verbatimLines(lines: readonly string[]): boolean[] {
  let column = 0
  return lines.map((raw) => {
    const line = raw.replace(/^(?:> ?)+/, '')
    if (line.trim() === '') return false
    const indent = /^ */.exec(line)?.[0].length ?? 0
    if (indent >= column + 4) return true
    const item = listItem.exec(line)
    column = item ? item[0].length : Math.min(column, indent)
    return false
  })
}
