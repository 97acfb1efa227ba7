/**
 * Wire copy cut into blocks: runs of non-blank lines, each line with its
 * place in the file, so every reading and message points at the source.
 */
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {diagnostics, report} from '../../diagnostics.js'
import {bulletPattern, numberPattern} from './features.js'

/** One non-blank line, trimmed. */
export interface Line {
  text: string
  line: number
  /** Offset of the first character of `text` in the file. */
  offset: number
}

/** A run of non-blank lines; `text` is its lines joined with single spaces. */
export interface Block {
  lines: Line[]
  text: string
}

/**
 * Join lines into one text with single spaces.
 *
 * @param lines
 *   Lines.
 * @returns
 *   Text.
 */
export function joinLines(lines: readonly Line[]): string {
  return lines.map((line) => line.text).join(' ').replace(/\s+/g, ' ').trim()
}

/**
 * Make a block of some lines.
 *
 * @param lines
 *   At least one line.
 * @returns
 *   Block.
 */
export function blockOf(lines: Line[]): Block {
  return {lines, text: joinLines(lines)}
}

/**
 * The position covering lines.
 *
 * @param lines
 *   At least one line.
 * @returns
 *   Position from the first line's start to the last line's end.
 */
export function spanOf(lines: readonly Line[]): Position {
  const first = lines[0]!
  const last = lines.at(-1)!
  return {
    start: {line: first.line, column: 1, offset: first.offset},
    end: {line: last.line, column: last.text.length + 1, offset: last.offset + last.text.length}
  }
}

/**
 * Cut the body into blocks. A line repeated right after itself (a CMS
 * export's doubled caption) and a block equal to the one before are dropped,
 * with a message, as the copy's own mistakes.
 *
 * @param body
 *   Text without front matter, LF line endings.
 * @param firstLine
 *   Line number of the first line of `body` in the file.
 * @param firstOffset
 *   Offset of the first character of `body` in the file.
 * @param file
 *   File to report on.
 * @returns
 *   Blocks in order.
 */
export function toBlocks(body: string, firstLine: number, firstOffset: number, file: VFile): Block[] {
  const blocks: Block[] = []
  let current: Line[] = []
  const seen = new Set<string>()
  const flush = () => {
    if (current.length === 0) return
    const text = joinLines(current)
    const previous = blocks.at(-1)
    if (previous && previous.text === text) {
      report(file, diagnostics.duplicateLine, [truncate(text)], {place: {line: current[0]!.line, column: 1}, source: 'pressroom:wire'})
    } else {
      blocks.push({lines: current, text})
    }
    current = []
  }
  let lineOffset = firstOffset
  body.split('\n').forEach((raw, offset) => {
    const start = lineOffset
    lineOffset += raw.length + 1
    const text = raw.replace(/\s+$/, '')
    if (text.trim() === '') {
      flush()
      seen.clear()
      return
    }
    const trimmed = text.trim()
    if (current.length > 0 && current.at(-1)!.text === trimmed && seen.has(trimmed)) {
      report(file, diagnostics.duplicateLine, [truncate(trimmed)], {place: {line: firstLine + offset, column: 1}, source: 'pressroom:wire'})
      return
    }
    seen.add(trimmed)
    // `The plan includes:` and its `-- ` items on the next lines: the list is a block of its own.
    const previous = current.at(-1)
    if (previous && previous.text.endsWith(':') && (bulletPattern.test(trimmed) || numberPattern.test(trimmed))) flush()
    current.push({text: trimmed, line: firstLine + offset, offset: start + (text.length - text.trimStart().length)})
  })
  flush()
  return blocks
}

function truncate(text: string): string {
  return text.length > 60 ? text.slice(0, 57) + '…' : text
}
