/**
 * The structure tree as the handlers see it: the parent of new blocks, the
 * pending list label, anchors and numbered links.
 */
import type {State, TaggingState} from './state-types.js'
import type {Tagger} from './tagger.js'

/**
 * Create the tagging part of a state.
 *
 * @param state
 *   The state being composed.
 * @param tagger
 *   Structure tree of the document.
 * @param ids
 *   Ids of elements in the body.
 * @returns
 *   The part.
 */
export function createTagging(state: State, tagger: Tagger, ids: Set<string>): TaggingState {
  return {
    tagger,
    parent: tagger.root,
    links: new Map(),
    ids,
    anchors: [],
    label: undefined,

    withParent(parent, fn) {
      const previous = state.parent
      state.parent = parent
      fn()
      state.parent = previous
    },

    node(type, nodeOptions = {}) {
      return tagger.node(type, state.parent, nodeOptions)
    }
  }
}
