/**
 * A photo credit written one way in every format: `Photo: AFP` (in the
 * article's language: the catalog's `article.photoCredit`). A credit that
 * already says what it is (`AP Photo/Jane Doe`, `Photo courtesy of NASA`,
 * `Art: Rana Saleh`, `Courtesy …`) is kept as written rather than labelled twice.
 */
import type {Article, EmitContext} from '../types.js'

/**
 * The credit line of an image.
 *
 * @param credit
 *   Credit as recovered (`AFP`, `AP Photo/Jane Doe`).
 * @param label
 *   The label of a bare credit (default: `Photo: …`).
 * @returns
 *   The line (`Photo: AFP`); `''` for no credit.
 */
export function creditLine(credit: string | undefined, label: (credit: string) => string = (text) => `Photo: ${text}`): string {
  const text = (credit ?? '').trim().replace(/^\((.*)\)$/s, '$1').trim()
  if (text === '') return ''
  if (/^(?:photo|photograph|picture|image|art|illustration|graphic|video|courtesy|credit)s?\b|\bphoto\b/i.test(text)) return text
  return label(text)
}

/**
 * The credit line of an article's lead image, labelled in the article's language.
 *
 * @param article
 *   The article.
 * @param ctx
 *   Emit context (its translator).
 * @returns
 *   The line, `''` when there is no credit.
 */
export function leadCredit(article: Article, ctx: EmitContext): string {
  const translator = ctx.translator(article.meta.lang)
  return creditLine(article.meta.image?.credit, (credit) => translator.t('article.photoCredit', {credit}))
}
