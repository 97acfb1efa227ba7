/**
 * JSON checks: every `.json` file must parse; a JSON Feed (a `version` on
 * `https://jsonfeed.org/`) is validated against the JSON Feed 1.1 schema and
 * its `content_html` checked as feed content.
 */
import type {VFile} from 'vfile'
import {diagnostics} from '../diagnostics.js'
import {flag} from './flag.js'
import {checkContentHtml, checkRawText} from './feeds.js'
import {jsonFeedSchema} from './json-feed-schema.js'

/**
 * Parse JSON, reporting a syntax error.
 *
 * @param file
 *   Checked file.
 * @param text
 *   Decoded text.
 * @returns
 *   The value, or `undefined` when it does not parse.
 */
export function parseJson(file: VFile, text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    flag(file, diagnostics.jsonInvalid, [(error as Error).message])
    return undefined
  }
}

/**
 * Whether a value looks like a JSON Feed (of any version).
 *
 * @param value
 *   Parsed JSON.
 * @returns
 *   Whether it has a JSON Feed `version`.
 */
export function isJsonFeed(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as {version?: unknown}).version === 'string' &&
    (value as {version: string}).version.startsWith('https://jsonfeed.org/')
  )
}

/**
 * Check a JSON Feed.
 *
 * @param file
 *   Checked file.
 * @param text
 *   Decoded text.
 * @param value
 *   Parsed JSON (optional; parsed from `text` when omitted).
 */
export function checkJsonFeed(file: VFile, text: string, value: unknown = parseJson(file, text)): void {
  if (value === undefined) return
  const scripted = checkRawText(file, text)
  const result = jsonFeedSchema.safeParse(value)
  if (!result.success) {
    for (const issue of result.error.issues) {
      flag(file, diagnostics.jsonFeedSchema, [formatPath(issue.path), issue.message])
    }
    return
  }
  result.data.items.forEach((item, index) => {
    if (item.content_html !== undefined) {
      checkContentHtml(file, item.content_html, `\`items[${index}].content_html\``, undefined, scripted)
    }
  })
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let result = ''
  for (const key of path) result += typeof key === 'number' ? `[${key}]` : `${result ? '.' : ''}${String(key)}`
  return result || '(root)'
}
