/**
 * Reporters: how the command line prints a build's messages. `pretty` (the
 * default: one line per rule per file, `--verbose` every message), `json`
 * (one object per message) and `github` (workflow annotations, the default
 * when `GITHUB_ACTIONS=true`). They read vfile messages only.
 */
import type {VFile} from 'vfile'
import {countByRule} from './group.js'
import {githubLines} from './github.js'
import {jsonLines} from './json.js'
import {prettyLines} from './pretty.js'
import type {Line, ReporterOptions} from './types.js'

export {countByRule, groupMessages, type MessageGroup} from './group.js'
export {jsonMessages, type JsonMessage} from './json.js'
export type {Line, ReporterOptions} from './types.js'

/** The reporters by name. */
export const reporters = {pretty: prettyLines, json: jsonLines, github: githubLines} as const

/** A reporter's name. */
export type ReporterName = keyof typeof reporters

/**
 * The reporter to use: the one asked for, else `github` on GitHub Actions,
 * else `pretty`.
 *
 * @param name
 *   `--reporter` value (optional).
 * @param env
 *   Environment (default: `process.env`).
 * @returns
 *   Reporter name.
 * @throws {RangeError}
 *   For an unknown name.
 */
export function reporterOf(name: string | undefined, env: NodeJS.ProcessEnv = process.env): ReporterName {
  if (name === undefined) return env['GITHUB_ACTIONS'] === 'true' ? 'github' : 'pretty'
  if (Object.hasOwn(reporters, name)) return name as ReporterName
  throw new RangeError(`Unknown reporter \`${name}\`; expected one of ${Object.keys(reporters).map((key) => `\`${key}\``).join(', ')}`)
}

/**
 * The lines a reporter prints for some files' messages.
 *
 * @param name
 *   Reporter.
 * @param files
 *   Files with messages.
 * @param options
 *   Verbosity.
 * @returns
 *   Lines with their stream.
 */
export function reportLines(name: ReporterName, files: readonly VFile[], options: ReporterOptions = {}): Line[] {
  return reporters[name](files, options)
}

/**
 * The counts by rule id for the summary line: `removed-html 108, missing-alt 20`.
 *
 * @param files
 *   Files with messages.
 * @returns
 *   The text, empty without warnings and errors.
 */
export function ruleCounts(files: readonly VFile[]): string {
  return countByRule(files).map(([rule, count]) => `${rule} ${count}`).join(', ')
}
