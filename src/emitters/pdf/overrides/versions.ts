/**
 * The versions of pdfkit and fontkit the overrides were written against,
 * checked when this module loads (both override modules import it): the
 * emitter fails, naming the package and both versions, when they differ.
 * After an upgrade, run `tests/emitters/pdf/overrides.test.ts`, then change
 * `expectedVersions`.
 */
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'

/** The versions of pdfkit and fontkit whose internals this module replaces. */
export const expectedVersions = {pdfkit: '0.20.2', fontkit: '2.0.4'} as const

const require = createRequire(import.meta.url)

/**
 * The installed version of a package, from its `package.json` (which neither
 * package lists in its exports, so it is found next to the entry point).
 *
 * @param name
 *   Package name.
 * @returns
 *   Its version, or `undefined` when it cannot be found.
 */
export function installedVersion(name: string): string | undefined {
  try {
    for (let dir = path.dirname(require.resolve(name)); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
      const file = path.join(dir, 'package.json')
      if (!existsSync(file)) continue
      const data = JSON.parse(readFileSync(file, 'utf8')) as {name?: string; version?: string}
      if (data.name === name) return data.version
    }
  } catch {
    // Not resolvable from here.
  }
  return undefined
}

/**
 * Fail unless the installed version of a package is the one the overrides
 * were written against.
 *
 * @param name
 *   Package name.
 * @param expected
 *   Version the overrides expect.
 * @param found
 *   Installed version (`undefined`: not found).
 */
export function assertVersion(name: string, expected: string, found: string | undefined): void {
  if (found === expected) return
  throw new Error(
    `The PDF emitter replaces internals of ${name} ${expected}, but ${found === undefined ? 'no version of it' : `version ${found}`} is installed: ` +
      `install ${name}@${expected}, or check src/emitters/pdf/overrides/ against ${name} ${found ?? '(missing)'} and update \`expectedVersions\``
  )
}

for (const [name, expected] of Object.entries(expectedVersions)) assertVersion(name, expected, installedVersion(name))
