/**
 * Per-article work — read, normalize once, run every emitter's article hook —
 * shared by the main thread and the worker pool (piscina). Each worker loads
 * the configuration, emitters, templates and the frozen processor once and
 * reuses them for every article it is given.
 */
import {readFileSync} from 'node:fs'
import {isMainThread, workerData} from 'node:worker_threads'
import {loadConfig, resolveConfig, type ResolvedConfig, type UserConfig} from '../config.js'
import {createEmitContext} from '../emitters/context.js'
import {debug} from '../debug.js'
import {diagnostics, hasErrors, report} from '../diagnostics.js'
import {resolveEmitters} from '../emitters/index.js'
import {messagesOf, recordOf, saveTrees, type ArticleRecord, type ArticleRefs, type MessageRecord} from './record.js'
import {createTemplates, type Templates} from '../emitters/templates.js'
import type {Translator} from '../i18n/index.js'
import type {Article, EmitContext, Emitter, OutputFile} from '../types.js'

/** How a worker recreates the build's configuration. */
export interface ConfigSource {
  root: string
  configFile?: string
  user: UserConfig
  only?: string[]
}

/** One article to build. */
export interface ArticleTask {
  /** Absolute source path. */
  source: string
  /** Path shown in messages. */
  display: string
  /** Cache key (see `contentKey` in `plan.ts`). */
  key: string
  /** Whether the source may take the parser very long (see `isRisky` in `readers/peek.ts`): built in a worker, under the time limit. */
  risky?: boolean
  /** Cross-references of the article: the targets it names, and target → URL for those found (see `build/refs.ts`). */
  refs?: ArticleRefs
}

/**
 * Where a worker notes when it started a task, for the main thread's time
 * limit (a task waiting in the pool's queue is not timed): `clock[slot]` is
 * set to the milliseconds since `epoch` (a `Date.now()`) when work begins.
 */
export interface TaskClock {
  clock: Int32Array
  slot: number
  epoch: number
}

/** What building one article gave. */
export type ArticleOutcome =
  | {ok: true; record: Omit<ArticleRecord, 'files'>; files: Array<{file: OutputFile; emitter: string}>}
  | {ok: false; path: string; messages: MessageRecord[]}

/** Everything a thread needs, made once. */
export interface Runtime {
  config: ResolvedConfig
  emitters: Emitter[]
  templates: Templates
  /** The emit contexts' translators (see `EmitContextOptions`). */
  translators: Map<string, Translator>
}

/**
 * Build one article in memory: the files are returned, not written.
 *
 * @param task
 *   The article.
 * @param runtime
 *   Configuration, emitters and templates.
 * @returns
 *   Its record and files, or its messages when it failed.
 */
export async function buildArticle(task: ArticleTask, runtime: Runtime): Promise<ArticleOutcome> {
  const {config, emitters, templates, translators} = runtime
  let contents: Uint8Array
  try {
    // Synchronously: the thread building an article has nothing else to do meanwhile.
    contents = readFileSync(task.source)
  } catch (error) {
    return {ok: false, path: task.display, messages: [{reason: diagnostics.readFailed.reason((error as Error).message), ruleId: diagnostics.readFailed.ruleId, fatal: true}]}
  }
  // Loaded on first use: a no-op rebuild never needs the parser.
  const {createArticle} = await import('../readers/index.js')
  const result = createArticle(task.refs ? {path: task.display, contents, refs: task.refs.table} : {path: task.display, contents}, config)
  if (!result.ok) return {ok: false, path: task.display, messages: messagesOf(result.file)}
  const article = result.article
  debug(`${task.display}: read and normalized`)
  const ctx = createEmitContext({config, emitters, articles: [article], templates, translators})
  const files: Array<{file: OutputFile; emitter: string}> = []
  for (const emitter of emitters) {
    if (!(await runEmitter(emitter, article, ctx, files))) break
    if (emitter.article) debug(`${task.display}: ${emitter.name}`)
  }
  if (hasErrors(article.file)) return {ok: false, path: task.display, messages: messagesOf(article.file)}
  saveTrees(config.cache, task.key, {mdast: article.mdast, hast: article.hast})
  const {files: _written, ...record} = recordOf(article, task.key, [], ctx.outputsOf(article))
  // Kept so that a later build can tell whether the links still point where they did.
  if (task.refs) record.refs = task.refs
  return {ok: true, record, files}
}

/** Run one emitter's article hook, collecting its files; a throw is reported on the article and gives `false`. */
async function runEmitter(emitter: Emitter, article: Article, ctx: EmitContext, files: Array<{file: OutputFile; emitter: string}>): Promise<boolean> {
  try {
    for (const file of (await emitter.article?.(article, ctx)) ?? []) files.push({file, emitter: emitter.name})
    return true
  } catch (error) {
    report(article.file, diagnostics.emitterFailed, [emitter.name, (error as Error).message], {
      cause: error,
      place: {line: 1, column: 1},
      source: `pressroom:${emitter.name}`
    })
    return false
  }
}

/** Make the runtime of a configuration. */
export function createRuntime(config: ResolvedConfig, only?: readonly string[]): Runtime {
  return {config, emitters: resolveEmitters(config, only), templates: createTemplates(config), translators: new Map()}
}

let runtime: Promise<Runtime> | undefined
let runtimeKey = ''

/** The runtime of this thread for a configuration, created on first use. */
function runtimeOf(source: ConfigSource): Promise<Runtime> {
  const key = JSON.stringify(source)
  if (!runtime || key !== runtimeKey) {
    runtimeKey = key
    const {root, configFile, user, only} = source
    runtime = (configFile ? loadConfig({root, configFile, overrides: user}) : Promise.resolve(resolveConfig(user, root))).then((config) =>
      createRuntime(config, only)
    )
  }
  return runtime
}

/**
 * Worker entry point (piscina): build one article with the runtime of this
 * thread, created on first use.
 */
async function work(input: {task: ArticleTask; source: ConfigSource; timing?: TaskClock}): Promise<ArticleOutcome> {
  const runtime = await runtimeOf(input.source)
  // Timed from here: loading the runtime (once per thread) is not the article's doing.
  const {timing} = input
  if (timing) Atomics.store(timing.clock, timing.slot, Math.max(1, Date.now() - timing.epoch))
  return buildArticle(input.task, runtime)
}

/** What a pool gives its threads as they start (see `startPoolEarly` in `pool.ts`). */
export interface WorkerData {
  /** Load the runtime of this configuration now, before the first task. */
  warm?: ConfigSource
}

/**
 * Load this thread's runtime and the reader (the parser, the processor)
 * before the first task. Not in the background: piscina's idle workers block
 * in `Atomics.wait`, which would stall it; the pool awaits a default export
 * that is a promise before it reports the thread ready (tasks wait in its
 * queue meanwhile). A failure is left for the tasks to report, as without
 * warming.
 */
async function warmUp(source: ConfigSource): Promise<typeof work> {
  try {
    await runtimeOf(source)
    await import('../readers/index.js')
    debug('worker warmed up')
  } catch {
    // `runtimeOf` keeps the rejection: each task reports it.
  }
  return work
}

const warm = isMainThread ? undefined : (workerData as WorkerData | null | undefined)?.warm
export default warm ? warmUp(warm) : work
