/**
 * `pressroom templates list` and `pressroom templates eject [name…]`: the
 * built-in templates, and copies of them in the site's templates folder for
 * editing. A file there overrides the built-in file of the same name
 * (`emitters/templates.ts` looks in the site's folder first). Nothing is
 * ever overwritten.
 */
import {constants, existsSync} from 'node:fs'
import {copyFile, mkdir, readdir} from 'node:fs/promises'
import path from 'node:path'

/** An eject that would overwrite files, or names no template (exit code 2). */
export class EjectError extends Error {
  override name = 'EjectError'
}

/** One built-in template. */
export interface TemplateEntry {
  /** Path in the templates folder, with `/`, e.g. `epub/package.opf.liquid`. */
  name: string
  /** Whether the site's templates folder has a file of that name (which is used instead). */
  overridden: boolean
}

/**
 * Every built-in template and whether the site overrides it.
 *
 * @param builtin
 *   Built-in templates folder.
 * @param site
 *   The site's templates folder.
 * @returns
 *   Entries, sorted by name.
 */
export async function listTemplates(builtin: string, site: string): Promise<TemplateEntry[]> {
  const names = await filesUnder(builtin)
  return names.map((name) => ({name, overridden: existsSync(path.join(site, name))}))
}

/**
 * Copy built-in templates into the site's templates folder.
 *
 * @param builtin
 *   Built-in templates folder.
 * @param site
 *   The site's templates folder (made when missing).
 * @param names
 *   Template files or folders (`epub`) to copy (default: all).
 * @returns
 *   The names copied.
 * @throws {EjectError}
 *   For a name that is no built-in template, or when a target exists
 *   (naming every one; nothing is copied then).
 */
export async function ejectTemplates(builtin: string, site: string, names: readonly string[] = []): Promise<string[]> {
  const all = await filesUnder(builtin)
  let chosen = all
  if (names.length > 0) {
    const wanted = names.map((name) => name.replace(/\\/g, '/').replace(/^templates\//, '').replace(/\/+$/, ''))
    const unknown = wanted.filter((name) => !all.some((file) => file === name || file.startsWith(`${name}/`)))
    if (unknown.length > 0) {
      throw new EjectError(`Unknown template ${unknown.map((name) => `\`${name}\``).join(', ')}; \`pressroom templates list\` lists them`)
    }
    chosen = all.filter((file) => wanted.some((name) => file === name || file.startsWith(`${name}/`)))
  }
  const existing = chosen.filter((name) => existsSync(path.join(site, name)))
  if (existing.length > 0) {
    const shown = existing.map((name) => `\`${path.join(path.relative(process.cwd(), site) || '.', name)}\``)
    throw new EjectError(`Refused to overwrite ${shown.join(', ')}; nothing was copied: remove ${existing.length === 1 ? 'it' : 'them'} to eject the default again`)
  }
  for (const name of chosen) {
    const target = path.join(site, name)
    await mkdir(path.dirname(target), {recursive: true})
    // Never overwrite, even a file that appeared since the check.
    await copyFile(path.join(builtin, name), target, constants.COPYFILE_EXCL)
  }
  return chosen
}

/** Files under a folder, relative with `/`, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true})
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}
