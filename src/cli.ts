/**
 * The `pressroom` command line (commander). Exit codes: 0 success, 1 an
 * article failed (all others were still written) or a warning under
 * `--strict`, 2 usage or configuration error.
 */
import path from 'node:path'
import {Command, CommanderError, Option} from 'commander'
import cliProgress from 'cli-progress'
import {build, type BuildResult} from './build.js'
import {ConfigError, loadConfig, type UserConfig} from './config.js'
import {formatMessage, severityOf} from './diagnostics.js'
import {UnknownEmitterError} from './emitters/index.js'

interface BuildFlags {
  input?: string
  output?: string
  config?: string
  only?: string
  clean?: boolean
  strict?: boolean
  quiet?: boolean
  progress?: boolean
}

/** Print a build's messages and summary. */
function printResult(result: BuildResult, flags: BuildFlags, seconds: number): void {
  for (const file of result.files) {
    for (const message of file.messages) {
      const severity = severityOf(message)
      if (severity === 'info' || (flags.quiet && severity === 'warning')) continue
      const line = `${severity === 'error' ? 'error' : 'warning'} ${formatMessage(message, file.path)}`
      if (severity === 'error') console.error(line)
      else console.warn(line)
    }
  }
  console.log(
    `${result.articles.length} article${result.articles.length === 1 ? '' : 's'} built, ${result.failed} failed, ` +
      `${result.written.length + 1} files written, ${result.warnings} warning${result.warnings === 1 ? '' : 's'}, ` +
      `${result.errors} error${result.errors === 1 ? '' : 's'} in ${seconds.toFixed(2)} s`
  )
}

/**
 * Run the CLI.
 *
 * @param argv
 *   Arguments, as `process.argv`.
 * @returns
 *   Exit code.
 */
export async function main(argv: readonly string[] = process.argv): Promise<number> {
  let exitCode = 0
  const program = new Command()
    .name('pressroom')
    .description('Turn articles into HTML, PDF, EPUB, feeds and a plain-text newsletter.')
    .exitOverride()
    .configureOutput({writeErr: (text) => process.stderr.write(text)})

  program
    .command('build')
    .description('read the input folder and write every format into the output folder')
    .option('-i, --input <dir>', 'folder of articles (default: input)')
    .option('-o, --output <dir>', 'folder to write (default: output)')
    .option('-c, --config <file>', 'config file (default: pressroom.config.{ts,js,mjs,json})')
    .option('--only <names>', 'comma-separated emitters to run, e.g. html,pdf')
    .option('--clean', 'empty the output folder first')
    .option('--strict', 'fail (exit 1) on warnings too')
    .option('-q, --quiet', 'print errors and the summary only')
    .addOption(new Option('--no-progress', 'never show a progress bar'))
    .action(async (flags: BuildFlags) => {
      exitCode = await runBuild(flags)
    })

  try {
    await program.parseAsync([...argv])
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
    throw error
  }
  return exitCode
}

async function runBuild(flags: BuildFlags): Promise<number> {
  const started = performance.now()
  const overrides: UserConfig = {}
  if (flags.input) overrides.input = flags.input
  if (flags.output) overrides.output = flags.output
  let config
  try {
    config = await loadConfig(flags.config ? {configFile: flags.config, overrides} : {overrides})
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`error ${error.message}`)
      return 2
    }
    throw error
  }
  const only = flags.only ? flags.only.split(',').map((name) => name.trim()).filter(Boolean) : undefined
  const bar =
    flags.progress !== false && process.stderr.isTTY
      ? new cliProgress.SingleBar(
          {format: 'building {bar} {value}/{total} articles {file}', stream: process.stderr, clearOnComplete: true, hideCursor: true},
          cliProgress.Presets.shades_classic
        )
      : undefined
  let result: BuildResult
  try {
    result = await build({
      config,
      ...(only ? {only} : {}),
      clean: flags.clean ?? false,
      strict: flags.strict ?? false,
      onArticle(done, total, file) {
        if (bar) {
          if (done === 1) bar.start(total, 0, {file: ''})
          bar.update(done, {file: path.basename(file.path)})
        }
      }
    })
  } catch (error) {
    bar?.stop()
    if (error instanceof UnknownEmitterError) {
      console.error(`error ${error.message}`)
      return 2
    }
    throw error
  }
  bar?.stop()
  printResult(result, flags, (performance.now() - started) / 1000)
  return result.exitCode
}
