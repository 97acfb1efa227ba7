/**
 * The build: read every article, normalize it once, run every emitter, write
 * the files atomically, then the collection outputs, then `manifest.json`
 * last. One bad article costs only itself (as unified-engine): its failure is
 * a fatal message on its own file and the batch goes on.
 */
import {readFile, readdir, rm} from 'node:fs/promises'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {glob} from 'tinyglobby'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {createArticle} from './article.js'
import type {ResolvedConfig} from './config.js'
import {buildDateOf, createEmitContext} from './context.js'
import {diagnostics, hasErrors, report} from './diagnostics.js'
import {resolveEmitters} from './emitters/index.js'
import {createTemplates} from './templates.js'
import type {Article, EmitContext, Emitter, OutputFile} from './types.js'
import {digest, safeOutputPath, writeAtomic} from './write.js'

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

/** Options of {@link build}. */
export interface BuildOptions {
  config: ResolvedConfig
  /** Emitter names to run (default: all active). */
  only?: readonly string[]
  /** Empty the output folder first. */
  clean?: boolean
  /** Treat warnings as failures. */
  strict?: boolean
  /** Called after each article (for progress display). */
  onArticle?: (done: number, total: number, file: VFile) => void
}

/** Result of {@link build}. */
export interface BuildResult {
  /** Articles that built, newest first. */
  articles: Article[]
  /** Every file with messages (articles, failed inputs, the build itself). */
  files: VFile[]
  /** Number of inputs that failed. */
  failed: number
  written: ManifestFile[]
  manifest: Manifest
  errors: number
  warnings: number
  /** 0 success, 1 some article failed (or a warning with `strict`). */
  exitCode: 0 | 1
  milliseconds: number
}

const generator = 'Pressroom'

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
 * Build every article of the configuration into the output folder.
 *
 * @param options
 *   Configuration and flags.
 * @returns
 *   What was built, written and reported.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now()
  const {config} = options
  if (!config || typeof config.output !== 'string') throw new TypeError('Expected a resolved `config` in `build`')
  const emitters = resolveEmitters(config, options.only)
  const buildFile = new VFile({path: path.relative(process.cwd(), config.output) || '.'})

  if (options.clean) await rm(config.output, {recursive: true, force: true})
  const previous = await readManifest(config.output)

  // 1. Read and normalize every article once.
  const sources = await findInputs(config)
  const files: VFile[] = []
  const candidates: Article[] = []
  let failed = 0
  let done = 0
  for (const source of sources) {
    const display = path.relative(process.cwd(), source) || source
    let result
    try {
      result = createArticle({path: display, contents: await readFile(source)}, config)
    } catch (error) {
      const file = new VFile({path: display})
      report(file, diagnostics.readFailed, [(error as Error).message], {cause: error})
      result = {ok: false as const, file}
    }
    if (result.ok) {
      if (!result.article.meta.draft || config.drafts) candidates.push(result.article)
      files.push(result.article.file)
    } else {
      failed++
      files.push(result.file)
    }
    options.onArticle?.(++done, sources.length, result.ok ? result.article.file : result.file)
  }

  // 2. Slugs are unique: a later file (in path order) with a taken slug fails.
  const bySlug = new Map<string, Article>()
  const articles: Article[] = []
  for (const article of candidates) {
    const other = bySlug.get(article.meta.slug)
    if (other) {
      report(article.file, diagnostics.duplicateSlug, [article.meta.slug, other.file.path], {place: {line: 1, column: 1}})
      failed++
      continue
    }
    bySlug.set(article.meta.slug, article)
    articles.push(article)
  }
  articles.sort(newestFirst)

  // 3. Per-article outputs. An article whose emitter fails is skipped whole.
  const templates = createTemplates(config)
  const ctx = createEmitContext({config, emitters, articles, templates, buildFile})
  const written: ManifestFile[] = []
  const owners = new Map<string, {owner: string; sha256: string}>()
  const good: Article[] = []
  const entries: Manifest['articles'] = []
  for (const article of articles) {
    const outputs = await emitArticle(article, emitters, ctx)
    if (!outputs) {
      failed++
      continue
    }
    const checked = checkOutputs(outputs, article.file, article.file.path ?? '', config.output, owners)
    if (!checked) {
      failed++
      continue
    }
    const list: ManifestFile[] = []
    for (const {file, emitter, absolute, info} of checked) {
      await writeAtomic(absolute, file.contents)
      list.push({path: file.path, emitter, ...info})
    }
    written.push(...list)
    good.push(article)
    entries.push({
      slug: article.meta.slug,
      title: article.meta.title,
      source: toPosix(path.relative(config.root, path.resolve(article.file.path ?? ''))),
      date: article.meta.date,
      outputs: ctx.outputsOf(article),
      files: list
    })
  }

  // 4. Collection outputs, from the good articles only.
  const collectionCtx = createEmitContext({config, emitters, articles: good, templates, buildFile})
  const collections: Manifest['collections'] = {}
  const labels = invert(collectionCtx.collectionOutputs())
  for (const emitter of emitters) {
    if (!emitter.collection) continue
    let outputs: OutputFile[]
    try {
      outputs = await emitter.collection(good, collectionCtx)
    } catch (error) {
      report(buildFile, diagnostics.emitterFailed, [emitter.name, (error as Error).message], {cause: error, source: `pressroom:${emitter.name}`})
      continue
    }
    const checked = checkOutputs(outputs.map((file) => ({file, emitter: emitter.name})), buildFile, buildFile.path, config.output, owners)
    if (!checked) continue
    for (const {file, absolute, info} of checked) {
      await writeAtomic(absolute, file.contents)
      const entry = {path: file.path, emitter: emitter.name, ...info}
      written.push(entry)
      collections[labels.get(file.path) ?? file.path] = entry
    }
  }

  // 5. Remove what the previous build wrote and this one did not (deleted inputs).
  if (previous) {
    const now = new Set(written.map((file) => file.path))
    const active = new Set(emitters.map((emitter) => emitter.name))
    for (const {path: old, emitter} of previousFiles(previous)) {
      // With `--only`, the other emitters' files stay.
      if (now.has(old) || !active.has(emitter)) continue
      const absolute = safeOutputPath(config.output, old)
      if (absolute) await rm(absolute, {force: true})
    }
  }

  // 6. The manifest, last.
  const manifest: Manifest = {
    generator,
    buildDate: buildDateOf(good).toISOString(),
    site: {title: config.site.title, url: config.site.url},
    articles: entries.sort((a, b) => a.slug.localeCompare(b.slug, 'en')),
    collections
  }
  await writeAtomic(path.join(config.output, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n')

  if (buildFile.messages.length > 0) files.push(buildFile)
  let errors = 0
  let warnings = 0
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal === true) errors++
      else if (message.fatal === false) warnings++
    }
  }
  const exitCode = failed > 0 || hasErrors(buildFile) || (options.strict && warnings > 0) ? 1 : 0
  return {
    articles: good,
    files,
    failed,
    written,
    manifest,
    errors,
    warnings,
    exitCode,
    milliseconds: performance.now() - started
  }
}

/** Run every emitter's article hook; `undefined` when one failed (reported on the article). */
async function emitArticle(
  article: Article,
  emitters: readonly Emitter[],
  ctx: EmitContext
): Promise<Array<{file: OutputFile; emitter: string}> | undefined> {
  const all: Array<{file: OutputFile; emitter: string}> = []
  for (const emitter of emitters) {
    if (!emitter.article) continue
    try {
      const files = await emitter.article(article, ctx)
      for (const file of files) all.push({file, emitter: emitter.name})
    } catch (error) {
      report(article.file, diagnostics.emitterFailed, [emitter.name, (error as Error).message], {
        cause: error,
        place: {line: 1, column: 1},
        source: `pressroom:${emitter.name}`
      })
      return undefined
    }
  }
  return hasErrors(article.file) ? undefined : all
}

/**
 * Check paths and ownership of outputs before anything is written. Identical
 * bytes at the same path (a shared image) are fine; different bytes are a
 * conflict.
 */
function checkOutputs(
  outputs: Array<{file: OutputFile; emitter: string}>,
  file: VFile,
  owner: string,
  outputDir: string,
  owners: Map<string, {owner: string; sha256: string}>
): Array<{file: OutputFile; emitter: string; absolute: string; info: {bytes: number; sha256: string}}> | undefined {
  const checked = []
  const seen = new Set<string>()
  let ok = true
  for (const {file: output, emitter} of outputs) {
    const absolute = safeOutputPath(outputDir, output.path)
    if (!absolute || output.path === 'manifest.json') {
      report(file, diagnostics.unsafeOutputPath, [String(output.path)], {source: `pressroom:${emitter}`, place: {line: 1, column: 1}})
      ok = false
      continue
    }
    const info = digest(output.contents)
    const taken = owners.get(output.path)
    if (taken && taken.owner !== owner && taken.sha256 !== info.sha256) {
      report(file, diagnostics.outputConflict, [output.path, taken.owner], {source: `pressroom:${emitter}`, place: {line: 1, column: 1}})
      ok = false
      continue
    }
    if (seen.has(output.path)) continue
    seen.add(output.path)
    checked.push({file: output, emitter, absolute, info})
  }
  if (!ok) return undefined
  for (const {file: output, info} of checked) owners.set(output.path, {owner, sha256: info.sha256})
  return checked
}

function newestFirst(a: Article, b: Article): number {
  return b.meta.date.localeCompare(a.meta.date) || a.meta.slug.localeCompare(b.meta.slug, 'en')
}

function invert(record: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(record).map(([label, file]) => [file, label]))
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/')
}

async function readManifest(outputDir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(path.join(outputDir, 'manifest.json'), 'utf8')) as Manifest
  } catch {
    return undefined
  }
}

function previousFiles(manifest: Manifest): ManifestFile[] {
  const files: ManifestFile[] = []
  for (const article of manifest.articles ?? []) files.push(...(article.files ?? []))
  files.push(...Object.values(manifest.collections ?? {}))
  return files.filter((file) => typeof file?.path === 'string')
}

/** All messages of a build, in file order. */
export function allMessages(result: BuildResult): VFileMessage[] {
  return result.files.flatMap((file) => file.messages)
}

/** List files in a folder recursively (tests and `check`). */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true})
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => toPosix(path.relative(dir, path.join(entry.parentPath, entry.name))))
    .sort()
}
