/**
 * Manifest integrity: `manifest.json` exists and parses, each file it lists
 * exists with the listed size and SHA-256, and each file of the folder
 * (dotfiles aside) is listed.
 */
import {createHash} from 'node:crypto'
import type {VFile} from 'vfile'
import type {ManifestFile} from '../build/index.js'
import {diagnostics} from '../diagnostics.js'
import {flag} from './flag.js'

/**
 * The files a manifest lists, with any shape problem reported.
 *
 * @param file
 *   The `manifest.json` file.
 * @param value
 *   Parsed JSON.
 * @returns
 *   Listed files by path.
 */
export function listedFiles(file: VFile, value: unknown): Map<string, ManifestFile> {
  const files = new Map<string, ManifestFile>()
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    flag(file, diagnostics.manifestInvalid, ['expected an object'])
    return files
  }
  const {articles, collections} = value as {articles?: unknown; collections?: unknown}
  const entries: unknown[] = []
  if (!Array.isArray(articles)) flag(file, diagnostics.manifestInvalid, ['expected `articles` to be an array'])
  else {
    articles.forEach((article: unknown, index) => {
      const list = (article as {files?: unknown} | null)?.files
      if (Array.isArray(list)) entries.push(...(list as unknown[]))
      else flag(file, diagnostics.manifestInvalid, [`expected \`articles[${index}].files\` to be an array`])
    })
  }
  if (typeof collections !== 'object' || collections === null) flag(file, diagnostics.manifestInvalid, ['expected `collections` to be an object'])
  else entries.push(...Object.values(collections))
  for (const entry of entries) {
    const {path, bytes, sha256} = (entry ?? {}) as Partial<ManifestFile>
    if (typeof path !== 'string' || typeof bytes !== 'number' || typeof sha256 !== 'string') {
      flag(file, diagnostics.manifestInvalid, [`expected \`{path, bytes, sha256}\`, found \`${JSON.stringify(entry)?.slice(0, 80)}\``])
      continue
    }
    if (!isSafePath(path)) {
      flag(file, diagnostics.manifestInvalid, [`unsafe path \`${path}\``])
      continue
    }
    files.set(path, entry as ManifestFile)
  }
  return files
}

/**
 * Compare a file against its manifest entry.
 *
 * @param file
 *   The checked file.
 * @param bytes
 *   Its contents.
 * @param entry
 *   Its manifest entry.
 */
export function checkListedFile(file: VFile, bytes: Uint8Array, entry: ManifestFile): void {
  if (bytes.byteLength !== entry.bytes) flag(file, diagnostics.manifestSizeMismatch, [entry.bytes, bytes.byteLength])
  else if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256.toLowerCase()) flag(file, diagnostics.manifestHashMismatch, [])
}

/** Whether a manifest path stays inside the folder. */
function isSafePath(path: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (path === '' || path.startsWith('/') || /[\u0000-\u001F\\]/.test(path)) return false
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
}
