/**
 * Email (`.eml`) checks: an RFC 5322 header section (field syntax, ASCII
 * only, lines of at most 998 characters, `From` and `Date`), MIME multipart
 * bodies that split on their boundaries, and a `multipart/alternative` with a
 * `text/plain` and a `text/html` part, and one-click unsubscribe headers
 * that RFC 8058 accepts. A small parser of its own, so the check
 * needs no mail library at run time.
 */
import type {VFile} from 'vfile'
import {diagnostics} from '../diagnostics.js'
import {flag} from './flag.js'
import {isRfc822} from './dates.js'

/** A parsed MIME entity. */
interface Entity {
  /** Lowercased field name → unfolded values. */
  headers: Map<string, string[]>
  /** Lowercased `type/subtype` (default `text/plain`). */
  type: string
  parts: Entity[]
}

/**
 * Check an email message.
 *
 * @param file
 *   Checked file.
 * @param text
 *   Decoded text.
 */
export function checkEml(file: VFile, text: string): void {
  const problems: string[] = []
  const message = parseEntity(text.replace(/\r\n/g, '\n'), problems, 1)
  for (const problem of problems) flag(file, diagnostics.emlInvalid, [problem])
  if (!message) return
  for (const header of ['from', 'date']) {
    if (!message.headers.get(header)?.[0]?.trim()) flag(file, diagnostics.emlMissingHeader, [header === 'from' ? 'From' : 'Date'])
  }
  const date = message.headers.get('date')?.[0]
  if (date && !isRfc822(date.replace(/\s*\([^)]*\)\s*$/, ''))) flag(file, diagnostics.emlInvalid, [`\`Date\` \`${date}\` is not an RFC 5322 date`])
  checkOneClick(file, message)
  const alternative = findAlternative(message)
  if (!alternative) {
    flag(file, diagnostics.emlNotAlternative, [`found \`${message.type}\` and no \`multipart/alternative\` in it`])
    return
  }
  const types = alternative.parts.map((part) => part.type)
  for (const type of ['text/plain', 'text/html']) {
    if (!types.includes(type)) flag(file, diagnostics.emlNotAlternative, [`no \`${type}\` part (found ${types.map((t) => `\`${t}\``).join(', ') || 'none'})`])
  }
}

/**
 * RFC 8058: `List-Unsubscribe-Post` must be `List-Unsubscribe=One-Click` and
 * comes with a `List-Unsubscribe` that has an `https:` URI (the one the mailbox
 * provider posts to).
 */
function checkOneClick(file: VFile, message: Entity): void {
  const post = message.headers.get('list-unsubscribe-post')?.[0]
  if (post === undefined) return
  if (post.trim() !== 'List-Unsubscribe=One-Click') flag(file, diagnostics.emlInvalid, [`\`List-Unsubscribe-Post\` \`${post}\` is not \`List-Unsubscribe=One-Click\` (RFC 8058)`])
  const targets = message.headers.get('list-unsubscribe')?.[0] ?? ''
  if (!/<https:\/\/[^>]+>/i.test(targets)) flag(file, diagnostics.emlInvalid, ['`List-Unsubscribe-Post` without an `https:` URI in `List-Unsubscribe` (RFC 8058)'])
}

function findAlternative(entity: Entity): Entity | undefined {
  if (entity.type === 'multipart/alternative') return entity
  for (const part of entity.parts) {
    const found = findAlternative(part)
    if (found) return found
  }
  return undefined
}

/**
 * Parse an entity (headers, blank line, body), recursing into multiparts.
 *
 * @param text
 *   Entity text, LF line endings.
 * @param problems
 *   Collects structural problems.
 * @param depth
 *   Nesting depth (1 for the message).
 * @returns
 *   The entity, or `undefined` when its header section is unusable.
 */
function parseEntity(text: string, problems: string[], depth: number): Entity | undefined {
  const where = depth === 1 ? 'message' : `part at depth ${depth}`
  // An entity without header fields starts with its blank line.
  const split = text.startsWith('\n') ? -1 : text.indexOf('\n\n')
  const head = text.startsWith('\n') ? '' : split === -1 ? text : text.slice(0, split)
  const body = text.startsWith('\n') ? text.slice(1) : split === -1 ? '' : text.slice(split + 2)
  const headers = new Map<string, string[]>()
  let current: {name: string; value: string} | undefined
  const flush = (): void => {
    if (!current) return
    const list = headers.get(current.name) ?? []
    list.push(current.value)
    headers.set(current.name, list)
    current = undefined
  }
  for (const [index, line] of head.split('\n').entries()) {
    if (line === '' && index === 0) continue
    if (line.length > 998) problems.push(`header line longer than 998 characters in the ${where}`)
    // eslint-disable-next-line no-control-regex
    if (/[^\x00-\x7F]/.test(line)) problems.push(`unencoded non-ASCII header text in the ${where}; use RFC 2047 encoded words`)
    if (/^[ \t]/.test(line)) {
      if (!current) {
        problems.push(`continuation line before the first header field in the ${where}`)
        return undefined
      }
      current.value += ' ' + line.trim()
      continue
    }
    const match = /^([!-9;-~]+):(.*)$/.exec(line)
    if (!match) {
      problems.push(`\`${line.slice(0, 40)}\` is not a header field (\`Name: value\`) in the ${where}`)
      return undefined
    }
    flush()
    current = {name: match[1]!.toLowerCase(), value: match[2]!.trim()}
  }
  flush()
  const contentType = headers.get('content-type')?.[0] ?? 'text/plain'
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase()
  const entity: Entity = {headers, type, parts: []}
  if (type.startsWith('multipart/')) {
    const boundary = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(contentType)
    const value = boundary?.[1] ?? boundary?.[2]
    if (!value) {
      problems.push(`\`${type}\` without a \`boundary\` in the ${where}`)
      return entity
    }
    const lines = body.split('\n')
    const delimiter = '--' + value
    let part: string[] | undefined
    let closed = false
    for (const line of lines) {
      const trimmed = line.replace(/[ \t]+$/, '')
      if (trimmed === delimiter + '--') {
        if (part) pushPart(entity, part, problems, depth)
        part = undefined
        closed = true
        break
      }
      if (trimmed === delimiter) {
        if (part) pushPart(entity, part, problems, depth)
        part = []
        continue
      }
      part?.push(line)
    }
    if (!closed) problems.push(`\`${type}\` without a closing boundary \`${delimiter}--\` in the ${where}`)
    if (entity.parts.length === 0) problems.push(`\`${type}\` without parts in the ${where}`)
  }
  return entity
}

function pushPart(entity: Entity, lines: string[], problems: string[], depth: number): void {
  const part = parseEntity(lines.join('\n'), problems, depth + 1)
  if (part) entity.parts.push(part)
}
