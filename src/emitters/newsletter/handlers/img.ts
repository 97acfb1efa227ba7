import type {Element} from 'hast'
import type {State} from '../state.js'

/**
 * Image: `[Image: alt]`, or `[Image]` without alt text.
 *
 * @param _state
 *   State.
 * @param node
 *   `img`.
 * @returns
 *   Inline text.
 */
export function img(_state: State, node: Element): string {
  const alt = String(node.properties['alt'] ?? '').replace(/\s+/g, ' ').trim()
  return alt ? `[Image: ${alt}]` : '[Image]'
}
