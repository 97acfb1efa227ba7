import type {Element} from 'hast'
import type {State} from '../state.js'

/**
 * Block quote: `BlockQuote`, indented, with a rule on the start side (the
 * right in right-to-left articles) on every page it spans.
 *
 * @param state
 *   Render state.
 * @param node
 *   `blockquote` element.
 */
export function blockquote(state: State, node: Element): void {
  state.flush()
  const struct = state.node('BlockQuote')
  const frame = state.frame()
  const {indent, ruleWidth} = state.theme.blockquote
  const x = state.dir === 'rtl' ? frame.x + frame.width - ruleWidth / 2 : frame.x + ruleWidth / 2
  const decoration = {x, pages: new Map<number, [number, number]>()}
  state.decorations.push(decoration)
  const saved = state.text
  state.text = {...state.text, italic: true}
  state.withParent(struct, () => state.withIndent(indent, 0, () => state.all(node)))
  state.text = saved
  state.decorations.splice(state.decorations.indexOf(decoration), 1)
  const current = state.page
  state.tagger.close()
  for (const [page, [top, bottom]] of decoration.pages) {
    state.doc.switchToPage(page)
    state.tagger.artifact(() => {
      state.doc.lineWidth(ruleWidth).strokeColor(state.theme.colors.quoteRule).moveTo(x, top).lineTo(x, bottom).stroke()
    })
  }
  state.doc.switchToPage(current)
}
