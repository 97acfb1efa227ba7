import type {Element} from 'hast'
import {toText} from 'hast-util-to-text'
import type {Line} from '../layout.js'
import type {State} from '../state.js'

/**
 * Code block (`pre`): monospace (DejaVu Sans Mono), left to right, spaces
 * kept, never hyphenated; long lines wrap between characters. Tagged as
 * `Code` inside a `P`, on a shaded background.
 *
 * @param state
 *   Render state.
 * @param node
 *   `pre` element.
 */
export function codeBlock(state: State, node: Element): void {
  state.flush()
  const theme = state.theme
  const style = theme.code
  const padding = style.padding ?? 4
  const text = toText(node, {whitespace: 'pre'}).replace(/\n$/, '')
  const base = state.baseStyle(style)
  const frame = state.frame()
  const lines: Line[] = []
  for (const source of text.split('\n')) {
    const items = state.shapeRuns([{text: source, style: base}], {dir: 'ltr', preserveSpaces: true})
    const broken = state.lines(items, frame.width - 2 * padding)
    if (broken.length === 0) lines.push({items: [], width: 0, hyphenated: false, last: true})
    for (const line of broken) lines.push({...line, last: true})
  }
  const paragraph = state.node('P')
  const struct = state.tagger.node('Code', paragraph)
  state.gap(padding + 2)
  state.placeLines(lines, {
    style,
    struct,
    align: 'start',
    dir: 'ltr',
    inset: padding,
    beforeChunk(top, height) {
      const box = state.frame()
      state.tagger.artifact(() => {
        state.doc.rect(box.x, top - padding, box.width, height + 2 * padding).fill(style.background ?? '#f2f2f2')
      })
    }
  })
  state.y += padding
  state.spaceAfter(style.spaceAfter ?? 8)
}
