/**
 * The PDF emitter: one tagged PDF (PDF/UA) per article, laid out from the
 * article's hast with a handler per element, in DejaVu fonts with fallback by
 * glyph coverage, bidi-aware (Arabic script shaped and right to left), with
 * hyphenation by language and reproducible bytes.
 */
import path from 'node:path'
import {diagnostics} from '../../diagnostics.js'
import type {Article, Emitter} from '../../types.js'
import type {PdfConfigOptions} from './options.js'
import {createShapingStore, type ShapingStore} from './shaping-store.js'
import type {Handlers} from './state-types.js'

export {defaultHandlers} from './handlers/index.js'
export type {Handler, Handlers, State} from './state-types.js'

/** Options of {@link pdfEmitter}: those of the configuration, with `handlers` typed exactly. */
export type PdfOptions = Omit<PdfConfigOptions, 'handlers'> & {
  /** Handlers by hast tag name (and `unknown`), merged over the defaults. */
  handlers?: Handlers
}

/**
 * Create the PDF emitter.
 *
 * @param options
 *   Options (optional).
 * @returns
 *   Emitter writing `pdf/<slug>.pdf` per article.
 */
export function pdfEmitter(options: PdfOptions = {}): Emitter {
  const settings = options
  // The shaping store of the build's cache folder, opened on first use and
  // kept here, for every article this emitter renders in this thread.
  let store: {folder: string; store: ShapingStore} | undefined
  return {
    name: 'pdf',
    paths(article: Article) {
      return {pdf: `pdf/${article.meta.slug}.pdf`}
    },
    outputs: {pdf: {name: 'PDF', mediaType: 'application/pdf'}},
    async article(article, ctx) {
      try {
        // pdfkit, fontkit and the fonts load on first use: a build without
        // PDFs (`--only html`) or with nothing to rebuild never loads them.
        const {renderPdf} = await import('./render.js')
        const folder = path.join(ctx.cacheDir, 'pdf-shaping')
        if (store?.folder !== folder) store = {folder, store: createShapingStore(folder)}
        const contents = await renderPdf(article, ctx, {...settings, store: store.store})
        store.store.merge()
        return [{path: `pdf/${article.meta.slug}.pdf`, contents}]
      } catch (error) {
        // Bad content never throws: the article gets a message, the build goes on.
        ctx.report(diagnostics.emitterFailed, ['pdf', error instanceof Error ? error.message : String(error)], {article})
        return []
      }
    }
  }
}
