/**
 * Source bytes → one normalized {@link Article}: decode, pick the reader by
 * extension, resolve metadata, run the frozen normalization processor once.
 * Content problems become messages on the article's VFile; this function
 * throws only on programmer errors.
 */
import path from 'node:path'
import type {Root as HastRoot} from 'hast'
import type {Root as MdastRoot, Yaml} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {VFile} from 'vfile'
import type {ResolvedConfig} from '../config.js'
import {diagnostics, hasErrors, report} from '../diagnostics.js'
import {isRemote, resolveAsset} from '../pipeline/assets.js'
import {codePoint} from '../pipeline/characters.js'
import {illegalCharacters, stripIllegal} from '../pipeline/hast/xml-characters.js'
import {processor} from '../pipeline/processor.js'
import {parseFrontMatter, splitFrontMatter, type FrontMatter} from './front-matter.js'
import {resolveMeta, type Recovered} from './meta.js'
import {readWireCopy} from './wire/index.js'
import type {Article} from '../types.js'

/** Input of {@link createArticle}. */
export interface ArticleSource {
  /** Path of the source, relative to the cwd (used in messages) or absolute. */
  path: string
  /** Raw bytes, or already-decoded text. */
  contents: Uint8Array | string
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
  const format = extension === '.txt' ? 'wire' : extension === '.md' || extension === '.markdown' ? 'markdown' : undefined
  if (!format) {
    report(file, diagnostics.unsupportedInput, [extension || '(none)'])
    return undefined
  }
  let text = decode(source.contents, file)
  if (text.trim() === '') {
    report(file, diagnostics.emptyFile, [], {place: {line: 1, column: 1}})
    return undefined
  }

  let mdast: MdastRoot
  let frontMatter: FrontMatter | undefined
  let recovered: Recovered = {}
  if (format === 'markdown') {
    // A blank line before the opening fence (seen in real Hugo content): move
    // it after the closing fence so body positions stay right.
    let shift = 0
    const leading = /^((?:[ \t]*\n)+)(---[ \t]*\n[\s\S]*?\n---[ \t]*(?:\n|$))/.exec(text)
    if (leading) {
      shift = leading[1]!.split('\n').length - 1
      text = leading[2]! + leading[1]! + text.slice(leading[0].length)
      report(file, diagnostics.frontMatterLeadingBlank, [], {place: {line: shift + 1, column: 1}})
    }
    file.value = text
    mdast = processor.parse(file) as MdastRoot
    const yaml = mdast.children[0]?.type === 'yaml' ? (mdast.children[0] as Yaml) : undefined
    if (yaml) {
      mdast.children.shift()
      const line = (yaml.position?.start.line ?? 1) + 1 + shift
      frontMatter = parseFrontMatter(yaml.value, {line, column: 1}, file)
      if (!frontMatter) return undefined
    } else if (/^---[ \t]*\n/.test(text)) {
      report(file, diagnostics.frontMatterUnclosed, [], {place: {line: 1, column: 1}})
      return undefined
    }
    // A leading `# Title` is the title when the front matter has none (or the same).
    const first = mdast.children[0]
    if (first?.type === 'heading' && first.depth === 1) {
      const heading = toString(first).trim()
      const given = frontMatter?.data['title']
      if (heading && (given === undefined || (typeof given === 'string' && given.trim() === heading))) {
        recovered.title = heading
        mdast.children.shift()
      }
    }
  } else {
    const split = splitFrontMatter(text)
    if (split.unclosed) {
      report(file, diagnostics.frontMatterUnclosed, [], {place: {line: 1, column: 1}})
      return undefined
    }
    if (split.yaml !== undefined) {
      frontMatter = parseFrontMatter(split.yaml, {line: split.yamlLine, column: 1}, file)
      if (!frontMatter) return undefined
    }
    file.value = text
    const wire = readWireCopy(split.body, split.bodyLine, text.length - split.body.length, file)
    mdast = wire.tree
    recovered = wire.recovered
  }

  const meta = resolveMeta(frontMatter, recovered, file, config)
  if (!meta) return undefined
  if (meta.description && /[*_`&<[]/.test(meta.description)) {
    // A deck written in Markdown (`**bold**`, `&mdash;`): keep its text only.
    meta.description = toString(processor.parse(meta.description)).replace(/\s+/g, ' ').trim()
  }

  const sourceDir = path.dirname(path.resolve(source.path))
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
      const asset = resolveAsset(image.src, sourceDir, config.input)
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
  }

  const hast = processor.runSync(mdast, file) as HastRoot
  const data = file.data.pressroom
  return {
    meta: data.meta,
    mdast,
    hast,
    file,
    toc: data.toc,
    excerpt: data.excerpt,
    stats: data.stats,
    assets: data.assets,
    format
  }
}

/**
 * Decode bytes as UTF-8: strip a BOM, normalize CRLF and lone CR to LF, replace
 * invalid sequences with U+FFFD (warning with the byte offset), and remove
 * characters XML and HTML forbid (warning with the position).
 */
function decode(contents: Uint8Array | string, file: VFile): string {
  let text: string
  if (typeof contents === 'string') {
    text = contents
  } else {
    try {
      text = new TextDecoder('utf-8', {fatal: true}).decode(contents)
    } catch {
      report(file, diagnostics.invalidUtf8, [firstInvalidUtf8(contents)], {place: {line: 1, column: 1}, source: 'pressroom:decode'})
      text = new TextDecoder('utf-8').decode(contents)
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  text = text.replace(/\r\n?/g, '\n')
  // XML 1.0 forbids C0 controls but tab/LF/CR, U+FFFE/U+FFFF and lone surrogates;
  // HTML also forbids DEL, C1 controls and the other noncharacters.
  const illegal = new RegExp(illegalCharacters.source, 'u')
  const first = illegal.exec(text)
  if (first) {
    const before = text.slice(0, first.index)
    const line = before.split('\n').length
    const column = first.index - before.lastIndexOf('\n')
    const stripped = stripIllegal(text)
    report(file, diagnostics.xmlIllegalCharacter, [stripped.removed, codePoint(first[0])], {place: {line, column}, source: 'pressroom:decode'})
    text = stripped.text
  }
  return text
}

/** Byte offset of the first invalid UTF-8 sequence (hand-written: TextDecoder does not tell). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index]!
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0
    if (length === 0) return index
    for (let k = 1; k < length; k++) {
      const next = bytes[index + k]
      if (next === undefined || (next & 0xc0) !== 0x80) return index
    }
    index += length
  }
  return index
}
