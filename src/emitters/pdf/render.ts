/**
 * Render one article to PDF bytes: masthead (headline, standfirst, byline,
 * dateline and date, lead image), body (handlers), the list of link URLs,
 * then the running header and footer on every page, as artifacts.
 */
import type {Element, Root, RootContent} from 'hast'
import {diagnostics} from '../../diagnostics.js'
import {codePoint} from '../../pipeline/characters.js'
import {displayDate, isRtl, joinNames} from '../../locale.js'
import type {Article, EmitContext} from '../../types.js'
import {createFontSet} from './fonts.js'
import {defaultHandlers} from './handlers/index.js'
import {figureImage} from './handlers/image.js'
import {hyphenatorFor} from './hyphenate.js'
import {createPdf, type Pdf} from './pdf.js'
import {createState, type Handlers, type State} from './state.js'
import {createTagger} from './tagger.js'
import {loadTheme, pageSizes, type PdfThemeOptions} from './theme.js'

/** Options of {@link renderPdf}. */
export interface RenderOptions extends PdfThemeOptions {
  /** Handlers merged over the defaults, by tag name (and `unknown`). */
  handlers?: Handlers
  /** Compress content streams (default: `true`; `false` helps debugging). */
  compress?: boolean
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
  const fonts = createFontSet(theme, ctx.config)
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
    ids: idsOf(article.hast)
  })

  masthead(state)
  state.one(article.hast, undefined)
  state.flush()
  linkList(state)
  tagger.close()
  runningHeads(state)
  if (state.missingCount > 0) {
    const {pdfMissingGlyph} = diagnostics
    state.warn(pdfMissingGlyph.reason(state.missingCount, state.missing.map(codePoint).join(', ')), pdfMissingGlyph.ruleId)
  }
  doc.end()
  await done
  chunks.push(output())
  return concat(chunks)
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
      state.withStyle({bold: true}, () => state.addText(theme.labels.by.replace('{authors}', joinNames(meta.authors, meta.lang))))
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
    parts.push(theme.labels.updated.replace('{date}', displayDate(dateOf(meta.updated), meta.lang)))
  }
  state.paragraph({style: theme.meta, align: 'start'}, () => state.addText(parts.join(' · ')))
  state.spaceAfter(10)
  const image = meta.image
  if (image) {
    const captionText = [image.caption, image.credit ? `(${image.credit})` : ''].filter(Boolean).join(' ')
    const caption = captionText
      ? () => state.paragraph({style: theme.caption, type: 'Caption', align: 'start'}, () => state.addText(captionText))
      : undefined
    if (image.src && image.asset) {
      const node: Element = {
        type: 'element',
        tagName: 'img',
        properties: {src: image.src, alt: image.alt || image.caption || ''},
        children: []
      }
      figureImage(state, node, caption)
    } else if (caption) {
      // Wire copy often gives the caption without the photo.
      caption()
    }
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
    () => state.addText(theme.labels.links)
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

function runningHeads(state: State): void {
  const {doc, theme, article, ctx} = state
  const range = doc.bufferedPageRange()
  const header = theme.header
  const footer = theme.footer
  const width = state.right - state.left
  for (let index = 0; index < range.count; index++) {
    doc.switchToPage(range.start + index)
    state.tagger.artifact(() => {
      const headTop = theme.margins.top - (header.offset ?? 28)
      const half = width / 2 - 6
      const site = firstLine(state, ctx.config.site.title, header, half)
      const title = firstLine(state, article.meta.title, header, half)
      const rtl = state.dir === 'rtl'
      if (site) state.drawLine(site, rtl ? state.right - half : state.left, half, headTop, header, {struct: null, align: 'start', dir: state.dir})
      if (title) {
        state.drawLine(title, rtl ? state.left : state.right - half, half, headTop, header, {
          struct: null,
          align: 'start',
          dir: rtl ? 'ltr' : 'rtl'
        })
      }
      const ruleY = headTop + state.lineHeight(header) + 2
      doc.lineWidth(0.4).strokeColor(theme.colors.rule).moveTo(state.left, ruleY).lineTo(state.right, ruleY).stroke()
      const label = theme.labels.page.replace('{page}', String(index + 1)).replace('{pages}', String(range.count))
      const foot = firstLine(state, label, footer, width)
      const footTop = state.bottom + (footer.offset ?? 30) - footer.size
      if (foot) state.drawLine(foot, state.left, width, footTop, footer, {struct: null, align: 'center', dir: state.dir})
    }, 'Pagination')
  }
}

function firstLine(state: State, text: string, style: State['text'], width: number) {
  const base = state.baseStyle(style)
  const items = state.shapeRuns([{text, style: base}])
  const lines = state.lines(items, width)
  if (lines.length <= 1) return lines[0]
  // Too long for the running head: the first line, with an ellipsis.
  const ellipsis = state.shapeRuns([{text: '…', style: base}])[0]
  const mark = ellipsis?.kind === 'word' ? ellipsis.segments[0] : undefined
  const line = state.lines(items, width - (mark?.width ?? 0))[0]
  if (line && mark) {
    line.items.push({...mark, level: state.dir === 'rtl' ? 1 : 0})
    line.width += mark.width
  }
  if (line) line.last = true
  return line
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

/**
 * pdfkit copies Title, Author and Subject into the XMP metadata without
 * escaping them: escape them there (only there; the Info dictionary is a PDF
 * string).
 */
function escapeMetadata(doc: Pdf): void {
  const original = doc.endMetadata.bind(doc)
  doc.endMetadata = () => {
    const saved = doc.info
    const escaped: Record<string, unknown> = {...saved}
    for (const key of ['Title', 'Author', 'Subject', 'Creator']) {
      const value = saved[key]
      if (typeof value === 'string') escaped[key] = escapeXml(value)
    }
    doc.info = escaped
    try {
      original()
    } finally {
      doc.info = saved
    }
  }
}

/**
 * Collect a page's content operators in a string and hand them to pdfkit in
 * one piece, when another page gets content and before pages are ended:
 * pdfkit turns each operator into bytes on its own (a loop over the
 * characters) and keeps them as as many chunks. The stream is the same, byte
 * for byte: operators in order, each followed by a line break, as pdfkit
 * writes them.
 */
function batchContent(doc: Pdf): void {
  let page: Pdf['page'] | undefined
  let pending = ''
  const flush = () => {
    if (page && pending) page.write(Buffer.from(pending, 'latin1'))
    pending = ''
  }
  doc.addContent = (data) => {
    if (doc.page !== page) {
      flush()
      page = doc.page
    }
    if (typeof data === 'string') {
      pending += data + '\n'
    } else {
      flush()
      page.write(data)
    }
    return doc
  }
  // pdfkit closes marked content on a page (`EMC`) by writing to the page.
  for (const name of ['flushPages', 'continueOnNewPage', 'end'] as const) {
    const original = doc[name].bind(doc) as () => unknown
    ;(doc as unknown as Record<string, unknown>)[name] = (...parameters: unknown[]) => {
      flush()
      return (original as (...values: unknown[]) => unknown)(...parameters)
    }
  }
}

/**
 * Write the document into one growing buffer instead of pdfkit's stream:
 * pdfkit turns every piece of every object into its own byte array (a loop
 * over the characters) and pushes it through the stream, where it waits, with
 * thousands of others, for the end of the document. Same bytes, same
 * offsets: a string is written with a line break after it, one byte per
 * UTF-16 unit (its low byte), as pdfkit writes it.
 *
 * @returns
 *   A function returning the bytes written so far.
 */
function collectOutput(doc: Pdf): () => Uint8Array {
  let buffer = Buffer.allocUnsafe(1 << 16)
  let length = 0
  const reserve = (size: number) => {
    if (length + size <= buffer.length) return
    const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, length + size))
    buffer.copy(grown, 0, 0, length)
    buffer = grown
  }
  doc._write = (data) => {
    let size: number
    if (data instanceof Uint8Array) {
      reserve(data.length)
      buffer.set(data, length)
      size = data.length
    } else {
      const text = `${data as string}\n`
      reserve(text.length)
      size = buffer.write(text, length, 'latin1')
    }
    length += size
    doc._offset += size
  }
  return () => buffer.subarray(0, length)
}

function escapeXml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
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
