/**
 * Element categories of HTML's content model, defined once: what is phrasing
 * content, what holds only phrasing content, what starts a block. The
 * pipeline's content-model repairs, the EPUB's XHTML and the PDF layout read
 * these instead of keeping lists of their own.
 *
 * The sets follow the HTML standard's categories (§3.2.5); where a consumer is
 * stricter or looser, it says so where it combines them.
 */

/** Heading elements. */
export const headingElements: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/**
 * Phrasing content: what may stand in a paragraph. `rp` and `rt` are not
 * phrasing content by the standard, but only ever occur in `ruby`, which is,
 * so they go wherever it goes.
 */
export const phrasingElements: ReadonlySet<string> = new Set([
  'a', 'abbr', 'area', 'audio', 'b', 'bdi', 'bdo', 'br', 'button', 'canvas', 'cite', 'code', 'data',
  'datalist', 'del', 'dfn', 'em', 'embed', 'i', 'iframe', 'img', 'input', 'ins', 'kbd', 'label', 'link',
  'map', 'mark', 'math', 'meta', 'meter', 'noscript', 'object', 'output', 'picture', 'progress', 'q',
  'rp', 'rt', 'ruby', 's', 'samp', 'script', 'select', 'slot', 'small', 'span', 'strong', 'sub', 'sup',
  'svg', 'template', 'textarea', 'time', 'u', 'var', 'video', 'wbr'
])

/**
 * Elements whose content must be phrasing content: paragraphs, headings,
 * `pre`, `summary`, and phrasing elements themselves (their content is
 * phrasing, or transparent inside phrasing).
 */
export const phrasingContainers: ReadonlySet<string> = new Set([...phrasingElements, ...headingElements, 'p', 'pre', 'summary'])

/** Elements with the content model of their parent (transparent). */
export const transparentElements: ReadonlySet<string> = new Set([
  'a', 'audio', 'canvas', 'del', 'ins', 'map', 'noscript', 'object', 'slot', 'video'
])

/** Flow content that is not phrasing content: elements that are blocks wherever they stand. */
export const blockElements: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'div', 'dl', 'fieldset', 'figure',
  'footer', 'form', ...headingElements, 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre',
  'search', 'section', 'table', 'ul'
])

/**
 * Parts of a block that are blocks themselves but only stand in their parent
 * (an item in a list, a row in a table, a caption in a figure or table).
 */
export const blockPartElements: ReadonlySet<string> = new Set([
  'caption', 'dd', 'dt', 'figcaption', 'legend', 'li', 'summary', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr'
])
