/**
 * Articles across process boundaries: a built article is kept as a light
 * {@link ArticleRecord} (metadata, figures, messages, written files) plus its
 * trees, stored once in the cache folder. Collection emitters get `Article`
 * objects whose `hast`/`mdast` load from there on first use, so a build of
 * 10,000 articles never holds 10,000 trees in memory, and a worker thread or
 * an earlier build (incremental builds, shards) can hand articles over.
 */
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {Root as HastRoot} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Article} from '../types.js'
import type {ManifestFile} from './manifest.js'

/** A message as plain data. */
export interface MessageRecord {
  reason: string
  line?: number
  column?: number
  endLine?: number
  endColumn?: number
  ruleId?: string
  source?: string
  fatal?: boolean
}

/**
 * Everything about a built article but its trees: the {@link Article} without
 * its trees and file (a new field of `Article` is kept with no edit here),
 * plus what the build knows of it.
 */
export type ArticleRecord = Omit<Article, 'mdast' | 'hast' | 'file' | 'key'> & {
  /** Content hash of everything the article's outputs depend on. */
  key: string
  /** Source path as shown in messages (relative to the cwd). */
  path: string
  messages: MessageRecord[]
  /** Files the article hooks wrote. */
  files: ManifestFile[]
  outputs: Record<string, string>
  /** The source file when its bytes were last read (see `plan.ts`). */
  source?: SourceStat
  /** The cross-references it was built with (see `build/refs.ts`). */
  refs?: ArticleRefs
}

/** The cross-references of an article: the targets it names and the URL each resolved to. */
export interface ArticleRefs {
  /** Targets as written (path part), each once. */
  targets: string[]
  /** Target → URL, for the targets found in the build. */
  table: Record<string, string>
}

/** Size and modification time of a source file, and when it was read. */
export interface SourceStat {
  size: number
  mtimeMs: number
  /** `Date.now()` when the bytes were read. */
  readAt: number
}

/** The trees of an article. */
export interface ArticleTrees {
  mdast: MdastRoot
  hast: HastRoot
}

/** Plain data of a file's messages. */
export function messagesOf(file: VFile): MessageRecord[] {
  return file.messages.map((message) => {
    const record: MessageRecord = {reason: message.reason}
    if (message.line !== undefined) record.line = message.line
    if (message.column !== undefined) record.column = message.column
    if (message.place && 'end' in message.place) {
      record.endLine = message.place.end.line
      record.endColumn = message.place.end.column
    }
    if (message.ruleId) record.ruleId = message.ruleId
    if (message.source) record.source = message.source
    if (message.fatal === true || message.fatal === false) record.fatal = message.fatal
    return record
  })
}

/** A VFile holding recorded messages. */
export function fileOf(filePath: string, messages: readonly MessageRecord[]): VFile {
  const file = new VFile({path: filePath})
  for (const record of messages) {
    const place = record.line === undefined
      ? undefined
      : record.endLine === undefined
        ? {line: record.line, column: record.column ?? 1}
        : {start: {line: record.line, column: record.column ?? 1}, end: {line: record.endLine, column: record.endColumn ?? 1}}
    const message = new VFileMessage(record.reason, {
      ...(place ? {place} : {}),
      ...(record.ruleId ? {ruleId: record.ruleId} : {}),
      ...(record.source ? {source: record.source} : {})
    })
    message.file = filePath
    if (record.fatal !== undefined) message.fatal = record.fatal
    file.messages.push(message)
  }
  return file
}

/** Path of an article's trees in the cache folder. */
export function treesPath(cacheDir: string, key: string): string {
  return path.join(cacheDir, 'trees', ...treesName(key).split('/'))
}

/** Name of an article's trees file, relative to the cache's `trees/` folder (posix). */
export function treesName(key: string): string {
  return `${key.slice(0, 2)}/${key}.json`
}

/** Store an article's trees (atomically) in the cache folder. */
export function saveTrees(cacheDir: string, key: string, trees: ArticleTrees): void {
  const file = treesPath(cacheDir, key)
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  const json = JSON.stringify({mdast: trees.mdast, hast: trees.hast})
  try {
    writeFileSync(temp, json)
  } catch (error) {
    // The folder is made on first need, not with a `mkdir` for every article.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    mkdirSync(path.dirname(file), {recursive: true})
    writeFileSync(temp, json)
  }
  renameSync(temp, file)
}

/**
 * An `Article` backed by a record; its trees load from the cache folder on
 * first use (or come from `trees` when given).
 */
export function articleOf(record: ArticleRecord, cacheDir: string, trees?: ArticleTrees): Article {
  let loaded = trees
  const load = (): ArticleTrees => {
    loaded ??= JSON.parse(readFileSync(treesPath(cacheDir, record.key), 'utf8')) as ArticleTrees
    return loaded
  }
  const {key, path: filePath, messages, files: _files, outputs: _outputs, source: _source, ...fields} = record
  const article = {...fields, key, file: fileOf(filePath, messages)} as Omit<Article, 'hast' | 'mdast'> as Article
  Object.defineProperty(article, 'hast', {enumerable: true, get: () => load().hast})
  Object.defineProperty(article, 'mdast', {enumerable: true, get: () => load().mdast})
  return article
}

/** The record of a built article. */
export function recordOf(article: Article, key: string, files: ManifestFile[], outputs: Record<string, string>): ArticleRecord {
  const {mdast: _mdast, hast: _hast, file, key: _key, ...fields} = article
  return {key, path: file.path, ...fields, messages: messagesOf(file), files, outputs}
}

/**
 * Sort records newest first (then by slug): the order collections get
 * articles in.
 *
 * @param records
 *   Records, sorted in place.
 * @returns
 *   `records`.
 */
export function newestFirst<T extends Pick<ArticleRecord, 'meta'>>(records: T[]): T[] {
  return records.sort((a, b) => b.meta.date.localeCompare(a.meta.date) || a.meta.slug.localeCompare(b.meta.slug, 'en'))
}
