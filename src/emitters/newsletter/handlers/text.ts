import type {Text} from 'hast'
import type {State} from '../state.js'

const surrogate = /[\uD800-\uDFFF]/

/**
 * Text: inter-element whitespace collapses to one space (as HTML renders it);
 * lone surrogates become U+FFFD so the output is valid UTF-8.
 *
 * @param _state
 *   State.
 * @param node
 *   Text node.
 * @returns
 *   Inline text.
 */
export function text(_state: State, node: Text): string {
  const value = node.value.replace(/[\t\n\f\r ]+/g, ' ')
  // (Most text has no surrogate at all: one plain scan before the lookarounds.)
  return surrogate.test(value) ? value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD') : value
}
