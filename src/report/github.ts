/**
 * GitHub Actions workflow commands (`::warning file=…,line=…,col=…,title=…::…`):
 * each becomes an annotation on the file and line of the pull request. Used
 * when `GITHUB_ACTIONS` is `true` (or with `--reporter github`); grouped as
 * the default reporter groups (GitHub shows a limited number of annotations
 * per step, so 108 of one rule would hide the others).
 */
import type {VFile} from 'vfile'
import {groupMessages} from './group.js'
import {shown} from './pretty.js'
import type {Line, ReporterOptions} from './types.js'

/** Escape a command's message (GitHub's `escapeData`). */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a command's property (GitHub's `escapeProperty`). */
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * The annotations of a build's messages.
 *
 * @param files
 *   Files with messages.
 * @param options
 *   Verbosity (`verbose`: one per message; info becomes `notice`).
 * @returns
 *   Lines for stdout.
 */
export function githubLines(files: readonly VFile[], options: ReporterOptions = {}): Line[] {
  const lines: Line[] = []
  for (const group of groupMessages(files)) {
    if (!shown(group, options)) continue
    const command = group.severity === 'error' ? 'error' : group.severity === 'warning' ? 'warning' : 'notice'
    const messages = options.verbose ? group.messages : [group.messages[0]!]
    for (const message of messages) {
      const more = options.verbose || group.messages.length === 1 ? '' : ` (first of ${group.messages.length} in this file)`
      const properties = [
        `file=${escapeProperty(message.file || group.path)}`,
        `line=${message.line ?? 1}`,
        `col=${message.column ?? 1}`,
        `title=${escapeProperty(group.ruleId ?? 'pressroom')}`
      ]
      lines.push({stream: 'stdout', text: `::${command} ${properties.join(',')}::${escapeData(message.reason + more)}`})
    }
  }
  return lines
}
