/**
 * The emitter registry: each built-in's name bound to its factory, as
 * Pandoc's `writers` table. The names, their order and the option schemas are
 * in `./builtins.ts` (which loads no emitter); this module loads them all.
 * The built-ins are on by default; `config.builtins.<name>` passes options or
 * `false`, and `config.emitters` adds emitters (replacing a built-in of the
 * same name).
 */
import type {ResolvedConfig} from '../config.js'
import type {Emitter} from '../types.js'
import {activeEmitterNames, builtinNames, type BuiltinName, type OptionsOf} from './builtins.js'
import {epubEmitter} from './epub/index.js'
import {feedsEmitter} from './feeds/index.js'
import {htmlEmitter} from './html/index.js'
import {newsletterEmitter} from './newsletter/index.js'
import {ninjsEmitter} from './ninjs/index.js'
import {pdfEmitter} from './pdf/index.js'
import {sitemapsEmitter} from './sitemaps/index.js'

export {
  activeEmitterNames,
  builtinNames,
  builtins,
  UnknownEmitterError,
  type BuiltinName,
  type BuiltinOptions,
  type OptionsOf
} from './builtins.js'

/**
 * A factory taking the options the configuration types for `Name`. (Each
 * emitter types its `handlers` exactly, which the configuration cannot: see
 * `HandlerFunction` in `pdf/options.ts`.)
 */
type FactoryOf<Name extends BuiltinName> = (options?: Omit<OptionsOf<Name>, 'handlers'>) => Emitter

/** Built-in emitter factories by name: one for each built-in, taking its options. */
export const builtinEmitters = {
  html: htmlEmitter,
  pdf: pdfEmitter,
  epub: epubEmitter,
  feeds: feedsEmitter,
  newsletter: newsletterEmitter,
  ninjs: ninjsEmitter,
  sitemaps: sitemapsEmitter
} satisfies {[Name in BuiltinName]: FactoryOf<Name>}

/**
 * Create the built-in emitter `name` with its options.
 *
 * @param name
 *   Built-in name.
 * @param options
 *   Its options.
 * @returns
 *   Emitter.
 */
function createBuiltin<Name extends BuiltinName>(name: Name, options: OptionsOf<Name>): Emitter {
  // Handlers from a configuration file are checked to be functions only.
  return (builtinEmitters[name] as FactoryOf<Name>)(options)
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
  return names.map((name) => {
    const emitter = custom.get(name)
    if (emitter) return emitter
    const builtin = name as BuiltinName
    if (!builtinNames.includes(builtin)) throw new TypeError(`Expected a built-in emitter, not \`${name}\``)
    return createBuiltin(builtin, config.builtins[builtin] || {})
  })
}
