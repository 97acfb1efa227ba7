/**
 * What closes an article on its last page: the end mark (the theme's
 * `end.mark`, an artifact), then the source line (“Originally published by
 * …” when the article names its source, else its canonical URL) and the
 * tags. Every visible string is in the article's language (`labels.ts`).
 */
import {pdfLabel} from './labels.js'
import type {InlineRun} from './layout.js'
import type {State} from './state-types.js'

/**
 * Draw the end matter after everything else, kept together so that it ends
 * the last page.
 *
 * @param state
 *   Render state, after the body (and the link list).
 * @returns
 *   Whether it had to start a page of its own, the height it takes and the
 *   index of the block before it (to keep with it in a second pass).
 */
export function endMatter(state: State): {alone: boolean; height: number; block: number} {
  state.flush()
  const {theme, article, ctx} = state
  const meta = article.meta
  const style = theme.end.style
  const html = ctx.outputsOf(article)['html']
  const url = meta.canonical ?? (html ? ctx.url(html) : undefined)
  const source = meta.dateline?.agency
  const base = state.baseStyle(style)
  // Each paragraph as runs (the URL a link), to measure before drawing.
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

  const frame = state.frame()
  const height = state.lineHeight(style)
  const mark = theme.end.mark ? state.lines(state.shapeRuns([{text: theme.end.mark, style: base}]), frame.width)[0] : undefined
  let lines = mark ? 1 : 0
  for (const runs of paragraphs) lines += state.paragraphLines(state.shapeRuns(runs), frame.width, false).length
  const block = state.blocks - 1
  const page = state.page
  state.gap(style.spaceBefore ?? 0)
  // Together, on the page they end.
  const need = lines * height + paragraphs.length * (style.spaceAfter ?? 0)
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
  return {alone, height: need + (style.spaceBefore ?? 0), block}
}
