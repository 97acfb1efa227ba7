/**
 * The built-in emitters: their names, in the order they run, and the schema of
 * each one's options. This is the one list of built-ins: configuration types
 * and validation, `--only` and the build's planning read it, and
 * `./index.ts` binds each name to its factory (checked exhaustively by
 * TypeScript).
 *
 * It imports only the option schemas, never an emitter: reading a
 * configuration or planning a no-op rebuild must not load pdfkit & co.
 */
import * as z from 'zod'
import {epubOptions} from './epub/options.js'
import {feedsOptions} from './feeds/options.js'
import {htmlOptions} from './html/options.js'
import {newsletterOptions} from './newsletter/options.js'
import {ninjsOptions} from './ninjs/options.js'
import {pdfOptions} from './pdf/options.js'
import {sitemapsOptions} from './sitemaps/options.js'

/** Built-in emitters by name, in the order they run, with the schema of their options. */
export const builtins = {
  html: {options: htmlOptions},
  pdf: {options: pdfOptions},
  epub: {options: epubOptions},
  feeds: {options: feedsOptions},
  newsletter: {options: newsletterOptions},
  ninjs: {options: ninjsOptions},
  sitemaps: {options: sitemapsOptions}
} as const

/** Name of a built-in emitter. */
export type BuiltinName = keyof typeof builtins

/** Options of the built-in emitter `Name`, as a user writes them. */
export type OptionsOf<Name extends BuiltinName> = z.input<(typeof builtins)[Name]['options']>

/** Built-in emitters, in the order they run. */
export const builtinNames = Object.keys(builtins) as BuiltinName[]

/** Schema of `builtins`: per built-in, its options or `false` to turn it off. */
export const builtinsSchema = z.strictObject(
  Object.fromEntries(
    builtinNames.map((name) => [name, z.union([z.literal(false), builtins[name].options]).exactOptional()])
  ) as {
    [Name in BuiltinName]: z.ZodExactOptional<z.ZodUnion<[z.ZodLiteral<false>, (typeof builtins)[Name]['options']]>>
  }
)

/** Options of the built-in emitters (`config.builtins`); `false` turns one off. */
export type BuiltinOptions = z.input<typeof builtinsSchema>

/**
 * Merge two `builtins` settings, `over` on top: options merge key by key; an
 * emitter turned off (`false`) in either stays off, as options alone do not
 * turn an emitter back on.
 *
 * @param base
 *   Settings (for example from the configuration file).
 * @param over
 *   Settings on top (for example from command-line flags).
 * @returns
 *   Merged settings.
 */
export function mergeBuiltins(base: BuiltinOptions, over: BuiltinOptions): BuiltinOptions {
  const merged: Record<string, unknown> = {...base}
  for (const [name, value] of Object.entries(over)) {
    const previous = merged[name]
    merged[name] = previous === false || value === false ? false : {...(previous as object | undefined), ...value}
  }
  return merged as BuiltinOptions
}

/** An unknown emitter name was asked for (`--only`). */
export class UnknownEmitterError extends Error {
  override name = 'UnknownEmitterError'
  readonly code = 'UNKNOWN_EMITTER'
}

/**
 * Names of the active emitters.
 *
 * @param config
 *   Built-in settings and extra emitters of a resolved configuration.
 * @param only
 *   Names to keep (optional, from `--only`).
 * @returns
 *   Names, built-ins first.
 * @throws {UnknownEmitterError}
 *   When `only` names an emitter that does not exist.
 */
export function activeEmitterNames(
  config: {builtins: BuiltinOptions; emitters: ReadonlyArray<{name: string}>},
  only?: readonly string[]
): string[] {
  const names: string[] = builtinNames.filter((name) => config.builtins[name] !== false)
  for (const emitter of config.emitters) if (!names.includes(emitter.name)) names.push(emitter.name)
  if (!only || only.length === 0) return names
  for (const name of only) {
    if (!names.includes(name)) {
      throw new UnknownEmitterError(`Unknown emitter \`${name}\`; expected one of ${names.map((n) => `\`${n}\``).join(', ')}`)
    }
  }
  return names.filter((name) => only.includes(name))
}
