/**
 * Names of the built-in emitters and the active ones of a configuration,
 * without loading any emitter (a no-op rebuild never loads pdfkit & co.).
 */
import type {ResolvedConfig} from '../config.js'

/** Built-in emitters, in the order they run. */
export const builtinNames = ['html', 'pdf', 'epub', 'feeds', 'newsletter', 'ninjs', 'sitemaps'] as const

/** An unknown emitter name was asked for (`--only`). */
export class UnknownEmitterError extends Error {
  override name = 'UnknownEmitterError'
  readonly code = 'UNKNOWN_EMITTER'
}

/**
 * Names of the active emitters.
 *
 * @param config
 *   Resolved configuration.
 * @param only
 *   Names to keep (optional, from `--only`).
 * @returns
 *   Names, built-ins first.
 * @throws {UnknownEmitterError}
 *   When `only` names an emitter that does not exist.
 */
export function activeEmitterNames(config: ResolvedConfig, only?: readonly string[]): string[] {
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
