/**
 * Safe output: every path is checked to stay inside the output folder, and
 * every file is written to a temporary sibling and renamed over the target,
 * so a build killed at any moment leaves each file old or new, never partial.
 */
import {createHash, randomBytes} from 'node:crypto'
import {mkdir, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'

/**
 * Check an emitter's output path and turn it into an absolute path inside
 * `outputDir`.
 *
 * @param outputDir
 *   Absolute output folder.
 * @param relative
 *   Path as returned by an emitter (POSIX separators).
 * @returns
 *   Absolute path, or `undefined` when the path is absolute, empty, contains
 *   `..` segments, backslashes, NUL or other control characters, or resolves
 *   outside the folder.
 */
export function safeOutputPath(outputDir: string, relative: string): string | undefined {
  if (typeof relative !== 'string' || relative === '') return undefined
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001F\u007F\\:]/.test(relative)) return undefined
  if (relative.startsWith('/') || path.isAbsolute(relative)) return undefined
  const segments = relative.split('/')
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return undefined
  const absolute = path.resolve(outputDir, ...segments)
  const back = path.relative(outputDir, absolute)
  if (back === '' || back.startsWith('..') || path.isAbsolute(back)) return undefined
  return absolute
}

/**
 * Write a file atomically (temp file + rename), creating folders.
 *
 * @param absolute
 *   Target path (already checked with {@link safeOutputPath}).
 * @param contents
 *   Text (UTF-8) or bytes.
 */
export async function writeAtomic(absolute: string, contents: string | Uint8Array): Promise<void> {
  const dir = path.dirname(absolute)
  await mkdir(dir, {recursive: true})
  const temp = path.join(dir, `.${path.basename(absolute)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temp, contents)
    await rename(temp, absolute)
  } catch (error) {
    await rm(temp, {force: true})
    throw error
  }
}

/** Size and SHA-256 of contents, for the manifest. */
export function digest(contents: string | Uint8Array): {bytes: number; sha256: string} {
  const buffer = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents
  return {bytes: buffer.byteLength, sha256: createHash('sha256').update(buffer).digest('hex')}
}
