// Placeholder until the feeds emitter lands (being written now).
import type {Emitter} from '../types.js'
export function feedsEmitter(_options: Record<string, unknown> = {}): Emitter {
  return {name: 'feeds'}
}
