/**
 * The build's options and result (the public types of `build` and `merge`),
 * and the summary that turns what a build collected into its result.
 */
import {statSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {ConfigError, type ResolvedConfig} from '../config.js'
import {countMessages, hasErrors} from '../diagnostics.js'
import type {Article} from '../types.js'
import type {Manifest, ManifestFile} from './manifest.js'

/** Options of `build`. */
export interface BuildOptions {
  config: ResolvedConfig
  /** Emitter names to run (default: all active). */
  only?: readonly string[]
  /** Empty the output folder (and ignore the cache) first. */
  clean?: boolean
  /**
   * Build even when the input folder holds no article although the last
   * build had some (which removes their files). Without it such a build is
   * refused with a `ConfigError` and nothing is touched.
   */
  allowEmpty?: boolean
  /** Treat warnings as failures. */
  strict?: boolean
  /** Reuse unchanged articles from the cache (default: `true`). */
  cache?: boolean
  /** Worker threads: `'auto'` (default: one per core when there are enough articles) or a number (`0`: in this thread). */
  workers?: number | 'auto'
  /** Build only slice `index` (1-based) of `count`, and no collections (see `merge`). */
  shard?: {index: number; count: number}
  /** Old-generation heap of each worker thread, in MB (default: 768); an article that needs more is built again in the main thread. */
  workerHeapMb?: number
  /**
   * Seconds an article may take in a worker thread before it is stopped and
   * fails (default: 30; `0`: no limit). Builds in a pool, and sources that
   * may take the parser very long even in a small build, run in workers.
   */
  timeout?: number
  /** Called after each article (for progress display). */
  onArticle?: (done: number, total: number, file: VFile) => void
}

/** Result of `build` (and `merge`). */
export interface BuildResult {
  /** Articles that built, newest first. */
  articles: Article[]
  /** Every file with messages (articles, failed inputs, the build itself). */
  files: VFile[]
  /** Number of inputs that failed. */
  failed: number
  /** Every file of this build (written now or kept from the cache), manifest excluded. */
  written: ManifestFile[]
  /** Articles built now (not taken from the cache). */
  rebuilt: number
  /** Files of the last build removed (of deleted articles, renamed ones, collections no longer made). */
  removed: number
  /**
   * Whether an article was read and emitted in this thread (not only in
   * worker threads, not only taken from the cache): the article pipeline
   * (readers, normalization, emitters' article hooks) was loaded and ran here.
   * The command line's code cache is written again when it first does.
   */
  builtInProcess: boolean
  manifest: Manifest
  errors: number
  warnings: number
  /** 0 success, 1 some article failed (or a warning with `strict`). */
  exitCode: 0 | 1
  milliseconds: number
}

/**
 * Check the options `build` is given (they may come from plain JavaScript).
 *
 * @param options
 *   The options.
 * @returns
 *   The configuration.
 * @throws
 *   `TypeError` without a resolved configuration or with an impossible shard.
 */
export function checkBuildOptions(options: BuildOptions): ResolvedConfig {
  const {config} = options
  if (!config || typeof config.output !== 'string') throw new TypeError('Expected a resolved `config` in `build`')
  if (options.shard && !(options.shard.count >= 1 && options.shard.index >= 1 && options.shard.index <= options.shard.count)) {
    throw new TypeError('Expected `shard` as `{index, count}` with 1 <= index <= count')
  }
  checkFolders(config)
  return config
}

/**
 * Refuse input and output folders that would lose work: a missing input
 * folder (the commonest typo: the build would prune the whole site), an
 * input that is a file, and an output folder that is the input, inside it
 * (the next build reads its own outputs as articles) or around it (`--clean`
 * would delete the articles).
 *
 * @throws {ConfigError}
 *   Naming the folder and the current folder.
 */
function checkFolders(config: ResolvedConfig): void {
  const cwd = process.cwd()
  const shown = (folder: string) => `\`${path.relative(cwd, folder) || '.'}\``
  let input
  try {
    input = statSync(config.input)
  } catch {
    throw new ConfigError(`Cannot find input folder ${shown(config.input)} (from \`${cwd}\`); check \`--input\` or \`input\` in the configuration`)
  }
  if (!input.isDirectory()) throw new ConfigError(`Expected input ${shown(config.input)} to be a folder of articles, not a file (from \`${cwd}\`)`)
  const inside = (child: string, parent: string) => {
    const relative = path.relative(parent, child)
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
  }
  if (inside(config.output, config.input) || inside(config.input, config.output)) {
    throw new ConfigError(
      `Expected the output folder ${shown(config.output)} and the input folder ${shown(config.input)} apart: ` +
        'one inside the other would read outputs as articles or remove articles with the outputs'
    )
  }
}

/**
 * Refuse a build of an empty input folder over an output folder whose last
 * build had articles: it would remove them all.
 *
 * @throws {ConfigError}
 *   Unless `clean` or `allowEmpty` says it is meant.
 */
export function refuseEmpty(config: ResolvedConfig, previous: Manifest | undefined, options: BuildOptions): void {
  const count = previous?.articles?.length ?? 0
  if (count === 0 || options.clean || options.allowEmpty) return
  const cwd = process.cwd()
  throw new ConfigError(
    `Expected articles in \`${path.relative(cwd, config.input) || '.'}\` (${config.include.join(', ')}), found none; ` +
      `the last build in \`${path.relative(cwd, config.output) || '.'}\` has ${count}: nothing was removed. ` +
      'Pass `--allow-empty` to remove their files, or check `--input`'
  )
}

/**
 * The file the build's own messages go on (collections, the output folder):
 * named after the output folder.
 *
 * @param config
 *   Resolved configuration.
 * @returns
 *   An empty file.
 */
export function buildFileOf(config: ResolvedConfig): VFile {
  return new VFile({path: path.relative(process.cwd(), config.output) || '.'})
}

/** What {@link summarize} makes a result of. */
export type Summary = Pick<BuildResult, 'articles' | 'files' | 'failed' | 'written' | 'rebuilt' | 'removed' | 'builtInProcess' | 'manifest'> & {
  buildFile: VFile
  /** Where the configuration's own warnings are (the build's file when there is no config file). */
  configFile?: VFile
  strict: boolean
  /** `performance.now()` when the build started. */
  started: number
}

/**
 * The result of a build: its files with messages sorted by path (the build's
 * own last), the counts and the exit code.
 *
 * @param input
 *   What the build collected.
 * @returns
 *   The result.
 */
export function summarize(input: Summary): BuildResult {
  const files = [...input.files].sort((a, b) => (a.path ?? '').localeCompare(b.path ?? '', 'en'))
  if (input.configFile && input.configFile !== input.buildFile && input.configFile.messages.length > 0) files.push(input.configFile)
  if (input.buildFile.messages.length > 0) files.push(input.buildFile)
  const {errors, warnings} = countMessages(files)
  const exitCode = input.failed > 0 || hasErrors(input.buildFile) || (input.strict && warnings > 0) ? 1 : 0
  return {
    articles: input.articles,
    files,
    failed: input.failed,
    written: input.written,
    rebuilt: input.rebuilt,
    removed: input.removed,
    builtInProcess: input.builtInProcess,
    manifest: input.manifest,
    errors,
    warnings,
    exitCode,
    milliseconds: performance.now() - input.started
  }
}

/**
 * All messages of a build, in file order.
 *
 * @param result
 *   A build's result.
 * @returns
 *   Its messages.
 */
export function allMessages(result: BuildResult): VFileMessage[] {
  return result.files.flatMap((file) => file.messages)
}
