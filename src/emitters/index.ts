/**
 * The emitter registry: name → factory, as Pandoc's `writers` table. The
 * built-ins are on by default; `config.builtins.<name>` passes options or
 * `false`, and `config.emitters` adds emitters (replacing a built-in of the
 * same name).
 */
import type {ResolvedConfig} from '../config.js'
import type {Emitter, EmitterFactory} from '../types.js'
import {epubEmitter} from './epub/index.js'
import {feedsEmitter} from './feeds/index.js'
import {htmlEmitter} from './html/index.js'
import {newsletterEmitter} from './newsletter/index.js'
import {activeEmitterNames} from './names.js'
import {ninjsEmitter} from './ninjs/index.js'
import {pdfEmitter} from './pdf/index.js'
import {sitemapsEmitter} from './sitemaps/index.js'

export {activeEmitterNames, builtinNames, UnknownEmitterError} from './names.js'

/** Built-in emitters by name, in the order they run. */
export const builtinEmitters: Record<string, EmitterFactory> = {
  html: htmlEmitter as EmitterFactory,
  pdf: pdfEmitter as EmitterFactory,
  epub: epubEmitter as EmitterFactory,
  feeds: feedsEmitter as EmitterFactory,
  newsletter: newsletterEmitter as EmitterFactory,
  ninjs: ninjsEmitter as EmitterFactory,
  sitemaps: sitemapsEmitter as EmitterFactory
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
  const names = activeEmitterNames(config, only)
  const custom = new Map(config.emitters.map((emitter) => [emitter.name, emitter]))
  return names.map((name) => custom.get(name) ?? builtinEmitters[name]!(config.builtins[name] || {}))
}
