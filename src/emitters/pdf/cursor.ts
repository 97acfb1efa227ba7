/**
 * The cursor: the top of the next block and the indentation, and what is
 * placed at the cursor whole (images, rules).
 */
import {diagnostics} from '../../diagnostics.js'
import {loadImage} from './images.js'
import {splitImage} from './overrides/pdfkit.js'
import type {PdfImageObject} from './pdf.js'
import type {CursorState, State} from './state-types.js'

/**
 * Create the cursor part of a state.
 *
 * @param state
 *   The state being composed (its document, tagging and page parts made).
 * @returns
 *   The part.
 */
export function createCursor(state: State): CursorState {
  const {doc, theme, tagger} = state
  const imageObjects = new Map<string, PdfImageObject>()
  return {
    y: theme.margins.top,
    indent: {start: 0, end: 0},

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

    frame() {
      const width = state.right - state.left - state.indent.start - state.indent.end
      const x = state.left + (state.dir === 'rtl' ? state.indent.end : state.indent.start)
      return {x, width: Math.max(width, 40)}
    },

    image(src, alt, struct) {
      state.settle()
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
      state.settle()
      const frame = state.frame()
      state.ensure(4)
      const y = state.y + 2
      tagger.artifact(() => {
        doc.lineWidth(0.6).strokeColor(color).moveTo(frame.x, y).lineTo(frame.x + frame.width, y).stroke()
      })
      state.y += 4
    }
  }
}
