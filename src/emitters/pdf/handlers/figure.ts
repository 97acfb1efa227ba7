import type {Element, ElementContent} from 'hast'
import type {State} from '../state.js'
import {figureImage} from './image.js'

const phrasing = new Set(['a', 'abbr', 'b', 'br', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var'])

/**
 * Figure (`figure` with `img` and `figcaption`): the image, then its caption
 * as a `Caption` inside the `Figure`.
 *
 * @param state
 *   Render state.
 * @param node
 *   `figure` element.
 */
export function figure(state: State, node: Element): void {
  state.flush()
  const images: Element[] = []
  let caption: Element | undefined
  const rest: Element[] = []
  // Text and inline elements directly in the figure (template code, the alt
  // text of a missing image) become paragraphs, so no word is lost.
  let run: ElementContent[] = []
  const endRun = () => {
    if (run.some((child) => child.type !== 'text' || child.value.trim() !== '')) {
      rest.push({type: 'element', tagName: 'p', properties: {}, children: run})
    }
    run = []
  }
  for (const child of node.children) {
    if (child.type === 'text' || (child.type === 'element' && phrasing.has(child.tagName))) {
      run.push(child)
      continue
    }
    endRun()
    if (child.type !== 'element') continue
    if (child.tagName === 'img') images.push(child)
    else if (child.tagName === 'figcaption') caption = child
    else if (child.tagName === 'p' && child.children.some((c) => c.type === 'element' && c.tagName === 'img')) {
      for (const c of child.children) if (c.type === 'element' && c.tagName === 'img') images.push(c)
    } else rest.push(child)
  }
  endRun()
  const drawCaption = caption
    ? () => {
        const element = caption
        state.paragraph({style: state.theme.caption, type: 'Caption', align: 'start'}, () => state.inlineAll(element))
      }
    : undefined
  if (images.length === 0) {
    state.withParent(state.node('Div'), () => {
      for (const child of rest) state.one(child, node)
      drawCaption?.()
    })
    return
  }
  images.forEach((img, index) => figureImage(state, img, index === images.length - 1 ? drawCaption : undefined))
  for (const child of rest) state.one(child, node)
}

/**
 * Caption outside a figure (`figcaption`, table `caption`): small text.
 *
 * @param state
 *   Render state.
 * @param node
 *   Element.
 */
export function caption(state: State, node: Element): void {
  state.paragraph({style: state.theme.caption, type: 'Caption', align: 'start'}, () => state.inlineAll(node))
}
