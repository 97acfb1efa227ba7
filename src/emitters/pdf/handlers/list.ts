import type {Element} from 'hast'
import type {State} from '../state.js'
import {listItem} from './list-item.js'

/**
 * List (`ul`, `ol`): an `L` element whose items carry a label (`Lbl`: bullet
 * by depth, or number from `start`) in the start margin, mirrored in
 * right-to-left articles.
 *
 * @param state
 *   Render state.
 * @param node
 *   List element.
 */
export function list(state: State, node: Element): void {
  const ordered = node.tagName === 'ol'
  const start = Number(node.properties['start'] ?? 1)
  let number = Number.isFinite(start) ? start : 1
  const struct = state.node('L')
  const bullets = state.theme.list.bullets
  const depth = state.listDepth
  state.gap(state.listDepth === 0 ? 2 : 0)
  state.listDepth++
  state.withParent(struct, () => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (child.tagName !== 'li') {
        state.one(child, node)
        continue
      }
      const label = ordered ? `${number}.` : (bullets[depth % bullets.length] ?? '•')
      listItem(state, child, label)
      number++
    }
  })
  state.listDepth--
  state.spaceAfter(state.text.spaceAfter ?? 0)
}
