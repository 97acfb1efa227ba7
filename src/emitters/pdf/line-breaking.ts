/**
 * Line breaking: shaped items into lines. Paragraphs are set by total fit
 * ({@link breakParagraph}, Knuth–Plass); running heads, labels, table cells
 * and code greedily ({@link breakLines}): at spaces, at soft hyphens when a
 * word does not fit, and between graphemes only when a word is wider than a
 * line.
 */
import {segmentsOf} from '../../pipeline/characters.js'
import {measure} from './fonts.js'
import {forced, totalFit, type KpItem, type KpOptions} from './knuth-plass.js'
import type {Item, Line, Segment, Glue, TextStyle} from './layout.js'
import type {FitSettings} from './theme.js'

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'})

/** Options of {@link breakLines}. */
export interface BreakOptions {
  /** Line width in points. */
  width: number
  /** Width of the hyphen drawn at a hyphenated break, per style. */
  hyphen: (style: TextStyle) => Segment
}

/**
 * Break items into lines, greedily: at glue, at soft hyphens when a word does
 * not fit, and at grapheme boundaries only when a word is wider than a line.
 *
 * @param items
 *   Shaped items.
 * @param options
 *   Width and hyphen factory.
 * @returns
 *   Lines (at least one when there are words).
 */
export function breakLines(items: readonly Item[], options: BreakOptions): Line[] {
  const lines: Line[] = []
  const max = options.width + 0.01
  let current: Array<Segment | Glue> = []
  let width = 0
  let glue: Glue | undefined

  const push = (hyphenated: boolean, last: boolean) => {
    lines.push({items: current, width, hyphenated, last})
    current = []
    width = 0
    glue = undefined
  }

  for (const item of items) {
    if (item.kind === 'break') {
      push(false, true)
      continue
    }
    if (item.kind === 'glue') {
      if (current.length > 0) glue = item
      continue
    }
    let word: Rest | undefined = {segments: item.segments, start: 0, width: item.width}
    while (word) {
      const gap = current.length > 0 && glue ? glue.width : 0
      if (width + gap + word.width <= max) {
        if (gap > 0 && glue) current.push(glue)
        for (let index = word.start; index < word.segments.length; index++) current.push(segmentAt(word, index))
        width += gap + word.width
        glue = undefined
        word = undefined
        break
      }
      const split = splitAtHyphen(word, max - width - gap, options)
      if (split) {
        if (gap > 0 && glue) current.push(glue)
        current.push(...split.head)
        width += gap + split.width
        push(true, false)
        word = split.tail
        continue
      }
      if (current.length > 0) {
        push(false, false)
        continue
      }
      // A word wider than the line (a URL): break it between graphemes.
      const forced = splitAnywhere(word, max)
      current.push(...forced.head)
      width = forced.width
      push(false, false)
      word = forced.tail
    }
  }
  if (current.length > 0) push(false, true)
  else if (lines.length > 0) {
    const previous = lines.at(-1)
    if (previous) previous.last = true
  }
  return lines
}

/**
 * What is left of a word while it is broken into lines: its segments from
 * `start`, the first one replaced by `first` when a line ended inside it.
 * (A cursor, not a copy of the segments left: a string of 100,000 characters
 * alternating scripts is 100,000 segments, and copying the rest for each line
 * made it quadratic.)
 */
interface Rest {
  segments: readonly Segment[]
  start: number
  first?: Segment | undefined
  width: number
}

function segmentAt(rest: Rest, index: number): Segment {
  return index === rest.start && rest.first ? rest.first : (rest.segments[index] as Segment)
}

/**
 * Width of a word's segments from `start` (with `first` instead of the
 * first): summed when few, as the segments themselves are; else the width
 * before, less what was placed (many segments are far wider than any line,
 * and only compared with it).
 */
function restWidth(segments: readonly Segment[], start: number, first: Segment | undefined, before: number, placed: number): number {
  if (segments.length - start > 256) return Math.max(0, before - placed)
  let width = 0
  for (let index = start; index < segments.length; index++) width += (index === start && first ? first : (segments[index] as Segment)).width
  return width
}

function splitAtHyphen(word: Rest, room: number, options: BreakOptions): {head: Segment[]; width: number; tail: Rest} | undefined {
  let best = -1
  let bestWidth = 0
  let width = 0
  let hyphen: Segment | undefined
  for (let index = word.start; index < word.segments.length - 1; index++) {
    const segment = segmentAt(word, index)
    width += segment.width
    // Later hyphens cannot fit either.
    if (width > room) break
    if (!segment.hyphenAfter) continue
    const candidate = options.hyphen(segment.style)
    if (width + candidate.width <= room) {
      best = index
      bestWidth = width + candidate.width
      hyphen = {...candidate, level: segment.level}
    }
  }
  if (best < 0 || !hyphen) return undefined
  const head: Segment[] = []
  let placed = 0
  for (let index = word.start; index <= best; index++) {
    const segment = segmentAt(word, index)
    head.push(segment)
    placed += segment.width
  }
  head.push(hyphen)
  return {head, width: bestWidth, tail: {segments: word.segments, start: best + 1, width: restWidth(word.segments, best + 1, undefined, word.width, placed)}}
}

function splitAnywhere(word: Rest, max: number): {head: Segment[]; width: number; tail: Rest | undefined} {
  const head: Segment[] = []
  let width = 0
  for (let index = word.start; index < word.segments.length; index++) {
    const segment = segmentAt(word, index)
    if (width + segment.width <= max) {
      head.push(segment)
      width += segment.width
      continue
    }
    // Graphemes up to the line's end (segmented lazily), and the rest cut off
    // in one slice: a 100,000-character string costs its lines, not lines ×
    // its length.
    let text = ''
    let textWidth = 0
    for (const part of segmentsOf(graphemes, segment.text)) {
      const partWidth = measure(segment.font, part) * segment.style.size
      if (width + textWidth + partWidth > max && !(head.length === 0 && text === '')) break
      text += part
      textWidth += partWidth
    }
    let rest = segment.text.slice(text.length)
    // Prefer a break after URL punctuation (`/ ? & = . - _ #`) in the last
    // two thirds of what fits, so path segments and words stay whole.
    const cut = Math.max(...['/', '?', '&', '=', '.', '-', '_', '#', ',', ';'].map((mark) => text.lastIndexOf(mark)))
    if (cut >= text.length / 3 && cut < text.length - 1) {
      rest = text.slice(cut + 1) + rest
      text = text.slice(0, cut + 1)
      textWidth = measure(segment.font, text) * segment.style.size
    }
    if (text) {
      head.push({...segment, text, width: textWidth, hyphenAfter: false})
      width += textWidth
    }
    // A rest far wider than any line is cut again: its width only has to
    // say so, and shaping it whole for each line would make long strings quadratic.
    const restOfSegment = rest.length > 1024 ? Math.max(segment.width - textWidth, max + 1) : measure(segment.font, rest) * segment.style.size
    const first = rest ? {...segment, text: rest, width: restOfSegment} : undefined
    const start = first ? index : index + 1
    if (start >= word.segments.length) return {head, width, tail: undefined}
    const placed = width - textWidth + segment.width - (first?.width ?? 0)
    return {head, width, tail: {segments: word.segments, start, first, width: restWidth(word.segments, start, first, word.width, placed)}}
  }
  return {head, width, tail: undefined}
}

/** Options of {@link breakParagraph}. */
export interface ParagraphOptions extends BreakOptions {
  /** Justified (spaces stretch and shrink) or ragged (natural spaces). */
  justify: boolean
  settings: FitSettings
}

/**
 * Break a paragraph into lines by total fit (Knuth–Plass, `knuth-plass.ts`)
 * in up to four passes, as TeX does: without hyphenation at a strict
 * tolerance, with hyphenation at the theme's tolerance, with emergency
 * stretch, and accepting loose lines (which are then drawn ragged rather
 * than stretched past the looseness bound). Words wider than the measure are
 * cut first (as {@link breakLines} cuts them), so no line is ever wider than
 * the measure; should every pass fail, the paragraph is set greedily.
 *
 * @param items
 *   Shaped items.
 * @param options
 *   Width, hyphen factory, alignment and settings.
 * @returns
 *   Lines.
 */
export function breakParagraph(items: readonly Item[], options: ParagraphOptions): Line[] {
  if (items.length === 0) return []
  const {settings, justify, width} = options
  // One line that fits (headings, captions, list items, meta): nothing to choose.
  let natural = 0
  let single = true
  for (const item of items) {
    if (item.kind === 'break') {
      single = false
      break
    }
    natural += item.width
  }
  if (single && natural <= width) {
    const line: Array<Segment | Glue> = []
    for (const item of items) {
      if (item.kind === 'glue') {
        if (line.length > 0 && line.at(-1)?.kind !== 'glue') line.push(item)
      } else if (item.kind === 'word') line.push(...item.segments)
    }
    while (line.at(-1)?.kind === 'glue') line.pop()
    if (line.length === 0) return []
    let lineWidth = 0
    for (const part of line) lineWidth += part.width
    return [{items: line, width: lineWidth, hyphenated: false, last: true}]
  }
  const kp: KpItem[] = []
  /** What each item draws: a segment, glue, or (flagged penalties) the segment whose style and level the hyphen takes. */
  const drawn: Array<Segment | Glue | undefined> = []
  let em = 0
  let hasFlagged = false
  const push = (item: KpItem, draws: Segment | Glue | undefined) => {
    kp.push(item)
    drawn.push(draws)
  }
  const pushSegments = (segments: readonly Segment[], whole: boolean) => {
    for (let index = 0; index < segments.length; index++) {
      const segment = segments[index] as Segment
      if (segment.style.size > em) em = segment.style.size
      push({type: 'box', width: segment.width}, segment)
      if (whole && segment.hyphenAfter && index < segments.length - 1) {
        // The hyphen itself is made only where a line breaks (`linesOf`).
        push({type: 'penalty', width: options.hyphen(segment.style).width, cost: settings.hyphenPenalty, flagged: true}, segment)
        hasFlagged = true
      }
    }
  }
  for (const item of items) {
    if (item.kind === 'break') {
      // A forced line break (`<br>`): the line before it is not justified.
      push({type: 'penalty', width: 0, cost: -forced}, undefined)
      continue
    }
    if (item.kind === 'glue') {
      const last = kp.at(-1)
      if (!last || last.type === 'penalty') continue
      push(
        {type: 'glue', width: item.width, stretch: justify ? item.width * settings.stretch : 0, shrink: justify ? item.width * settings.shrink : 0},
        item
      )
      continue
    }
    if (item.width <= width) {
      pushSegments(item.segments, true)
      continue
    }
    // Wider than the measure (a URL, a long compound): cut where the greedy
    // breaker would, each cut a possible break.
    const chunks = breakLines([item], options)
    for (const [index, chunk] of chunks.entries()) {
      const segments = chunk.items.filter((part): part is Segment => part.kind === 'segment')
      const hyphen = chunk.hyphenated ? segments.pop() : undefined
      pushSegments(segments, false)
      if (index < chunks.length - 1) {
        push({type: 'penalty', width: hyphen?.width ?? 0, cost: hyphen ? settings.hyphenPenalty : 0, flagged: Boolean(hyphen)}, hyphen)
      }
    }
  }
  while (kp.at(-1)?.type === 'glue' || (kp.at(-1)?.type === 'penalty' && (kp.at(-1)?.cost ?? 0) > -forced)) {
    kp.pop()
    drawn.pop()
  }
  if (kp.length === 0) return []
  if (kp.at(-1)?.type !== 'penalty') push({type: 'penalty', width: 0, cost: -forced}, undefined)
  // The passes, each made only when the one before it failed (most
  // paragraphs need one or two).
  const maxConsecutiveFlagged = settings.consecutiveHyphens
  const extraStretch = justify ? 0 : settings.raggedStretch * em
  const pretolerance = settings.pretolerance ?? 1
  for (let index = 0; index < 4; index++) {
    // TeX's first pass: no hyphenation, within `pretolerance` (skipped when negative).
    if (index === 0 && pretolerance < 0) continue
    // Without hyphenation points, the second pass is the first again.
    if (index === 1 && !hasFlagged && settings.tolerance <= pretolerance) continue
    const pass: KpOptions =
      index === 0
        ? {width, maxConsecutiveFlagged, extraStretch, tolerance: pretolerance, noFlagged: true}
        : index === 1
          ? {width, maxConsecutiveFlagged, extraStretch, tolerance: settings.tolerance}
          : // With emergency stretch, then accepting loose lines.
            {width, maxConsecutiveFlagged, extraStretch: extraStretch + settings.emergencyStretch * em, tolerance: settings.tolerance, underfull: index === 3}
    const result = totalFit(kp, pass)
    if (result) return linesOf(kp, drawn, result.breaks, options.hyphen)
  }
  return breakLines(items, options)
}

function linesOf(
  kp: readonly KpItem[],
  drawn: ReadonlyArray<Segment | Glue | undefined>,
  breaks: readonly number[],
  hyphenOf: BreakOptions['hyphen']
): Line[] {
  const lines: Line[] = []
  let start = 0
  for (const end of breaks) {
    while (start < end && kp[start]?.type !== 'box') start++
    const line: Array<Segment | Glue> = []
    let width = 0
    for (let index = start; index < end; index++) {
      const item = kp[index] as KpItem
      if (item.type === 'penalty') continue
      line.push(drawn[index] as Segment | Glue)
      width += item.width
    }
    const at = kp[end] as KpItem
    const forcedBreak = at.type === 'penalty' && (at.cost ?? 0) <= -forced
    const before = at.type === 'penalty' && at.flagged ? (drawn[end] as Segment | undefined) : undefined
    const hyphen = before ? {...hyphenOf(before.style), level: before.level} : undefined
    if (hyphen) {
      line.push(hyphen)
      width += hyphen.width
    }
    lines.push({items: line, width, hyphenated: Boolean(hyphen), last: forcedBreak})
    start = end + 1
  }
  return lines
}
