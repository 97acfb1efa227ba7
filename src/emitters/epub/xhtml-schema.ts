/**
 * What an XHTML content document of an EPUB 3 may hold, as tables: the
 * elements kept, renamed or dropped, the attributes each element keeps and
 * the values they may take, and the characters of an XML name.
 */
export const xhtmlNamespace = 'http://www.w3.org/1999/xhtml'

const nameStart =
  'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D' +
  '\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}'
const nameRest = nameStart + '\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040'
export const notNameCharacters = new RegExp(`[^${nameRest}]+`, 'gu')
export const nameStartCharacter = new RegExp(`^[${nameStart}]`, 'u')

/** Elements kept as they are (HTML elements valid in an EPUB 3 content document body). */
export const keptElements = new Set([
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption',
  'cite', 'code', 'col', 'colgroup', 'data', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt',
  'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr',
  'i', 'img', 'input', 'ins', 'kbd', 'li', 'mark', 'nav', 'ol', 'p', 'pre', 'q', 'rp', 'rt',
  'ruby', 's', 'samp', 'section', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr'
])

/** Where an element is: flow content, phrasing content, or phrasing inside a link. */
export type Context = 'flow' | 'phrasing' | 'link'

/** Obsolete or HTML-only elements and what they become. */
export const renamedElements: Record<string, {tagName: string; className?: string}> = {
  acronym: {tagName: 'abbr'},
  big: {tagName: 'span', className: 'big'},
  blink: {tagName: 'span'},
  center: {tagName: 'div', className: 'center'},
  dir: {tagName: 'ul'},
  font: {tagName: 'span'},
  listing: {tagName: 'pre'},
  main: {tagName: 'div'},
  marquee: {tagName: 'span'},
  menu: {tagName: 'ul'},
  nobr: {tagName: 'span'},
  plaintext: {tagName: 'pre'},
  strike: {tagName: 's'},
  tt: {tagName: 'code'},
  xmp: {tagName: 'pre'}
}

/** Elements dropped with their content (never content in an article body). */
export const droppedElements = new Set([
  'audio', 'base', 'button', 'canvas', 'embed', 'form', 'head', 'iframe', 'link', 'map', 'meta',
  'noscript', 'object', 'option', 'script', 'select', 'source', 'style', 'template', 'textarea',
  'title', 'track', 'video'
])

/** Attributes allowed per element (hast property names), besides the global ones. */
export const elementAttributes: Record<string, readonly string[]> = {
  a: ['href'],
  blockquote: ['cite'],
  col: ['span'],
  colgroup: ['span'],
  data: ['value'],
  del: ['cite'],
  details: ['open'],
  img: ['src', 'alt', 'width', 'height'],
  input: ['type', 'checked', 'disabled'],
  ins: ['cite'],
  li: ['value'],
  ol: ['start', 'reversed', 'type'],
  q: ['cite'],
  td: ['colSpan', 'rowSpan'],
  th: ['colSpan', 'rowSpan', 'scope', 'abbr'],
  time: ['dateTime']
}

export const globalAttributes = new Set(['id', 'className', 'title', 'lang', 'dir', 'hidden', 'translate'])
export const ariaAttributes = new Set(['ariaLabel', 'ariaLabelledBy', 'ariaDescribedBy', 'ariaHidden'])
export const idReferenceAttributes = ['ariaLabelledBy', 'ariaDescribedBy'] as const

/** Attribute values that must match to be kept. */
export const attributePatterns: Record<string, RegExp> = {
  width: /^\d+$/,
  height: /^\d+$/,
  start: /^-?\d+$/,
  value: /^-?\d+$/,
  span: /^[1-9]\d*$/,
  colSpan: /^[1-9]\d*$/,
  rowSpan: /^\d+$/,
  scope: /^(row|col|rowgroup|colgroup)$/,
  dir: /^(ltr|rtl|auto)$/,
  translate: /^(yes|no|)$/,
  dateTime: /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/
}
