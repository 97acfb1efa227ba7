/**
 * Whether a file found under a folder really is in it: its real path (every
 * symbolic link resolved) inside the folder's real path. A link out of the
 * input folder would publish what it points to (`/proc/self/environ`, a key
 * in the home folder of a CI runner building a contributor's branch), so
 * sources and images are read only from inside: Jekyll's safe mode and
 * GitHub Pages refuse such links too.
 */
import {realpathSync} from 'node:fs'
import path from 'node:path'

/** Whether `real` is `root` or inside it (both real, absolute paths). */
function within(real: string, root: string): boolean {
  const relative = path.relative(root, real)
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
}

/** `realpath`, or `undefined` when the path does not resolve (a dangling link, a missing folder). */
function realOf(file: string): string | undefined {
  try {
    return realpathSync.native(file)
  } catch {
    return undefined
  }
}

/**
 * A check for files under `root`, which resolves each folder once: a
 * regular file is inside when its folder's real path is; a symbolic link is
 * resolved itself.
 *
 * @param root
 *   Folder the files must be in.
 * @returns
 *   `(file, isLink) => boolean`; `isLink` says whether `file` itself is a
 *   symbolic link (from the `lstat` its caller makes anyway).
 */
export function insideCheck(root: string): (file: string, isLink: boolean) => boolean {
  const realRoot = realOf(root) ?? path.resolve(root)
  const folders = new Map<string, boolean>()
  return (file, isLink) => {
    if (isLink) {
      const real = realOf(file)
      return real !== undefined && within(real, realRoot)
    }
    const folder = path.dirname(file)
    let inside = folders.get(folder)
    if (inside === undefined) {
      const real = realOf(folder)
      inside = real !== undefined && within(real, realRoot)
      folders.set(folder, inside)
    }
    return inside
  }
}

/**
 * Whether one file is really inside `root` (every link resolved); for the
 * occasional file, such as an image an article names.
 */
export function isInside(file: string, root: string): boolean {
  const real = realOf(file)
  const realRoot = realOf(root) ?? path.resolve(root)
  return real !== undefined && within(real, realRoot)
}
