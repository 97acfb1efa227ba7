/**
 * The flow: the tree walked node by node (each element to its handler),
 * inline text collected into paragraphs and placed.
 */
import {blockTags} from './block-tags.js'
import type {InlineRun} from './layout.js'
import type {BlockOptions, FlowState, State} from './state-types.js'

/**
 * Create the flow part of a state.
 *
 * @param state
 *   The state being composed (every other part made).
 * @returns
 *   The part.
 */
export function createFlow(state: State): FlowState {
  const part: FlowState = {
    text: state.theme.body,
    listDepth: 0,
    inline: undefined,

    one(node, parent) {
      if (node.type === 'text') {
        state.addText(node.value)
        return
      }
      if (node.type === 'root') {
        state.all(node)
        return
      }
      if (node.type !== 'element') return
      // Lines held back for the end matter are drawn before the next element
      // (a handler may draw on the document itself).
      state.settle()
      const handler = state.handlers[node.tagName] ?? state.handlers['unknown']
      handler?.(state, node, parent)
    },

    all(node) {
      for (const child of node.children) {
        if (child.type === 'text') {
          if (!state.inline && /^[\t\n\f\r ]*$/.test(child.value)) continue
          if (!state.inline) openImplicit()
          state.addText(child.value)
        } else if (child.type === 'element') {
          if (blockTags.has(child.tagName)) {
            state.flush()
            state.one(child, node)
          } else {
            if (!state.inline) openImplicit()
            state.one(child, node)
          }
        }
      }
      state.flush()
    },

    inlineAll(node) {
      for (const child of node.children) {
        if (child.type === 'text') state.addText(child.value)
        else if (child.type === 'element') {
          if (blockTags.has(child.tagName) && !state.handlers[child.tagName + ':inline']) {
            // A block inside inline content: keep its text, on its own line.
            state.addText('\n', {preserve: true})
            state.inlineAll(child)
            state.addText('\n', {preserve: true})
          } else {
            state.one(child, node)
          }
        }
      }
    },

    addText(value, addOptions = {}) {
      if (!state.inline) openImplicit()
      const inline = state.inline
      if (!inline) return
      let text = addOptions.preserve ? value : value.replace(/[\t\n\f\r ]+/g, ' ')
      if (state.hyphenate && !inline.style.link?.url && inline.style.family !== 'mono' && !addOptions.preserve) {
        text = state.hyphenate(text)
      }
      const last = inline.runs.at(-1)
      if (last && last.style === inline.style) last.text += text
      else inline.runs.push({text, style: inline.style})
    },

    withStyle(patch, fn) {
      if (!state.inline) openImplicit()
      const inline = state.inline
      if (!inline) return
      const previous = inline.style
      inline.style = {...previous, ...patch}
      fn()
      inline.style = previous
    },

    paragraph(paragraphOptions, fill) {
      state.flush()
      const struct = paragraphOptions.struct ?? state.node(paragraphOptions.type ?? 'P')
      state.inline = {runs: [], style: state.baseStyle(paragraphOptions.style)}
      fill()
      const runs = state.inline.runs
      state.inline = undefined
      placeRuns(runs, {...paragraphOptions, struct})
    },

    flush() {
      const inline = state.inline
      if (!inline) return
      state.inline = undefined
      if (inline.runs.every((run) => /^[\s\u00AD]*$/.test(run.text))) return
      placeRuns(inline.runs, {style: state.text, struct: state.node('P')})
    },

    collect(node, style, patch = {}) {
      const saved = state.inline
      state.inline = {runs: [], style: {...state.baseStyle(style), ...patch}}
      state.inlineAll(node)
      const runs = state.inline.runs
      state.inline = saved
      return runs
    }
  }

  function openImplicit() {
    state.inline = {runs: [], style: state.baseStyle(state.text)}
  }

  function placeRuns(runs: InlineRun[], blockOptions: BlockOptions) {
    const items = state.shapeRuns(runs, blockOptions.dir ? {dir: blockOptions.dir} : {})
    const frame = state.frame()
    const inset = blockOptions.inset ?? 0
    const justify = (blockOptions.align ?? blockOptions.style.align) === 'justify'
    const lines = state.paragraphLines(items, frame.width - 2 * inset, justify)
    if (lines.length === 0 && !state.label && state.anchors.length === 0) return
    if (lines.length === 0) lines.push({items: [], width: 0, hyphenated: false, last: true})
    state.gap(blockOptions.style.spaceBefore ?? 0)
    state.placeLines(lines, blockOptions)
    state.spaceAfter(blockOptions.style.spaceAfter ?? 0)
  }

  return part
}
