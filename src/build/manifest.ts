/**
 * `manifest.json`: every file a build wrote (per article and per collection),
 * with size and SHA-256. It is written last, so a build that stops early
 * leaves the previous manifest; the next build reads it to remove what it no
 * longer writes (a deleted input's files).
 */
import {existsSync} from 'node:fs'
import {readFile, rm} from 'node:fs/promises'
import path from 'node:path'
import {buildDateOf} from '../build-date.js'
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
  return {
    generator,
    buildDate: buildDateOf(records).toISOString(),
    site: {title: config.site.title, url: config.site.url},
    articles: records
      .map((record) => ({
        slug: record.meta.slug,
        title: record.meta.title,
        source: sourceOf(config, record.path),
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
export async function writeManifest(outputDir: string, manifest: Manifest, tempDir?: string): Promise<void> {
  await writeAtomic(path.join(outputDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n', tempDir)
}

/** A source as the manifest names it: POSIX, relative to the project root. */
export function sourceOf(config: ResolvedConfig, source: string): string {
  return toPosix(path.relative(config.root, path.resolve(source)))
}

/** What {@link removeStale} may remove. */
export interface Stale {
  /** The last build's manifest. */
  previous: Manifest
  /** Every file of this build. */
  written: readonly ManifestFile[]
  /** Emitters that ran (the others' files stay). */
  active: readonly string[]
  /** Sources of this build (as the manifest names them); asked only when a file may go. */
  sources: () => ReadonlySet<string>
  /** Sources that built now (their outputs are this build's); asked only when a file may go. */
  built: () => ReadonlySet<string>
  /** Whether this build made the collections. */
  collections: boolean
}

/**
 * Remove what the previous build wrote and this one did not, and nothing
 * more: the files of articles whose source is gone or that built now under
 * other names (a new slug), and collection files no longer made. The files
 * of an article that failed this time stay (the last good version stays
 * published until it is fixed), as do those of emitters that did not run.
 *
 * @returns
 *   How many files were removed.
 */
export async function removeStale(outputDir: string, stale: Stale): Promise<number> {
  const now = new Set(stale.written.map((file) => file.path))
  const ran = new Set(stale.active)
  const candidates: ManifestFile[] = []
  for (const article of stale.previous.articles ?? []) {
    const files = (article?.files ?? []).filter((file) => typeof file?.path === 'string' && !now.has(file.path))
    // Most builds write every file the last one did: nothing to decide.
    if (files.length === 0) continue
    const source = typeof article.source === 'string' ? article.source : ''
    if (!stale.sources().has(source) || stale.built().has(source)) candidates.push(...files)
  }
  if (stale.collections) candidates.push(...Object.values(stale.previous.collections ?? {}))
  let removed = 0
  for (const file of candidates) {
    if (typeof file?.path !== 'string' || now.has(file.path) || !ran.has(file.emitter)) continue
    const absolute = safeOutputPath(outputDir, file.path)
    if (!absolute || !existsSync(absolute)) continue
    await rm(absolute, {force: true})
    removed++
  }
  return removed
}
