/**
 * Per-article work — read, normalize once, run every emitter's article hook —
 * shared by the main thread and the worker pool (piscina). Each worker loads
 * the configuration, emitters, templates and the frozen processor once and
 * reuses them for every article it is given.
 */
import {readFile} from 'node:fs/promises'
import {loadConfig, resolveConfig, type ResolvedConfig, type UserConfig} from './config.js'
import {createEmitContext} from './context.js'
import {diagnostics, hasErrors, report} from './diagnostics.js'
import {resolveEmitters} from './emitters/index.js'
import {articleOf, messagesOf, recordOf, saveTrees, type ArticleRecord, type ArticleTrees, type MessageRecord} from './record.js'
import {createTemplates, type Templates} from './templates.js'
import type {Article, EmitContext, Emitter, OutputFile} from './types.js'

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
  /** Cache key (see `build.ts`). */
  key: string
}

/** What building one article gave. */
export type ArticleOutcome =
  | {ok: true; record: Omit<ArticleRecord, 'files'>; files: Array<{file: OutputFile; emitter: string}>; deferred?: Deferred}
  | {ok: false; path: string; messages: MessageRecord[]}

/** What {@link buildArticle} left for {@link emitArticle} when told to defer emitters. */
export interface Deferred {
  /** Deferred emitter names, in registry order. */
  names: string[]
  /** The article's trees. */
  trees: ArticleTrees
  /** Where in the article's messages the deferred emitters' messages go (as if they had run in order). */
  at: number
}

/** What {@link emitArticle} gave. */
export interface EmitOutcome {
  files: Array<{file: OutputFile; emitter: string}>
  messages: MessageRecord[]
}

/** Everything a thread needs, made once. */
export interface Runtime {
  config: ResolvedConfig
  emitters: Emitter[]
  templates: Templates
}

/**
 * Build one article in memory: the files are returned, not written.
 *
 * @param task
 *   The article.
 * @param runtime
 *   Configuration, emitters and templates.
 * @param defer
 *   Emitters not to run here: the outcome carries what {@link emitArticle}
 *   needs to run them in another thread.
 * @returns
 *   Its record and files, or its messages when it failed.
 */
export async function buildArticle(task: ArticleTask, runtime: Runtime, defer?: ReadonlySet<string>): Promise<ArticleOutcome> {
  const {config, emitters, templates} = runtime
  let contents: Uint8Array
  try {
    contents = await readFile(task.source)
  } catch (error) {
    return {ok: false, path: task.display, messages: [{reason: diagnostics.readFailed.reason((error as Error).message), ruleId: diagnostics.readFailed.ruleId, fatal: true}]}
  }
  // Loaded on first use: a thread that only runs deferred emitters (PDF) never needs the parser.
  const {createArticle} = await import('./article.js')
  const result = createArticle({path: task.display, contents}, config)
  if (!result.ok) return {ok: false, path: task.display, messages: messagesOf(result.file)}
  const article = result.article
  const ctx = createEmitContext({config, emitters, articles: [article], templates})
  const files: Array<{file: OutputFile; emitter: string}> = []
  const deferred: string[] = []
  let at = 0
  for (const emitter of emitters) {
    if (!emitter.article) continue
    if (defer?.has(emitter.name)) {
      // Its messages will go where they would have been had it run here.
      if (deferred.length === 0) at = article.file.messages.length
      deferred.push(emitter.name)
      continue
    }
    if (!(await runEmitter(emitter, article, ctx, files))) break
  }
  if (hasErrors(article.file)) return {ok: false, path: task.display, messages: messagesOf(article.file)}
  const trees = {mdast: article.mdast, hast: article.hast}
  saveTrees(config.cache, task.key, trees)
  const {files: _written, ...record} = recordOf(article, task.key, [], ctx.outputsOf(article))
  const outcome: ArticleOutcome = {ok: true, record, files}
  if (deferred.length > 0) outcome.deferred = {names: deferred, trees, at}
  return outcome
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

/**
 * Run some emitters on an article built in another thread (see the `defer`
 * option of {@link buildArticle}).
 *
 * @param input
 *   The article's record and trees, and the emitter names.
 * @param runtime
 *   Configuration, emitters and templates.
 * @returns
 *   The files and the new messages.
 */
export async function emitArticle(input: {record: Omit<ArticleRecord, 'files'>; trees: ArticleTrees; names: string[]}, runtime: Runtime): Promise<EmitOutcome> {
  const {config, emitters, templates} = runtime
  const article = articleOf({...input.record, files: []}, config.cache, input.trees)
  const ctx = createEmitContext({config, emitters, articles: [article], templates})
  const names = new Set(input.names)
  const files: Array<{file: OutputFile; emitter: string}> = []
  for (const emitter of emitters) {
    if (names.has(emitter.name) && !(await runEmitter(emitter, article, ctx, files))) break
  }
  return {files, messages: messagesOf(article.file).slice(input.record.messages.length)}
}

/** Make the runtime of a configuration. */
export function createRuntime(config: ResolvedConfig, only?: readonly string[]): Runtime {
  return {config, emitters: resolveEmitters(config, only), templates: createTemplates(config)}
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
export default async function work(input: {task: ArticleTask; source: ConfigSource}): Promise<ArticleOutcome> {
  return buildArticle(input.task, await runtimeOf(input.source))
}

/** Worker entry point (piscina, `name: 'emit'`): run deferred emitters on an article built elsewhere. */
export async function emit(input: {source: ConfigSource; record: Omit<ArticleRecord, 'files'>; trees: ArticleTrees; names: string[]}): Promise<EmitOutcome> {
  return emitArticle(input, await runtimeOf(input.source))
}

/** Worker entry point (piscina, `name: 'warm'`): load the runtime before any article arrives. */
export async function warm(input: {source: ConfigSource}): Promise<void> {
  await runtimeOf(input.source)
}
