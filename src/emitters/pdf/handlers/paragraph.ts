import type {Element} from 'hast'
import type {State} from '../state.js'
import {figureImage} from './image.js'

/**
 * Paragraph (`p`): justified body text with hyphenation, widows and orphans.
 * A paragraph holding only images is a figure.
 *
 * @param state
 *   Render state.
 * @param node
 *   `p` element.
 */
export function paragraph(state: State, node: Element): void {
  const content = node.children.filter((child) => !(child.type === 'text' && /^\s*$/.test(child.value)))
  if (content.length > 0 && content.every((child) => child.type === 'element' && child.tagName === 'img')) {
    for (const image of content) if (image.type === 'element') figureImage(state, image)
    return
  }
  state.paragraph({style: state.text, align: state.text.align ?? 'start'}, () => state.inlineAll(node))
}
