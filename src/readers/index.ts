/**
 * Source bytes → one normalized {@link Article}: decode, pick the reader by
 * extension, resolve metadata, run the frozen normalization processor once.
 * Content problems become messages on the article's VFile; this function
 * throws only on programmer errors.
 */
import path from 'node:path'
import type {Root as HastRoot} from 'hast'
import {toString} from 'mdast-util-to-string'
import {VFile} from 'vfile'
import type {ResolvedConfig} from '../config.js'
import {diagnostics, hasErrors, report} from '../diagnostics.js'
import {isRemote, resolveAsset} from '../pipeline/assets.js'
import {processor} from '../pipeline/processor.js'
import type {Article, ArticleFormat} from '../types.js'
import {decode} from './decode.js'
import {markdownReader} from './markdown.js'
import {resolveMeta} from './meta.js'
import type {Reader} from './types.js'
import {wireReader} from './wire/index.js'

/**
 * The readers, by the article format they produce. A new input format is a
 * reader module (`Reader`: extensions and `read(text, file)`) added here and
 * its name added to `ArticleFormat` in `types.ts`.
 */
export const readers: Record<ArticleFormat, Reader> = {
  markdown: markdownReader,
  wire: wireReader
}

/**
 * The format of a source by its extension.
 *
 * @param file
 *   Path or name of the source.
 * @returns
 *   Format, or `undefined` when no reader takes the extension.
 */
export function formatOf(file: string): ArticleFormat | undefined {
  const extension = path.extname(file).toLowerCase()
  for (const [format, reader] of Object.entries(readers) as Array<[ArticleFormat, Reader]>) {
    if (reader.extensions.includes(extension)) return format
  }
  return undefined
}

/** Input of {@link createArticle}. */
export interface ArticleSource {
  /** Path of the source, relative to the cwd (used in messages) or absolute. */
  path: string
  /** Raw bytes, or already-decoded text. */
  contents: Uint8Array | string
  /** Cross-reference targets of this article → URL, resolved by the build (without it every `ref` to another article is broken). */
  refs?: Record<string, string>
}

/** Result of {@link createArticle}: the article, or the file holding its errors. */
export type ArticleResult = {ok: true; article: Article} | {ok: false; file: VFile}

/**
 * Read and normalize one article.
 *
 * @param source
 *   Path and contents.
 * @param config
 *   Resolved configuration.
 * @returns
 *   The article, or its file with fatal messages.
 */
export function createArticle(source: ArticleSource, config: ResolvedConfig): ArticleResult {
  if (typeof source?.path !== 'string') throw new TypeError('Expected `source.path` to be a string in `createArticle`')
  const file = new VFile({path: source.path})
  try {
    const article = read(source, file, config)
    if (article && !hasErrors(file)) return {ok: true, article}
  } catch (error) {
    // A stack overflow comes from recursion over the tree: say what in the source causes it.
    const why = error instanceof RangeError && /call stack/i.test(error.message) ? `its elements are nested too deeply (${error.message})` : (error as Error).message
    report(file, diagnostics.readerFailed, [why], {cause: error, source: 'pressroom:read'})
  }
  return {ok: false, file}
}

function read(source: ArticleSource, file: VFile, config: ResolvedConfig): Article | undefined {
  const extension = path.extname(source.path).toLowerCase()
  const format = formatOf(source.path)
  if (!format) {
    report(file, diagnostics.unsupportedInput, [extension || '(none)'])
    return undefined
  }
  const text = decode(source.contents, file)
  if (text.trim() === '') {
    report(file, diagnostics.emptyFile, [], {place: {line: 1, column: 1}})
    return undefined
  }
  const sourceDir = path.dirname(path.resolve(source.path))
  const output = readers[format].read(text, file, source.refs ? {config, sourceDir, refs: source.refs} : {config, sourceDir})
  if (!output) return undefined
  const {mdast, frontMatter, recovered} = output

  // The text a language is guessed from: the body without front matter, code or raw HTML.
  // (Its first blocks only: detection reads 2,000 characters.)
  const sample = () => {
    let text = ''
    for (const node of mdast.children) {
      if (['yaml', 'toml', 'code', 'html'].includes(node.type)) continue
      text += toString(node) + '\n'
      if (text.length >= 2000) break
    }
    return text
  }
  const meta = resolveMeta(frontMatter, recovered, file, config, sample)
  if (!meta) return undefined
  if (meta.description && /[*_`&<[]/.test(meta.description)) {
    // A deck written in Markdown (`**bold**`, `&mdash;`): keep its text only.
    meta.description = toString(processor.parse(meta.description)).replace(/\s+/g, ' ').trim()
  }

  file.data.pressroom = {
    meta,
    config,
    sourceDir,
    format,
    assets: [],
    toc: [],
    stats: {words: 0, readingMinutes: 1},
    excerpt: ''
  }

  // The lead image is an asset like any other.
  const image = meta.image
  if (image?.src) {
    const where = frontMatter?.positions.get('image') ?? frontMatter?.positions.get('primary_image') ?? frontMatter?.start
    if (isRemote(image.src)) {
      if (image.src.startsWith('//')) image.src = 'https:' + image.src
      if (!/^https?:\/\//i.test(image.src)) delete image.src
      else report(file, diagnostics.remoteImage, [image.src], {place: where, source: 'pressroom:assets'})
    } else {
      const asset = resolveAsset(image.src, sourceDir, config.input, config.images)
      if (asset) {
        image.src = asset.output
        image.asset = asset
        file.data.pressroom.assets.push(asset)
      } else {
        report(file, diagnostics.missingImage, [image.src], {place: where, source: 'pressroom:assets'})
        delete image.src
      }
    }
    if (!image.src && !image.caption) delete meta.image
  } else if (image?.caption) {
    // No figure without its image: the caption stays in the metadata (ninjs carries it) and no format draws it.
    const where = recovered?.image?.place ?? frontMatter?.positions.get('image') ?? frontMatter?.start
    report(file, diagnostics.captionWithoutImage, [image.caption], {place: where, source: 'pressroom:assets'})
  }
  for (const photo of recovered?.photos ?? []) {
    report(file, diagnostics.captionWithoutImage, [photo.caption ?? photo.credit ?? '', true], {place: photo.place, source: 'pressroom:assets'})
  }

  const hast = processor.runSync(mdast, file) as HastRoot
  // Everything the pipeline filled in, and the trees.
  const {config: _config, sourceDir: _sourceDir, ...fields} = file.data.pressroom
  return {...fields, mdast, hast, file}
}
