/**
 * `manifest.json`: every file a build wrote (per article and per collection),
 * with size and SHA-256. It is written last, so a build that stops early
 * leaves the previous manifest; the next build reads it to remove what it no
 * longer writes (a deleted input's files).
 */
import {readFile, rm} from 'node:fs/promises'
import path from 'node:path'
import type {ResolvedConfig} from '../config.js'
import type {ArticleMeta} from '../types.js'
import {safeOutputPath, toPosix, writeAtomic} from './outputs.js'

/** A written file, as listed in the manifest. */
export interface ManifestFile {
  path: string
  emitter: string
  bytes: number
  sha256: string
}

/** `output/manifest.json`. */
export interface Manifest {
  generator: string
  buildDate: string
  site: {title: string; url: string}
  articles: Array<{
    slug: string
    title: string
    source: string
    date: string
    /** Output label → path (`html`, `pdf`, `epub`, …). */
    outputs: Record<string, string>
    files: ManifestFile[]
  }>
  /** Collection label → file (`index`, `rss`, `epub-edition`, …). */
  collections: Record<string, ManifestFile>
}

/** What the manifest lists of an article (an `ArticleRecord` has it). */
export interface ManifestEntry {
  /** Source path as shown in messages (relative to the cwd). */
  path: string
  meta: Pick<ArticleMeta, 'slug' | 'title' | 'date' | 'updated'>
  outputs: Record<string, string>
  files: ManifestFile[]
}

const generator = 'Pressroom'

/**
 * The manifest of a build.
 *
 * @param config
 *   Resolved configuration.
 * @param records
 *   The articles, in any order (the manifest sorts them by slug).
 * @param collections
 *   Collection label → file.
 * @returns
 *   The manifest.
 */
export function manifestOf(config: ResolvedConfig, records: readonly ManifestEntry[], collections: Manifest['collections']): Manifest {
  const epoch = process.env['SOURCE_DATE_EPOCH']
  const newest = records.reduce((max, record) => Math.max(max, Date.parse(record.meta.updated ?? record.meta.date)), 0)
  return {
    generator,
    buildDate: (epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date(newest)).toISOString(),
    site: {title: config.site.title, url: config.site.url},
    articles: records
      .map((record) => ({
        slug: record.meta.slug,
        title: record.meta.title,
        source: toPosix(path.relative(config.root, path.resolve(record.path))),
        date: record.meta.date,
        outputs: record.outputs,
        files: record.files
      }))
      .sort((a, b) => a.slug.localeCompare(b.slug, 'en')),
    collections: Object.fromEntries(Object.entries(collections).sort(([a], [b]) => a.localeCompare(b, 'en')))
  }
}

/**
 * Read the manifest an earlier build left in an output folder.
 *
 * @param outputDir
 *   Absolute output folder.
 * @returns
 *   The manifest, or `undefined` when there is none (or it is unreadable).
 */
export async function readManifest(outputDir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(path.join(outputDir, 'manifest.json'), 'utf8')) as Manifest
  } catch {
    return undefined
  }
}

/**
 * Write the manifest (atomically) into the output folder.
 *
 * @param outputDir
 *   Absolute output folder.
 * @param manifest
 *   The manifest.
 */
export async function writeManifest(outputDir: string, manifest: Manifest): Promise<void> {
  await writeAtomic(path.join(outputDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
}

/**
 * Remove the files the previous build wrote and this one did not (the files
 * of deleted inputs, of collections no longer made). Files of emitters that
 * did not run (`--only`) stay.
 *
 * @param outputDir
 *   Absolute output folder.
 * @param previous
 *   The previous build's manifest.
 * @param written
 *   Every file of this build.
 * @param active
 *   Names of the emitters that ran.
 */
export async function removeStale(outputDir: string, previous: Manifest, written: readonly ManifestFile[], active: readonly string[]): Promise<void> {
  const now = new Set(written.map((file) => file.path))
  const ran = new Set(active)
  for (const {path: old, emitter} of previousFiles(previous)) {
    if (now.has(old) || !ran.has(emitter)) continue
    const absolute = safeOutputPath(outputDir, old)
    if (absolute) await rm(absolute, {force: true})
  }
}

function previousFiles(manifest: Manifest): ManifestFile[] {
  const files: ManifestFile[] = []
  for (const article of manifest.articles ?? []) files.push(...(article.files ?? []))
  files.push(...Object.values(manifest.collections ?? {}))
  return files.filter((file) => typeof file?.path === 'string')
}
