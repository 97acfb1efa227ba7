/**
 * The default handlers: hast node type (element `tagName`, or `text`, `root`,
 * `comment`, `doctype`) → handler, plus `unknown` for anything else.
 */
import type {Handlers} from '../state.js'
import {a} from './a.js'
import {blockquote} from './blockquote.js'
import {br} from './br.js'
import {dd} from './dd.js'
import {dl} from './dl.js'
import {figure} from './figure.js'
import {flow} from './flow.js'
import {heading} from './heading.js'
import {hr} from './hr.js'
import {ignore} from './ignore.js'
import {img} from './img.js'
import {input} from './input.js'
import {list} from './list.js'
import {listItem} from './list-item.js'
import {paragraph} from './paragraph.js'
import {phrasing} from './phrasing.js'
import {pre} from './pre.js'
import {q} from './q.js'
import {root} from './root.js'
import {section} from './section.js'
import {span} from './span.js'
import {sup} from './sup.js'
import {table} from './table.js'
import {text} from './text.js'
import {unknown} from './unknown.js'

export const defaultHandlers: Handlers = {
  // Nodes
  root,
  text,
  comment: ignore,
  doctype: ignore,
  unknown,
  // Blocks
  p: paragraph,
  figcaption: paragraph,
  summary: paragraph,
  dt: paragraph,
  caption: paragraph,
  h1: heading,
  h2: heading,
  h3: heading,
  h4: heading,
  h5: heading,
  h6: heading,
  ul: list,
  ol: list,
  li: listItem,
  dl,
  dd,
  blockquote,
  pre,
  table,
  figure,
  section,
  div: flow,
  details: flow,
  hr,
  // Inline
  a,
  img,
  br,
  sup,
  span,
  q,
  input,
  rp: phrasing,
  abbr: phrasing,
  b: phrasing,
  cite: phrasing,
  code: phrasing,
  del: phrasing,
  dfn: phrasing,
  em: phrasing,
  i: phrasing,
  ins: phrasing,
  kbd: phrasing,
  mark: phrasing,
  rt: phrasing,
  ruby: phrasing,
  s: phrasing,
  samp: phrasing,
  small: phrasing,
  strong: phrasing,
  sub: phrasing,
  time: phrasing,
  u: phrasing,
  var: phrasing
}
