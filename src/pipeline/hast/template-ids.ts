/**
 * Ids the built-in templates give their own elements in the documents an
 * article's body is written into: the HTML page (`templates/_layout.html.liquid`)
 * and the EPUB chapter (`templates/epub/chapter.xhtml.liquid`). No element of
 * an article keeps one of them (`rehype-html5.ts` renames it, with a
 * warning), so no page has an id twice and the templates' `aria-labelledby`
 * name their own element. `tests/pipeline/hast/template-ids.test.ts` fails
 * when such a template uses an id not listed here.
 *
 * The EPUB navigation and cover documents hold no article body: their ids
 * (`toc`, `landmarks`…) cannot clash and are not reserved.
 */

/** The ids, by what they name. */
export const templateIds = {
  /** The label of the feeds' list in the page footer (`aria-labelledby`). */
  feedsLabel: 'feeds-label',
  /** The article's title in an EPUB chapter (`ids.title` in the template). */
  articleTitle: 'article-title'
} as const

/** Every id of {@link templateIds}. */
export const reservedIds: ReadonlySet<string> = new Set(Object.values(templateIds))
