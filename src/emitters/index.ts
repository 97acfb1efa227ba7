/**
 * The emitter registry: name → factory, as Pandoc's `writers` table. The
 * built-ins are on by default; `config.builtins.<name>` passes options or
 * `false`, and `config.emitters` adds emitters (replacing a built-in of the
 * same name).
 */
import type {ResolvedConfig} from '../config.js'
import type {Emitter, EmitterFactory} from '../types.js'
import {epubEmitter} from './epub.js'
import {feedsEmitter} from './feeds.js'
import {htmlEmitter} from './html.js'
import {newsletterEmitter} from './newsletter/index.js'
import {pdfEmitter} from './pdf/index.js'

/** Built-in emitters by name, in the order they run. */
export const builtinEmitters: Record<string, EmitterFactory> = {
  html: htmlEmitter as EmitterFactory,
  pdf: pdfEmitter as EmitterFactory,
  epub: epubEmitter as EmitterFactory,
  feeds: feedsEmitter as EmitterFactory,
  newsletter: newsletterEmitter as EmitterFactory
}

/** An unknown emitter name was asked for (`--only`). */
export class UnknownEmitterError extends Error {
  override name = 'UnknownEmitterError'
  readonly code = 'UNKNOWN_EMITTER'
}

/**
 * The active emitters of a configuration.
 *
 * @param config
 *   Resolved configuration.
 * @param only
 *   Names to keep (optional, from `--only`).
 * @returns
 *   Emitters, built-ins first, in registry order.
 * @throws {UnknownEmitterError}
 *   When `only` names an emitter that does not exist.
 */
export function resolveEmitters(config: ResolvedConfig, only?: readonly string[]): Emitter[] {
  const list: Emitter[] = []
  const custom = new Map(config.emitters.map((emitter) => [emitter.name, emitter]))
  for (const [name, factory] of Object.entries(builtinEmitters)) {
    const options = config.builtins[name]
    if (options === false) continue
    const replacement = custom.get(name)
    list.push(replacement ?? factory(options ?? {}))
    custom.delete(name)
  }
  list.push(...custom.values())
  if (only && only.length > 0) {
    const known = new Set(list.map((emitter) => emitter.name))
    for (const name of only) {
      if (!known.has(name)) {
        throw new UnknownEmitterError(
          `Unknown emitter \`${name}\`; expected one of ${[...known].map((n) => `\`${n}\``).join(', ')}`
        )
      }
    }
    return list.filter((emitter) => only.includes(emitter.name))
  }
  return list
}
