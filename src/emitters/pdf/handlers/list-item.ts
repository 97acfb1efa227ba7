import type {Element} from 'hast'
import type {State} from '../state.js'

/**
 * List item (`li`): `LI` with `Lbl` (drawn in the margin of the item's first
 * line) and `LBody`. A checkbox of a task list becomes ☐ or ☑ in the text.
 *
 * @param state
 *   Render state.
 * @param node
 *   `li` element.
 * @param label
 *   Bullet or number (default: `•`).
 */
export function listItem(state: State, node: Element, label = '•'): void {
  const item = state.node('LI')
  const lbl = state.tagger.node('Lbl', item)
  const body = state.tagger.node('LBody', item)
  const id = typeof node.properties['id'] === 'string' ? node.properties['id'] : undefined
  if (id) state.anchors.push(id)
  state.label = {text: label, struct: lbl}
  const saved = state.text
  state.text = {...state.text, spaceAfter: 2, align: 'start'}
  state.withParent(body, () => {
    state.withIndent(state.theme.list.indent, 0, () => state.all(node))
  })
  state.text = saved
  if (state.label) {
    // An empty item: its label alone.
    state.withParent(body, () => {
      state.withIndent(state.theme.list.indent, 0, () => {
        state.paragraph({style: state.text}, () => state.addText('\u00A0'))
      })
    })
  }
}
