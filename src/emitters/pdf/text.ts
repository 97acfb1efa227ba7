/**
 * Fonts and lines: text runs shaped with the theme's fonts, broken into
 * lines, and lines drawn (labels, anchors, links and decorations with them).
 */
import {addGlyphs, beginText, endText, type TextObject} from './draw.js'
import {measure, type FontSet, type LoadedFont} from './fonts.js'
import {breakLines, breakParagraph} from './line-breaking.js'
import type {Hyphenator} from './hyphenate.js'
import {drawText, shape, visualOrder, type Glue, type LinkTarget, type Segment, type TextStyle} from './layout.js'
import type {PendingLabel, State, TextState} from './state-types.js'
import type {StructNode} from './tagger.js'
import type {BlockStyle} from './theme.js'

/**
 * Create the fonts-and-lines part of a state.
 *
 * @param state
 *   The state being composed (its document and tagging parts made).
 * @param fonts
 *   The theme's fonts.
 * @param hyphenate
 *   Hyphenator of the article's language, if any.
 * @returns
 *   The part.
 */
export function createText(state: State, fonts: FontSet, hyphenate: Hyphenator | undefined): TextState {
  const {doc, theme, tagger} = state
  const drawnAnchors = new Set<string>()
  const part: TextState = {
    fonts,
    hyphenate,
    decorations: [],
    missing: [],
    missingCount: 0,

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

    paragraphLines(items, width, justify) {
      return breakParagraph(items, {width, hyphen: hyphenSegment, justify, settings: theme.justification})
    },

    lineHeight(style) {
      return style.size * style.lineHeight
    },

    drawLine(line, x, width, top, style, drawOptions) {
      state.settle()
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
      // Positions, from the visual order. A line without right-to-left text
      // (all level 0, most lines) is in visual order already: positions by
      // index, without reordering it or keying a map by its items.
      const items = line.items
      let bidiLine = false
      for (const item of items) {
        if (item.level !== 0) {
          bidiLine = true
          break
        }
      }
      const visual = bidiLine ? visualOrder(items) : items
      let glues = 0
      let spaces = 0
      for (const item of visual) {
        if (item.kind === 'glue') {
          glues++
          spaces += item.width
        }
      }
      // Justified lines: every space scaled by one factor, never past the
      // looseness bound. A line that would need more (from the emergency
      // passes: long unbreakable words) gets spaces at the bound and ends a
      // little short of the measure: wider spaces read as column gaps, to
      // readers and to text extraction alike.
      let factor = 1
      let lineWidth = line.width
      if (drawOptions.align === 'justify' && !line.last && glues > 0) {
        const {stretch, shrink, tolerance} = theme.justification
        if (spaces > 0) {
          factor = Math.max(1 - shrink, Math.min(1 + stretch * tolerance, 1 + (width - line.width) / spaces))
          lineWidth = line.width + spaces * (factor - 1)
        }
      }
      let cursor =
        drawOptions.align === 'center'
          ? x + (width - lineWidth) / 2
          : drawOptions.dir === 'rtl'
            ? x + width - lineWidth
            : x
      // `positions[i]`: left edge of `items[i]` (logical order).
      const positions: number[] = []
      if (bidiLine) {
        const byItem = new Map<Segment | Glue, number>()
        for (const item of visual) {
          byItem.set(item, cursor)
          cursor += item.kind === 'glue' ? item.width * factor : item.width
        }
        for (const item of items) positions.push(byItem.get(item) ?? x)
      } else {
        for (const item of items) {
          positions.push(cursor)
          cursor += item.kind === 'glue' ? item.width * factor : item.width
        }
      }
      state.onLine?.({page: state.page, top, x, width, style, line, factor, align: drawOptions.align, artifact: drawOptions.struct === null})
      // Content in logical order, so the structure reads in logical order;
      // the line's pieces in one text object, ended before marked content
      // changes and before a decoration is drawn.
      const linkNodes = new Map<LinkTarget, {node: StructNode; x0: number; x1: number}>()
      const text = beginText()
      for (let index = 0; index < items.length; index++) {
        const item = items[index] as Segment | Glue
        if (item.kind !== 'segment') continue
        const at = positions[index] ?? x
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
        if (struct && !tagger.isCurrent(struct)) {
          endText(doc, text)
          tagger.use(struct)
        }
        if (item.style.anchor && !drawnAnchors.has(item.style.anchor)) {
          drawnAnchors.add(item.style.anchor)
          doc.addNamedDestination(item.style.anchor, 'XYZ', null, top, null)
        }
        drawSegment(text, item, at, baseline)
      }
      endText(doc, text)
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

    missingGlyph(character) {
      state.missingCount++
      if (state.missing.length < 8 && !state.missing.includes(character)) state.missing.push(character)
    }
  }

  // The hyphen of each style, measured once: total fit asks for it at every
  // hyphenation point, not only where a line breaks.
  const hyphens = new WeakMap<TextStyle, Segment>()
  function hyphenSegment(style: TextStyle): Segment {
    let hyphen = hyphens.get(style)
    if (!hyphen) {
      const chain = fonts.chain(style)
      const index = Math.max(chain.pick(0x2d), 0)
      const font = chain.fonts[index] as LoadedFont
      hyphen = {kind: 'segment', text: '-', style, font, level: 0, width: measure(font, '-') * style.size}
      hyphens.set(style, hyphen)
    }
    return hyphen
  }

  function drawSegment(text: TextObject, segment: Segment, x: number, baseline: number) {
    const style = segment.style
    const size = style.size
    const y = baseline - (style.shift ?? 0) * size
    addGlyphs(doc, text, segment.font, size, style.link ? theme.colors.link : style.color, drawText(segment), x, y, segment.level % 2 === 1)
    if (style.strike || style.underline) {
      endText(doc, text)
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

  return part
}
