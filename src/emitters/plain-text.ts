/**
 * The plain-text writer: an article's normalized hast → plain text, by
 * handlers keyed by node type (as `toHast` in mdast-util-to-hast: create the
 * state, `state.one(tree)`, then the footer — here the notes and the links).
 *
 * It is shared by the emitters that carry a text version of a body (the
 * newsletter, ninjs' `text/plain` body), so its entry point lives here rather
 * than in one emitter's folder, which another emitter may not import. The
 * handlers and the wrapping it drives are still kept (and tested) beside the
 * newsletter, their first user.
 */
import type {Nodes, Root} from 'hast'
import {defaultHandlers} from './newsletter/handlers/index.js'
import {createState, type Handlers, type Note} from './newsletter/state.js'

/** Options of {@link toPlainText}. */
export interface ToPlainTextOptions {
  /** Measure in display columns (default: `72`). */
  width?: number
  /** Handlers overriding or adding to the defaults (optional). */
  handlers?: Handlers
  /** Absolute URL of a link target (default: the target unchanged). */
  resolve?: (href: string) => string
  /** Called for content problems (default: ignored). */
  warn?: (reason: string, node: Nodes) => void
  /** The word of a footnote reference, `[note 1]` (default: `note`). */
  noteWord?: string
}

/** The plain text of a body, in parts the template places. */
export interface PlainText {
  /** The body, lines joined with `\n`, no trailing newline. */
  body: string
  /** Label of the notes section (the source's own, e.g. `Footnotes`). */
  notesLabel: string
  /** Footnotes, already laid out (`  1. …`). */
  notes: Note[]
  /** Link URLs: link `[n]` is `links[n - 1]`. */
  links: string[]
}

/**
 * Serialize a hast tree to plain text.
 *
 * @param tree
 *   Body tree (`article.hast`).
 * @param options
 *   Width, handlers, URL resolver and warnings (optional).
 * @returns
 *   Body, notes and links.
 */
export function toPlainText(tree: Root, options: ToPlainTextOptions = {}): PlainText {
  const state = createState({
    handlers: {...defaultHandlers, ...options.handlers},
    width: options.width ?? 72,
    resolve: options.resolve ?? ((href) => href),
    warn: options.warn ?? (() => {}),
    ...(options.noteWord ? {noteWord: options.noteWord} : {})
  })
  const output = state.one(tree, undefined)
  const lines = typeof output === 'string' ? state.paragraph(output) : output.lines
  return {
    body: lines.join('\n'),
    notesLabel: state.notesLabel,
    notes: state.notes,
    links: state.links
  }
}
