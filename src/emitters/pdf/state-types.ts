/**
 * The render state handed to every handler (as `State` in
 * mdast-util-to-hast), by concern: the document, pages, the cursor, the
 * structure tree, fonts and lines, and the flow of the tree. `createState`
 * (`state.ts`) composes one object from the modules named on each part.
 */
import type {Element, ElementContent, Parents, Root} from 'hast'
import type {Article, EmitContext} from '../../types.js'
import type {FontSet} from './fonts.js'
import type {Hyphenator} from './hyphenate.js'
import type {InlineRun, Item, Line, LineRecord, TextStyle} from './layout.js'
import type {Pdf} from './pdf.js'
import type {StructNode, Tagger} from './tagger.js'
import type {BlockStyle, Theme} from './theme.js'

/** A handler: draws one hast element (block) or collects its text (inline). */
export type Handler = (state: State, node: Element, parent: Parents | undefined) => void

/** Handlers by tag name, plus `unknown`. */
export type Handlers = Record<string, Handler>

/** How a block of lines is laid out. */
export interface BlockOptions {
  /** Theme style of the block. */
  style: BlockStyle
  /** Structure node the lines belong to. */
  struct: StructNode
  /** Alignment (default: the style's, else `start`). */
  align?: 'start' | 'justify' | 'center'
  /** Direction of the block (default: the article's). */
  dir?: 'ltr' | 'rtl'
  /** Room to keep below the block on the same page (headings: keep with next). */
  keepWithNext?: number
  /** Extra inset on both sides (code blocks). */
  inset?: number
  /** Called before a chunk of lines is drawn on a page (backgrounds). */
  beforeChunk?: (top: number, height: number) => void
  /** Never split the block across pages when it fits on one. */
  keepTogether?: boolean
}

/** A marker drawn in the margin of the next line (list labels). */
export interface PendingLabel {
  text: string
  struct: StructNode
}

/** A vertical rule along a block (blockquotes), per page. */
export interface Decoration {
  x: number
  pages: Map<number, [number, number]>
}

/** The document and what it is made from (`state.ts`). */
export interface DocumentState {
  doc: Pdf
  theme: Theme
  article: Article
  ctx: EmitContext
  handlers: Handlers
  dir: 'ltr' | 'rtl'
  /** Called with every line drawn (tests and tools read the layout through it). */
  onLine: ((record: LineRecord) => void) | undefined
  warn(reason: string, ruleId: string, place?: unknown): void
  unhandled(node: Element): void
}

/** Pages: geometry, page breaks, space between blocks (`page.ts`, which also draws the running header and footer). */
export interface PageState {
  top: number
  bottom: number
  left: number
  right: number
  /** Index of the current page (0-based). */
  page: number
  /** Blocks placed so far (each `placeLines` call is one). */
  blocks: number
  /**
   * Keep the end of one block (by its index in `blocks`) on the page of what
   * follows it, `height` points (the end matter): see `renderPdf`.
   */
  tail?: {block: number; height: number}
  /**
   * Room the end matter takes below the last block (its space before
   * included), known before the body is laid out; 0: keep nothing with it.
   */
  endRoom: number
  /**
   * Draw the lines held back (see `placeLines`): where they were planned,
   * or, with `carry`, the last of them on a new page with what follows (the
   * end matter). Everything that draws settles first; a handler that draws
   * on the document itself should too.
   */
  settle(carry?: boolean): void
  /** Whether lines are held back. */
  holding(): boolean
  /** Index of the last block whose lines could not be held back (-1: none). */
  unheld(): number
  /** Whether `gap(space)` then `ensure(need)` would start a page (nothing moves). */
  breaksBefore(space: number, need: number): boolean
  /** Place lines from the cursor down, breaking pages (widows, orphans, keep-with-next). */
  placeLines(lines: Line[], options: BlockOptions): void
  gap(space: number): void
  spaceAfter(space: number): void
  newPage(): void
  ensure(height: number): void
}

/** The cursor: where the next block goes, and what sits there (`cursor.ts`). */
export interface CursorState {
  /** Top of the next block. */
  y: number
  /** Indentation from the start and end sides (logical, mirrored in RTL). */
  indent: {start: number; end: number}
  withIndent(start: number, end: number, fn: () => void): void
  frame(): {x: number; width: number}
  image(src: string, alt: string, struct: StructNode): boolean
  rule(color?: string): void
}

/** The structure tree and what points into it (`tagging.ts`). */
export interface TaggingState {
  tagger: Tagger
  /** Structure parent of new blocks. */
  parent: StructNode
  /** Numbered external links: URL → number (1-based). */
  links: Map<string, number>
  /** Ids of elements in the body (internal link targets). */
  ids: Set<string>
  /** Ids to turn into named destinations at the next drawn line. */
  anchors: string[]
  label: PendingLabel | undefined
  node(type: string, options?: Record<string, unknown>): StructNode
  withParent(parent: StructNode, fn: () => void): void
}

/** Fonts and lines: shaping, measuring, breaking and drawing lines (`text.ts`). */
export interface TextState {
  fonts: FontSet
  /** Hyphenator of the article's language (none for scripts without patterns). */
  hyphenate: Hyphenator | undefined
  decorations: Decoration[]
  /** Characters no font could draw (first few), reported once per article. */
  missing: string[]
  missingCount: number
  baseStyle(style: BlockStyle): TextStyle
  shapeRuns(runs: readonly InlineRun[], options?: {dir?: 'ltr' | 'rtl'; preserveSpaces?: boolean}): Item[]
  /** Break greedily (running heads, labels, table cells, code). */
  lines(items: readonly Item[], width: number): Line[]
  /** Break a paragraph by total fit (Knuth–Plass), justified or ragged. */
  paragraphLines(items: readonly Item[], width: number, justify: boolean): Line[]
  lineHeight(style: BlockStyle): number
  drawLine(line: Line, x: number, width: number, top: number, style: BlockStyle, options: DrawOptions): void
  missingGlyph(character: string): void
}

/** The flow: walking the tree, collecting inline text into paragraphs (`flow.ts`). */
export interface FlowState {
  /** Style of implicit paragraphs (body text; footnotes and cells change it). */
  text: BlockStyle
  /** List nesting depth. */
  listDepth: number
  /** Inline collector of the paragraph being built. */
  inline: {runs: InlineRun[]; style: TextStyle} | undefined
  one(node: ElementContent | Root, parent: Parents | undefined): void
  all(node: Parents): void
  inlineAll(node: Parents): void
  addText(value: string, options?: {preserve?: boolean}): void
  withStyle(patch: Partial<TextStyle>, fn: () => void): void
  paragraph(options: Omit<BlockOptions, 'struct'> & {type?: string; struct?: StructNode}, fill: () => void): void
  flush(): void
  collect(node: Parents, style: BlockStyle, patch?: Partial<TextStyle>): InlineRun[]
}

/** The render state handed to every handler: one object made of the concerns above. */
export type State = DocumentState & PageState & CursorState & TaggingState & TextState & FlowState

/** Options of {@link State.drawLine}. */
export interface DrawOptions {
  /** Structure node of the line's content; `null` when the caller marks it as an artifact. */
  struct: StructNode | null
  align: 'start' | 'justify' | 'center'
  dir: 'ltr' | 'rtl'
}

/** Inputs of {@link createState}. */
export interface StateOptions {
  doc: Pdf
  tagger: Tagger
  theme: Theme
  fonts: FontSet
  article: Article
  ctx: EmitContext
  handlers: Handlers
  hyphenate: Hyphenator | undefined
  pageWidth: number
  pageHeight: number
  ids: Set<string>
  onLine?: ((record: LineRecord) => void) | undefined
}
