/**
 * `checkOutput`: validate a built output folder with checks that need no Java
 * and no system tools. The manifest is checked for every file; files are then
 * checked by what their extension says they are (a registry, as the
 * emitters'): HTML pages, XML and feeds, JSON and JSON Feed, plain text,
 * email, EPUB, PDF. Other files (CSS, images, custom outputs) get the
 * manifest check only.
 *
 * One file's failure spares the others (as unified-engine): a checker that
 * throws becomes a `check-failed` error on that file.
 *
 * What depends on how the folder was built is read from what the build
 * recorded, never assumed: which emitter wrote a file from the manifest, the
 * newsletter's measure from the configuration.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import type {ManifestFile} from '../build/index.js'
import type {ResolvedConfig} from '../config.js'
import {newsletterDefaults} from '../emitters/newsletter/options.js'
import {countMessages, diagnostics} from '../diagnostics.js'
import {listFiles} from '../util/list-files.js'
import {decodeText, flag, type CheckContext} from './flag.js'
import {checkEml} from './eml.js'
import {checkEpub} from './epub.js'
import {checkFeedXml} from './feeds.js'
import {checkHtml} from './html.js'
import {checkJsonFeed, isJsonFeed, parseJson} from './json-feed.js'
import {checkListedFile, listedFiles} from './manifest.js'
import {checkText} from './text.js'
import {isNinjs} from './ninjs-detect.js'
import {checkSitemap, isSitemap} from './sitemaps.js'
import {parseXml} from './xml.js'

export type {CheckContext} from './flag.js'

/** Result of {@link checkOutput}. */
export interface CheckReport {
  /** The checked folder, absolute. */
  dir: string
  /**
   * One file per checked path (relative to `dir`, POSIX), sorted, with its
   * problems as messages (`ruleId` is the check id; `fatal: true` an error,
   * `false` a warning). Includes files the manifest lists that are missing.
   */
  files: VFile[]
  /** Number of files found in the folder (dotfiles aside). */
  checked: number
  errors: number
  warnings: number
}

/** A format check: reports problems on `file`. */
type FormatCheck = (file: VFile, bytes: Uint8Array, context: CheckContext) => void | Promise<void>

/** Format checks by file extension. */
const formats: Record<string, FormatCheck> = {
  html: (file, bytes, context) => checkHtml(file, decodeText(file, bytes), context),
  htm: (file, bytes, context) => checkHtml(file, decodeText(file, bytes), context),
  xml: (file, bytes, context) => checkXmlFile(file, decodeText(file, bytes), context),
  rss: (file, bytes) => checkFeedXml(file, decodeText(file, bytes)),
  atom: (file, bytes) => checkFeedXml(file, decodeText(file, bytes)),
  xhtml: (file, bytes) => void parseXml(file, decodeText(file, bytes)),
  svg: (file, bytes) => void parseXml(file, decodeText(file, bytes)),
  json: (file, bytes, context) => checkJsonFile(file, decodeText(file, bytes), context),
  txt: (file, bytes, context) => checkText(file, decodeText(file, bytes), context.textWidth),
  eml: (file, bytes) => checkEml(file, decodeText(file, bytes)),
  epub: (file, bytes) => checkEpub(file, bytes),
  // `pdf-lib` is the slowest import; load it only for folders with PDFs.
  pdf: async (file, bytes) => (await import('./pdf.js')).checkPdf(file, bytes)
}

/** Files checked at once. */
const concurrency = 8

/** Options of {@link checkOutput}. */
export interface CheckOutputOptions {
  /**
   * The configuration the folder was built with, for the emitters' settings
   * the checks depend on (the newsletter's `width`); default: the built-in
   * defaults.
   */
  config?: Pick<ResolvedConfig, 'builtins'> | undefined
}

/**
 * Check a built output folder.
 *
 * @param dir
 *   The output folder (`output/` of `pressroom build`).
 * @param options
 *   The configuration it was built with (optional).
 * @returns
 *   Every checked file with its problems, and counts.
 * @throws
 *   When `dir` cannot be read (it does not exist, or is not a folder).
 */
export async function checkOutput(dir: string, options: CheckOutputOptions = {}): Promise<CheckReport> {
  const root = path.resolve(dir)
  const present = await listFiles(root)
  // `undefined` when there is no usable manifest (reported below).
  let listed: Map<string, ManifestFile> | undefined
  const newsletter = options.config?.builtins.newsletter
  const context: CheckContext = {
    files: new Set(present),
    emitterOf: (name) => listed?.get(name)?.emitter,
    textWidth: (newsletter === false ? undefined : newsletter?.width) ?? newsletterDefaults.width
  }

  // 1. The manifest.
  const manifestFile = new VFile({path: 'manifest.json'})
  if (context.files.has('manifest.json')) {
    const value = parseJson(manifestFile, decodeText(manifestFile, await readFile(path.join(root, 'manifest.json'))))
    if (value !== undefined) listed = listedFiles(manifestFile, value)
  } else {
    flag(manifestFile, diagnostics.manifestMissing, [])
  }

  // 2. Every file: manifest entry, then its format.
  const files = [manifestFile]
  const queue = present.filter((name) => name !== 'manifest.json')
  const worker = async (): Promise<void> => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      files.push(await checkFile(root, name, listed, context))
    }
  }
  await Promise.all(Array.from({length: concurrency}, worker))

  // 3. Listed but missing.
  for (const name of listed?.keys() ?? []) {
    if (context.files.has(name)) continue
    const file = new VFile({path: name})
    flag(file, diagnostics.manifestFileMissing, [])
    files.push(file)
  }

  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const {errors, warnings} = countMessages(files)
  return {dir: root, files, checked: present.length, errors, warnings}
}

/** Check one file of the folder; a throwing checker becomes `check-failed`. */
async function checkFile(
  root: string,
  name: string,
  listed: Map<string, ManifestFile> | undefined,
  context: CheckContext
): Promise<VFile> {
  const file = new VFile({path: name})
  try {
    const bytes = new Uint8Array(await readFile(path.join(root, ...name.split('/'))))
    const entry = listed?.get(name)
    if (entry) checkListedFile(file, bytes, entry)
    else if (listed) flag(file, diagnostics.manifestUnlistedFile, [])
    const extension = path.posix.extname(name).slice(1).toLowerCase()
    const check = Object.hasOwn(formats, extension) ? formats[extension] : undefined
    if (check) await check(file, bytes, context)
  } catch (error) {
    flag(file, diagnostics.checkFailed, [(error as Error).message], {cause: error})
  }
  return file
}

/** `.xml`: a feed when the feeds emitter wrote it or when its root says so, else plain XML. */
function checkXmlFile(file: VFile, text: string, context: CheckContext): void {
  if (context.emitterOf(file.path) === 'feeds' || /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed)[\s>]/.test(text)) {
    checkFeedXml(file, text)
  } else {
    const root = parseXml(file, text)
    if (root && (context.emitterOf(file.path) === 'sitemaps' || isSitemap(root))) checkSitemap(file, root)
  }
}

/** `.json`: must parse; a JSON Feed and a ninjs document are checked against their schemas. */
async function checkJsonFile(file: VFile, text: string, context: CheckContext): Promise<void> {
  const value = parseJson(file, text)
  if (value === undefined) return
  if (isJsonFeed(value)) checkJsonFeed(file, text, value)
  // Ajv loads only for folders with ninjs files.
  else if (context.emitterOf(file.path) === 'ninjs' || isNinjs(value)) (await import('./ninjs.js')).checkNinjs(file, value)
}
