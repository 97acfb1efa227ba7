/**
 * Render one article to PDF bytes: masthead (headline, standfirst, byline,
 * dateline and date, lead image), body (handlers), the list of link URLs,
 * the end matter (end mark, source line, tags: `end-matter.ts`), then the
 * running header and footer on every page, as artifacts.
 */
import type {Element, Root, RootContent} from 'hast'
import {diagnostics} from '../../diagnostics.js'
import {codePoint} from '../../pipeline/characters.js'
import {displayDate, isRtl} from '../../locale.js'
import type {Article, EmitContext} from '../../types.js'
import {endMatter, planEndMatter} from './end-matter.js'
import {createFontSet} from './fonts.js'
import {defaultHandlers} from './handlers/index.js'
import {figureImage} from './handlers/image.js'
import {hyphenatorFor} from './hyphenate.js'
import {pdfLabel} from './labels.js'
import {batchContent, collectOutput, escapeMetadata} from './overrides/pdfkit.js'
import {createPdf} from './pdf.js'
import type {LineRecord} from './layout.js'
import type {ShapingStore} from './shaping-store.js'
import {runningHeads} from './page.js'
import {createState, type Handlers, type State} from './state.js'
import {createTagger} from './tagger.js'
import {loadTheme, pageSizes, type PdfThemeOptions} from './theme.js'
import {leadCredit} from '../credit.js'

/** Options of {@link renderPdf}. */
export interface RenderOptions extends PdfThemeOptions {
  /** Handlers merged over the defaults, by tag name (and `unknown`). */
  handlers?: Handlers
  /** Compress content streams (default: `true`; `false` helps debugging). */
  compress?: boolean
  /** Where shaped words are kept across builds (optional). */
  store?: ShapingStore
  /** Called with every line drawn, in order (tests read the layout through it). */
  onLine?: (record: LineRecord) => void
}

/**
 * Render an article.
 *
 * @param article
 *   Article.
 * @param ctx
 *   Emit context.
 * @param options
 *   Theme, page size, handlers (optional).
 * @returns
 *   The PDF file.
 */
export async function renderPdf(article: Article, ctx: EmitContext, options: RenderOptions = {}): Promise<Uint8Array> {
  const theme = loadTheme(ctx.config, options)
  const fonts = createFontSet(theme, ctx.config, options.store)
  const [pageWidth, pageHeight] = pageSizes[theme.pageSize]
  const meta = article.meta
  const created = dateOf(meta.date)
  const modified = dateOf(meta.updated ?? meta.date)
  const info: Record<string, unknown> = {
    Title: meta.title,
    Author: meta.authors.length > 0 ? meta.authors.join(', ') : ctx.config.site.author,
    Creator: 'Pressroom',
    Producer: 'Pressroom (PDFKit)',
    CreationDate: created,
    ModDate: modified
  }
  if (meta.description) info['Subject'] = meta.description
  if (meta.tags.length > 0) info['Keywords'] = meta.tags.join(', ')
  // One pass: the last lines of the body are kept with the end matter as
  // they are placed (`placeLines`). Rendered twice only when the end matter
  // would stand alone on its last page after a block whose lines could not be
  // held back (one with a background or a rule beside it): the second pass
  // keeps the last lines of that block with it.
  const messages = article.file.messages.length
  const lines: LineRecord[] = []
  let result = await pass(undefined)
  if (result.end.alone && result.end.block === result.unheld) {
    article.file.messages.length = messages
    lines.length = 0
    result = await pass({block: result.end.block, height: result.end.height})
  }
  if (options.onLine) for (const record of lines) options.onLine(record)
  return result.bytes

  async function pass(
    tail: {block: number; height: number} | undefined
  ): Promise<{bytes: Uint8Array; end: {alone: boolean; height: number; block: number}; unheld: number}> {
    const base = fonts.chain({family: theme.body.family, bold: false, italic: false}).fonts[0]
    const doc = createPdf({
      size: [pageWidth, pageHeight],
      margins: theme.margins,
      bufferPages: true,
      pdfVersion: '1.7',
      tagged: true,
      subset: 'PDF/UA',
      lang: meta.lang,
      displayTitle: true,
      // Never the standard 14 fonts: they corrupt text outside WinAnsi.
      font: base?.font,
      compress: options.compress ?? true,
      info
    })
    escapeMetadata(doc)
    batchContent(doc)
    // The header, written when the document was created, comes as data.
    const chunks: Uint8Array[] = []
    doc.on('data', (chunk) => chunks.push(chunk))
    const output = collectOutput(doc)
    const done = new Promise<void>((resolve, reject) => {
      doc.on('end', () => resolve())
      doc.on('error', (error) => reject(error ?? new Error('PDF stream failed')))
    })

    const tagger = createTagger(doc, meta.lang)
    const state = createState({
      doc,
      tagger,
      theme,
      fonts,
      article,
      ctx,
      handlers: {...defaultHandlers, ...options.handlers},
      hyphenate: meta.dir === 'rtl' || isRtl(meta.lang) ? undefined : hyphenatorFor(meta.lang),
      pageWidth,
      pageHeight,
      ids: idsOf(article.hast),
      onLine: (record) => lines.push(record)
    })
    const plan = planEndMatter(state)
    if (tail) state.tail = tail
    else state.endRoom = plan.room

    masthead(state)
    state.one(article.hast, undefined)
    state.flush()
    linkList(state)
    const end = endMatter(state, plan)
    tagger.close()
    runningHeads(state)
    if (state.missingCount > 0) {
      const {pdfMissingGlyph} = diagnostics
      state.warn(pdfMissingGlyph.reason(state.missingCount, state.missing.map(codePoint).join(', ')), pdfMissingGlyph.ruleId)
    }
    doc.end()
    await done
    chunks.push(output())
    return {bytes: concat(chunks), end, unheld: state.unheld()}
  }
}

function masthead(state: State): void {
  const {theme, article} = state
  const meta = article.meta
  state.paragraph(
    {style: theme.title, type: 'H1', align: 'start', keepWithNext: state.lineHeight(theme.body) * 2},
    () => state.addText(meta.title)
  )
  if (meta.description) {
    state.paragraph({style: theme.standfirst, align: 'start'}, () => state.addText(meta.description ?? ''))
  }
  if (meta.authors.length > 0) {
    state.paragraph({style: theme.meta, align: 'start'}, () =>
      state.withStyle({bold: true}, () => state.addText(pdfLabel(state, 'by', {authors: state.ctx.translator(meta.lang).list(meta.authors)})))
    )
  }
  let hasDateline = false
  eachElement(article.hast, (node) => {
    const classes = Array.isArray(node.properties['className']) ? node.properties['className'] : []
    if (classes.includes('dateline')) hasDateline = true
  })
  const parts: string[] = []
  if (meta.dateline && !hasDateline) parts.push(meta.dateline.place)
  parts.push(displayDate(dateOf(meta.date), meta.lang))
  if (meta.updated && meta.updated !== meta.date) {
    parts.push(pdfLabel(state, 'updated', {date: displayDate(dateOf(meta.updated), meta.lang)}))
  }
  state.paragraph({style: theme.meta, align: 'start'}, () => state.addText(parts.join(' · ')))
  state.spaceAfter(10)
  const image = meta.image
  // A caption whose photo was not supplied is not drawn (see `caption-without-image`).
  if (image?.src && image.asset) {
    const captionText = [image.caption, leadCredit(article, state.ctx)].filter(Boolean).join(' ')
    const caption = captionText
      ? () => state.paragraph({style: theme.caption, type: 'Caption', align: 'start'}, () => state.addText(captionText))
      : undefined
    const node: Element = {
      type: 'element',
      tagName: 'img',
      properties: {src: image.src, alt: image.alt || image.caption || ''},
      children: []
    }
    figureImage(state, node, caption)
  }
  state.gap(4)
  state.rule()
  state.spaceAfter(8)
}

function linkList(state: State): void {
  if (state.links.size === 0) return
  const {theme} = state
  state.paragraph(
    {style: theme.headings.h4, type: 'H2', align: 'start', keepWithNext: state.lineHeight(theme.footnotes) * 2},
    () => state.addText(pdfLabel(state, 'links'))
  )
  const list = state.node('L')
  const saved = state.text
  state.text = {...theme.footnotes, align: 'start'}
  state.withParent(list, () => {
    for (const [url, number] of state.links) {
      const item = state.node('LI')
      state.label = {text: `[${number}]`, struct: state.tagger.node('Lbl', item)}
      state.withParent(state.tagger.node('LBody', item), () =>
        state.withIndent(theme.list.indent + 6, 0, () =>
          state.paragraph({style: state.text}, () => state.withStyle({link: {url}}, () => state.addText(url)))
        )
      )
    }
  })
  state.text = saved
}

function idsOf(tree: Root): Set<string> {
  const ids = new Set<string>()
  eachElement(tree, (node) => {
    const id = node.properties['id']
    if (typeof id === 'string' && id) ids.add(id)
  })
  return ids
}

/**
 * Call `callback` with every element of a tree, in document order, as
 * `visit(tree, 'element', callback)` does, without its parent lists.
 */
function eachElement(parent: Root | Element, callback: (node: Element) => void): void {
  const children: RootContent[] = parent.children
  for (const child of children) {
    if (child.type === 'element') {
      callback(child)
      eachElement(child, callback)
    }
  }
}

function dateOf(value: string | undefined): Date {
  const time = value ? Date.parse(value) : Number.NaN
  return new Date(Number.isNaN(time) ? 0 : time)
}

function concat(chunks: Uint8Array[]): Uint8Array {
  let length = 0
  for (const chunk of chunks) length += chunk.length
  const out = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}
