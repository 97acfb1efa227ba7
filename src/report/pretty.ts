/**
 * The default reporter: one line per rule per file (`--verbose`: one per
 * message), in the house format `severity file:line:column: reason [rule]`,
 * whose position an editor or terminal can open.
 */
import type {VFile} from 'vfile'
import {formatMessage} from '../diagnostics.js'
import {groupMessages, type MessageGroup} from './group.js'
import type {Line, ReporterOptions} from './types.js'

/**
 * The lines of a build's messages.
 *
 * @param files
 *   Files with messages.
 * @param options
 *   `verbose` (every message, info too) or `quiet` (errors only).
 * @returns
 *   Lines, each with the stream it belongs on.
 */
export function prettyLines(files: readonly VFile[], options: ReporterOptions = {}): Line[] {
  const lines: Line[] = []
  for (const group of groupMessages(files)) {
    if (!shown(group, options)) continue
    const word = group.severity
    // Errors and warnings go to stderr (as before); the summary to stdout.
    const stream = 'stderr'
    if (options.verbose || group.messages.length === 1) {
      for (const message of group.messages) lines.push({stream, text: `${word} ${formatMessage(message, group.path)}`})
      continue
    }
    lines.push({stream, text: `${word} ${groupText(group)}`})
  }
  return lines
}

/** Whether a group is printed at this verbosity. */
export function shown(group: MessageGroup, options: ReporterOptions): boolean {
  if (group.severity === 'info') return options.verbose === true
  if (group.severity === 'warning') return options.quiet !== true
  return true
}

/**
 * One line for a group of several messages: the first one's position and
 * reason, and how many more there are.
 *
 * @param group
 *   A group of at least two messages.
 * @returns
 *   `file:line:column: reason [rule] (first of N …)`.
 */
export function groupText(group: MessageGroup): string {
  const [first, ...rest] = group.messages
  const same = rest.every((message) => message.reason === first!.reason)
  const count = group.messages.length
  return `${formatMessage(first!, group.path)} (first of ${count}${same ? ' alike' : ''} in this file; \`--verbose\` lists each)`
}
