/**
 * The wire-copy reader: plain text as agencies and CMS exports send it —
 * headline, standfirst, photo caption with credit, a dateline opening the
 * lede, short subheading lines, body paragraphs — turned into the same mdast
 * the Markdown reader yields, so no emitter can tell the two apart.
 *
 * Hand-written: no library recovers news-copy structure from plain text.
 */
import type {Heading, List, ListItem, Paragraph, Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {diagnostics, report} from '../../diagnostics.js'
import {matchDateline} from '../../pipeline/dateline.js'
import {parseFrontMatter, splitFrontMatter, type FrontMatter} from '../front-matter.js'
import type {Recovered} from '../meta.js'
import type {Reader, ReaderOutput} from '../types.js'
import {readDateLine} from './timestamp.js'

interface Line {
  text: string
  line: number
  /** Offset of the first character of `text` in the file. */
  offset: number
}

interface Block {
  lines: Line[]
  text: string
}

/**
 * `… (Photo: AFP)`, `… (Photo credit: Reuters)`, `… Photo: AP`, `… (Photo by
 * Jane Doe/Getty Images)` at the end of a caption; also in Kurdish (`Wêne`,
 * `وێنە`), Arabic (`صورة`), Persian (`عکس`) and Turkish (`Fotoğraf`).
 */
const creditPattern = /\s*[([]?\s*(?:photo|picture|image|foto|fotoğraf|credit|photograph|wêne|وێنە|صورة|الصورة|عکس|تصویر)(?:\s*credit)?\s*(?:[:/：]|\s+by\s)\s*([^()[\]]{1,80}?)\s*[)\]]?\s*$/iu
/**
 * A credit in parentheses that names its agency first, kept whole as agencies
 * ask: `(AP Photo/Charlie Neibergall)`, `(REUTERS/Thaier al-Sudani)`,
 * `(AFP Photo/Safin Hamid)`.
 */
const agencyCreditPattern = /\s*[([]\s*((?:[\p{Lu}][\p{L}.&'’-]*\s+){0,3}?(?:[Pp]hoto|PHOTO|[Pp]icture|[Ff]oto|\p{Lu}{2,})\s*\/\s*[^()[\]/]{1,80}?)\s*[)\]]\s*$/u
/** `By Jane Smith`, `By Jane Smith and Ahmed Rasheed`, `By JOHN DOE, JANE ROE & AL-SAMARRAI`. */
const bylinePattern = /^[Bb][Yy]\s+(\p{Lu}.{1,150})$/u
/** A line of rules only (`___`, `* * *`, `###`, `---`, `• • •`): a break between sections, as in Markdown. */
const rulePattern = /^(?:([-_*=~#•·])\s*)(?:\1\s*){2,}$/u
const finalPunctuation = /[.!?…:;,"”’)\]؟۔،؛]$/u

export const wireReader: Reader = {
  extensions: ['.txt'],
  read: readWire
}

/**
 * Read wire copy: optional YAML front matter (facts the copy does not carry),
 * then the copy as received.
 *
 * @param text
 *   Decoded source.
 * @param file
 *   File that receives the messages (and the text).
 * @returns
 *   Tree, front matter and what the copy itself says (headline, standfirst,
 *   byline, dates, caption).
 */
function readWire(text: string, file: VFile): ReaderOutput | undefined {
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
  const wire = readWireCopy(split.body, split.bodyLine, text.length - split.body.length, file)
  return frontMatter ? {mdast: wire.tree, frontMatter, recovered: wire.recovered} : {mdast: wire.tree, recovered: wire.recovered}
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
 * @returns
 *   The tree and what was recovered (title, standfirst, caption, credit).
 */
export function readWireCopy(body: string, firstLine: number, firstOffset: number, file: VFile): {tree: Root; recovered: Recovered} {
  const blocks = toBlocks(body, firstLine, firstOffset, file)
  const recovered: Recovered = {}
  let index = 0

  // 1. Headline: the first block, when it is a single line.
  const first = blocks[0]
  if (first && first.lines.length === 1 && first.text.length <= 200) {
    recovered.title = first.text
    index = 1
  }

  // 2. Front section, up to the lede: captions and the standfirst.
  const ledeIndex = blocks.findIndex((block, i) => i >= index && matchDateline(block.text, {loose: true}) !== undefined)
  const frontEnd = ledeIndex === -1 ? frontSectionEnd(blocks, index) : ledeIndex
  const standfirst: string[] = []
  for (; index < frontEnd; index++) {
    const block = blocks[index]!
    const credit = captionOf(block.text)
    if (credit && !recovered.image) {
      recovered.image = credit
    } else if (!takeLine(block, recovered)) {
      standfirst.push(block.text)
    }
  }
  if (standfirst.length > 0) recovered.description = standfirst.join(' ')
  // Byline and date lines right after the headline, when there is no dateline to mark the lede.
  while (index < blocks.length - 1 && takeLine(blocks[index]!, recovered)) index++

  // 3. Body: subheadings and paragraphs.
  const children: RootContent[] = []
  for (; index < blocks.length; index++) {
    const block = blocks[index]!
    const position = spanOf(block.lines)
    const text = {type: 'text' as const, value: block.text, position}
    const isLast = index === blocks.length - 1
    const list = listOf(block)
    if (block.lines.length === 1 && rulePattern.test(block.text)) {
      children.push({type: 'thematicBreak', position})
    } else if (list) {
      children.push(list)
    } else if (!isLast && children.length > 0 && isSubheading(block)) {
      const heading: Heading = {type: 'heading', depth: 2, children: [text], position}
      children.push(heading)
    } else {
      const paragraph: Paragraph = {type: 'paragraph', children: [text], position}
      children.push(paragraph)
    }
  }
  const tree: Root = {type: 'root', children}
  if (blocks.length > 0) tree.position = spanOf(blocks.flatMap((block) => block.lines))
  return {tree, recovered}
}

/** A bulleted (`- `, `* `, `• `, `– `) or numbered (`1. `, `1) `) line. */
const bulletPattern = /^([-*•▪·–])\s+(?=\S)/u
const numberPattern = /^(\d{1,3})[.)]\s+(?=\S)/

/**
 * A block whose lines are list items: two or more bulleted or numbered lines
 * (one is enough with a typographic bullet, `•`), a line without a marker
 * continuing the item before it. `undefined` otherwise.
 */
function listOf(block: Block): List | undefined {
  const first = block.lines[0]!.text
  const ordered = !bulletPattern.test(first)
  const pattern = ordered ? numberPattern : bulletPattern
  const opening = pattern.exec(first)
  if (!opening) return undefined
  const items: Array<{lines: Line[]; shift: number}> = []
  for (const line of block.lines) {
    const marker = pattern.exec(line.text)
    if (marker && (ordered || marker[1] === opening[1])) {
      const shift = marker[0].length
      items.push({lines: [{...line, text: line.text.slice(shift), offset: line.offset + shift}], shift})
    } else {
      items.at(-1)!.lines.push(line)
    }
  }
  if (items.length < 2 && !/[•▪·]/u.test(opening[1]!)) return undefined
  const children = items.map(({lines, shift}): ListItem => {
    const span = spanOf(lines)
    // The item's text begins after its marker.
    const text = {...span, start: {...span.start, column: span.start.column + shift}}
    const value = lines.map((line) => line.text).join(' ').replace(/\s+/g, ' ').trim()
    const paragraph: Paragraph = {type: 'paragraph', children: [{type: 'text', value, position: text}], position: text}
    return {type: 'listItem', spread: false, children: [paragraph], position: {...span, start: {...span.start, offset: span.start.offset - shift}}}
  })
  const list: List = {type: 'list', ordered, spread: false, children, position: spanOf(block.lines)}
  if (ordered) list.start = Number(opening[1])
  return list
}

/** Without a dateline, the front section is the headline's follower only when a caption comes right after it. */
function frontSectionEnd(blocks: Block[], start: number): number {
  const isCaption = (block: Block | undefined) => block !== undefined && captionOf(block.text) !== undefined
  // Captions right at the start, or after one block (the standfirst).
  const first = isCaption(blocks[start]) ? start : isCaption(blocks[start + 1]) ? start + 1 : undefined
  if (first === undefined) return start
  let end = first
  while (isCaption(blocks[end])) end++
  return end
}

/** A photo caption and its credit, when the block ends with one. */
function captionOf(text: string): {caption: string; credit?: string} | undefined {
  const agency = agencyCreditPattern.exec(text)
  const credit = agency ?? creditPattern.exec(text)
  if (!credit) return undefined
  const caption = text.slice(0, credit.index).trim()
  const image: {caption: string; credit?: string} = {caption: caption || text}
  const name = credit[1]?.replace(/\s*\/\s*/g, '/').trim()
  if (name) image.credit = name
  return image
}

/**
 * Take a block of byline and date lines (`By A and B`, `Published: …`,
 * `Updated: …`, one per line) into `recovered`; `false`, taking nothing, when
 * a line is neither or gives a field already known.
 */
function takeLine(block: Block, recovered: Recovered): boolean {
  const taken: Recovered = {}
  for (const line of block.lines) {
    const authors = bylineOf(line.text)
    const date = authors ? undefined : readDateLine(line.text)
    if (authors && !recovered.authors && !taken.authors) taken.authors = authors
    else if (date && !recovered[date.kind] && !taken[date.kind]) taken[date.kind] = date.iso
    else return false
  }
  Object.assign(recovered, taken)
  return true
}

/** The names of a byline (`By A, B and C`), or `undefined`. */
function bylineOf(text: string): string[] | undefined {
  const match = bylinePattern.exec(text)
  if (!match || /[.!?;:]$/.test(text)) return undefined
  const names = match[1]!.split(/\s*(?:,|&|\band\b)\s*/iu).map((name) => name.trim()).filter(Boolean)
  // Each a name: one to five words, the first a capital.
  const isName = (name: string) => /^\p{Lu}/u.test(name) && name.split(/\s+/).length <= 5
  return names.length > 0 && names.length <= 8 && names.every(isName) ? names : undefined
}

function isSubheading(block: Block): boolean {
  if (block.lines.length !== 1) return false
  const text = block.text
  const words = text.split(/\s+/).length
  return text.length <= 100 && words <= 14 && !finalPunctuation.test(text) && /^[\p{L}\p{N}"“‘'(]/u.test(text)
}

function spanOf(lines: Line[]) {
  const first = lines[0]!
  const last = lines.at(-1)!
  return {
    start: {line: first.line, column: 1, offset: first.offset},
    end: {line: last.line, column: last.text.length + 1, offset: last.offset + last.text.length}
  }
}

function toBlocks(body: string, firstLine: number, firstOffset: number, file: VFile): Block[] {
  const blocks: Block[] = []
  let current: Line[] = []
  const seen = new Set<string>()
  const flush = () => {
    if (current.length === 0) return
    const text = current.map((line) => line.text).join(' ').replace(/\s+/g, ' ').trim()
    const previous = blocks.at(-1)
    if (previous && previous.text === text) {
      report(file, diagnostics.duplicateLine, [truncate(text)], {place: {line: current[0]!.line, column: 1}, source: 'pressroom:wire'})
    } else {
      blocks.push({lines: current, text})
    }
    current = []
  }
  let lineOffset = firstOffset
  body.split('\n').forEach((raw, offset) => {
    const start = lineOffset
    lineOffset += raw.length + 1
    const text = raw.replace(/\s+$/, '')
    if (text.trim() === '') {
      flush()
      seen.clear()
      return
    }
    const trimmed = text.trim()
    if (current.length > 0 && current.at(-1)!.text === trimmed && seen.has(trimmed)) {
      report(file, diagnostics.duplicateLine, [truncate(trimmed)], {place: {line: firstLine + offset, column: 1}, source: 'pressroom:wire'})
      return
    }
    seen.add(trimmed)
    current.push({text: trimmed, line: firstLine + offset, offset: start + (text.length - text.trimStart().length)})
  })
  flush()
  return blocks
}

function truncate(text: string): string {
  return text.length > 60 ? text.slice(0, 57) + '…' : text
}
