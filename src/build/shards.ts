/**
 * Shard builds: `build({shard: {index, count}})` builds a deterministic slice
 * of the articles and leaves their records (with their trees) in
 * `<output>/.pressroom/`, so slices built on other machines can be copied
 * together; `merge()` reads them back.
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import type {ResolvedConfig} from '../config.js'
import {toPosix, writeAtomic} from './outputs.js'
import {saveTrees, treesPath, type ArticleRecord, type ArticleTrees} from './record.js'

/** Which slice of the articles to build: `index` (1-based) of `count`. */
export interface Shard {
  index: number
  count: number
}

/**
 * Which shard (1-based) an article belongs to: stable under additions and
 * removals of other articles.
 *
 * @param config
 *   Resolved configuration.
 * @param source
 *   Absolute source path.
 * @param count
 *   Number of shards.
 * @returns
 *   Its shard.
 */
export function shardOf(config: ResolvedConfig, source: string, count: number): number {
  const relative = toPosix(path.relative(config.input, source))
  return (createHash('sha1').update(relative).digest().readUInt32BE(0) % count) + 1
}

/**
 * Write a shard's records, each with its trees.
 *
 * @param config
 *   Resolved configuration.
 * @param shard
 *   The slice built.
 * @param records
 *   Its articles (their trees are in the cache).
 */
export async function writeShard(config: ResolvedConfig, shard: Shard, records: readonly ArticleRecord[]): Promise<void> {
  const withTrees = records.map((record) => ({...record, trees: JSON.parse(readFileSync(treesPath(config.cache, record.key), 'utf8')) as unknown}))
  await writeAtomic(path.join(config.output, '.pressroom', `shard-${shard.index}-of-${shard.count}.json`), JSON.stringify({records: withTrees}))
}

/**
 * Read every shard's records from the output folder, putting their trees in
 * this cache.
 *
 * @param config
 *   Resolved configuration.
 * @returns
 *   The records of all shards, in file order.
 * @throws
 *   `TypeError` when there are none.
 */
export async function readShards(config: ResolvedConfig): Promise<ArticleRecord[]> {
  const dir = path.join(config.output, '.pressroom')
  const names = existsSync(dir) ? (await readdir(dir)).filter((name) => /^shard-\d+-of-\d+\.json$/.test(name)).sort() : []
  if (names.length === 0) throw new TypeError(`Expected shard records in \`${dir}\`; run \`pressroom build --shard K/N\` first`)
  const records: ArticleRecord[] = []
  for (const name of names) {
    const shard = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as {records: Array<ArticleRecord & {trees: ArticleTrees}>}
    for (const {trees, ...record} of shard.records) {
      saveTrees(config.cache, record.key, trees)
      records.push(record)
    }
  }
  return records
}
