/**
 * Grouping of a build's messages for people: the same rule on the same file
 * is one group (its count, its first message, every message in order), so
 * that 108 `style` attributes of one article are one line, not 108.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {severityOf, type Severity} from '../diagnostics.js'

/** Messages of one rule on one file. */
export interface MessageGroup {
  /** Path shown for the file. */
  path: string
  severity: Severity
  /** Rule id (`undefined` for a message without one, grouped by its reason). */
  ruleId: string | undefined
  /** Every message of the group, in the order they were reported. */
  messages: VFileMessage[]
}

/**
 * Group each file's messages by rule and severity, in order of first
 * appearance (files in the order given).
 *
 * @param files
 *   Files with messages.
 * @returns
 *   Groups.
 */
export function groupMessages(files: readonly VFile[]): MessageGroup[] {
  const groups: MessageGroup[] = []
  // Keyed by path too: two files of one path (an article's own messages and
  // what the collections said about it) are one article.
  const byKey = new Map<string, MessageGroup>()
  for (const file of files) {
    for (const message of file.messages) {
      const severity = severityOf(message)
      const path = message.file || file.path || ''
      const key = `${path}\0${severity}\0${message.ruleId ?? `\0${message.reason}`}`
      let group = byKey.get(key)
      if (!group) {
        group = {path, severity, ruleId: message.ruleId, messages: []}
        byKey.set(key, group)
        groups.push(group)
      }
      group.messages.push(message)
    }
  }
  return groups
}

/**
 * Count warnings and errors by rule id (info left out), most frequent first.
 *
 * @param files
 *   Files with messages.
 * @returns
 *   `[ruleId, count]` pairs (`(none)` for messages without a rule id).
 */
export function countByRule(files: readonly VFile[]): Array<[string, number]> {
  const counts = new Map<string, number>()
  for (const file of files) {
    for (const message of file.messages) {
      if (severityOf(message) === 'info') continue
      const rule = message.ruleId ?? '(none)'
      counts.set(rule, (counts.get(rule) ?? 0) + 1)
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'))
}
