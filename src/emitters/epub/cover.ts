/**
 * The generated cover: the context for `templates/epub/cover.svg.liquid`
 * (publication name, title broken into lines, a subtitle such as the date).
 * SVG has no text wrapping, so lines are computed here from a character
 * budget; the template only places them.
 */
import type {Direction} from '../../types.js'
import {segmentsOf} from '../../pipeline/characters.js'

/** Context of `epub/cover.svg.liquid`. */
export interface SvgCoverContext {
  lang: string
  dir: Direction
  width: number
  height: number
  /** Text alternative (`<title>`). */
  label: string
  publication: string
  /** Authors, under the title (articles). */
  byline: string
  bylineY: number
  subtitle: string
  fontSize: number
  lines: Array<{text: string; y: number}>
  subtitleY: number
}

const width = 1600
const height = 2560
const margin = 160
/** Average advance of a character, as a fraction of the font size. */
const averageAdvance = 0.56
const maxLines = 8
const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'})

/**
 * Lay out a generated cover.
 *
 * @param options
 *   Title, publication, subtitle (e.g. a date), language and direction.
 * @returns
 *   Template context.
 */
export function svgCover(options: {
  title: string
  publication: string
  /** Authors (optional: editions have none). */
  byline?: string
  subtitle: string
  lang: string
  dir: Direction
}): SvgCoverContext {
  const title = options.title.replace(/\s+/g, ' ').trim()
  let fontSize = 120
  let lines = wrap(title, budget(fontSize))
  while (lines.length > maxLines && fontSize > 64) {
    fontSize -= 12
    lines = wrap(title, budget(fontSize))
  }
  if (lines.length > maxLines) {
    lines = lines.slice(0, maxLines)
    lines[maxLines - 1] = lines[maxLines - 1]!.replace(/\s*\S*$/, '') + ' …'
  }
  const lineHeight = Math.round(fontSize * 1.2)
  const top = Math.round(height * 0.38 - ((lines.length - 1) * lineHeight) / 2)
  // The byline on one line, shortened to what fits at its size (64).
  const bylineText = truncate((options.byline ?? '').replace(/\s+/g, ' ').trim(), budget(64))
  const bylineY = top + lines.length * lineHeight + 140
  const label = [title, bylineText, [options.publication, options.subtitle].filter(Boolean).join(', ')].filter(Boolean).join(' — ')
  return {
    lang: options.lang,
    dir: options.dir,
    width,
    height,
    label,
    publication: options.publication,
    byline: bylineText,
    bylineY,
    subtitle: options.subtitle,
    fontSize,
    lines: lines.map((text, index) => ({text, y: top + index * lineHeight})),
    subtitleY: Math.min(height - margin, bylineText ? bylineY + 120 : top + lines.length * lineHeight + 200)
  }
}

/** The text, cut at a word with `…` when longer than `size` graphemes. */
function truncate(text: string, size: number): string {
  const graphemes = Array.from(segmentsOf(segmenter, text))
  if (graphemes.length <= size) return text
  return graphemes.slice(0, size - 1).join('').replace(/\s+\S*$/, '') + ' …'
}

/** Characters that fit on a line at a font size. */
function budget(fontSize: number): number {
  return Math.max(8, Math.floor((width - 2 * margin) / (fontSize * averageAdvance)))
}

/**
 * Greedy word wrap by grapheme count; a word longer than a line is cut.
 * Only the first lines matter (at most `maxLines` are drawn): it stops after
 * `limit`, so a title of 100,000 characters costs no more than a long one.
 */
function wrap(text: string, size: number, limit = maxLines + 1): string[] {
  const lines: string[] = []
  let line = ''
  let lineLength = 0
  for (const word of text.split(' ')) {
    if (!word) continue
    const graphemes = Array.from(segmentsOf(segmenter, word))
    let at = 0
    while (graphemes.length - at > size) {
      if (line) {
        lines.push(line)
        line = ''
        lineLength = 0
      }
      lines.push(graphemes.slice(at, at + size).join(''))
      at += size
      if (lines.length >= limit) return lines
    }
    if (at === graphemes.length) continue
    const rest = at === 0 ? word : graphemes.slice(at).join('')
    const restLength = graphemes.length - at
    if (!line) {
      line = rest
      lineLength = restLength
    } else if (lineLength + 1 + restLength <= size) {
      line += ' ' + rest
      lineLength += 1 + restLength
    } else {
      lines.push(line)
      line = rest
      lineLength = restLength
      if (lines.length >= limit) return lines
    }
  }
  if (line) lines.push(line)
  return lines.length > 0 ? lines : ['']
}
