// Placeholder until the newsletter emitter lands (being written now).
import type {Emitter} from '../../types.js'
export function newsletterEmitter(_options: Record<string, unknown> = {}): Emitter {
  return {name: 'newsletter'}
}
