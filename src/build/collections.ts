/**
 * The collection outputs (index page, feeds, editions): made from every good
 * article, in the build's own thread, after the articles. They are made
 * again only when something changed: not at all when no article did, and per
 * emitter only when its `collectionKey` changed.
 */
import {createHash} from 'node:crypto'
import path from 'node:path'
import {VFile} from 'vfile'
import {debug} from '../debug.js'
import {diagnostics, report} from '../diagnostics.js'
import type {Article, EmitContext, Emitter, OutputFile} from '../types.js'
import {sizeIs, type CacheIndex, type CollectionMemo} from './cache.js'
import type {Manifest, ManifestFile} from './manifest.js'
import {checkOutputs, tempDirOf, writeAtomic, type Owners} from './outputs.js'
import type {ArticleRecord} from './record.js'
import type {Runtime} from './worker.js'

/** What {@link writeCollections} gives. */
export interface CollectionsResult {
  files: Manifest['collections']
  /** Whether no collection reported anything. */
  clean: boolean
  /** Per emitter whose files may be kept next time, its key and files. */
  memos: Record<string, CollectionMemo>
  /** Messages the collections gave about articles, on files named after them. */
  reported: VFile[]
}

/** What {@link updateCollections} needs. */
export interface CollectionsInput {
  /** The built articles, newest first, and their records. */
  articles: Article[]
  records: readonly ArticleRecord[]
  /** Whether an article was built now (else the collections may all stand). */
  rebuilt: boolean
  /** The cache index (its `collections` are read when `useCache`, and updated). */
  index: CacheIndex
  useCache: boolean
  environment: string
  outputDir: string
  runtime: () => Promise<Runtime>
  buildFile: VFile
  owners: Owners
  /** The build's files with messages: the collections' messages about articles are added. */
  files: VFile[]
}

/**
 * The collections of a build: those of the last build when no article
 * changed (and they reported nothing and are still there), else made again
 * with {@link writeCollections}.
 *
 * @param input
 *   Articles, cache, runtime and what the build collects.
 * @returns
 *   Label → file, and whether the last build's were kept as they are.
 */
export async function updateCollections(input: CollectionsInput): Promise<{files: Manifest['collections']; kept: boolean}> {
  const {index, environment, outputDir} = input
  const collectionKey = createHash('sha256').update(environment).update(input.records.map((record) => record.key).join('\n')).digest('hex')
  const last = input.useCache ? index.collections : undefined
  const reuse = !input.rebuilt && last?.key === collectionKey && last.clean === true &&
    Object.values(last.files).every((file) => sizeIs(path.join(outputDir, file.path), file.bytes))
  if (reuse) {
    debug('collections unchanged')
    return {files: last.files, kept: true}
  }
  const result = await writeCollections(input.articles, await input.runtime(), input.buildFile, input.owners, {environment, previous: last?.emitters ?? {}})
  index.collections = {key: collectionKey, files: result.files, clean: result.clean, emitters: result.memos}
  for (const file of result.reported) addMessages(input.files, file)
  debug('collections written')
  return {files: result.files, kept: false}
}

/**
 * Write the collection files. With `cache`, an emitter whose `collectionKey`
 * is the one its kept files were made from (and which reported nothing then)
 * keeps them: a change to an article in the middle of the archive leaves the
 * feeds and editions of the latest ones alone, and an edit of a body leaves the
 * index alone.
 *
 * @param articles
 *   Every good article, newest first.
 * @param runtime
 *   Configuration, emitters and templates.
 * @param buildFile
 *   The build's file, which collection problems are reported on.
 * @param owners
 *   Paths taken by the articles; the collection files are added.
 * @param cache
 *   The environment key and the last build's files per emitter, to keep them.
 * @returns
 *   The files, whether all were clean, what to remember, and messages about articles.
 */
export async function writeCollections(
  articles: Article[],
  runtime: Runtime,
  buildFile: VFile,
  owners: Owners,
  cache?: {environment: string; previous: Record<string, CollectionMemo>}
): Promise<CollectionsResult> {
  const {config, emitters, templates} = runtime
  const {createEmitContext} = await import('../emitters/context.js')
  const ctx = createEmitContext({config, emitters, articles, templates, buildFile})
  const labels = new Map(Object.entries(ctx.collectionOutputs()).map(([label, file]) => [file, label]))
  const counts = new Map(articles.map((article) => [article, article.file.messages.length]))
  const collections: Manifest['collections'] = {}
  const memos: Record<string, CollectionMemo> = {}
  let clean = true
  for (const emitter of emitters) {
    if (!emitter.collection) continue
    const key = cache && emitter.collectionKey ? collectionKeyOf(emitter, articles, ctx, cache.environment) : undefined
    const kept = key === undefined ? undefined : cache!.previous[emitter.name]
    if (kept && kept.key === key && Object.values(kept.files).every((file) => sizeIs(path.join(config.output, file.path), file.bytes))) {
      for (const [label, file] of Object.entries(kept.files)) {
        collections[label] = file
        owners.set(file.path, {owner: buildFile.path, sha256: file.sha256})
      }
      memos[emitter.name] = kept
      debug(`collection ${emitter.name} unchanged`)
      continue
    }
    const made = await runCollection(emitter, articles, ctx, buildFile, owners, labels)
    if (!made.clean) clean = false
    if (!made.files) continue
    Object.assign(collections, made.files)
    if (key !== undefined && made.clean) memos[emitter.name] = {key, files: made.files}
  }
  return {files: collections, clean, memos, reported: reportedOn(counts)}
}

/** Run one emitter's collection hook and write its files; `files` is `undefined` when it threw or a path was refused. */
async function runCollection(
  emitter: Emitter,
  articles: Article[],
  ctx: EmitContext,
  buildFile: VFile,
  owners: Owners,
  labels: Map<string, string>
): Promise<{files?: Record<string, ManifestFile>; clean: boolean}> {
  let warned = false
  const own: EmitContext = {
    ...ctx,
    warn(reason, options) {
      warned = true
      ctx.warn(reason, options)
    }
  }
  let outputs: OutputFile[]
  try {
    debug(`collection ${emitter.name}`)
    outputs = await emitter.collection!(articles, own)
  } catch (error) {
    report(buildFile, diagnostics.emitterFailed, [emitter.name, (error as Error).message], {cause: error, source: `pressroom:${emitter.name}`})
    return {clean: false}
  }
  const checked = checkOutputs(outputs.map((file) => ({file, emitter: emitter.name})), buildFile, buildFile.path, ctx.config.output, owners)
  if (!checked) return {clean: false}
  const files: Record<string, ManifestFile> = {}
  for (const {file, absolute, info} of checked) {
    await writeAtomic(absolute, file.contents, tempDirOf(ctx.config.cache))
    files[labels.get(file.path) ?? file.path] = {path: file.path, emitter: emitter.name, ...info}
  }
  return {files, clean: !warned}
}

/** Warnings about an article land on its (fresh) file during the collections: hand them on, on files of their own. */
function reportedOn(counts: Map<Article, number>): VFile[] {
  const reported: VFile[] = []
  for (const [article, count] of counts) {
    if (article.file.messages.length === count) continue
    const file = new VFile({path: article.file.path})
    file.messages.push(...article.file.messages.slice(count))
    reported.push(file)
  }
  return reported
}

/** The key of an emitter's collection: its `collectionKey`, the environment and the build date; `undefined` when it gives none. */
export function collectionKeyOf(emitter: Emitter, articles: Article[], ctx: EmitContext, environment: string): string | undefined {
  let value: unknown
  try {
    // Quietly: `collection` reports what there is to report.
    value = emitter.collectionKey!(articles, {...ctx, warn() {}})
  } catch {
    return undefined
  }
  if (value === undefined) return undefined
  return createHash('sha256').update(environment).update('\0').update(ctx.buildDate.toISOString()).update('\0').update(JSON.stringify(value) ?? '').digest('hex')
}

/**
 * Add a file's messages to the file of the same path in `files`, or the file itself.
 *
 * @param files
 *   Files with messages.
 * @param file
 *   File to add.
 */
export function addMessages(files: VFile[], file: VFile): void {
  const same = files.find((other) => other.path === file.path)
  if (same) same.messages.push(...file.messages)
  else files.push(file)
}
