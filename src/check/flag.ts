/**
 * How `pressroom check` reports: problems are vfile messages on one `VFile`
 * per checked output file (its `path` is relative to the output folder), made
 * from the one diagnostics catalog (`src/diagnostics.ts`), so they print like
 * build messages. Also the helpers every format check shares.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {diagnostics, report, type Diagnostic} from '../diagnostics.js'

/** Options of {@link flag}. */
export interface FlagOptions {
  /** Position in the file (or inner file), 1-based. */
  place?: {line: number; column: number}
  /** Path of a file inside an archive (EPUB), printed as `outer.epub!inner`. */
  inner?: string
  /** Underlying error. */
  cause?: unknown
}

/**
 * Report a problem on a checked file.
 *
 * @param file
 *   The checked output file (path relative to the output folder).
 * @param check
 *   Catalog entry.
 * @param args
 *   Arguments of the entry's reason builder.
 * @param options
 *   Place, inner path and cause (optional).
 * @returns
 *   The message (already attached to `file`).
 */
export function flag<Args extends unknown[]>(
  file: VFile,
  check: Diagnostic<Args>,
  args: Args,
  options: FlagOptions = {}
): VFileMessage {
  const message = report(file, check, args, {source: 'pressroom:check', place: options.place, cause: options.cause})
  if (options.inner) message.file = `${file.path}!${options.inner}`
  return message
}

/** What every format checker is given besides the file. */
export interface CheckContext {
  /** Every file in the output folder (POSIX, relative), for link checks. */
  files: ReadonlySet<string>
  /** The emitter that wrote a file, as the manifest records it (`undefined` when unlisted). */
  emitterOf(path: string): string | undefined
  /** Widest line of plain text, in display columns: the newsletter's measure in the build's configuration. */
  textWidth: number
}

/**
 * Decode UTF-8, reporting the first invalid byte.
 *
 * @param file
 *   Checked file, to report on.
 * @param bytes
 *   Contents.
 * @param inner
 *   Inner path (optional, EPUB).
 * @returns
 *   The text (invalid bytes as U+FFFD).
 */
export function decodeText(file: VFile, bytes: Uint8Array, inner?: string): string {
  try {
    return new TextDecoder('utf-8', {fatal: true, ignoreBOM: false}).decode(bytes)
  } catch {
    flag(file, diagnostics.invalidUtf8, [firstInvalidUtf8(bytes)], inner ? {inner} : {})
    return new TextDecoder('utf-8').decode(bytes)
  }
}

/** Offset of the first byte that does not decode, by bisection on prefixes. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0
  let high = bytes.length
  // Largest prefix that decodes when a truncated tail sequence is allowed (`stream`).
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    try {
      new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(0, mid), {stream: true})
      low = mid
    } catch {
      high = mid - 1
    }
  }
  // `low` is the first byte that cannot follow; the bad sequence may start at
  // a lead byte before it (`C3 28`: the sequence starts at `C3`).
  for (let start = low - 1; start >= Math.max(0, low - 3); start--) {
    const byte = bytes[start]!
    if (byte >= 0xc0) return start
    if (byte < 0x80) break
  }
  return low
}

/**
 * Line and column (1-based) of an offset in a text.
 *
 * @param text
 *   Text.
 * @param offset
 *   UTF-16 offset.
 * @returns
 *   Point.
 */
export function pointAt(text: string, offset: number): {line: number; column: number} {
  let line = 1
  let start = 0
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++
    start = index + 1
  }
  return {line, column: offset - start + 1}
}
