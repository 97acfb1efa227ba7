/**
 * The incremental cache (`config.cache`): `index.json` holds each article's
 * record as the last build left it and the collections' keys; `trees/` holds
 * each article's trees by content key (see `record.ts`). Everything here
 * answers one question cheaply: may what the last build made stand?
 */
import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync, statSync, type Dirent, type Stats} from 'node:fs'
import {readFile, rm} from 'node:fs/promises'
import path from 'node:path'
import {packageRoot, type ResolvedConfig} from '../config.js'
import type {ManifestFile} from './manifest.js'
import {writeAtomic} from './outputs.js'
import {treesName, type ArticleRecord, type SourceStat} from './record.js'

/** Pressroom's version (from its `package.json`). */
export const version = (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as {version: string}).version

/** Cache index: what the last build made. */
export interface CacheIndex {
  version: string
  /** Environment key of the build that wrote it (see {@link environmentKey}). */
  environment?: string
  articles: Record<string, ArticleRecord>
  collections?: {
    /** Key of all articles together: when it is unchanged, no collection is looked at. */
    key: string
    files: Record<string, ManifestFile>
    /** Whether the collections reported nothing (else they run again, so their warnings are seen). */
    clean?: boolean
    /** Per emitter, the key its collection files were made from (see `Emitter.collectionKey`). */
    emitters?: Record<string, CollectionMemo>
  }
}

/** A collection's files and the key they were made from. */
export interface CollectionMemo {
  key: string
  files: Record<string, ManifestFile>
}

/** An index that remembers nothing. */
export function emptyIndex(): CacheIndex {
  return {version, articles: {}}
}

/**
 * Read the cache index; an empty one when there is none or another version
 * of Pressroom wrote it.
 *
 * @param config
 *   Resolved configuration.
 * @returns
 *   The index.
 */
export async function readCacheIndex(config: ResolvedConfig): Promise<CacheIndex> {
  try {
    const index = JSON.parse(await readFile(path.join(config.cache, 'index.json'), 'utf8')) as CacheIndex
    if (index.version === version) return index
  } catch {
    // No cache yet.
  }
  return emptyIndex()
}

/**
 * Write the cache index (atomically).
 */
async function writeCacheIndex(config: ResolvedConfig, index: CacheIndex): Promise<void> {
  await writeAtomic(path.join(config.cache, 'index.json'), JSON.stringify(index))
}

/**
 * Put this build's records in the index and write it.
 *
 * @param config
 *   Resolved configuration.
 * @param index
 *   The index read at the start of the build (its collections already updated).
 * @param records
 *   This build's articles.
 * @param environment
 *   This build's environment key.
 */
export async function saveCacheIndex(config: ResolvedConfig, index: CacheIndex, records: readonly ArticleRecord[], environment: string): Promise<void> {
  index.articles = Object.fromEntries(records.map((record) => [record.path, record]))
  index.environment = environment
  await writeCacheIndex(config, index)
}

/**
 * Whether the index holds exactly these records, the very objects it was
 * read with (no article was built, dropped or added).
 *
 * @param index
 *   The index read at the start of the build.
 * @param records
 *   This build's articles.
 * @returns
 *   Whether writing the index again would change nothing but stats.
 */
export function holdsRecords(index: CacheIndex, records: readonly ArticleRecord[]): boolean {
  return records.length === Object.keys(index.articles).length && records.every((record) => index.articles[record.path] === record)
}

/**
 * What every article's outputs depend on besides its own bytes: Pressroom's
 * version, the configuration, the templates and the active emitters.
 *
 * @param config
 *   Resolved configuration.
 * @param names
 *   Names of the active emitters.
 * @returns
 *   A SHA-256, hex.
 */
export function environmentKey(config: ResolvedConfig, names: readonly string[]): string {
  const hash = createHash('sha256')
  hash.update(version)
  const {emitters: _emitters, ...user} = config.user
  hash.update(JSON.stringify({user, site: config.site, input: config.input, output: config.output, drafts: config.drafts}))
  if (config.configFile) hash.update(readFileSync(config.configFile))
  hash.update(names.join(','))
  for (const dir of new Set([config.templates, config.builtinTemplates])) {
    if (!existsSync(dir)) continue
    for (const name of listSync(dir).sort()) hash.update(name).update(readFileSync(path.join(dir, name)))
  }
  return hash.digest('hex')
}

/** The files under the output folder and the cache's trees folder (posix paths relative to each). */
export interface Listings {
  output: Set<string>
  trees: Set<string>
}

/**
 * List the output and trees folders once: a `stat` of each file of each
 * cached article costs several times as much as one walk of the folders
 * (and Node 20's `readdirSync({recursive: true})` is no faster).
 *
 * @param config
 *   Resolved configuration.
 * @returns
 *   Both listings.
 */
export function listings(config: ResolvedConfig): Listings {
  return {output: new Set(listSync(config.output)), trees: new Set(listSync(path.join(config.cache, 'trees')))}
}

/**
 * Whether a file's stat is the one recorded when it was read, and was so for
 * 2 s before that read (a second edit within the same clock tick would keep
 * both size and mtime).
 *
 * @param recorded
 *   The stat when the source was last read.
 * @param stat
 *   Its stat now.
 * @returns
 *   Whether the source can be taken as unchanged without reading it.
 */
export function sameStat(recorded: SourceStat | undefined, stat: Stats): boolean {
  return recorded !== undefined && recorded.size === stat.size && recorded.mtimeMs === stat.mtimeMs && recorded.readAt - stat.mtimeMs > 2000
}

/**
 * Whether a cached article's outputs and trees are all still there and its
 * assets unchanged in size. (An output file deleted by hand is written again;
 * one edited in place is not noticed.)
 *
 * @param record
 *   The cached article.
 * @param present
 *   The listings made at the start of the build.
 * @returns
 *   Whether its files can stand.
 */
export function isIntact(record: ArticleRecord, present: Listings): boolean {
  if (!present.trees.has(treesName(record.key))) return false
  for (const file of record.files) if (!present.output.has(file.path)) return false
  for (const asset of record.assets) if (!sizeIs(asset.source, asset.size)) return false
  return true
}

/**
 * Whether a file exists with this size.
 *
 * @param file
 *   Absolute path.
 * @param bytes
 *   Expected size.
 * @returns
 *   Whether it is there and that big.
 */
export function sizeIs(file: string, bytes: number): boolean {
  try {
    return statSync(file).size === bytes
  } catch {
    return false
  }
}

/**
 * Remove the trees no record of the index refers to (an edited article's old
 * ones, a deleted article's, a build's with other settings, temporary files
 * a crash left): without this the cache grows with every edit.
 *
 * @param config
 *   Resolved configuration.
 * @param records
 *   The records of the index.
 * @param present
 *   The listing made at the start of the build, when one was made (trees
 *   written since belong to this build's records).
 */
export async function pruneTrees(config: ResolvedConfig, records: readonly ArticleRecord[], present: Listings | undefined): Promise<void> {
  const dir = path.join(config.cache, 'trees')
  const live = new Set(records.map((record) => treesName(record.key)))
  for (const name of present?.trees ?? listSync(dir)) {
    if (!live.has(name)) await rm(path.join(dir, name), {force: true})
  }
}

/** Files under a folder, recursively, as posix paths relative to it (unsorted; none when it is missing). */
function listSync(dir: string): string[] {
  const out: string[] = []
  const walk = (absolute: string, relative: string) => {
    for (const entry of readdirSyncSafe(absolute)) {
      const child = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(path.join(absolute, entry.name), child)
      else out.push(child)
    }
  }
  walk(dir, '')
  return out
}

function readdirSyncSafe(dir: string): Dirent[] {
  try {
    return readdirSync(dir, {withFileTypes: true})
  } catch {
    return []
  }
}
