/**
 * Recursive file listing, shared by the build (pruning, tests) and `pressroom
 * check`. A leaf: it imports nothing of Pressroom, so any layer may use it.
 */
import {readdir} from 'node:fs/promises'
import path from 'node:path'

/**
 * Files of a folder, recursively, as sorted POSIX relative paths; dotfiles
 * and dot-folders (`.git`, temp files of an interrupted build) are skipped.
 *
 * @param root
 *   Folder.
 * @returns
 *   Relative paths (`feeds/rss.xml`), sorted by code unit.
 */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, {recursive: true, withFileTypes: true})
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((name) => !name.split('/').some((segment) => segment.startsWith('.')))
    .sort()
}
