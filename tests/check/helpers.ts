/**
 * Helpers for the `check` tests: a fresh file and its check ids.
 */
import {VFile} from 'vfile'
import type {CheckContext} from '../../src/check/flag.js'
import {newsletterDefaults} from '../../src/emitters/newsletter/options.js'

/** A checked file at `path` (relative to the output folder). */
export function fileAt(path: string): VFile {
  return new VFile({path})
}

/** Check ids reported on a file, in order. */
export function idsOf(file: VFile): string[] {
  return file.messages.map((message) => message.ruleId ?? '')
}

/** Whether a file has no messages; the failure message lists them. */
export function messagesOf(file: VFile): string[] {
  return file.messages.map((message) => `${message.file}:${message.line ?? ''}: ${message.reason} [${message.ruleId}]`)
}

/** A check context for `files`, with the built-in defaults (no manifest). */
export function contextOf(files: ReadonlySet<string>): CheckContext {
  return {files, emitterOf: () => undefined, textWidth: newsletterDefaults.width}
}
