/**
 * `pressroom check [DIR]`: run {@link checkOutput} and print the problems,
 * one per line as `path: reason [check-id]` (`path:line:column: …` when the
 * place is known), or as JSON, then a summary.
 */
import {stat} from 'node:fs/promises'
import path from 'node:path'
import type {VFileMessage} from 'vfile-message'
import {loadConfig, type ResolvedConfig} from '../config.js'
import {checkOutput, type CheckReport} from './index.js'

/** Options of {@link runCheck}. */
export interface CheckOptions {
  /** Print one JSON document instead of lines (default: `false`). */
  json?: boolean
  /** The configuration the folder was built with (default: the built-in defaults). */
  config?: ResolvedConfig | undefined
}

/** One problem, as printed by `--json`. */
export interface CheckProblem {
  path: string
  line?: number
  column?: number
  severity: 'error' | 'warning'
  checkId: string
  message: string
}

/**
 * Check an output folder and print the result.
 *
 * @param dir
 *   The folder (default in the CLI: `output`).
 * @param options
 *   Output format (optional).
 * @returns
 *   Exit code: `0` no problems, `1` errors or warnings, `2` the folder cannot be read.
 */
export async function runCheck(dir: string, options: CheckOptions = {}): Promise<number> {
  const started = performance.now()
  const folder = await stat(dir).catch(() => undefined)
  if (!folder?.isDirectory()) {
    console.error(`error Cannot find output folder \`${dir}\`; build it with \`pressroom build\` or pass its path`)
    return 2
  }
  const report = await checkOutput(dir, {config: options.config})
  const seconds = (performance.now() - started) / 1000
  if (options.json) {
    console.log(JSON.stringify({dir: report.dir, checked: report.checked, errors: report.errors, warnings: report.warnings, seconds: Number(seconds.toFixed(3)), problems: problemsOf(report)}, null, 2))
  } else {
    for (const problem of problemsOf(report)) {
      const line = `${problem.severity} ${formatProblem(problem)}`
      if (problem.severity === 'error') console.error(line)
      else console.warn(line)
    }
    console.log(
      `${report.checked} file${report.checked === 1 ? '' : 's'} checked, ${report.errors} error${report.errors === 1 ? '' : 's'}, ` +
        `${report.warnings} warning${report.warnings === 1 ? '' : 's'}`
    )
  }
  return report.errors > 0 || report.warnings > 0 ? 1 : 0
}

/**
 * The configuration `pressroom check` reads: the folder to check when given
 * none, and the emitters' settings the checks depend on.
 *
 * @param configFile
 *   Config file (optional; default: `pressroom.config.*` in the working folder).
 * @returns
 *   The configuration, or `undefined` when there is no usable one (the
 *   built-in defaults apply).
 */
export async function checkConfig(configFile?: string): Promise<ResolvedConfig | undefined> {
  try {
    return await loadConfig(configFile ? {configFile} : {})
  } catch {
    return undefined
  }
}

/**
 * The folder `pressroom check` checks when given none: the configured
 * `output` folder, or `output` when there is no usable config.
 *
 * @param config
 *   Configuration (optional).
 * @returns
 *   Folder path, relative to the working folder when inside it.
 */
export function defaultCheckDir(config?: ResolvedConfig): string {
  return config ? path.relative(process.cwd(), config.output) || '.' : 'output'
}

/**
 * The problems of a report, in file order.
 *
 * @param report
 *   Result of `checkOutput`.
 * @returns
 *   Plain objects.
 */
export function problemsOf(report: CheckReport): CheckProblem[] {
  return report.files.flatMap((file) =>
    file.messages.filter((message) => message.fatal !== undefined).map((message) => toProblem(message, file.path))
  )
}

/**
 * Format a problem as `path: reason [check-id]`, with `:line:column` after the
 * path when known.
 *
 * @param problem
 *   Problem.
 * @returns
 *   One line.
 */
export function formatProblem(problem: CheckProblem): string {
  const place = problem.line === undefined ? '' : `:${problem.line}:${problem.column ?? 1}`
  return `${problem.path}${place}: ${problem.message} [${problem.checkId}]`
}

function toProblem(message: VFileMessage, fallback: string): CheckProblem {
  const problem: CheckProblem = {
    path: message.file || fallback,
    severity: message.fatal === true ? 'error' : 'warning',
    checkId: message.ruleId ?? 'unknown',
    message: message.reason
  }
  if (message.line !== undefined) problem.line = message.line
  if (message.column !== undefined) problem.column = message.column
  return problem
}
