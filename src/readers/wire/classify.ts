/**
 * The classifier: each block of wire copy (or, in a header block, each line)
 * gets one kind and the rule that decided it. Precedence, in order:
 *
 * 1. Front section (before the lede that opens with a dateline): header
 *    lines (release notes, numbers, document types, issuers, places, URLs),
 *    contacts, date lines and bylines, one by one; the first block left is
 *    the headline; after it captions, credits and the standfirst.
 * 2. Body: breaks, end marks, lists, contacts, captions and credits, closing
 *    credits, then a subheading only when every feature agrees (a false
 *    subheading is worse than a missed one), else a paragraph.
 *
 * The features are in `features.ts`, the language rows in `patterns.ts`.
 */
import {matchDateline} from '../../pipeline/dateline.js'
import {blockOf, type Block, type Line} from './blocks.js'
import * as f from './features.js'
import type {DateLine} from './timestamp.js'

/** How a block (or a line of a header block) was read. */
export type Kind =
  | 'header' | 'contacts' | 'date line' | 'byline' | 'headline' | 'standfirst' | 'caption' | 'credit'
  | 'dateline' | 'subheading' | 'list' | 'break' | 'end mark' | 'body'

/** One reading: a kind, the rule that decided it, the lines it covers. */
export interface Reading {
  kind: Kind
  /** Rule id, e.g. `release-number`, `title-case-short-line`. */
  rule: string
  lines: Line[]
  text: string
  /** Byline names, or reporters of a closing credit. */
  authors?: string[]
  date?: DateLine
  /** Caption and credit of a caption or a credit line. */
  image?: {caption?: string; credit?: string}
  /** Header field of a header line. */
  field?: 'note' | 'number' | 'type' | 'issuer' | 'place' | 'url'
  value?: string
}

/** Overrides from front matter that fix a misreading without editing the text. */
export interface ReadOptions {
  /** `false`: take no standfirst from the text (its blocks stay in the body). */
  standfirst?: boolean
  /** `false`: no subheadings (every candidate stays a paragraph). */
  subheadings?: boolean
  /** `false`: do not look for a dateline lede. */
  dateline?: boolean
}

/**
 * Classify the blocks of wire copy.
 *
 * @param blocks
 *   Blocks in order.
 * @param options
 *   Overrides.
 * @returns
 *   Readings in order; every line of every block is in exactly one.
 */
export function classify(blocks: Block[], options: ReadOptions = {}): Reading[] {
  const readings: Reading[] = []
  const lede = options.dateline === false ? -1 : ledeOf(blocks)
  let index = 0

  // 1. Header lines before the headline, then the headline.
  let headline: Reading | undefined
  for (; index < blocks.length && index !== lede && !headline; index++) {
    const block = blocks[index]!
    const {header, rest} = headerLines(block.lines)
    readings.push(...header)
    if (rest.length === 0) continue
    const candidate = blockOf(rest)
    if (isHeadline(candidate, header.length > 0)) {
      headline = {kind: 'headline', rule: rest.length > 1 ? 'first-block-wrapped' : 'first-block-one-line', lines: rest, text: candidate.text}
      readings.push(headline)
    } else {
      // No headline: this block opens the body.
      blocks = [...blocks.slice(0, index), candidate, ...blocks.slice(index + 1)]
      break
    }
  }

  // 2. After the headline: header lines, captions, credits, standfirst.
  const end = lede === -1 ? blocks.length : lede
  for (; index < end; index++) {
    const block = blocks[index]!
    const {header, rest} = headerLines(block.lines)
    if (lede === -1 && rest.length > 0 && header.length > 0) break
    if (lede === -1 && index === blocks.length - 1) break
    readings.push(...header)
    if (rest.length === 0) continue
    const front = frontBlock(blocks, index, rest, readings, lede !== -1, options)
    if (!front) {
      // Without a lede, the front section ends at the first block it cannot place.
      blocks = [...blocks.slice(0, index), blockOf(rest), ...blocks.slice(index + 1)]
      break
    }
    readings.push(front)
  }

  // 3. Body.
  let ended = false
  for (; index < blocks.length; index++) {
    const reading = bodyBlock(blocks, index, readings, {...options, ended, lede: index === lede})
    if (reading.kind === 'end mark') ended = true
    readings.push(reading)
  }
  return readings
}

/** The lede: the first block opening with a dateline, when at most two blocks of prose come before it. */
function ledeOf(blocks: Block[]): number {
  let prose = 0
  for (let index = 0; index < Math.min(blocks.length, 20); index++) {
    const block = blocks[index]!
    if (matchDateline(block.text, {loose: true}) && headerLines(block.lines).header.length === 0) return index
    if (headerLines(block.lines).rest.length > 0 && !f.captionOf(block.text) && !f.creditLineOf(block.text)) prose++
    if (prose > 3) return -1
  }
  return -1
}

function isHeadline(block: Block, afterHeader: boolean): boolean {
  if (block.lines.length === 1) return block.text.length <= 200
  // A wrapped headline, or one under a release header: up to three lines, not a sentence.
  return block.lines.length <= (afterHeader ? 4 : 3) && block.text.length <= 250 && !/[.:;,]$/.test(block.text)
}

/**
 * Read the header lines at the top of a block, one by one; `rest` holds the
 * lines from the first that is not one.
 */
export function headerLines(lines: Line[]): {header: Reading[]; rest: Line[]} {
  const header: Reading[] = []
  let index = 0
  // A contacts block without a label: names, titles, places, with a phone or an e-mail address.
  if (lines.length > 1 && lines.length <= 8 && lines.every((line) => isContactLine(line.text)) && lines.some((line) => f.isContactField(line.text)) && f.isName(lines[0]!.text)) {
    return {header: [{kind: 'contacts', rule: 'contact-block', lines, text: lines.map((line) => line.text).join('\n')}], rest: []}
  }
  while (index < lines.length) {
    const line = lines[index]!
    const text = line.text
    const one = (reading: Omit<Reading, 'lines' | 'text'>) => {
      header.push({...reading, lines: [line], text})
      index++
    }
    const label = f.contactLabelOf(text)
    if (label || f.isContactField(text)) {
      // A contacts group: this line and the short lines under it.
      let last = index + 1
      while (last < lines.length && isContactLine(lines[last]!.text)) last++
      header.push({kind: 'contacts', rule: label ? 'contact-label' : 'phone-or-email', lines: lines.slice(index, last), text: lines.slice(index, last).map((l) => l.text).join('\n')})
      index = last
      continue
    }
    const number = f.releaseNumberOf(text)
    const date = f.dateOf(text)
    const authors = f.bylineOf(text)
    if (f.isReleaseNote(text)) one({kind: 'header', rule: 'release-note', field: 'note', value: text})
    else if (number) one({kind: 'header', rule: 'release-number', field: 'number', value: number})
    else if (f.isDocumentType(text)) one({kind: 'header', rule: 'document-type', field: 'type', value: text.replace(/[.:]$/, '')})
    else if (date) one({kind: 'date line', rule: date.kind === 'updated' ? 'updated-line' : 'date-alone', date})
    else if (authors) one({kind: 'byline', rule: 'by-line', authors})
    else if (f.nameWithTitleOf(text)) one({kind: 'byline', rule: 'name-comma-title', authors: [f.nameWithTitleOf(text)!]})
    else if (f.isName(text) && index + 1 < lines.length && f.isTitleLine(lines[index + 1]!.text)) {
      one({kind: 'byline', rule: 'name-over-title', authors: [text]})
      // The next line, the title (`one` would take this line again).
      const under = lines[index]!
      header.push({kind: 'byline', rule: 'title-under-name', lines: [under], text: under.text})
      index++
    } else if (f.isIssuer(text)) one({kind: 'header', rule: 'issuer', field: 'issuer', value: text})
    else if (f.isUrl(text)) one({kind: 'header', rule: 'url-alone', field: 'url', value: text})
    else if (f.isPlace(text) && header.length > 0) one({kind: 'header', rule: 'place-in-header', field: 'place', value: text})
    else break
  }
  return {header, rest: lines.slice(index)}
}

/** A line of a contacts group: a name, a title, an organization, a phone or e-mail; short and not a sentence. */
function isContactLine(text: string): boolean {
  // An address may end in an abbreviation (`Pasadena, Calif.`, `Greenbelt, Md.`, `Acme Inc.`): that is no sentence.
  const sentence = /[.!?]$/.test(text) && !/(?:^|[\s,])(?:\p{Lu}\p{Ll}{0,4}|\p{Lu}(?:\.\p{Lu})+)\.$/u.test(text)
  return f.isContactField(text) || (text.length <= 80 && !sentence && !f.isReleaseNote(text) && !f.isDocumentType(text) && f.releaseNumberOf(text) === undefined && !f.dateOf(text))
}

/** A block between the headline and the lede. */
function frontBlock(blocks: Block[], index: number, lines: Line[], readings: Reading[], hasLede: boolean, options: ReadOptions): Reading | undefined {
  const block = blockOf(lines)
  const caption = captionWithCredit(lines)
  if (caption) return caption
  const credit = f.creditLineOf(block.text)
  if (credit !== undefined) return creditReading(lines, credit, readings)
  if (f.opensCaption(block.text)) return {kind: 'caption', rule: 'caption-opener', lines, text: block.text, image: {caption: block.text}}
  const next = blocks[index + 1]
  const nextIsCaption = next !== undefined && (f.captionOf(next.text) !== undefined || f.creditLineOf(next.text) !== undefined)
  if (options.standfirst === false) return undefined
  if (hasLede || (nextIsCaption && !readings.some((reading) => reading.kind === 'standfirst'))) {
    // Before the lede, or before a caption: prose, not a label.
    if (isLabel(block)) return {kind: 'header', rule: 'short-label-before-lede', lines, text: block.text}
    return {kind: 'standfirst', rule: hasLede ? 'before-dateline-lede' : 'before-caption', lines, text: block.text}
  }
  return undefined
}

/** A caption whose last line (or end) carries its credit. */
function captionWithCredit(lines: Line[]): Reading | undefined {
  const block = blockOf(lines)
  const image = f.captionOf(block.text)
  if (image) return {kind: 'caption', rule: 'caption-with-credit', lines, text: block.text, image}
  const last = lines.at(-1)!
  const credit = lines.length > 1 ? f.creditLineOf(last.text) : undefined
  if (credit !== undefined) {
    return {kind: 'caption', rule: 'caption-over-credit-line', lines, text: block.text, image: {caption: blockOf(lines.slice(0, -1)).text, credit}}
  }
  return undefined
}

/** A credit line alone: it credits the caption right before it, if that has none. */
function creditReading(lines: Line[], credit: string, readings: Reading[]): Reading {
  const previous = readings.at(-1)
  if (previous?.kind === 'caption' && previous.image && !previous.image.credit) previous.image.credit = credit
  return {kind: 'credit', rule: 'credit-line', lines, text: blockOf(lines).text, image: {credit}}
}

/** A short line that labels rather than says (a name, a title, a place, a date, a URL). */
function isLabel(block: Block): boolean {
  const text = block.text
  if (block.lines.length > 1 || f.finalPunctuation.test(text)) return false
  return f.isName(text) || f.isTitleLine(text) || f.isPlace(text) || f.isUrl(text) || f.isIssuer(text) || f.isDocumentType(text)
}

/** A block of the body. */
function bodyBlock(blocks: Block[], index: number, readings: Reading[], context: ReadOptions & {ended: boolean; lede: boolean}): Reading {
  const block = blocks[index]!
  const {lines, text} = block
  const read = (kind: Kind, rule: string, extra: Partial<Reading> = {}): Reading => ({kind, rule, lines, text, ...extra})
  if (lines.length === 1 && f.rulePattern.test(text)) return read('break', 'line-of-rules')
  if (lines.length === 1 && f.isEndMark(text)) return read('end mark', 'end-mark')
  if (context.lede) return read('dateline', 'dateline-opens-lede')
  if (f.bulletPattern.test(text) || f.numberPattern.test(text)) return read('list', 'list-markers')
  const label = f.contactLabelOf(lines[0]!.text)
  if (label || (lines.every((line) => isContactLine(line.text)) && lines.some((line) => f.isContactField(line.text)) && lines.length <= 8)) {
    return read('contacts', label ? 'contact-label' : 'phone-or-email')
  }
  const caption = captionWithCredit(lines)
  if (caption) return caption
  const credit = f.creditLineOf(text)
  if (credit !== undefined) return creditReading(lines, credit, readings)
  const reporters = f.reportingCreditOf(text)
  if (reporters) return read('credit', 'closing-credit', {authors: reporters})
  if (context.subheadings !== false && !context.ended) {
    const rule = subheadingRule(blocks, index, readings)
    if (rule) return read('subheading', rule)
  }
  return read('body', 'paragraph')
}

/**
 * Whether a block is a subheading, and by which rule; every feature must
 * agree, else it is a paragraph.
 */
function subheadingRule(blocks: Block[], index: number, readings: Reading[]): string | undefined {
  const block = blocks[index]!
  const text = block.text
  const next = blocks[index + 1]
  const previous = readings.at(-1)
  if (block.lines.length !== 1 || !next) return undefined
  // Between prose: after a paragraph or a list, before a paragraph that is not another short line.
  if (!previous || !['body', 'dateline', 'list', 'credit'].includes(previous.kind)) return undefined
  if (next.lines.length === 1 && (next.text.length < text.length * 1.5 || !f.finalPunctuation.test(next.text))) return undefined
  if (f.bulletPattern.test(next.text) || f.numberPattern.test(next.text)) return undefined
  if (text.length > 100 || f.finalPunctuation.test(text) || !/^[\p{L}\p{N}"“‘'(]/u.test(text)) return undefined
  const words = f.wordCount(text)
  if (words > 14) return undefined
  // Lines that label rather than head a section.
  if (f.isName(text) || f.isTitleLine(text) || f.isPlace(text) || f.isUrl(text) || f.isIssuer(text) || f.isGlossary(text) ||
    f.isContactField(text) || f.dateOf(text) || f.isDocumentType(text) || f.isReleaseNote(text) || f.opensCaption(text) ||
    f.releaseNumberOf(text) !== undefined || f.creditLineOf(text) !== undefined) return undefined
  if (/\s[–—-]\s/u.test(text) && f.isCased(text)) return undefined
  if (!f.isCased(text)) return words >= 2 ? 'short-line-between-paragraphs' : undefined
  if (!/^[\p{Lu}\p{N}"“‘'(]/u.test(text)) return undefined
  const capitalized = text.split(/\s+/).filter((word) => /^["“‘'(]?\p{Lu}/u.test(word)).length
  if (text === text.toUpperCase() && /\p{Lu}{2}/u.test(text)) return words >= 2 ? 'capitals-line-between-paragraphs' : undefined
  if (words < 2) return undefined
  // Title Case: most words capitalized; a short name-like line of two or three capitalized words alone is not enough.
  if (capitalized >= Math.ceil(words * 0.6)) return words >= 3 ? 'title-case-line-between-paragraphs' : undefined
  // Sentence case: short only (a longer unpunctuated line is more often a caption).
  return words <= 7 ? 'sentence-case-short-line' : undefined
}

