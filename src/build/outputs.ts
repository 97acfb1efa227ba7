/**
 * Safe output: every path is checked to stay inside the output folder, every
 * path has one owner (an article or the collections), and every file is
 * written to a temporary sibling and renamed over the target, so a build
 * killed at any moment leaves each file old or new, never partial.
 */
import {createHash, randomBytes} from 'node:crypto'
import {mkdir, readdir, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {VFile} from 'vfile'
import {diagnostics, report} from '../diagnostics.js'
import type {OutputFile} from '../types.js'

/** Output path → who wrote it (an article's display path, or the build's for collections) and its hash. */
export type Owners = Map<string, {owner: string; sha256: string}>

/** An output that passed {@link checkOutputs}: where to write it and what the manifest says of it. */
export interface CheckedOutput {
  file: OutputFile
  emitter: string
  absolute: string
  info: {bytes: number; sha256: string}
}

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
 * The temporary file is written in `tempDir` when given (the build passes the
 * cache's `tmp/`), so a build killed mid-write leaves nothing half-made in
 * the output folder, not even a temporary file; across file systems, where a
 * rename cannot move it, it is written beside the target instead.
 *
 * @param absolute
 *   Target path (already checked with {@link safeOutputPath}).
 * @param contents
 *   Text (UTF-8) or bytes.
 * @param tempDir
 *   Folder for the temporary file (optional).
 * @param made
 *   Folders this caller made (or found) already, so not made again: the
 *   build writes thousands of files into a few folders, and each `mkdir` is
 *   a round trip to the thread pool (optional; the folders made are added).
 */
export async function writeAtomic(absolute: string, contents: string | Uint8Array, tempDir?: string, made?: Set<string>): Promise<void> {
  const dir = path.dirname(absolute)
  const makeDir = async (folder: string) => {
    if (made?.has(folder)) return
    await mkdir(folder, {recursive: true})
    made?.add(folder)
  }
  await makeDir(dir)
  const name = `.${path.basename(absolute)}.${randomBytes(6).toString('hex')}.tmp`
  if (tempDir) {
    await makeDir(tempDir)
    const temp = path.join(tempDir, name)
    try {
      await writeFile(temp, contents)
      await rename(temp, absolute)
      return
    } catch (error) {
      await rm(temp, {force: true})
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    }
  }
  const temp = path.join(dir, name)
  try {
    await writeFile(temp, contents)
    await rename(temp, absolute)
  } catch (error) {
    await rm(temp, {force: true})
    throw error
  }
}

/**
 * The folder of a build's temporary files: `tmp/` in the cache folder.
 *
 * @param cache
 *   Absolute cache folder.
 */
export function tempDirOf(cache: string): string {
  return path.join(cache, 'tmp')
}

/**
 * Remove the temporary files a killed build left in a temporary folder. Only
 * files older than an hour: another build sharing the cache may be writing
 * the younger ones.
 *
 * @param tempDir
 *   The folder ({@link tempDirOf}).
 */
export async function removeLeftovers(tempDir: string): Promise<void> {
  let names: string[]
  try {
    names = await readdir(tempDir)
  } catch {
    return
  }
  const before = Date.now() - 60 * 60 * 1000
  for (const name of names) {
    const file = path.join(tempDir, name)
    try {
      if ((await stat(file)).mtimeMs < before) await rm(file, {force: true})
    } catch {
      // Gone already.
    }
  }
}

/** Size and SHA-256 of contents, for the manifest. */
export function digest(contents: string | Uint8Array): {bytes: number; sha256: string} {
  const buffer = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents
  return {bytes: buffer.byteLength, sha256: createHash('sha256').update(buffer).digest('hex')}
}

/**
 * Check paths and ownership of outputs before anything is written. Identical
 * bytes at the same path (a shared image) are fine; different bytes are a
 * conflict. Problems are reported on `file`.
 *
 * @param outputs
 *   Files and the emitters that made them.
 * @param file
 *   File to report on (the article's, or the build's).
 * @param owner
 *   Who the files belong to (see {@link Owners}).
 * @param outputDir
 *   Absolute output folder.
 * @param owners
 *   Paths taken so far; the checked files are added.
 * @returns
 *   The files to write (each path once), or `undefined` when one is unsafe or taken.
 */
export function checkOutputs(
  outputs: ReadonlyArray<{file: OutputFile; emitter: string}>,
  file: VFile,
  owner: string,
  outputDir: string,
  owners: Owners
): CheckedOutput[] | undefined {
  const checked: CheckedOutput[] = []
  const seen = new Set<string>()
  let ok = true
  for (const {file: output, emitter} of outputs) {
    const absolute = safeOutputPath(outputDir, output.path)
    if (!absolute || output.path === 'manifest.json' || output.path.startsWith('.')) {
      report(file, diagnostics.unsafeOutputPath, [String(output.path)], {source: `pressroom:${emitter}`, place: {line: 1, column: 1}})
      ok = false
      continue
    }
    const info = digest(output.contents)
    const taken = owners.get(output.path)
    if (taken && taken.owner !== owner && taken.sha256 !== info.sha256) {
      report(file, diagnostics.outputConflict, [output.path, taken.owner], {source: `pressroom:${emitter}`, place: {line: 1, column: 1}})
      ok = false
      continue
    }
    if (seen.has(output.path)) continue
    seen.add(output.path)
    checked.push({file: output, emitter, absolute, info})
  }
  if (!ok) return undefined
  for (const {file: output, info} of checked) owners.set(output.path, {owner, sha256: info.sha256})
  return checked
}

/** A path with posix separators. */
export function toPosix(file: string): string {
  return file.split(path.sep).join('/')
}
