/**
 * The render state handed to every handler (as `State` in
 * mdast-util-to-hast): the pdfkit document, the page cursor, the structure
 * parent, the inline collector and the placement services (lines, images,
 * page breaks, widows and orphans, keep-with-next).
 */
import type {Element, ElementContent, Parents, Root} from 'hast'
import type {Article, EmitContext} from '../../types.js'
import {diagnostics} from '../../diagnostics.js'
import {blockTags} from './block-tags.js'
import {drawGlyphs} from './draw.js'
import {measure, type FontSet, type LoadedFont} from './fonts.js'
import type {Hyphenator} from './hyphenate.js'
import {loadImage} from './images.js'
import {
  breakLines,
  drawText,
  shape,
  visualOrder,
  type Glue,
  type InlineRun,
  type Item,
  type Line,
  type LinkTarget,
  type Segment,
  type TextStyle
} from './layout.js'
import type {Pdf, PdfImageObject} from './pdf.js'
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
interface PendingLabel {
  text: string
  struct: StructNode
}

/** A vertical rule along a block (blockquotes), per page. */
interface Decoration {
  x: number
  pages: Map<number, [number, number]>
}

/** The state. */
export interface State {
  doc: Pdf
  tagger: Tagger
  theme: Theme
  fonts: FontSet
  article: Article
  ctx: EmitContext
  handlers: Handlers
  dir: 'ltr' | 'rtl'
  /** Hyphenator of the article's language (none for scripts without patterns). */
  hyphenate: Hyphenator | undefined
  /** Page geometry. */
  top: number
  bottom: number
  left: number
  right: number
  /** Cursor: top of the next block. */
  y: number
  /** Index of the current page (0-based). */
  page: number
  /** Indentation from the start and end sides (logical, mirrored in RTL). */
  indent: {start: number; end: number}
  /** Structure parent of new blocks. */
  parent: StructNode
  /** Style of implicit paragraphs (body text; footnotes and cells change it). */
  text: BlockStyle
  /** List nesting depth. */
  listDepth: number
  /** Numbered external links: URL → number (1-based). */
  links: Map<string, number>
  /** Ids of elements in the body (internal link targets). */
  ids: Set<string>
  /** Ids to turn into named destinations at the next drawn line. */
  anchors: string[]
  label: PendingLabel | undefined
  decorations: Decoration[]
  /** Inline collector of the paragraph being built. */
  inline: {runs: InlineRun[]; style: TextStyle} | undefined

  one(node: ElementContent | Root, parent: Parents | undefined): void
  all(node: Parents): void
  inlineAll(node: Parents): void
  addText(value: string, options?: {preserve?: boolean}): void
  withStyle(patch: Partial<TextStyle>, fn: () => void): void
  withParent(parent: StructNode, fn: () => void): void
  withIndent(start: number, end: number, fn: () => void): void
  node(type: string, options?: Record<string, unknown>): StructNode
  paragraph(options: Omit<BlockOptions, 'struct'> & {type?: string; struct?: StructNode}, fill: () => void): void
  flush(): void
  collect(node: Parents, style: BlockStyle, patch?: Partial<TextStyle>): InlineRun[]
  baseStyle(style: BlockStyle): TextStyle
  shapeRuns(runs: readonly InlineRun[], options?: {dir?: 'ltr' | 'rtl'; preserveSpaces?: boolean}): Item[]
  lines(items: readonly Item[], width: number): Line[]
  placeLines(lines: Line[], options: BlockOptions): void
  drawLine(line: Line, x: number, width: number, top: number, style: BlockStyle, options: DrawOptions): void
  lineHeight(style: BlockStyle): number
  gap(space: number): void
  spaceAfter(space: number): void
  newPage(): void
  ensure(height: number): void
  frame(): {x: number; width: number}
  image(src: string, alt: string, struct: StructNode): boolean
  rule(color?: string): void
  warn(reason: string, ruleId: string, place?: unknown): void
  unhandled(node: Element): void
  missingGlyph(character: string): void
  /** Characters no font could draw (first few), reported once per article. */
  missing: string[]
  missingCount: number
}

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
}

/**
 * Create the render state of one document.
 *
 * @param options
 *   Document, theme, fonts, article, context and handlers.
 * @returns
 *   State.
 */
export function createState(options: StateOptions): State {
  const {doc, tagger, theme, fonts, article, ctx} = options
  const warned = new Set<string>()
  const drawnAnchors = new Set<string>()
  const imageObjects = new Map<string, PdfImageObject>()
  let pending = 0

  const state: State = {
    doc,
    tagger,
    theme,
    fonts,
    article,
    ctx,
    handlers: options.handlers,
    dir: article.meta.dir === 'rtl' ? 'rtl' : 'ltr',
    hyphenate: options.hyphenate,
    top: theme.margins.top,
    bottom: options.pageHeight - theme.margins.bottom,
    left: theme.margins.left,
    right: options.pageWidth - theme.margins.right,
    y: theme.margins.top,
    page: 0,
    indent: {start: 0, end: 0},
    parent: tagger.root,
    text: theme.body,
    listDepth: 0,
    links: new Map(),
    ids: options.ids,
    anchors: [],
    label: undefined,
    decorations: [],
    inline: undefined,

    one(node, parent) {
      if (node.type === 'text') {
        state.addText(node.value)
        return
      }
      if (node.type === 'root') {
        state.all(node)
        return
      }
      if (node.type !== 'element') return
      const handler = state.handlers[node.tagName] ?? state.handlers['unknown']
      handler?.(state, node, parent)
    },

    all(node) {
      for (const child of node.children) {
        if (child.type === 'text') {
          if (!state.inline && /^[\t\n\f\r ]*$/.test(child.value)) continue
          if (!state.inline) openImplicit()
          state.addText(child.value)
        } else if (child.type === 'element') {
          if (blockTags.has(child.tagName)) {
            state.flush()
            state.one(child, node)
          } else {
            if (!state.inline) openImplicit()
            state.one(child, node)
          }
        }
      }
      state.flush()
    },

    inlineAll(node) {
      for (const child of node.children) {
        if (child.type === 'text') state.addText(child.value)
        else if (child.type === 'element') {
          if (blockTags.has(child.tagName) && !state.handlers[child.tagName + ':inline']) {
            // A block inside inline content: keep its text, on its own line.
            state.addText('\n', {preserve: true})
            state.inlineAll(child)
            state.addText('\n', {preserve: true})
          } else {
            state.one(child, node)
          }
        }
      }
    },

    addText(value, addOptions = {}) {
      if (!state.inline) openImplicit()
      const inline = state.inline
      if (!inline) return
      let text = addOptions.preserve ? value : value.replace(/[\t\n\f\r ]+/g, ' ')
      if (state.hyphenate && !inline.style.link?.url && inline.style.family !== 'mono' && !addOptions.preserve) {
        text = state.hyphenate(text)
      }
      const last = inline.runs.at(-1)
      if (last && last.style === inline.style) last.text += text
      else inline.runs.push({text, style: inline.style})
    },

    withStyle(patch, fn) {
      if (!state.inline) openImplicit()
      const inline = state.inline
      if (!inline) return
      const previous = inline.style
      inline.style = {...previous, ...patch}
      fn()
      inline.style = previous
    },

    withParent(parent, fn) {
      const previous = state.parent
      state.parent = parent
      fn()
      state.parent = previous
    },

    withIndent(start, end, fn) {
      const previous = state.indent
      // Deep nesting (lists, quotes) stops indenting at half the measure, so
      // text never runs out of room (a list 100 deep still shows every item).
      const room = Math.max(0, (state.right - state.left) / 2 - previous.start - previous.end)
      const scale = start + end > room ? room / (start + end) : 1
      state.indent = {start: previous.start + start * scale, end: previous.end + end * scale}
      fn()
      state.indent = previous
    },

    node(type, nodeOptions = {}) {
      return tagger.node(type, state.parent, nodeOptions)
    },

    paragraph(paragraphOptions, fill) {
      state.flush()
      const struct = paragraphOptions.struct ?? state.node(paragraphOptions.type ?? 'P')
      state.inline = {runs: [], style: state.baseStyle(paragraphOptions.style)}
      fill()
      const runs = state.inline.runs
      state.inline = undefined
      placeRuns(runs, {...paragraphOptions, struct})
    },

    flush() {
      const inline = state.inline
      if (!inline) return
      state.inline = undefined
      if (inline.runs.every((run) => /^[\s\u00AD]*$/.test(run.text))) return
      placeRuns(inline.runs, {style: state.text, struct: state.node('P')})
    },

    collect(node, style, patch = {}) {
      const saved = state.inline
      state.inline = {runs: [], style: {...state.baseStyle(style), ...patch}}
      state.inlineAll(node)
      const runs = state.inline.runs
      state.inline = saved
      return runs
    },

    baseStyle(style) {
      return {
        family: style.family,
        bold: style.bold === true,
        italic: style.italic === true,
        size: style.size,
        color: style.color ?? theme.colors.text
      }
    },

    shapeRuns(runs, shapeOptions = {}) {
      return shape(runs, fonts, {
        dir: shapeOptions.dir ?? state.dir,
        preserveSpaces: shapeOptions.preserveSpaces === true,
        onMissing: state.missingGlyph
      })
    },

    lines(items, width) {
      return breakLines(items, {width, hyphen: hyphenSegment})
    },

    lineHeight(style) {
      return style.size * style.lineHeight
    },

    placeLines(lines, blockOptions) {
      const style = blockOptions.style
      const height = state.lineHeight(style)
      const {orphans, widows} = theme.keep
      const total = lines.length
      if (total === 0) return
      const keep = blockOptions.keepWithNext ?? 0
      if (state.y + total * height + keep > state.bottom && state.y > state.top + 0.01) {
        if (keep > 0 || blockOptions.keepTogether || total <= orphans + widows - 1) {
          if (total * height + keep <= state.bottom - state.top) state.newPage()
        }
      }
      let index = 0
      while (index < total) {
        const room = Math.floor((state.bottom - state.y) / height + 1e-6)
        const remaining = total - index
        let take = remaining
        if (remaining > room) {
          take = room
          if (remaining - take < widows) take = remaining - widows
          if (take < orphans) take = 0
          // A hyphen at the foot of a page: carry the line over.
          while (take > 0 && lines[index + take - 1]?.hyphenated) take--
          if (take > 0 && take < orphans) take = 0
        }
        if (take <= 0) {
          if (state.y <= state.top + 0.01) take = Math.max(1, Math.min(remaining, room))
          else {
            state.newPage()
            continue
          }
        }
        const frame = state.frame()
        const inset = blockOptions.inset ?? 0
        blockOptions.beforeChunk?.(state.y, take * height)
        for (let offset = 0; offset < take; offset++) {
          const line = lines[index + offset] as Line
          state.drawLine(line, frame.x + inset, frame.width - 2 * inset, state.y, style, {
            struct: blockOptions.struct,
            align: blockOptions.align ?? style.align ?? 'start',
            dir: blockOptions.dir ?? state.dir
          })
          state.y += height
        }
        index += take
        if (index < total) state.newPage()
      }
    },

    drawLine(line, x, width, top, style, drawOptions) {
      const height = state.lineHeight(style)
      const first = line.items.find((item): item is Segment => item.kind === 'segment')
      const ascent = first?.font.ascent ?? 0.93
      const descent = first?.font.descent ?? 0.24
      const baseline = top + (height - (ascent + descent) * style.size) / 2 + ascent * style.size
      for (const anchor of state.anchors.splice(0)) {
        if (!drawnAnchors.has(anchor)) {
          drawnAnchors.add(anchor)
          doc.addNamedDestination(anchor, 'XYZ', null, top, null)
        }
      }
      if (state.label && drawOptions.struct) {
        const label = state.label
        state.label = undefined
        drawLabel(label, x, width, top, style, drawOptions.dir)
      }
      for (const decoration of state.decorations) {
        const range = decoration.pages.get(state.page)
        decoration.pages.set(state.page, range ? [range[0], top + height] : [top, top + height])
      }
      // Positions, from the visual order.
      const visual = visualOrder(line.items)
      const glues = visual.filter((item) => item.kind === 'glue').length
      let extra = 0
      let lineWidth = line.width
      if (drawOptions.align === 'justify' && !line.last && glues > 0 && line.width > width * 0.6) {
        // A loose line (long unbreakable words) stays ragged: spaces stretched
        // past three times their width read as column gaps, to readers and to
        // text extraction alike.
        const space = visual.reduce((sum, item) => sum + (item.kind === 'glue' ? item.width : 0), 0) / glues
        const stretch = (width - line.width) / glues
        if (stretch <= space * 2) {
          extra = stretch
          lineWidth = width
        }
      }
      let cursor =
        drawOptions.align === 'center'
          ? x + (width - lineWidth) / 2
          : drawOptions.dir === 'rtl'
            ? x + width - lineWidth
            : x
      const positions = new Map<Segment | Glue, number>()
      for (const item of visual) {
        positions.set(item, cursor)
        cursor += item.width + (item.kind === 'glue' ? extra : 0)
      }
      // Content in logical order, so the structure reads in logical order.
      const linkNodes = new Map<LinkTarget, {node: StructNode; x0: number; x1: number}>()
      for (const item of line.items) {
        if (item.kind !== 'segment') continue
        const at = positions.get(item) ?? x
        const link = item.style.link
        let struct = drawOptions.struct
        if (struct && link) {
          let entry = linkNodes.get(link)
          if (!entry) {
            entry = {node: tagger.node('Link', struct, {}), x0: at, x1: at + item.width}
            linkNodes.set(link, entry)
          }
          entry.x0 = Math.min(entry.x0, at)
          entry.x1 = Math.max(entry.x1, at + item.width)
          struct = entry.node
        }
        if (struct) tagger.use(struct)
        if (item.style.anchor && !drawnAnchors.has(item.style.anchor)) {
          drawnAnchors.add(item.style.anchor)
          doc.addNamedDestination(item.style.anchor, 'XYZ', null, top, null)
        }
        drawSegment(item, at, baseline)
      }
      for (const [link, entry] of linkNodes) {
        const elem = tagger.ensure(entry.node)
        const box: [number, number, number, number] = [entry.x0, top, entry.x1 - entry.x0, height]
        if (link.url) {
          doc.link(...box, link.url, {structParent: elem, Contents: new String(link.url)})
        } else if (link.dest) {
          doc.annotate(...box, {Subtype: 'Link', Dest: link.dest, structParent: elem, Contents: new String(link.dest)})
        }
        tagger.end(entry.node)
      }
    },

    gap(space) {
      if (state.y > state.top + 0.01) state.y += Math.max(pending, space)
      pending = 0
      if (state.y >= state.bottom) state.newPage()
    },

    spaceAfter(space) {
      pending = Math.max(pending, space)
    },

    newPage() {
      tagger.close()
      doc.addPage()
      state.page++
      state.y = state.top
      pending = 0
    },

    ensure(height) {
      if (state.y + height > state.bottom && state.y > state.top + 0.01) state.newPage()
    },

    frame() {
      const width = state.right - state.left - state.indent.start - state.indent.end
      const x = state.left + (state.dir === 'rtl' ? state.indent.end : state.indent.start)
      return {x, width: Math.max(width, 40)}
    },

    image(src, alt, struct) {
      const asset = state.article.assets.find((candidate) => candidate.output === src)
      if (!asset) return false
      const image = loadImage(asset.source)
      if (image instanceof Error) {
        state.warn(diagnostics.missingImage.reason(src) + ` (${image.message})`, diagnostics.missingImage.ruleId)
        return false
      }
      const frame = state.frame()
      let width = Math.min(frame.width, image.width * 0.75)
      let height = (width * image.height) / image.width
      const maxHeight = (state.bottom - state.top) * theme.image.maxHeightRatio
      if (height > maxHeight) {
        height = maxHeight
        width = (height * image.width) / image.height
      }
      state.ensure(height)
      const x = frame.x + (frame.width - width) / 2
      tagger.use(struct)
      let source: unknown = image.data
      if (image.kind === 'split') {
        let object = imageObjects.get(asset.source)
        if (!object) {
          object = splitImage(image, `Ipr${imageObjects.size + 1}`)
          imageObjects.set(asset.source, object)
        }
        source = object
      }
      try {
        doc.image(source, x, state.y, {width, height})
      } catch (error) {
        state.warn(diagnostics.missingImage.reason(src) + ` (${(error as Error).message})`, diagnostics.missingImage.ruleId)
        return false
      }
      tagger.close()
      state.y += height
      return true
    },

    rule(color = theme.colors.rule) {
      const frame = state.frame()
      state.ensure(4)
      const y = state.y + 2
      tagger.artifact(() => {
        doc.lineWidth(0.6).strokeColor(color).moveTo(frame.x, y).lineTo(frame.x + frame.width, y).stroke()
      })
      state.y += 4
    },

    warn(reason, ruleId, place) {
      ctx.warn(reason, place === undefined ? {ruleId, article} : {ruleId, article, place})
    },

    unhandled(node) {
      if (warned.has('unhandled:' + node.tagName)) return
      warned.add('unhandled:' + node.tagName)
      state.warn(diagnostics.unhandledNode.reason('pdf', `<${node.tagName}>`), diagnostics.unhandledNode.ruleId, node.position)
    },

    missingGlyph(character) {
      state.missingCount++
      if (state.missing.length < 8 && !state.missing.includes(character)) state.missing.push(character)
    },

    missing: [],
    missingCount: 0
  }

  function openImplicit() {
    state.inline = {runs: [], style: state.baseStyle(state.text)}
  }

  function placeRuns(runs: InlineRun[], blockOptions: BlockOptions) {
    const items = state.shapeRuns(runs, blockOptions.dir ? {dir: blockOptions.dir} : {})
    const frame = state.frame()
    const inset = blockOptions.inset ?? 0
    const lines = state.lines(items, frame.width - 2 * inset)
    if (lines.length === 0 && !state.label && state.anchors.length === 0) return
    if (lines.length === 0) lines.push({items: [], width: 0, hyphenated: false, last: true})
    state.gap(blockOptions.style.spaceBefore ?? 0)
    state.placeLines(lines, blockOptions)
    state.spaceAfter(blockOptions.style.spaceAfter ?? 0)
  }

  function hyphenSegment(style: TextStyle): Segment {
    const chain = fonts.chain(style)
    const index = Math.max(chain.pick(0x2d), 0)
    const font = chain.fonts[index] as LoadedFont
    return {kind: 'segment', text: '-', style, font, level: 0, width: measure(font, '-') * style.size}
  }

  function drawSegment(segment: Segment, x: number, baseline: number) {
    const style = segment.style
    const size = style.size
    const y = baseline - (style.shift ?? 0) * size
    drawGlyphs(doc, segment.font, size, style.link ? theme.colors.link : style.color, drawText(segment), x, y, segment.level % 2 === 1)
    if (style.strike || style.underline) {
      const lineY = style.strike ? y - size * 0.3 : y + size * 0.12
      doc.lineWidth(size * 0.06).strokeColor(style.color).moveTo(x, lineY).lineTo(x + segment.width, lineY).stroke()
    }
  }

  function drawLabel(label: PendingLabel, x: number, width: number, top: number, style: BlockStyle, dir: 'ltr' | 'rtl') {
    const items = state.shapeRuns([{text: label.text, style: state.baseStyle(style)}], {dir})
    const [line] = state.lines(items, 200)
    if (!line) return
    const gapWidth = style.size * 0.5
    const at = dir === 'rtl' ? x + width + gapWidth : x - gapWidth - line.width
    state.drawLine(line, at, line.width, top, style, {struct: label.struct, align: 'start', dir})
  }

  return state
}

function splitImage(
  image: Extract<ReturnType<typeof loadImage>, {kind: 'split'}>,
  label: string
): PdfImageObject {
  return {
    width: image.width,
    height: image.height,
    label,
    obj: null,
    embed(doc) {
      const smask = doc.ref({
        Type: 'XObject',
        Subtype: 'Image',
        Width: image.width,
        Height: image.height,
        BitsPerComponent: 8,
        Filter: 'FlateDecode',
        ColorSpace: 'DeviceGray',
        Decode: [0, 1]
      })
      smask.end(image.alpha)
      const obj = doc.ref({
        Type: 'XObject',
        Subtype: 'Image',
        Width: image.width,
        Height: image.height,
        BitsPerComponent: 8,
        Filter: 'FlateDecode',
        ColorSpace: image.colorSpace,
        SMask: smask
      })
      obj.end(image.data)
      this.obj = obj
    }
  }
}
