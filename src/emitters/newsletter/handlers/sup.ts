import type {Element} from 'hast'
import type {State} from '../state.js'

/**
 * Superscript: its text. A footnote reference (`<sup><a data-footnote-ref>`)
 * is written by the `a` handler as `[note n]`, here set off from the word
 * before by a space.
 *
 * @param state
 *   State.
 * @param node
 *   `sup`.
 * @returns
 *   Inline text.
 */
export function sup(state: State, node: Element): string {
  const isReference = node.children.some(
    (child) => child.type === 'element' && child.tagName === 'a' && child.properties['dataFootnoteRef'] !== undefined
  )
  const text = state.inline(node)
  return isReference ? ' ' + text : text
}
