/**
 * Inline handlers: each changes the style of the text it holds.
 */
import type {Element} from 'hast'
import type {State} from '../state.js'

/**
 * Strong importance (`strong`, `b`): bold.
 *
 * @param state
 *   Render state.
 * @param node
 *   Element.
 */
export function strong(state: State, node: Element): void {
  state.withStyle({bold: true}, () => state.inlineAll(node))
}

/**
 * Emphasis (`em`, `i`, `cite`, `dfn`, `var`): italic.
 *
 * @param state
 *   Render state.
 * @param node
 *   Element.
 */
export function emphasis(state: State, node: Element): void {
  state.withStyle({italic: true}, () => state.inlineAll(node))
}

/**
 * Inline code (`code`, `kbd`, `samp`): monospace, slightly smaller, never
 * hyphenated.
 *
 * @param state
 *   Render state.
 * @param node
 *   Element.
 */
export function inlineCode(state: State, node: Element): void {
  const size = state.inline?.style.size ?? state.text.size
  state.withStyle({family: 'mono', size: size * 0.9}, () => state.inlineAll(node))
}

/**
 * Deleted text (`del`, `s`): struck through.
 *
 * @param state
 *   Render state.
 * @param node
 *   Element.
 */
export function strikethrough(state: State, node: Element): void {
  state.withStyle({strike: true}, () => state.inlineAll(node))
}

/**
 * Inserted or underlined text (`ins`, `u`).
 *
 * @param state
 *   Render state.
 * @param node
 *   Element.
 */
export function underline(state: State, node: Element): void {
  state.withStyle({underline: true}, () => state.inlineAll(node))
}

/**
 * Superscript (`sup`): smaller, raised.
 *
 * @param state
 *   Render state.
 * @param node
 *   Element.
 */
export function superscript(state: State, node: Element): void {
  const size = state.inline?.style.size ?? state.text.size
  state.withStyle({size: size * 0.7, shift: 0.55}, () => state.inlineAll(node))
}

/**
 * Subscript (`sub`): smaller, lowered.
 *
 * @param state
 *   Render state.
 * @param node
 *   Element.
 */
export function subscript(state: State, node: Element): void {
  const size = state.inline?.style.size ?? state.text.size
  state.withStyle({size: size * 0.7, shift: -0.25}, () => state.inlineAll(node))
}

/**
 * Line break (`br`).
 *
 * @param state
 *   Render state.
 */
export function lineBreak(state: State): void {
  state.addText('\n', {preserve: true})
}

/**
 * Generic inline container (`span`, `abbr`, `time`, `small`, `mark`, `q`…):
 * its text as it is; the wire dateline (`span.dateline`) in bold.
 *
 * @param state
 *   Render state.
 * @param node
 *   Element.
 */
export function span(state: State, node: Element): void {
  const classes = Array.isArray(node.properties['className']) ? node.properties['className'].map(String) : []
  if (classes.includes('dateline')) state.withStyle({bold: true}, () => state.inlineAll(node))
  else if (node.tagName === 'q') {
    state.addText('“')
    state.inlineAll(node)
    state.addText('”')
  } else state.inlineAll(node)
}

/**
 * Checkbox of a task list item (`input[type=checkbox]`): ☑ or ☐.
 *
 * @param state
 *   Render state.
 * @param node
 *   Element.
 */
export function input(state: State, node: Element): void {
  if (node.properties['type'] === 'checkbox') state.addText(node.properties['checked'] ? '☑ ' : '☐ ')
}
