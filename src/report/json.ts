/**
 * `--reporter json`: one JSON array on stdout with one object per message,
 * as ESLint's and vitest's JSON reporters give (`file`, `line`, `column`,
 * `ruleId`, `severity`, `message`), for CI and editors. Every message is
 * listed (no grouping); `--quiet` keeps errors only, info needs `--verbose`.
 */
import type {VFile} from 'vfile'
import {severityOf, type Severity} from '../diagnostics.js'
import type {Line, ReporterOptions} from './types.js'

/** One message as `--reporter json` prints it. */
export interface JsonMessage {
  file: string
  line: number
  column: number
  endLine: number | null
  endColumn: number | null
  ruleId: string | null
  severity: Severity
  message: string
  source: string | null
}

/**
 * The messages as objects.
 *
 * @param files
 *   Files with messages.
 * @param options
 *   `quiet` (errors only), `verbose` (info too).
 * @returns
 *   One object per message.
 */
export function jsonMessages(files: readonly VFile[], options: ReporterOptions = {}): JsonMessage[] {
  const list: JsonMessage[] = []
  for (const file of files) {
    for (const message of file.messages) {
      const severity = severityOf(message)
      if ((severity === 'info' && !options.verbose) || (severity === 'warning' && options.quiet)) continue
      list.push({
        file: message.file || file.path || '',
        line: message.line ?? 1,
        column: message.column ?? 1,
        endLine: message.place && 'end' in message.place ? message.place.end.line : null,
        endColumn: message.place && 'end' in message.place ? message.place.end.column : null,
        ruleId: message.ruleId ?? null,
        severity,
        message: message.reason,
        source: message.source ?? null
      })
    }
  }
  return list
}

/**
 * The JSON document, as one line on stdout.
 *
 * @param files
 *   Files with messages.
 * @param options
 *   Verbosity.
 * @returns
 *   One line.
 */
export function jsonLines(files: readonly VFile[], options: ReporterOptions = {}): Line[] {
  return [{stream: 'stdout', text: JSON.stringify(jsonMessages(files, options), null, 2)}]
}
