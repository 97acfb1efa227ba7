/**
 * The `pressroom` command line (commander). Exit codes: 0 success, 1 an
 * article failed (all others were still written) or a warning under
 * `--strict`, 2 usage or configuration error.
 */
import path from 'node:path'
import {Command, CommanderError, Option} from 'commander'
import cliProgress from 'cli-progress'
import {build, merge, version, type BuildResult} from './build/index.js'
import {ConfigError, loadConfig, provideApi, type ResolvedConfig, type UserConfig} from './config.js'
import {formatMessage} from './diagnostics.js'
import {reportLines, reporterOf, ruleCounts, type ReporterName} from './report/index.js'
import {UnknownEmitterError} from './emitters/builtins.js'
import type {PingManifest} from './websub.js'

/** A usage error: exit code 2. */
class UsageError extends Error {
  override name = 'UsageError'
}

interface BuildFlags {
  input?: string
  output?: string
  config?: string
  only?: string
  clean?: boolean
  allowEmpty?: boolean
  strict?: boolean
  quiet?: boolean
  verbose?: boolean
  reporter?: string
  progress?: boolean
  cache?: boolean
  shard?: string
  workers?: string
  timeout?: string
  since?: string
  port?: string
  ping?: boolean
}

/** Print a build's messages (grouped, see `report/`) and summary. */
function printResult(result: BuildResult, flags: BuildFlags, seconds: number): void {
  const reporter: ReporterName = reporterOf(flags.reporter)
  for (const line of reportLines(reporter, result.files, {quiet: flags.quiet ?? false, verbose: flags.verbose ?? false})) {
    if (line.stream === 'stdout') console.log(line.text)
    else console.error(line.text)
  }
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
  const rules = ruleCounts(result.files)
  const summary =
    `${plural(result.articles.length, 'article')} built (${result.rebuilt} rebuilt), ${result.failed} failed, ` +
    `${plural(result.written.length + 1, 'file')}${result.removed > 0 ? ` (${plural(result.removed, 'old file')} removed)` : ''}, ${plural(result.warnings, 'warning')}, ` +
    `${plural(result.errors, 'error')}${rules ? ` (${rules})` : ''} in ${seconds.toFixed(2)} s`
  // With `--reporter json` stdout holds the JSON document only.
  if (reporter === 'json') console.error(summary)
  else console.log(summary)
}

/** The `--reporter` option, checked before anything runs. */
function reporterOption(): Option {
  return new Option('--reporter <name>', 'how to print messages: pretty, json (one object per message), github (annotations; the default when GITHUB_ACTIONS=true)')
    .choices(['pretty', 'json', 'github'])
}

/** What the caller of {@link main} hears of besides the exit code. */
export interface MainHooks {
  /** Called with the result of every build (also each of `watch`) and merge. */
  onResult?: (result: BuildResult) => void
}

/**
 * Run the CLI.
 *
 * @param argv
 *   Arguments, as `process.argv`.
 * @param hooks
 *   Callbacks (`bin/pressroom.js` learns from the results whether the article
 *   pipeline ran in this process).
 * @returns
 *   Exit code.
 */
export async function main(argv: readonly string[] = process.argv, hooks: MainHooks = {}): Promise<number> {
  // A configuration that imports `pressroom` gets this process's API.
  provideApi(async () => ({...(await import('./index.js'))}))
  let exitCode = 0
  const program = new Command()
    .name('pressroom')
    .description('Turn articles into HTML, PDF, EPUB, feeds and a plain-text newsletter.')
    .version(version, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({writeErr: (text) => process.stderr.write(text)})

  program
    .command('init')
    .description('start a site: pressroom.config.ts, input/ with a Markdown and a wire-copy example, .gitignore')
    .argument('[dir]', 'folder of the new site (default: the current folder)')
    .option('--title <title>', 'name of the publication')
    .option('--url <url>', 'address the site is published at, e.g. https://news.example.org/')
    .option('--lang <tag>', 'language of the articles, e.g. en (default: en)')
    .option('--author <name>', 'default byline')
    .action(async (dir: string | undefined, flags: {title?: string; url?: string; lang?: string; author?: string}) => {
      exitCode = await (await import('./scaffold/commands.js')).runInit(dir ?? '.', flags)
    })

  const templates = program.command('templates').description('list the built-in templates, or copy them into templates/ to edit them')
  templates
    .command('list')
    .description('list the built-in templates and which ones templates/ overrides')
    .option('-c, --config <file>', 'config file (to find the templates folder)')
    .action(async (flags: {config?: string}) => {
      exitCode = await (await import('./scaffold/commands.js')).runTemplates('list', [], flags)
    })
  templates
    .command('eject')
    .description('copy built-in templates (default: all) into templates/ for editing; never overwrites')
    .argument('[names...]', 'template files or folders, e.g. default.html.liquid style.css epub')
    .option('-c, --config <file>', 'config file (to find the templates folder)')
    .action(async (names: string[], flags: {config?: string}) => {
      exitCode = await (await import('./scaffold/commands.js')).runTemplates('eject', names, flags)
    })

  program
    .command('build')
    .description('read the input folder and write every format into the output folder')
    .option('-i, --input <dir>', 'folder of articles (default: input)')
    .option('-o, --output <dir>', 'folder to write (default: output)')
    .option('-c, --config <file>', 'config file (default: pressroom.config.{ts,js,mjs,json})')
    .option('--only <names>', 'comma-separated emitters to run, e.g. html,pdf')
    .option('--clean', 'empty the output folder first')
    .option('--allow-empty', 'build an input folder with no articles even when the last build had some (removes their files)')
    .option('--strict', 'fail (exit 1) on warnings too')
    .option('-q, --quiet', 'print errors and the summary only')
    .addOption(new Option('--verbose', 'print every message, not one line per rule and article').conflicts('quiet'))
    .addOption(reporterOption())
    .option('--no-cache', 'rebuild every article (ignore the incremental cache)')
    .option('--shard <k/n>', 'build slice k of n of the articles, without collections (see merge)')
    .option('--workers <n>', 'worker threads (default: one per core for larger builds; 0: none)')
    .option('--timeout <seconds>', 'stop an article that takes longer in a worker thread (default: 30; 0: no limit)')
    .option('--since <date>', 'newsletter edition: articles published since this date')
    .option('--ping', 'after the build, notify site.hub (WebSub) of each feed that changed')
    .addOption(new Option('--no-progress', 'never show a progress bar'))
    .action(async (flags: BuildFlags) => {
      exitCode = await run(flags, 'build', hooks)
    })

  program
    .command('merge')
    .description('combine shard builds in the output folder: write collections and the manifest')
    .option('-o, --output <dir>', 'folder the shards were built into (default: output)')
    .option('-c, --config <file>', 'config file')
    .option('--only <names>', 'comma-separated emitters')
    .option('--strict', 'fail (exit 1) on warnings too')
    .option('-q, --quiet', 'print errors and the summary only')
    .option('--ping', 'after the merge, notify site.hub (WebSub) of each feed that changed')
    .addOption(new Option('--verbose', 'print every message, not one line per rule and article').conflicts('quiet'))
    .addOption(reporterOption())
    .action(async (flags: BuildFlags) => {
      exitCode = await run(flags, 'merge', hooks)
    })

  program
    .command('watch')
    .description('build, then rebuild changed articles as files change, and serve the output on localhost')
    .option('-i, --input <dir>', 'folder of articles (default: input)')
    .option('-o, --output <dir>', 'folder to write (default: output)')
    .option('-c, --config <file>', 'config file')
    .option('--only <names>', 'comma-separated emitters')
    .option('-p, --port <port>', 'port of the preview server (default: 4321)')
    .action(async (flags: BuildFlags) => {
      exitCode = await runWatch(flags, hooks)
    })

  program
    .command('check')
    .description('validate an output folder (manifest, HTML, feeds, EPUB, PDF, newsletter) without Java')
    .argument('[dir]', 'folder to check (default: the configured output folder)')
    .option('-c, --config <file>', 'config file, to find the output folder')
    .option('--json', 'print the problems and the summary as JSON')
    .action(async (dir: string | undefined, flags: {config?: string; json?: boolean}) => {
      // Commands load what they need only when they run.
      const {checkConfig, defaultCheckDir, runCheck} = await import('./check/command.js')
      const config = await checkConfig(flags.config)
      exitCode = await runCheck(dir ?? defaultCheckDir(config), {json: flags.json ?? false, config})
    })

  program
    .command('explain')
    .description('show how each block of a wire-copy source (.txt) is read, and the rule that decided it')
    .argument('<file>', 'wire-copy source')
    .option('--json', 'print the reading as JSON')
    .action(async (file: string, flags: {json?: boolean}) => {
      const {runExplain} = await import('./readers/wire/explain-command.js')
      exitCode = await runExplain(file, flags)
    })

  try {
    await program.parseAsync([...argv])
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
    throw error
  }
  return exitCode
}

async function configFrom(flags: BuildFlags): Promise<ResolvedConfig> {
  const overrides: UserConfig = {}
  if (flags.input) overrides.input = flags.input
  if (flags.output) overrides.output = flags.output
  // An option like any other: merged over the file's and checked by the
  // newsletter's schema (a bad date is a configuration error).
  if (flags.since !== undefined) overrides.builtins = {newsletter: {since: flags.since}}
  return loadConfig(flags.config ? {configFile: flags.config, overrides} : {overrides})
}

function onlyFrom(flags: BuildFlags): string[] | undefined {
  return flags.only ? flags.only.split(',').map((name) => name.trim()).filter(Boolean) : undefined
}

async function run(flags: BuildFlags, command: 'build' | 'merge', hooks: MainHooks): Promise<number> {
  try {
    return command === 'build' ? await runBuild(flags, hooks) : await runMerge(flags, hooks)
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError || error instanceof UnknownEmitterError || error instanceof TypeError) {
      console.error(`error ${error.message}`)
      return 2
    }
    throw error
  }
}

async function runMerge(flags: BuildFlags, hooks: MainHooks): Promise<number> {
  const started = performance.now()
  const config = await configFrom(flags)
  const only = onlyFrom(flags)
  const before = flags.ping ? await (await import('./websub.js')).readPreviousManifest(config.output) : undefined
  const result = await merge({config, ...(only ? {only} : {}), strict: flags.strict ?? false})
  hooks.onResult?.(result)
  printResult(result, flags, (performance.now() - started) / 1000)
  if (flags.ping) await ping(config, before, result, reporterOf(flags.reporter) === 'json')
  return result.exitCode
}

/**
 * `--ping`: notify the WebSub hub of the feeds that changed. Failures are
 * warnings printed after the summary; they never change the exit code (the
 * build itself is written and sound).
 */
async function ping(config: ResolvedConfig, before: PingManifest | undefined, result: BuildResult, json: boolean): Promise<void> {
  const {pingChangedFeeds} = await import('./websub.js')
  const {results, file} = await pingChangedFeeds({
    hub: config.site.hub,
    siteUrl: config.site.url,
    before,
    after: result.manifest,
    ...(config.configFile ? {configFile: config.configFile} : {})
  })
  for (const message of file.messages) console.warn(`warning ${formatMessage(message, file.path)}`)
  if (config.site.hub) {
    const sent = results.filter((item) => item.ok).length
    const line = `WebSub: ${sent} of ${results.length} changed feed${results.length === 1 ? '' : 's'} announced to ${config.site.hub}`
    // With `--reporter json` stdout holds the JSON document only.
    if (json) console.error(line)
    else console.log(line)
  }
}

async function runWatch(flags: BuildFlags, hooks: MainHooks): Promise<number> {
  let config
  try {
    config = await configFrom(flags)
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError) {
      console.error(`error ${error.message}`)
      return 2
    }
    throw error
  }
  const only = onlyFrom(flags)
  const {watch} = await import('./build/watch.js')
  let watcher
  try {
    watcher = await watch({
      config,
      ...(only ? {only} : {}),
      ...(flags.port ? {port: Number(flags.port)} : {}),
      onBuild(result, changed) {
        hooks.onResult?.(result)
        if (changed.length > 0) console.log(`changed: ${changed.map((file) => path.relative(process.cwd(), file)).join(', ')}`)
        printResult(result, {...flags, quiet: true}, result.milliseconds / 1000)
        if (result.errors > 0) console.error('error the open pages show these errors; the last good files of the failed articles are still served')
      },
      onError(error, changed) {
        if (changed.length > 0) console.log(`changed: ${changed.map((file) => path.relative(process.cwd(), file)).join(', ')}`)
        console.error(`error Build failed: ${(error as Error).message ?? String(error)}; still serving the last good build (the open pages show this error)`)
      }
    })
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UnknownEmitterError) {
      console.error(`error ${error.message}`)
      return 2
    }
    throw error
  }
  console.log(`serving ${path.relative(process.cwd(), config.output) || '.'} at ${watcher.url} with live reload (Ctrl+C to stop)`)
  console.log(`other formats reload too in ${watcher.url}__pressroom/view/<file>, e.g. ${watcher.url}__pressroom/view/feeds/rss.xml`)
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()))
  await watcher.close()
  return 0
}

function shardFrom(value: string | undefined): {index: number; count: number} | undefined {
  if (value === undefined) return undefined
  const match = /^(\d+)\/(\d+)$/.exec(value)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`Expected \`--shard K/N\` with 1 <= K <= N, not \`${value}\``)
  return {index, count}
}

async function runBuild(flags: BuildFlags, hooks: MainHooks): Promise<number> {
  const started = performance.now()
  const config = await configFrom(flags)
  const only = onlyFrom(flags)
  const shard = shardFrom(flags.shard)
  // A shard writes no feeds: the merge announces them.
  if (shard && flags.ping) throw new UsageError('`--ping` announces the feeds, which a shard build does not write: pass it to `pressroom merge`')
  const workers = flags.workers === undefined ? 'auto' : Number(flags.workers)
  if (workers !== 'auto' && !(Number.isInteger(workers) && workers >= 0)) throw new UsageError(`Expected a whole number for \`--workers\`, not \`${flags.workers}\``)
  const timeout = flags.timeout === undefined ? undefined : Number(flags.timeout)
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout >= 0)) throw new UsageError(`Expected a number of seconds for \`--timeout\`, not \`${flags.timeout}\``)
  const bar =
    flags.progress !== false && process.stderr.isTTY
      ? new cliProgress.SingleBar(
          {format: 'building {bar} {value}/{total} articles {file}', stream: process.stderr, clearOnComplete: true, hideCursor: true},
          cliProgress.Presets.shades_classic
        )
      : undefined
  // The feeds' hashes before this build, to ping the hub for changed ones only.
  const before = flags.ping ? await (await import('./websub.js')).readPreviousManifest(config.output) : undefined
  let result: BuildResult
  try {
    result = await build({
      config,
      ...(only ? {only} : {}),
      ...(shard ? {shard} : {}),
      workers,
      ...(timeout === undefined ? {} : {timeout}),
      cache: flags.cache !== false,
      clean: flags.clean ?? false,
      allowEmpty: flags.allowEmpty ?? false,
      strict: flags.strict ?? false,
      onArticle(done, total, file) {
        if (bar) {
          if (done === 1) bar.start(total, 0, {file: ''})
          bar.update(done, {file: path.basename(file.path)})
        }
      }
    })
  } finally {
    bar?.stop()
  }
  hooks.onResult?.(result)
  printResult(result, flags, (performance.now() - started) / 1000)
  if (flags.ping) await ping(config, before, result, reporterOf(flags.reporter) === 'json')
  return result.exitCode
}
