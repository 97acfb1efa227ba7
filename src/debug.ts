/**
 * Phase timings, printed with `NODE_DEBUG=pressroom` (ms since the process
 * or thread started).
 */
import {debuglog} from 'node:util'

const log = debuglog('pressroom')

/** Print that `what` just ended, when `NODE_DEBUG` includes `pressroom`. */
export function debug(what: string): void {
  if (log.enabled) log('%s ms %s', performance.now().toFixed(0), what)
}
