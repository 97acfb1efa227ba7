/**
 * The wire-copy reader: plain text as agencies, press offices and CMS exports
 * send it — release headers and contacts, headline, standfirst, photo
 * caption with credit, byline and date lines, a dateline opening the lede,
 * subheadings, lists, closing credits, end marks — turned into the same mdast
 * the Markdown reader yields, so no emitter can tell the two apart.
 *
 * Hand-written: no library recovers news-copy structure from plain text.
 * Blocks (`blocks.ts`) are classified by features (`features.ts`) read from
 * per-language tables (`patterns.ts`) with one precedence (`classify.ts`),
 * then built into a tree (`tree.ts`); `explain.ts` shows the reading.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {diagnostics, report} from '../../diagnostics.js'
import {parseFrontMatter, splitFrontMatter, type FrontMatter} from '../front-matter.js'
import type {Recovered} from '../meta.js'
import type {Reader, ReaderOutput} from '../types.js'
import {toBlocks} from './blocks.js'
import {classify, type ReadOptions, type Reading} from './classify.js'
import {buildTree} from './tree.js'

export type {Kind, ReadOptions, Reading} from './classify.js'

export const wireReader: Reader = {
  extensions: ['.txt'],
  read: readWire
}

/**
 * Read wire copy: optional YAML front matter (facts the copy does not carry,
 * and overrides of the reading), then the copy as received.
 *
 * @param text
 *   Decoded source.
 * @param file
 *   File that receives the messages (and the text).
 * @returns
 *   Tree, front matter and what the copy itself says (headline, standfirst,
 *   byline, dates, caption, contacts, release header).
 */
function readWire(text: string, file: VFile): ReaderOutput | undefined {
  const source = readWireSource(text, file)
  if (!source) return undefined
  const {tree, recovered} = buildTree(source.readings)
  return source.frontMatter ? {mdast: tree, frontMatter: source.frontMatter, recovered} : {mdast: tree, recovered}
}

/**
 * Split the front matter and classify the copy (used by the reader and by
 * `pressroom explain`).
 *
 * @param text
 *   Decoded source.
 * @param file
 *   File that receives the messages (and the text).
 * @returns
 *   Front matter, the overrides it gives and the readings; `undefined` when
 *   the front matter is broken (the reason is a message).
 */
export function readWireSource(text: string, file: VFile): {frontMatter?: FrontMatter; options: ReadOptions; readings: Reading[]} | undefined {
  const split = splitFrontMatter(text)
  if (split.unclosed) {
    report(file, diagnostics.frontMatterUnclosed, [], {place: {line: 1, column: 1}})
    return undefined
  }
  let frontMatter: FrontMatter | undefined
  if (split.yaml !== undefined) {
    frontMatter = parseFrontMatter(split.yaml, {line: split.yamlLine, column: 1}, file)
    if (!frontMatter) return undefined
  }
  file.value = text
  const options = overridesOf(frontMatter)
  const blocks = toBlocks(split.body, split.bodyLine, text.length - split.body.length, file)
  const readings = classify(blocks, options)
  return frontMatter ? {frontMatter, options, readings} : {options, readings}
}

/**
 * The overrides front matter gives the reading: `standfirst: false` (or a
 * standfirst of its own), `subheadings: false`, `dateline: false` (or a
 * dateline of its own).
 */
function overridesOf(frontMatter: FrontMatter | undefined): ReadOptions {
  const data = frontMatter?.data ?? {}
  const options: ReadOptions = {}
  // A standfirst given in front matter replaces the text's: its blocks stay in the body.
  if (data['standfirst'] === false || typeof data['standfirst'] === 'string') options.standfirst = false
  if (data['subheadings'] === false) options.subheadings = false
  if (data['dateline'] === false) options.dateline = false
  return options
}

/**
 * Read wire copy into mdast.
 *
 * @param body
 *   Text without front matter, LF line endings.
 * @param firstLine
 *   Line number of the first line of `body` in the file.
 * @param firstOffset
 *   Offset of the first character of `body` in the file.
 * @param file
 *   File to report on.
 * @param options
 *   Overrides of the reading.
 * @returns
 *   The tree and what was recovered.
 */
export function readWireCopy(body: string, firstLine: number, firstOffset: number, file: VFile, options: ReadOptions = {}): {tree: Root; recovered: Recovered} {
  return buildTree(classify(toBlocks(body, firstLine, firstOffset, file), options))
}
