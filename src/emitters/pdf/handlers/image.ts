import type {Element} from 'hast'
import {pdfLabel} from '../labels.js'
import type {State} from '../state.js'

/**
 * Image (`img`) inside text: its alt text, in brackets. Images standing alone
 * are figures (see {@link figureImage}).
 *
 * @param state
 *   Render state.
 * @param node
 *   `img` element.
 */
export function image(state: State, node: Element): void {
  if (!state.inline) {
    figureImage(state, node)
    return
  }
  const alt = String(node.properties['alt'] ?? '').trim()
  if (alt) state.withStyle({italic: true}, () => state.addText(`[${alt}]`))
}

/**
 * A figure's image: embedded when it is a local JPEG or PNG (`Figure` with
 * `Alt`), otherwise its alt text is shown (remote images are never fetched).
 *
 * @param state
 *   Render state.
 * @param node
 *   `img` element.
 * @param caption
 *   Caption to draw under it (optional).
 */
export function figureImage(state: State, node: Element, caption?: () => void): void {
  state.flush()
  const src = String(node.properties['src'] ?? '')
  const alt = String(node.properties['alt'] ?? '').trim()
  const figure = state.node('Figure', {alt: alt || src})
  state.gap(4)
  let drawn = false
  // Remote and missing images are reported once, by the pipeline; remote
  // images are never fetched.
  if (src && !/^[a-z][a-z\d+.-]*:/i.test(src)) drawn = state.image(src, alt, figure)
  if (!drawn) {
    // Alt text in place of the image: real text, so not a `Figure`.
    const label = pdfLabel(state, 'image', {alt: alt || src})
    state.paragraph({style: state.theme.caption, align: 'center'}, () =>
      state.withStyle({italic: true}, () => state.addText(`[${label}]`))
    )
  }
  if (caption) {
    state.withParent(drawn ? figure : state.parent, () => caption())
  }
  state.spaceAfter(state.theme.caption.spaceAfter ?? 8)
}
