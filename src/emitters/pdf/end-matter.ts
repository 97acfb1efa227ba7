/**
 * What closes an article on its last page: the end mark (the theme's
 * `end.mark`, an artifact), then the source line (“Originally published by
 * …” when the article names its source, else its canonical URL) and the
 * tags. Every visible string is in the article's language (`labels.ts`).
 */
import {pdfLabel} from './labels.js'
import type {InlineRun, Line} from './layout.js'
import type {State} from './state-types.js'

/** The end matter, shaped and measured before the body is laid out. */
export interface EndMatterPlan {
  mark: Line | undefined
  /** Each paragraph as runs (the URL a link). */
  paragraphs: InlineRun[][]
  /** Height of its lines and the space after its paragraphs. */
  need: number
  /** `need` and the space before it: the room it takes below the last block. */
  room: number
  /** Characters no font could draw, reported when it is drawn (in document order). */
  missing: string[]
}

/**
 * Shape and measure the end matter. It depends on the article's metadata and
 * the theme only (it is set at the full measure), so its height is known
 * before the body is laid out, and the body's last lines can be kept with it
 * in one pass (see `placeLines` in `page.ts`).
 *
 * @param state
 *   Render state, at the full measure.
 * @returns
 *   The plan {@link endMatter} draws.
 */
export function planEndMatter(state: State): EndMatterPlan {
  const {theme, article, ctx} = state
  const meta = article.meta
  const style = theme.end.style
  const html = ctx.outputsOf(article)['html']
  const url = meta.canonical ?? (html ? ctx.url(html) : undefined)
  const source = meta.dateline?.agency
  const base = state.baseStyle(style)
  const paragraphs: InlineRun[][] = []
  if (source) {
    const runs: InlineRun[] = [{text: pdfLabel(state, 'originallyPublished', {publisher: source}), style: base}]
    if (meta.canonical) runs.push({text: '\n', style: base}, {text: meta.canonical, style: {...base, link: {url: meta.canonical}}})
    paragraphs.push(runs)
  } else if (url) {
    // The URL is a link: the label around it is split at a stand-in.
    const stand = '\u{E000}'
    const [before = '', after = ''] = pdfLabel(state, 'source', {url: stand}).split(stand)
    paragraphs.push(
      [
        {text: before, style: base},
        {text: url, style: {...base, link: {url}}},
        {text: after, style: base}
      ].filter((run) => run.text !== '')
    )
  }
  // Tags are a list, not a sentence: no conjunction, the script's comma.
  const comma = /^(?:ar|ckb|fa|ur|ps)\b/i.test(meta.lang) ? '، ' : ', '
  if (meta.tags.length > 0) paragraphs.push([{text: `${pdfLabel(state, 'tags')}: ${meta.tags.join(comma)}`, style: base}])

  // Shaped now, drawn last: missing characters are reported when it is drawn.
  const missing: string[] = []
  const report = state.missingGlyph
  state.missingGlyph = (character) => missing.push(character)
  try {
    const frame = state.frame()
    const height = state.lineHeight(style)
    const mark = theme.end.mark ? state.lines(state.shapeRuns([{text: theme.end.mark, style: base}]), frame.width)[0] : undefined
    let lines = mark ? 1 : 0
    for (const runs of paragraphs) lines += state.paragraphLines(state.shapeRuns(runs), frame.width, false).length
    const need = lines * height + paragraphs.length * (style.spaceAfter ?? 0)
    return {mark, paragraphs, need, room: need + (style.spaceBefore ?? 0), missing}
  } finally {
    state.missingGlyph = report
  }
}

/**
 * Draw the end matter after everything else, kept together so that it ends
 * the last page. Lines of the last block held back for it (see `placeLines`)
 * are drawn first: carried over with it when it would stand alone.
 *
 * @param state
 *   Render state, after the body (and the link list).
 * @param plan
 *   The end matter, from {@link planEndMatter}.
 * @returns
 *   Whether it had to start a page of its own, the height it takes and the
 *   index of the block before it (to keep with it in a second pass).
 */
export function endMatter(state: State, plan: EndMatterPlan): {alone: boolean; height: number; block: number} {
  state.flush()
  const {theme} = state
  const style = theme.end.style
  for (const character of plan.missing) state.missingGlyph(character)
  if (state.holding()) state.settle(state.breaksBefore(style.spaceBefore ?? 0, plan.need))
  // Nothing comes after the end matter: none of its own lines are held back.
  state.endRoom = 0
  const {mark, paragraphs, need} = plan
  const frame = state.frame()
  const height = state.lineHeight(style)
  const block = state.blocks - 1
  const page = state.page
  state.gap(style.spaceBefore ?? 0)
  // Together, on the page they end.
  state.ensure(need)
  const alone = state.page !== page
  if (mark) {
    const top = state.y
    state.tagger.artifact(() => state.drawLine(mark, frame.x, frame.width, top, style, {struct: null, align: 'start', dir: state.dir}))
    state.y += height
    state.spaceAfter(style.spaceAfter ?? 0)
  }
  const lineStyle = {...style, spaceBefore: 0}
  for (const runs of paragraphs) {
    state.paragraph({style: lineStyle, align: 'start', keepTogether: true}, () => {
      for (const run of runs) {
        if (run.text === '\n') state.addText('\n', {preserve: true})
        else state.withStyle(run.style, () => state.addText(run.text))
      }
    })
  }
  return {alone, height: plan.room, block}
}
