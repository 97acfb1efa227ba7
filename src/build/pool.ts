/**
 * Where articles are built: in this thread for a small batch, else in a
 * piscina pool of worker threads, each under a heap cap and a time limit
 * (a watchdog stops an article that takes too long). Either way one
 * article's crash, timeout or memory exhaustion fails that article only.
 */
import {existsSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {packageRoot, type ResolvedConfig} from '../config.js'
import {debug} from '../debug.js'
import {diagnostics} from '../diagnostics.js'
import {runtimeImport} from '../runtime-import.js'
import {createWatchdog, PressroomTaskError} from './watchdog.js'
import type {ArticleOutcome, ArticleTask, ConfigSource, Runtime, WorkerData} from './worker.js'

/** Articles below which a worker pool costs more than it saves. */
const poolThreshold = 24
/** Old-generation heap of each worker thread, in MB (see `createTaskPool`). */
const workerHeapMb = 768
/** Young-generation heap of each worker thread, in MB (see `createTaskPool`). */
const workerYoungMb = 96
/** Seconds an article may take in a worker (as Hugo's `timeout`). */
const defaultTimeout = 30

/** How to run the tasks (the build's options of the same names). */
export interface PoolOptions {
  config: ResolvedConfig
  only?: readonly string[] | undefined
  workers?: number | 'auto' | undefined
  workerHeapMb?: number | undefined
  timeout?: number | undefined
}

/** Settings of a {@link TaskPool}. */
interface PoolSettings {
  file: string
  source: ConfigSource
  heapMb: number
  timeout: number
}

/**
 * This thread's runtime, made on first call. Emitters, templates and the
 * processor load only when something must be built: a no-op rebuild never
 * imports pdfkit or the Markdown parser.
 *
 * @param config
 *   Resolved configuration.
 * @param only
 *   Emitter names to run.
 * @returns
 *   A function giving the runtime.
 */
export function lazyRuntime(config: ResolvedConfig, only?: readonly string[]): () => Promise<Runtime> {
  let loaded: Promise<Runtime> | undefined
  return () => (loaded ??= import('./worker.js').then((worker) => worker.createRuntime(config, only)))
}

/**
 * Build every task, in this thread or in worker threads, and hand each
 * outcome to `handle` in task order.
 *
 * @param tasks
 *   The articles to build.
 * @param loadRuntime
 *   This thread's runtime (emitters, templates), loaded on first need.
 * @param options
 *   Configuration, workers, heap and time limit.
 * @param handle
 *   Called with each outcome, in task order, one at a time.
 * @returns
 *   Whether an article was built in this thread (so the article pipeline ran here).
 */
export async function runTasks(
  tasks: readonly ArticleTask[],
  loadRuntime: () => Promise<Runtime>,
  options: PoolOptions,
  handle: (outcome: ArticleOutcome) => Promise<void>,
  early?: EarlyPool
): Promise<{builtHere: boolean}> {
  const {canThread, auto, settings} = poolPlan(options)
  const threads = auto ? (tasks.length >= poolThreshold ? os.availableParallelism() : 0) : Number(options.workers)
  if (!canThread || threads <= 0) {
    await early?.destroy()
    // Risky sources go to worker threads even here, where they can be
    // stopped. (`workers: 0` asks for no thread at all: then nothing is.)
    const risky = canThread && auto ? tasks.filter((task) => task.risky) : []
    return runHere(tasks, risky, loadRuntime, settings, handle)
  }
  await runInPool(tasks, threads, loadRuntime, settings, handle, early?.take(threads))
  return {builtHere: false}
}

/** Where a build's articles can go, before the tasks are known. */
function poolPlan(options: PoolOptions): {canThread: boolean; auto: boolean; settings: PoolSettings} {
  const source = configSource(options.config, options.only)
  const workerFile = workerModule()
  const canThread = source !== undefined && existsSync(workerFile) && !isTypeScriptSource()
  const auto = options.workers === 'auto' || options.workers === undefined
  const settings = {file: workerFile, source: source!, heapMb: options.workerHeapMb ?? workerHeapMb, timeout: options.timeout ?? defaultTimeout}
  return {canThread, auto, settings}
}

/** A pool started before the plan is done (see {@link startPoolEarly}). */
export interface EarlyPool {
  /** The pool, when it has `threads` threads (then the caller owns it); else it is destroyed. */
  take(threads: number): Promise<TaskPool> | undefined
  /** Destroy it unless taken. */
  destroy(): Promise<void>
}

/**
 * Start the worker pool while the main thread is still planning, when at
 * least `expected` articles (a lower bound: sources the cache knows nothing
 * of) will be built: a worker's start-up (its thread, the bundle, the
 * configuration, emitters, templates and the parser, see `worker.ts`) took
 * as long as planning 1,000 sources, and ran only after it.
 *
 * @param options
 *   The build's pool options.
 * @param expected
 *   Articles sure to be built.
 * @returns
 *   The starting pool, or `undefined` when the build will not use one.
 */
export function startPoolEarly(options: PoolOptions, expected: number): EarlyPool | undefined {
  const {canThread, auto, settings} = poolPlan(options)
  const threads = auto ? (expected >= poolThreshold ? os.availableParallelism() : 0) : Number(options.workers)
  // (With `workers` set, a build with nothing new starts none either.)
  if (!canThread || threads <= 0 || expected === 0) return undefined
  let pool: Promise<TaskPool> | undefined = createTaskPool(threads, settings, true)
  // A pool that fails to start fails the tasks it is given, not this.
  pool.catch(() => {})
  return {
    take(wanted) {
      const taken = pool
      pool = undefined
      if (taken && wanted === threads) return taken
      void taken?.then((unused) => unused.destroy(), () => {})
      return undefined
    },
    async destroy() {
      const unused = pool
      pool = undefined
      await unused?.then((started) => started.destroy(), () => {})
    }
  }
}

/**
 * A small batch, in this thread. (Running the PDF emitter in a side thread
 * beside the others was tried twice: on two cores a cold thread's V8 already
 * keeps the second core busy compiling and collecting garbage, so it gained
 * nothing.) The risky tasks start at once in worker threads, side by side,
 * and are handled in their turn.
 */
async function runHere(
  tasks: readonly ArticleTask[],
  risky: readonly ArticleTask[],
  loadRuntime: () => Promise<Runtime>,
  settings: PoolSettings,
  handle: (outcome: ArticleOutcome) => Promise<void>
): Promise<{builtHere: boolean}> {
  const isolated = risky.length > 0 ? await createTaskPool(Math.min(risky.length, os.availableParallelism()), settings) : undefined
  const early = new Map(risky.map((task) => [task, safely(task, () => isolated!.run(task))]))
  let here: {runtime: Runtime; buildArticle: typeof import('./worker.js').buildArticle} | undefined
  try {
    for (const task of tasks) {
      const pending = early.get(task)
      if (pending) {
        early.delete(task)
        await handle(await pending)
        continue
      }
      if (!here) {
        const runtime = await loadRuntime()
        debug('emitters and templates loaded')
        here = {runtime, buildArticle: (await import('./worker.js')).buildArticle}
      }
      const {runtime, buildArticle} = here
      await handle(await safely(task, () => buildArticle(task, runtime)))
    }
  } finally {
    await isolated?.destroy()
  }
  return {builtHere: here !== undefined}
}

/**
 * A batch in a pool of `threads` workers. Results are handled in task order
 * so the build is deterministic, and only a window of tasks is in flight:
 * submitting all at once let piscina finish thousands out of order while the
 * next one in line waited, and their files piled up in memory.
 */
async function runInPool(
  tasks: readonly ArticleTask[],
  threads: number,
  loadRuntime: () => Promise<Runtime>,
  settings: PoolSettings,
  handle: (outcome: ArticleOutcome) => Promise<void>,
  started?: Promise<TaskPool>
): Promise<void> {
  /**
   * An article that ran a worker out of memory is built again in this thread,
   * whose heap is not capped. (A risky one is not: the pool fails it with
   * `PressroomTaskError`, as it could hang this thread.)
   */
  const retryHere = (task: ArticleTask) => async (error: unknown): Promise<ArticleOutcome> => {
    if ((error as {code?: unknown} | undefined)?.code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error
    const {buildArticle} = await import('./worker.js')
    return buildArticle(task, await loadRuntime())
  }
  const pool = await (started ?? createTaskPool(threads, settings))
  try {
    const window = threads * 4
    const pending: Array<Promise<ArticleOutcome> | undefined> = []
    const submit = (at: number) => {
      const task = tasks[at]
      if (task) pending[at] = safely(task, () => pool.run(task).catch(retryHere(task)))
    }
    for (let at = 0; at < window; at++) submit(at)
    for (let at = 0; at < tasks.length; at++) {
      const outcome = await pending[at]!
      pending[at] = undefined
      submit(at + window)
      await handle(outcome)
    }
  } finally {
    await pool.destroy()
  }
}

/** Worker threads building articles, each under a time limit. */
interface TaskPool {
  /** Build an article in a worker; rejects with a `PressroomTaskError` when it was stopped. */
  run(task: ArticleTask): Promise<ArticleOutcome>
  destroy(): Promise<void>
}

/**
 * A piscina pool whose tasks are stopped after `timeout` seconds of work
 * (see {@link createWatchdog}); piscina ends the worker of a stopped task and
 * starts another.
 */
async function createTaskPool(threads: number, settings: PoolSettings, warm = false): Promise<TaskPool> {
  const {Piscina} = await runtimeImport<typeof import('piscina')>('piscina')
  // Each worker's heap is capped: uncapped, V8 lets it grow to several times
  // what it holds, one heap per core. An article that needs more than the cap
  // is built again in the main thread.
  // The young generation is above V8's default: an article's trees and
  // buffers then mostly die young instead of being copied and promoted
  // (faster, for a little more memory).
  const pool = new Piscina({
    filename: settings.file,
    maxThreads: threads,
    minThreads: threads,
    idleTimeout: 1000,
    resourceLimits: {maxOldGenerationSizeMb: settings.heapMb, maxYoungGenerationSizeMb: workerYoungMb},
    // A pool started before its tasks are known has each thread load its
    // runtime as it starts (see `worker.ts`), not on its first task.
    ...(warm ? {workerData: {warm: settings.source} satisfies WorkerData} : {})
  })
  // A worker that cannot start (a broken install) emits 'error' on the pool
  // and its tasks never settle: fail every article with that error instead
  // (unhandled, the event ends the process; handled, the build exits silently).
  // (Not with `Promise.race` against one long-lived promise: each race leaves
  // a reaction on it that keeps its article's files alive until the end.)
  let broken: Error | undefined
  const waiting = new Set<(error: Error) => void>()
  pool.once('error', (error: Error) => {
    broken = error
    for (const reject of waiting) reject(error)
    waiting.clear()
  })
  const watchdog = createWatchdog(settings.timeout)
  return {
    run(task) {
      return new Promise<ArticleOutcome>((resolve, reject) => {
        if (broken) return reject(broken)
        const {timing, signal, done} = watchdog.start()
        waiting.add(reject)
        ;(pool.run(timing ? {task, source: settings.source, timing} : {task, source: settings.source}, {signal}) as Promise<ArticleOutcome>)
          .then(resolve, (error: unknown) => {
            if (signal.aborted && signal.reason instanceof PressroomTaskError) reject(signal.reason)
            else if ((error as {code?: unknown} | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY' && task.risky) reject(new PressroomTaskError('memory', settings.heapMb))
            else reject(error)
          })
          .finally(() => {
            waiting.delete(reject)
            done()
          })
      })
    },
    async destroy() {
      watchdog.stop()
      await pool.destroy()
    }
  }
}

/** The worker threads' module: the bundled one beside the bundled command line (`cli.cjs`), else tsc's. */
function workerModule(): string {
  return import.meta.url.endsWith('.cjs') ? fileURLToPath(new URL('./worker.mjs', import.meta.url)) : path.join(packageRoot, 'dist', 'build', 'worker.js')
}

/**
 * A crash in a worker (out of memory, a bug) or a task stopped for its time
 * fails the article, not the build.
 *
 * @param task
 *   The article.
 * @param run
 *   Builds it.
 * @returns
 *   Its outcome, or a failure with a fatal message.
 */
export async function safely(task: ArticleTask, run: () => Promise<ArticleOutcome>): Promise<ArticleOutcome> {
  try {
    return await run()
  } catch (error) {
    const rule =
      error instanceof PressroomTaskError
        ? error.kind === 'timeout'
          ? {reason: diagnostics.articleTimeout.reason(error.amount), ruleId: diagnostics.articleTimeout.ruleId}
          : {reason: diagnostics.articleOutOfMemory.reason(error.amount), ruleId: diagnostics.articleOutOfMemory.ruleId}
        : {reason: diagnostics.readerFailed.reason((error as Error).message), ruleId: diagnostics.readerFailed.ruleId}
    return {ok: false, path: task.display, messages: [{...rule, fatal: true, line: 1, column: 1}]}
  }
}

/** Running from TypeScript sources (tests): the compiled worker may be stale, so stay in this thread. */
function isTypeScriptSource(): boolean {
  return fileURLToPath(import.meta.url).endsWith('.ts')
}

/** How a worker recreates this configuration, or `undefined` when it cannot (emitters given as objects). */
function configSource(config: ResolvedConfig, only?: readonly string[]): ConfigSource | undefined {
  // Functions (emitters, shortcodes) cannot be sent to a worker: it loads them from the config file.
  const {emitters, shortcodes, ...user} = config.user
  if (((emitters && emitters.length > 0) || shortcodes) && !config.configFile) return undefined
  const source: ConfigSource = {root: config.root, user}
  if (config.configFile) source.configFile = config.configFile
  if (only) source.only = [...only]
  return source
}
