/**
 * Planning a build: find the sources, and for each decide whether the
 * cache's record of it can stand (see {@link reusableRecord}: where the
 * incremental cache decides to skip an article) or it must be built (a
 * task). Slugs are claimed here, so two sources with one slug fail before
 * any work.
 */
import {createHash} from 'node:crypto'
import {existsSync, lstatSync, readFileSync, statSync, type Stats} from 'node:fs'
import path from 'node:path'
import {glob} from 'tinyglobby'
import {VFile} from 'vfile'
import type {ResolvedConfig} from '../config.js'
import {diagnostics, report} from '../diagnostics.js'
import {isRisky, quickMeta} from '../readers/peek.js'
import {insideCheck} from '../util/inside.js'
import {isIntact, listings, sameStat, type CacheIndex, type Listings} from './cache.js'
import type {ArticleRecord, SourceStat} from './record.js'
import {shardOf, type Shard} from './shards.js'
import type {ArticleTask} from './worker.js'

/** What a build will do with its sources. */
export interface Plan {
  /** Number of sources found (in the shard). */
  sources: number
  /** Their absolute paths. */
  inputs: string[]
  /** Slugs claimed so far: slug → source as displayed. */
  slugs: Map<string, string>
  /** Sources to build, in source order. */
  tasks: ArticleTask[]
  /** Records taken from the cache as they are. */
  cached: ArticleRecord[]
  /** Sources read now, by display path: their stat goes into their record. */
  read: Map<string, SourceStat>
  /** Whether a cached record got a new stat (the cache index must be written). */
  restated: boolean
  /** Files with messages (the sources that failed in planning: unreadable, duplicate slug; then the build adds its own). */
  files: VFile[]
  /** Sources that failed (planning, then building). */
  failed: number
  /** The listings of the output and trees folders, when the cache needed them. */
  present: Listings | undefined
}

/**
 * Find the article sources of a configuration.
 *
 * @param config
 *   Resolved configuration.
 * @returns
 *   Absolute paths, sorted.
 */
export async function findInputs(config: ResolvedConfig): Promise<string[]> {
  if (!existsSync(config.input)) return []
  const found = await glob(config.include, {cwd: config.input, ignore: config.exclude, absolute: true, dot: false, onlyFiles: true})
  return found.map((file) => path.normalize(file)).sort()
}

/**
 * Plan a build: every source is reused from the cache, built, skipped (a
 * draft) or failed (unreadable, duplicate slug).
 *
 * @param config
 *   Resolved configuration.
 * @param index
 *   The cache index (empty when the cache is not used).
 * @param environment
 *   The environment key of this build (see `environmentKey`).
 * @param shard
 *   The slice to build, if any.
 * @param onSources
 *   Called with the sources to plan once they are found, before any is read.
 * @returns
 *   The plan.
 */
export async function planBuild(
  config: ResolvedConfig,
  index: CacheIndex,
  environment: string,
  shard?: Shard,
  onSources?: (sources: readonly string[]) => void
): Promise<Plan> {
  const inputs = await findInputs(config)
  const sources = shard ? inputs.filter((source) => shardOf(config, source, shard.count) === shard.index) : inputs
  onSources?.(sources)
  const slugs = new Map<string, string>()
  const plan: Plan = {sources: sources.length, inputs: sources, slugs, tasks: [], cached: [], read: new Map(), restated: false, files: [], failed: 0, present: undefined}
  /** Take a slug for a source; `false` (and the source failed) when another has it. */
  const claimSlug = (slug: string, display: string): boolean => {
    const other = slugs.get(slug)
    if (slug && other) {
      const file = new VFile({path: display})
      report(file, diagnostics.duplicateSlug, [slug, other], {place: {line: 1, column: 1}})
      plan.files.push(file)
      plan.failed++
      return false
    }
    if (slug) slugs.set(slug, display)
    return true
  }
  const cache: CacheView = {index, environment, present: () => (plan.present ??= listings(config)), inside: insideCheck(config.input)}
  // A shard claims the other slices' slugs too, in the same order as one
  // build does: its cross-references and duplicate slugs come out the same.
  const slice = shard ? new Set(sources) : undefined
  for (const source of inputs) await (slice && !slice.has(source) ? claimElsewhere(source, config, cache, slugs) : planSource(source, config, cache, plan, claimSlug))
  return plan
}

/** Take the slug of a source another shard builds (when no earlier source has it), without building it. */
async function claimElsewhere(source: string, config: ResolvedConfig, cache: CacheView, slugs: Map<string, string>): Promise<void> {
  let bytes: Buffer
  try {
    if (!cache.inside(source, lstatSync(source).isSymbolicLink())) return
    bytes = readFileSync(source)
  } catch {
    return
  }
  const quick = await quickMeta(source, bytes)
  if ((quick.draft && !config.drafts) || !quick.slug || slugs.has(quick.slug)) return
  slugs.set(quick.slug, path.relative(process.cwd(), source) || source)
}

/** A source's path as messages and the cache index show it. */
export function displayOf(source: string): string {
  return path.relative(process.cwd(), source) || source
}

/** The cache as planning sees it. */
export interface CacheView {
  index: CacheIndex
  environment: string
  /** The listings of the output and trees folders, made on first need. */
  present(): Listings
  /** Whether a source is really in the input folder (see `util/inside.ts`). */
  inside(source: string, isLink: boolean): boolean
}

/** Plan one source (see {@link planBuild}). */
async function planSource(
  source: string,
  config: ResolvedConfig,
  cache: CacheView,
  plan: Plan,
  claimSlug: (slug: string, display: string) => boolean
): Promise<void> {
  const display = displayOf(source)
  const hit = cache.index.articles[display]
  let stat: Stats | undefined
  try {
    // `lstat`: a symbolic link is followed only when it stays in the input folder.
    const own = lstatSync(source)
    const link = own.isSymbolicLink()
    stat = link ? statSync(source) : own
    if (!cache.inside(source, link)) {
      const file = new VFile({path: display})
      report(file, diagnostics.inputOutside, [])
      plan.files.push(file)
      plan.failed++
      return
    }
  } catch {
    // Reading it reports why.
  }
  if (stat && reusableRecord(hit, {stat}, cache)) {
    if (hit.meta.draft && !config.drafts) return
    if (claimSlug(hit.meta.slug, display)) plan.cached.push(hit)
    return
  }
  let bytes: Buffer
  const readAt = Date.now()
  try {
    // Synchronous on purpose: for thousands of small files one thread-pool
    // round trip each costs more than the read.
    bytes = readFileSync(source)
  } catch (error) {
    const file = new VFile({path: display})
    report(file, diagnostics.readFailed, [(error as Error).message], {cause: error})
    plan.files.push(file)
    plan.failed++
    return
  }
  const key = contentKey(cache.environment, display, bytes)
  const sourceStat = stat ? {size: stat.size, mtimeMs: stat.mtimeMs, readAt} : undefined
  const reusable = reusableRecord(hit, {key}, cache) ? hit : undefined
  const quick = reusable ? {slug: reusable.meta.slug, draft: reusable.meta.draft} : await quickMeta(source, bytes)
  if (quick.draft && !config.drafts) return
  if (!claimSlug(quick.slug, display)) return
  if (reusable) {
    // Touched, or changed too recently to trust its stat: remember the new one.
    if (sourceStat && !sameStat(reusable.source, stat!)) {
      reusable.source = sourceStat
      plan.restated = true
    }
    plan.cached.push(reusable)
  } else {
    plan.tasks.push(isRisky(bytes) ? {source, display, key, risky: true} : {source, display, key})
    if (sourceStat) plan.read.set(display, sourceStat)
  }
}

/**
 * Where the incremental cache decides to skip an article: whether the last
 * build's record of a source can stand for building it again.
 *
 * - Before reading the source (`{stat}`): as git does, a source whose size
 *   and mtime are what they were when it was read is not read and hashed
 *   again, unless it had changed less than 2 s before that read (see
 *   `sameStat`), and only when the environment (configuration, templates,
 *   emitters, version) is the one the record was made in.
 * - After reading it (`{key}`): when its content key (bytes, path and
 *   environment, see {@link contentKey}) is the record's.
 *
 * Either way, the record's output files and trees must still be there and its
 * assets unchanged in size (see `isIntact`).
 *
 * @param hit
 *   The cache's record of the source, if any.
 * @param evidence
 *   The source's stat now, or its content key.
 * @param cache
 *   The cache index, this build's environment key and the folder listings.
 * @returns
 *   Whether `hit` is reused as it is.
 */
export function reusableRecord(hit: ArticleRecord | undefined, evidence: {stat: Stats} | {key: string}, cache: CacheView): hit is ArticleRecord {
  if (!hit) return false
  const same = 'stat' in evidence
    ? cache.index.environment === cache.environment && sameStat(hit.source, evidence.stat)
    : hit.key === evidence.key
  return same && isIntact(hit, cache.present())
}

/**
 * The content key of a source: a hash of everything its outputs depend on
 * (the environment, its display path and its bytes).
 *
 * @param environment
 *   The environment key (see `environmentKey`).
 * @param display
 *   Path shown in messages.
 * @param bytes
 *   The source.
 * @returns
 *   A SHA-256, hex.
 */
export function contentKey(environment: string, display: string, bytes: Uint8Array): string {
  return createHash('sha256').update(environment).update('\0').update(display).update('\0').update(bytes).digest('hex')
}
