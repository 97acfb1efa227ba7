/**
 * The PDF emitter: one tagged PDF (PDF/UA) per article, laid out from the
 * article's hast with a handler per element, in DejaVu fonts with fallback by
 * glyph coverage, bidi-aware (Arabic script shaped and right to left), with
 * hyphenation by language and reproducible bytes.
 */
import path from 'node:path'
import {diagnostics} from '../../diagnostics.js'
import type {Article, Emitter} from '../../types.js'
import {mergeShapingStores, useShapingStore} from './shaping-store.js'
import type {PdfConfigOptions} from './options.js'
import type {Handlers} from './state.js'

export {defaultHandlers} from './handlers/index.js'
export type {Handler, Handlers, State} from './state.js'

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
        useShapingStore(path.join(ctx.config.cache, 'pdf-shaping'))
        const contents = await renderPdf(article, ctx, settings)
        mergeShapingStores()
        return [{path: `pdf/${article.meta.slug}.pdf`, contents}]
      } catch (error) {
        // Bad content never throws: the article gets a message, the build goes on.
        ctx.report(diagnostics.emitterFailed, ['pdf', error instanceof Error ? error.message : String(error)], {article})
        return []
      }
    }
  }
}
