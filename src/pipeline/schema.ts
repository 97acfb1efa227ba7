/**
 * The sanitize schema: GitHub's default (hast-util-sanitize) narrowed to
 * semantic, non-obsolete HTML5 — so every page passes the Nu checker — and
 * widened with `figure`/`figcaption` (the default unwraps them) and the few
 * classes Pressroom itself emits.
 */
import {defaultSchema} from 'rehype-sanitize'
import type {Options as Schema} from 'rehype-sanitize'

const obsolete = new Set(['strike', 'tt', 'picture', 'source'])

/** Attributes allowed on every element. */
const global = ['dir', 'lang', 'title', 'id']

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  // The article is one document per page: ids are kept as written (and made
  // unique later), which keeps footnote links working (`clobberPrefix: ''`).
  clobberPrefix: '',
  clobber: [],
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'textarea', 'select', 'title', 'svg', 'math', 'frameset', 'frame', 'applet'],
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((name) => !obsolete.has(name)),
    'figure',
    'figcaption',
    'abbr',
    'mark',
    'small',
    'cite',
    'dfn',
    'time',
    'caption',
    'u'
  ],
  attributes: {
    '*': global,
    a: ['href', 'hrefLang', 'ariaDescribedBy', 'ariaLabel', 'dataFootnoteBackref', 'dataFootnoteRef', ['className', 'data-footnote-backref']],
    abbr: [],
    blockquote: ['cite'],
    code: [['className', /^language-[\w+#.-]+$/]],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    details: ['open'],
    h2: [['className', 'sr-only']],
    img: ['src', 'alt', 'width', 'height'],
    input: [['disabled', true], ['type', 'checkbox'], 'checked'],
    li: [['className', 'task-list-item'], 'value'],
    ol: ['start', 'reversed', ['className', 'contains-task-list']],
    ul: [['className', 'contains-task-list']],
    q: ['cite'],
    section: ['dataFootnotes', ['className', 'footnotes']],
    span: [['className', 'dateline']],
    td: ['colSpan', 'rowSpan', 'align'],
    th: ['colSpan', 'rowSpan', 'align', 'scope'],
    time: ['dateTime']
  },
  protocols: {
    cite: ['http', 'https'],
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https']
  },
  required: {input: {disabled: true, type: 'checkbox'}}
}
