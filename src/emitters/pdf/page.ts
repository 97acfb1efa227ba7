/**
 * Pages: the page geometry, page breaks (widows, orphans, keep-with-next),
 * space between blocks, and the running header and footer drawn on every
 * page at the end (`runningHeads`).
 */
import {pdfLabel} from './labels.js'
import type {Line} from './layout.js'
import type {PageState, State} from './state-types.js'

/**
 * Create the page part of a state.
 *
 * @param state
 *   The state being composed (its document and tagging parts made).
 * @param pageWidth
 *   Page width in points.
 * @param pageHeight
 *   Page height in points.
 * @returns
 *   The part.
 */
export function createPage(state: State, pageWidth: number, pageHeight: number): PageState {
  const {doc, theme, tagger} = state
  /** Space asked for below the last block, given when the next one comes. */
  let pending = 0
  /** The last lines of a block, held back until what follows is known (see `placeLines`). */
  let held: {resume(carry: boolean): void} | undefined
  /** The last block that could have been held back but was not (-1: none). */
  let unheld = -1
  return {
    top: theme.margins.top,
    bottom: pageHeight - theme.margins.bottom,
    left: theme.margins.left,
    right: pageWidth - theme.margins.right,
    page: 0,
    blocks: 0,
    endRoom: 0,

    placeLines(lines, blockOptions) {
      state.settle()
      const style = blockOptions.style
      const height = state.lineHeight(style)
      const {orphans, widows} = theme.keep
      const total = lines.length
      if (total === 0) return
      const block = state.blocks++
      // The last block before the end matter, when the end matter would stand
      // alone on a page (the second pass of `renderPdf`, see `unheld`).
      const tail = state.tail?.block === block ? state.tail.height : 0
      const keep = blockOptions.keepWithNext ?? 0
      if (state.y + total * height + keep > state.bottom && state.y > state.top + 0.01) {
        if (keep > 0 || blockOptions.keepTogether || total <= orphans + widows - 1) {
          if (total * height + keep <= state.bottom - state.top) state.newPage()
        }
      }
      run(0, tail, true)

      // Place lines from `start`; `tail`: room to keep under the block's last
      // lines; `mayHold`: whether its last chunk may be held back (below).
      function run(start: number, tail: number, mayHold: boolean): void {
        let index = start
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
          if (mayHold && take === remaining && state.endRoom > 0 && state.y + take * height + state.endRoom > state.bottom && state.y > state.top + 0.01) {
            // The end matter would not fit under these lines: were this the
            // last block, the end matter would stand alone on the next page.
            // Whether it is, only what comes next can tell: hold the lines
            // back (the cursor moves as if they were drawn) until something
            // else is drawn (`settle`, where they go as planned) or the end
            // matter comes (`settle(true)`, which may carry the last lines
            // over with it, as TeX keeps a line with what follows). A block
            // with something drawn around its lines is never held: it is
            // rendered twice instead (`unheld`).
            if (blockOptions.beforeChunk || state.decorations.length > 0) {
              unheld = block
            } else {
              const y = state.y
              const indent = state.indent
              const label = state.label
              const anchors = state.anchors.splice(0)
              state.label = undefined
              held = {
                resume(carry) {
                  const saved = {label: state.label, anchors: state.anchors, decorations: state.decorations, pending, y: state.y, indent: state.indent}
                  // The state the lines were laid out in (nothing was drawn since).
                  state.indent = indent
                  state.label = label
                  state.anchors = anchors
                  state.decorations = []
                  state.y = y
                  run(index, carry ? state.endRoom : 0, false)
                  state.label = saved.label
                  state.anchors = saved.anchors
                  state.decorations = saved.decorations
                  state.indent = saved.indent
                  // Drawn as planned, the cursor is where it was (space may
                  // have been added since). A carry starts a page, which drops
                  // the space asked for below the block: as if the block had
                  // been placed so (the end matter comes right after).
                  if (carry) pending = saved.pending
                  else state.y = saved.y
                }
              }
              state.y += take * height
              return
            }
          }
          if (tail > 0 && take === remaining && state.y + take * height + tail > state.bottom && state.y > state.top + 0.01) {
            // What follows would not fit under the block's last lines: carry
            // `widows` of them over with it (all of a short block), as a page
            // never holds the end matter alone.
            take = remaining - Math.min(remaining, Math.max(widows, 1))
            if (index === 0 && take < orphans) take = 0
            while (take > 0 && lines[index + take - 1]?.hyphenated) take--
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
      }
    },

    settle(carry = false) {
      const lines = held
      held = undefined
      lines?.resume(carry)
    },

    holding() {
      return held !== undefined
    },

    unheld() {
      return unheld
    },

    breaksBefore(space, need) {
      // As `gap(space)` then `ensure(need)` would, without moving.
      let y = state.y
      if (y > state.top + 0.01) y += Math.max(pending, space)
      if (y >= state.bottom) return true
      return y + need > state.bottom && y > state.top + 0.01
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
      state.settle()
      tagger.close()
      doc.addPage()
      state.page++
      state.y = state.top
      pending = 0
    },

    ensure(height) {
      state.settle()
      if (state.y + height > state.bottom && state.y > state.top + 0.01) state.newPage()
    }
  }
}

/**
 * Draw the running header (site title, article title, a rule) and the footer
 * (the page number) on every page, as artifacts, once the body is laid out
 * (the footer needs the page count).
 *
 * @param state
 *   State of the finished document.
 */
export function runningHeads(state: State): void {
  const {doc, theme, article, ctx} = state
  const range = doc.bufferedPageRange()
  const header = theme.header
  const footer = theme.footer
  const width = state.right - state.left
  for (let index = 0; index < range.count; index++) {
    doc.switchToPage(range.start + index)
    state.tagger.artifact(() => {
      const headTop = theme.margins.top - (header.offset ?? 28)
      const half = width / 2 - 6
      const site = firstLine(state, ctx.config.site.title, header, half)
      const title = firstLine(state, article.meta.title, header, half)
      const rtl = state.dir === 'rtl'
      if (site) state.drawLine(site, rtl ? state.right - half : state.left, half, headTop, header, {struct: null, align: 'start', dir: state.dir})
      if (title) {
        state.drawLine(title, rtl ? state.left : state.right - half, half, headTop, header, {
          struct: null,
          align: 'start',
          dir: rtl ? 'ltr' : 'rtl'
        })
      }
      const ruleY = headTop + state.lineHeight(header) + 2
      doc.lineWidth(0.4).strokeColor(theme.colors.rule).moveTo(state.left, ruleY).lineTo(state.right, ruleY).stroke()
      const label = pdfLabel(state, 'page', {page: index + 1, pages: range.count})
      const foot = firstLine(state, label, footer, width)
      const footTop = state.bottom + (footer.offset ?? 30) - footer.size
      if (foot) state.drawLine(foot, state.left, width, footTop, footer, {struct: null, align: 'center', dir: state.dir})
    }, 'Pagination')
  }
}

function firstLine(state: State, text: string, style: State['text'], width: number) {
  const base = state.baseStyle(style)
  const items = state.shapeRuns([{text, style: base}])
  const lines = state.lines(items, width)
  if (lines.length <= 1) return lines[0]
  // Too long for the running head: the first line, with an ellipsis.
  const ellipsis = state.shapeRuns([{text: '…', style: base}])[0]
  const mark = ellipsis?.kind === 'word' ? ellipsis.segments[0] : undefined
  const line = state.lines(items, width - (mark?.width ?? 0))[0]
  if (line && mark) {
    line.items.push({...mark, level: state.dir === 'rtl' ? 1 : 0})
    line.width += mark.width
  }
  if (line) line.last = true
  return line
}
