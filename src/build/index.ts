/**
 * The build, phase by phase: find the articles and decide which the cache
 * can skip (`plan.ts`), build the others in this thread or a worker pool
 * (`pool.ts`, `worker.ts`) and write their files atomically (`articles.ts`,
 * `outputs.ts`), then the collection outputs (`collections.ts`), remove what
 * is no longer written, and write the cache index (`cache.ts`) and
 * `manifest.json` (`manifest.ts`) last.
 *
 * - One bad article costs only itself (as unified-engine): its failure is a
 *   fatal message on its own file and the batch goes on.
 * - Incremental: each article has a content key (source bytes and path,
 *   configuration, templates, emitters, Pressroom's version). An article whose
 *   key and output files are unchanged is not rebuilt; collections are
 *   rebuilt only when an article changed, from cached records and trees.
 * - Shards: `shard` builds a deterministic slice of the articles and leaves
 *   its records in `<output>/.pressroom/` (`shards.ts`); `merge()` combines
 *   the shards and writes the collections and the manifest.
 */
import {rm} from 'node:fs/promises'
import {debug} from '../debug.js'
import {activeEmitterNames} from '../emitters/builtins.js'
import {buildArticles, ownersOf} from './articles.js'
import {emptyIndex, environmentKey, holdsRecords, pruneTrees, readCacheIndex, saveCacheIndex} from './cache.js'
import {addMessages, updateCollections, writeCollections} from './collections.js'
import {manifestOf, readManifest, removeStale, sourceOf, writeManifest} from './manifest.js'
import {buildFileOf, checkBuildOptions, refuseEmpty, summarize, type BuildOptions, type BuildResult} from './options.js'
import {displayOf, planBuild} from './plan.js'
import {linkRefs} from './refs.js'
import {lazyRuntime, startPoolEarly, type EarlyPool} from './pool.js'
import {articleOf, fileOf, newestFirst} from './record.js'
import {removeLeftovers, tempDirOf} from './outputs.js'
import {readShards, writeShard} from './shards.js'
import {warnAboutConfig} from './warnings.js'

export {version} from './cache.js'
export type {Manifest, ManifestFile} from './manifest.js'
export {allMessages, type BuildOptions, type BuildResult} from './options.js'
export {findInputs} from './plan.js'

/**
 * Build the configuration's articles into its output folder.
 *
 * @param options
 *   Configuration and flags.
 * @returns
 *   What was built, written and reported.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now()
  const config = checkBuildOptions(options)
  const names = activeEmitterNames(config, options.only)
  const runtime = lazyRuntime(config, options.only)
  const buildFile = buildFileOf(config)
  const configFile = warnAboutConfig(config, names, buildFile)
  if (options.clean) {
    await rm(config.output, {recursive: true, force: true})
    await rm(config.cache, {recursive: true, force: true})
  }
  const previous = await readManifest(config.output)
  await removeLeftovers(tempDirOf(config.cache))
  const useCache = options.cache !== false && !options.clean
  const index = useCache ? await readCacheIndex(config) : emptyIndex()
  debug('manifest and cache index read')

  // 1. Sources, keys, slugs: what the cache can skip, what must be built.
  const environment = environmentKey(config, names)
  // The worker pool starts while the sources are read and hashed, when
  // enough of them are unknown to the cache to need it (see `startPoolEarly`).
  let early: EarlyPool | undefined
  let built: Awaited<ReturnType<typeof buildArticles>>
  let plan: Awaited<ReturnType<typeof planBuild>>
  try {
    plan = await planBuild(config, index, environment, options.shard, (sources) => {
      let unknown = 0
      for (const source of sources) if (!index.articles[displayOf(source)]) unknown++
      early = startPoolEarly(options, unknown)
    })
    debug(`${plan.sources} sources read and hashed, ${plan.tasks.length} to build`)
    // An empty input folder where the last build had articles is a mistake
    // far more often than a wish to unpublish everything: nothing is touched.
    if (plan.sources === 0 && !options.shard) refuseEmpty(config, previous, options)
    // Cross-references need every slug of the build; each task gets the targets it names.
    linkRefs(plan, config, environment)

    // 2. Build what changed, in parallel; write each article's files as it comes.
    built = await buildArticles(plan, runtime, options, early)
  } finally {
    // Not taken (nothing to build, or a failure): its threads must not keep the process alive.
    await early?.destroy()
  }
  debug('articles built and written')
  const records = newestFirst(built.records)
  const articles = records.map((record) => articleOf(record, config.cache))
  const written = records.flatMap((record) => record.files)

  // 3. Collections (not in a shard build), only when something changed.
  const collections = options.shard
    ? {files: {}, kept: false}
    : await updateCollections({
        articles, records, rebuilt: plan.tasks.length > 0, index, useCache, environment,
        outputDir: config.output, runtime, buildFile, owners: built.owners, files: plan.files
      })
  written.push(...Object.values(collections.files))

  // 4. Remove what the previous build wrote and this one did not (deleted inputs).
  const removed = previous && !options.shard
    ? await removeStale(config.output, {
        previous, written, active: names, collections: true,
        sources: once(() => new Set(plan.inputs.map((source) => sourceOf(config, source)))),
        built: once(() => new Set(records.map((record) => sourceOf(config, record.path))))
      })
    : 0

  // 5. The cache index, the shard records, the manifest last. A no-op build
  // (the same records, collections kept, a manifest there) writes nothing:
  // for 10,000 articles the two files are 40 MB of JSON.
  const same = collections.kept && previous !== undefined && plan.tasks.length === 0 && holdsRecords(index, records)
  const manifest = manifestOf(config, records, collections.files)
  // (Sources touched but unchanged only update their stat in the index.)
  if (!same || plan.restated) {
    await saveCacheIndex(config, index, records, environment)
    // A shard's index covers its slice only: the other slices' trees stay.
    if (!options.shard) await pruneTrees(config, records, plan.present)
  }
  if (!same) await (options.shard ? writeShard(config, options.shard, records) : writeManifest(config.output, manifest, tempDirOf(config.cache)))
  debug(same ? (plan.restated ? 'manifest kept, cache index written' : 'nothing changed: cache index and manifest kept') : 'cache index and manifest written')
  return summarize({
    articles, files: plan.files, buildFile, failed: plan.failed, written, rebuilt: plan.tasks.length, removed,
    builtInProcess: built.builtHere, manifest, strict: options.strict ?? false, started, configFile
  })
}

/**
 * Merge shard builds (`build({shard})` run into the same output folder, or
 * folders copied together): write the collections and the manifest from the
 * shards' records.
 *
 * @param options
 *   Configuration, `only` and `strict`.
 * @returns
 *   The combined result.
 */
export async function merge(options: Pick<BuildOptions, 'config' | 'only' | 'strict'>): Promise<BuildResult> {
  const started = performance.now()
  const {config} = options
  const runtime = (await import('./worker.js')).createRuntime(config, options.only)
  const buildFile = buildFileOf(config)
  const configFile = warnAboutConfig(config, activeEmitterNames(config, options.only), buildFile)

  // 1. The shards' records (their trees go into this cache).
  const records = newestFirst(await readShards(config))
  const articles = records.map((record) => articleOf(record, config.cache))

  // 2. The collections, then the manifest.
  const collections = await writeCollections(articles, runtime, buildFile, ownersOf(records))
  const manifest = manifestOf(config, records, collections.files)
  await writeManifest(config.output, manifest, tempDirOf(config.cache))

  const files = records.map((record) => fileOf(record.path, record.messages))
  for (const file of collections.reported) addMessages(files, file)
  const written = [...records.flatMap((record) => record.files), ...Object.values(collections.files)]
  return summarize({
    articles, files, buildFile, failed: 0, written, rebuilt: 0, removed: 0,
    builtInProcess: false, manifest, strict: options.strict ?? false, started, configFile
  })
}

/** A value made on first use, then kept. */
function once<T>(make: () => T): () => T {
  let value: {made: T} | undefined
  return () => (value ??= {made: make()}).made
}
