/**
 * Images of a book: local assets read from disk once, embedded under
 * `images/` with stable, ASCII names (`image-1.png`) in order of first use.
 * Remote images are never fetched.
 */
import {readFile} from 'node:fs/promises'
import type {Article, Asset} from '../../types.js'

/** Media types EPUB 3 reading systems must support (core media types). */
export const coreImageTypes: Readonly<Record<string, string>> = {
  'image/gif': 'gif',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/svg+xml': 'svg'
}

/** An image in the book. */
export interface BookImage {
  id: string
  /** Path relative to the package document, e.g. `images/image-1.png`. */
  href: string
  mediaType: string
  data: Uint8Array
  /** `cover-image` for the cover. */
  properties?: string
}

/** Why a local image could not be embedded. */
export type ImageProblem = 'missing' | 'unsupported'

/** The images of one book. */
export interface ImageStore {
  /**
   * Load the assets of an article (call before {@link ImageStore.embed}).
   *
   * @param article
   *   Article whose `assets` (and lead image asset) are read.
   */
  load(article: Article): Promise<void>
  /**
   * Embed a local image by its output path (`assets/…`).
   *
   * @returns
   *   Its href in the book, or why it cannot be embedded.
   */
  embed(src: string): {href: string} | {problem: ImageProblem; mediaType?: string}
  /** Add a generated image (the SVG cover). */
  add(image: Omit<BookImage, 'id'> & {id: string}): BookImage
  /** Mark an embedded image as the cover. */
  markCover(href: string): BookImage | undefined
  /** Everything embedded, in order. */
  list(): BookImage[]
}

/**
 * Create an image store.
 *
 * @returns
 *   Empty store.
 */
export function createImageStore(): ImageStore {
  const loaded = new Map<string, {asset: Asset; data: Uint8Array} | null>()
  const bySource = new Map<string, BookImage>()
  const images: BookImage[] = []

  return {
    async load(article) {
      const assets = [...article.assets]
      if (article.meta.image?.asset) assets.push(article.meta.image.asset)
      await Promise.all(
        assets.map(async (asset) => {
          if (loaded.has(asset.output)) return
          loaded.set(asset.output, null)
          try {
            loaded.set(asset.output, {asset, data: new Uint8Array(await readFile(asset.source))})
          } catch {
            // Unreadable: the image is shown as its alt text.
          }
        })
      )
    },
    embed(src) {
      const found = loaded.get(src) ?? loaded.get(decodeSafe(src))
      if (!found) return {problem: 'missing'}
      const {asset, data} = found
      const extension = coreImageTypes[asset.mediaType]
      if (!extension) return {problem: 'unsupported', mediaType: asset.mediaType}
      let image = bySource.get(asset.source)
      if (!image) {
        const number = images.filter((item) => item.id.startsWith('image-')).length + 1
        image = {id: `image-${number}`, href: `images/image-${number}.${extension}`, mediaType: asset.mediaType, data}
        bySource.set(asset.source, image)
        images.push(image)
      }
      return {href: image.href}
    },
    add(image) {
      images.push(image)
      return image
    },
    markCover(href) {
      const image = images.find((item) => item.href === href)
      if (image) image.properties = 'cover-image'
      return image
    },
    list: () => images
  }
}

function decodeSafe(value: string): string {
  try {
    return decodeURI(value)
  } catch {
    return value
  }
}
