import {readdirSync, statSync} from 'node:fs'
import path from 'node:path'

/** Repository root. */
export const root = path.resolve(import.meta.dirname, '../..')
/** The corpora copied into the repository. */
export const corpus = path.resolve(root, 'tests/corpus')
/** Where the global setup builds. */
export const conformanceDir = path.resolve(root, process.env['PRESSROOM_CONFORMANCE_DIR'] ?? '.conformance')
/** The builds made by the global setup. */
export const builds = ['sample', 'fixtures', 'spec', 'corpus', 'adversarial'] as const

/** Every file under a folder with one of the extensions, sorted. */
export function filesWith(dir: string, extensions: readonly string[]): string[] {
  const out: string[] = []
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const full = path.join(current, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (extensions.some((extension) => name.endsWith(extension))) out.push(full)
    }
  }
  walk(dir)
  return out.sort()
}
