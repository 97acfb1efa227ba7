/**
 * Local assets: resolve an image reference against the article's folder, the
 * input root and the configured image folders (`images`), in that order (a
 * `/…` reference against the roots only), refuse anything outside the folder
 * it was looked up in, and give it a content-addressed name under `assets/`
 * in the output.
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {imageSize} from 'image-size'
import type {Asset} from '../types.js'
import {isInside} from '../util/inside.js'

const mediaTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.avif': 'image/avif'
}

/** Whether a reference is an absolute remote URL. */
export function isRemote(reference: string): boolean {
  return /^(?:[a-z][a-z\d+.-]*:)?\/\//i.test(reference)
}

/** Cache of assets by absolute path (content hashing happens once per process). */
const cache = new Map<string, Asset>()

/**
 * Resolve a local image reference.
 *
 * @param reference
 *   URL as written (`img/map.png`, `/assets/x.jpg`, `./a%20b.png`).
 * @param sourceDir
 *   Folder of the article.
 * @param inputDir
 *   Input root; files outside it are never read.
 * @returns
 *   The asset, or `undefined` when there is no such image inside the input folder.
 */
export function resolveAsset(reference: string, sourceDir: string, inputDir: string, roots: readonly string[] = []): Asset | undefined {
  if (isRemote(reference) || /^[a-z][a-z\d+.-]*:/i.test(reference)) return undefined
  let clean = reference.replace(/[?#].*$/, '')
  try {
    clean = decodeURIComponent(clean)
  } catch {
    // Keep as written.
  }
  if (clean.includes('\0') || clean === '') return undefined
  // Each candidate with the folder it must stay inside.
  const candidates: Array<[string, string]> = clean.startsWith('/') ? [] : [[path.resolve(sourceDir, clean), inputDir]]
  for (const root of [inputDir, ...roots]) candidates.push([path.join(root, clean), root])
  for (const [absolute, root] of candidates) {
    const relative = path.relative(root, absolute)
    if (relative.startsWith('..') || path.isAbsolute(relative)) continue
    // Nor through a symbolic link that leads out of it.
    if (!isInside(absolute, root)) continue
    const asset = assetAt(absolute)
    if (asset) return asset
  }
  return undefined
}

/** The asset of an image file, if there is one at that path. */
function assetAt(absolute: string): Asset | undefined {
  const extension = path.extname(absolute).toLowerCase()
  const mediaType = mediaTypes[extension]
  if (!mediaType) return undefined
  const cached = cache.get(absolute)
  if (cached && existsSync(absolute) && statSync(absolute).size === cached.size) return cached
  if (!existsSync(absolute) || !statSync(absolute).isFile()) return undefined
  const bytes = readFileSync(absolute)
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10)
  const base = path.basename(absolute, extension).normalize('NFKC').replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 60) || 'image'
  const asset: Asset = {source: absolute, output: `assets/${hash}-${base}${extension === '.jpeg' ? '.jpg' : extension}`, mediaType, size: bytes.length}
  try {
    const size = imageSize(bytes)
    if (size.width && size.height) {
      asset.width = size.width
      asset.height = size.height
    }
  } catch {
    // Not decodable: emitters still embed it, without intrinsic size.
  }
  cache.set(absolute, asset)
  return asset
}
