/**
 * The words the PDF adds (byline, dates, page numbers, the link list's
 * heading, an image's stand-in) in the article's language, from the message
 * catalogs (`templates/i18n/<lang>.json`). A theme's `labels` (the way before
 * catalogs) still win for English articles, so a publisher's English wording
 * stays as it was.
 */
import {isEnglish, type MessageValues} from '../../i18n/index.js'
import type {Article, EmitContext} from '../../types.js'
import type {Theme} from './theme.js'

/** Theme label → catalog key. */
const keys = {
  page: 'pdf.page',
  by: 'article.byline',
  updated: 'article.updatedOn',
  links: 'article.links',
  image: 'article.image',
  source: 'article.source',
  originallyPublished: 'article.originallyPublished',
  tags: 'pdf.tags'
} as const

/** A label of the PDF. */
export type PdfLabel = keyof typeof keys

/**
 * A label in the article's language.
 *
 * @param state
 *   The document's state (theme, article, context).
 * @param name
 *   Which label.
 * @param values
 *   Its values (`{page}`, `{authors}`, …).
 */
export function pdfLabel(state: {theme: Pick<Theme, 'labels'>; article: Article; ctx: EmitContext}, name: PdfLabel, values: MessageValues = {}): string {
  const lang = state.article.meta.lang
  const own = state.theme.labels?.[name]
  if (own !== undefined && isEnglish(lang)) return own.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole))
  return state.ctx.translator(lang).t(keys[name], values)
}
