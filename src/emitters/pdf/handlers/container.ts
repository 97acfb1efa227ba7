import type {Element} from 'hast'
import type {State} from '../state.js'

/**
 * Generic block container (`div`, `section`, `article`, `aside`…): its
 * children, in order. The footnotes section (`section.footnotes`) is set in
 * small type under a rule, as a `Note`-like `Div`.
 *
 * @param state
 *   Render state.
 * @param node
 *   Element.
 */
export function container(state: State, node: Element): void {
  state.flush()
  const classes = Array.isArray(node.properties['className']) ? node.properties['className'].map(String) : []
  const id = typeof node.properties['id'] === 'string' ? node.properties['id'] : undefined
  if (id) state.anchors.push(id)
  if (classes.includes('footnotes') || node.properties['dataFootnotes'] !== undefined) {
    const saved = state.text
    state.gap(14)
    state.rule()
    state.text = {...state.theme.footnotes, align: 'start'}
    state.withParent(state.node('Div'), () => state.all(node))
    state.text = saved
    return
  }
  state.withParent(state.node('Div'), () => state.all(node))
}

/**
 * Definition list (`dl`), term (`dt`, bold) and description (`dd`, indented).
 *
 * @param state
 *   Render state.
 * @param node
 *   Element.
 */
export function definition(state: State, node: Element): void {
  state.flush()
  if (node.tagName === 'dt') {
    state.paragraph({style: {...state.text, spaceAfter: 1}, align: 'start'}, () =>
      state.withStyle({bold: true}, () => state.inlineAll(node))
    )
  } else if (node.tagName === 'dd') {
    state.withIndent(state.theme.list.indent, 0, () => state.all(node))
  } else {
    state.withParent(state.node('Div'), () => state.all(node))
  }
}
