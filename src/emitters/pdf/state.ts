/**
 * The render state of one document, composed from its concerns (see
 * `state-types.ts`): the document (here), pages (`page.ts`), the cursor
 * (`cursor.ts`), the structure tree (`tagging.ts`), fonts and lines
 * (`text.ts`) and the flow of the tree (`flow.ts`).
 */
import {diagnostics} from '../../diagnostics.js'
import {createCursor} from './cursor.js'
import {createFlow} from './flow.js'
import {createPage} from './page.js'
import type {DocumentState, State, StateOptions} from './state-types.js'
import {createTagging} from './tagging.js'
import {createText} from './text.js'

export type {BlockOptions, DrawOptions, Handler, Handlers, State, StateOptions} from './state-types.js'

/**
 * Create the render state of one document.
 *
 * @param options
 *   Document, theme, fonts, article, context and handlers.
 * @returns
 *   State.
 */
export function createState(options: StateOptions): State {
  const {doc, theme, article, ctx} = options
  const warned = new Set<string>()
  // One object, so handlers (and the parts themselves) reach every part
  // through `state`; each part is made once the parts it reads are there.
  const state = {} as State
  const document: DocumentState = {
    doc,
    theme,
    article,
    ctx,
    handlers: options.handlers,
    dir: article.meta.dir === 'rtl' ? 'rtl' : 'ltr',
    onLine: options.onLine,

    warn(reason, ruleId, place) {
      ctx.warn(reason, place === undefined ? {ruleId, article} : {ruleId, article, place})
    },

    unhandled(node) {
      if (warned.has('unhandled:' + node.tagName)) return
      warned.add('unhandled:' + node.tagName)
      state.warn(diagnostics.unhandledNode.reason('pdf', `<${node.tagName}>`), diagnostics.unhandledNode.ruleId, node.position)
    }
  }
  Object.assign(state, document)
  Object.assign(state, createTagging(state, options.tagger, options.ids))
  Object.assign(state, createText(state, options.fonts, options.hyphenate))
  Object.assign(state, createPage(state, options.pageWidth, options.pageHeight))
  Object.assign(state, createCursor(state))
  Object.assign(state, createFlow(state))
  return state
}
