/**
 * The serializer state, as mdast-util-to-hast's `lib/state.js`: the handler
 * map, the current measure, the numbered links and the footnotes of one
 * article, and the `one`/`all`/`flow`/`inline` walkers handlers call.
 *
 * Handlers return either *inline* text (a `string`: phrasing content, which
 * the nearest block wraps) or a *block* (`{type: 'block', lines}`: lines
 * already laid out at `state.width`).
 */
import type {Element, Nodes, Parents} from 'hast'
import {wrap} from './wrap.js'

/** Lines laid out at the measure that was current when they were made. */
export interface Block {
  type: 'block'
  lines: string[]
}

/** What a handler returns: inline text or a block of lines. */
export type Output = string | Block

/**
 * A handler: one hast node to output. (Declared with a method signature so an
 * element handler typed `(state, node: Element)` fits the map.)
 */
export type Handler = {
  bivarianceHack(state: State, node: Nodes, parent: Parents | undefined): Output
}['bivarianceHack']

/** Handlers by element `tagName`, plus `text`, `root`, `comment`, `doctype` and `unknown`. */
export type Handlers = Record<string, Handler>

/** A rendered footnote. */
export interface Note {
  /** Label as shown in the text, e.g. `1`. */
  label: string
  lines: string[]
}

/** Options of {@link createState}. */
export interface StateOptions {
  handlers: Handlers
  /** Measure in display columns. */
  width: number
  /** Absolute URL of a link target as written (relative, fragment or absolute). */
  resolve(href: string): string
  /** Report a content problem (`unhandled-node`…). */
  warn(reason: string, node: Nodes): void
  /** The word of a footnote reference, `[note 1]` (default: `note`; the article's language's from the catalogs). */
  noteWord?: string
}

/** The state handlers receive. */
export interface State {
  handlers: Handlers
  /** Current measure in display columns (narrower inside lists and quotes). */
  width: number
  /** Absolute URL of a link target. */
  resolve(href: string): string
  warn(reason: string, node: Nodes): void
  /** Link URLs in order of first use; link `n` is `links[n - 1]`. */
  links: string[]
  /** Footnotes, in the order of the notes section. */
  notes: Note[]
  /** Heading of the notes section (the footnotes' own label). */
  notesLabel: string
  /** Footnote labels by the id of the note they point to (`fn-1` → `1`). */
  footnoteLabels: Map<string, string>
  /** The word of a footnote reference (`note` in `[note 1]`). */
  noteWord: string
  /** Output of one node. */
  one(node: Nodes, parent: Parents | undefined): Output
  /** Children of a node: inline text if all are inline, else a block. */
  all(node: Parents): Output
  /** Children of a node as lines: inline runs become wrapped paragraphs, blocks are separated by a blank line (none when `compact`). */
  flow(node: Parents, compact?: boolean): string[]
  /** Children of a node as inline text (blocks are joined with line breaks). */
  inline(node: Parents): string
  /** Wrap inline text (line breaks from `<br>` kept) at the current measure. */
  paragraph(text: string): string[]
  /**
   * Columns the enclosing blocks' prefixes (list markers, `> `, indents)
   * already take from the measure.
   */
  indent: number
  /**
   * Run `fn` with a measure narrower by `columns`, granted only while the
   * text keeps {@link minTextWidth} columns: `fn` gets the columns granted
   * (fewer, down to 0, in deep nesting), the width of the prefix the
   * handler may put before its lines.
   */
  indented<T>(columns: number, fn: (granted: number) => T): T
  /** Number of a link target (same URL, same number). */
  link(url: string): number
}

/**
 * Create the state for one article.
 *
 * @param options
 *   Handlers, measure, URL resolver and warning channel.
 * @returns
 *   State.
 */
export function createState(options: StateOptions): State {
  const numbers = new Map<string, number>()
  const state: State = {
    handlers: options.handlers,
    width: options.width,
    resolve: options.resolve,
    warn: options.warn,
    links: [],
    notes: [],
    notesLabel: 'Notes',
    footnoteLabels: new Map(),
    noteWord: options.noteWord ?? 'note',
    one(node, parent) {
      const key = node.type === 'element' ? node.tagName : node.type
      const handler = Object.hasOwn(state.handlers, key) ? state.handlers[key] : undefined
      return (handler ?? state.handlers['unknown']!)(state, node, parent)
    },
    all(node) {
      const outputs = node.children.map((child) => state.one(child, node))
      if (outputs.every((output) => typeof output === 'string')) return outputs.join('')
      return {type: 'block', lines: flowOf(outputs, false)}
    },
    flow(node, compact = false) {
      return flowOf(
        node.children.map((child) => state.one(child, node)),
        compact
      )
    },
    inline(node) {
      return node.children
        .map((child) => {
          const output = state.one(child, node)
          return typeof output === 'string' ? output : output.lines.join('\n')
        })
        .join('')
    },
    paragraph(text) {
      const lines: string[] = []
      for (const part of text.split('\n')) lines.push(...wrap(part, state.width))
      return lines
    },
    indent: 0,
    indented(columns, fn) {
      const saved = state.width
      const savedIndent = state.indent
      const room = Math.max(0, options.width - minTextWidth(options.width) - state.indent)
      const granted = Math.max(0, Math.min(columns, room))
      state.width = Math.max(1, saved - granted)
      state.indent = savedIndent + granted
      try {
        return fn(granted)
      } finally {
        state.width = saved
        state.indent = savedIndent
      }
    },
    link(url) {
      let number = numbers.get(url)
      if (number === undefined) {
        state.links.push(url)
        number = state.links.length
        numbers.set(url, number)
      }
      return number
    }
  }

  /**
   * Lay out a sequence of outputs: consecutive inline outputs form one
   * paragraph; blocks keep their lines.
   */
  function flowOf(outputs: Output[], compact: boolean): string[] {
    const blocks: string[][] = []
    let buffer = ''
    const flush = () => {
      if (buffer.trim() !== '') {
        const lines = state.paragraph(buffer)
        if (lines.length > 0) blocks.push(lines)
      }
      buffer = ''
    }
    for (const output of outputs) {
      if (typeof output === 'string') buffer += output
      else {
        flush()
        if (output.lines.length > 0) blocks.push(output.lines)
      }
    }
    flush()
    const lines: string[] = []
    for (const block of blocks) {
      if (lines.length > 0 && !compact) lines.push('')
      lines.push(...block)
    }
    return lines
  }

  return state
}

/**
 * Columns the text of a measure keeps however deep blocks nest: 40 (55 % of
 * a measure narrower than 73 columns). Indentation stops growing there (a
 * 100-deep list is not indented past the measure).
 *
 * @param width
 *   Measure.
 * @returns
 *   Columns.
 */
export function minTextWidth(width: number): number {
  return Math.min(40, Math.ceil(width * 0.55))
}

/**
 * Fit a prefix into the columns granted: cut from the start (`  * ` → `* `,
 * `> ` → `>`), keeping its meaningful end… or its start when that is blank.
 *
 * @param text
 *   Prefix as wanted (ASCII).
 * @param granted
 *   Columns granted.
 * @returns
 *   Prefix at most `granted` wide.
 */
export function fitPrefix(text: string, granted: number): string {
  if (text.length <= granted) return text
  const trimmed = text.trimStart()
  if (trimmed.length <= granted) return trimmed.padStart(granted)
  return text.trimEnd().slice(0, granted).padEnd(granted)
}

/**
 * A block of lines.
 *
 * @param lines
 *   Lines (may be empty: the block is then left out).
 * @returns
 *   Block.
 */
export function block(lines: string[]): Block {
  return {type: 'block', lines}
}

/**
 * Class names of an element.
 *
 * @param node
 *   Element.
 * @returns
 *   Class names.
 */
export function classes(node: Element): string[] {
  const value = node.properties['className']
  if (Array.isArray(value)) return value.map(String)
  return typeof value === 'string' ? String(value).split(/\s+/) : []
}

/**
 * Prefix lines: `first` before the first line, `rest` before the others.
 * Blank lines get the prefix without its trailing spaces.
 *
 * @param lines
 *   Lines.
 * @param first
 *   Prefix of the first line.
 * @param rest
 *   Prefix of the other lines.
 * @returns
 *   Prefixed lines.
 */
export function prefix(lines: readonly string[], first: string, rest: string): string[] {
  return lines.map((line, index) => {
    const before = index === 0 ? first : rest
    return line === '' ? before.replace(/ +$/, '') : before + line
  })
}
