import type {Element} from 'hast'
import type {State} from '../state.js'

/**
 * Heading (`h1`–`h6`): kept with the next two lines of text, never stranded
 * at the foot of a page. Its id becomes a named destination.
 *
 * @param state
 *   Render state.
 * @param node
 *   Heading element.
 */
export function heading(state: State, node: Element): void {
  const rank = Math.min(Math.max(Number(node.tagName.slice(1)) || 2, 2), 6)
  const classes = Array.isArray(node.properties['className']) ? node.properties['className'].map(String) : []
  // The footnotes label is visually hidden in HTML: a small heading here.
  const key = classes.includes('sr-only') ? 'h4' : (`h${rank}` as const)
  const style = state.theme.headings[key as 'h2']
  const id = typeof node.properties['id'] === 'string' ? node.properties['id'] : undefined
  if (id) state.anchors.push(id)
  const body = state.text
  const keepWithNext = (style.spaceAfter ?? 0) + state.lineHeight(body) * state.theme.keep.orphans
  state.paragraph({style, type: `H${rank}`, keepWithNext, align: 'start'}, () => state.inlineAll(node))
}
