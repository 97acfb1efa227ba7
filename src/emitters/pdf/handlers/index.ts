/**
 * The handler map: hast tag name → handler, as mdast-util-to-hast's
 * `handlers`. User handlers (emitter option `handlers`) are merged over it;
 * `unknown` receives every element without a handler.
 */
import type {Handlers} from '../state.js'
import {blockquote} from './blockquote.js'
import {codeBlock} from './code-block.js'
import {container, definition} from './container.js'
import {caption, figure} from './figure.js'
import {heading} from './heading.js'
import {image} from './image.js'
import {emphasis, inlineCode, input, lineBreak, span, strikethrough, strong, subscript, superscript, underline} from './inline.js'
import {link} from './link.js'
import {list} from './list.js'
import {listItem} from './list-item.js'
import {paragraph} from './paragraph.js'
import {table} from './table.js'
import {thematicBreak} from './thematic-break.js'
import {unknown} from './unknown.js'

/** Default handlers. */
export const defaultHandlers: Handlers = {
  a: link,
  abbr: span,
  article: container,
  aside: container,
  b: strong,
  bdi: span,
  bdo: span,
  blockquote,
  br: lineBreak,
  caption,
  cite: emphasis,
  code: inlineCode,
  data: span,
  dd: definition,
  del: strikethrough,
  details: container,
  dfn: emphasis,
  div: container,
  dl: definition,
  dt: definition,
  em: emphasis,
  figcaption: caption,
  figure,
  footer: container,
  h1: heading,
  h2: heading,
  h3: heading,
  h4: heading,
  h5: heading,
  h6: heading,
  header: container,
  hr: thematicBreak,
  i: emphasis,
  img: image,
  input,
  ins: underline,
  kbd: inlineCode,
  li: (state, node) => listItem(state, node),
  main: container,
  mark: span,
  nav: container,
  ol: list,
  p: paragraph,
  pre: codeBlock,
  q: span,
  s: strikethrough,
  samp: inlineCode,
  section: container,
  small: span,
  span,
  strong,
  sub: subscript,
  summary: container,
  sup: superscript,
  table,
  time: span,
  u: underline,
  ul: list,
  var: emphasis,
  unknown
}
