/**
 * Help for `Emitter.collectionKey`: what stands for the articles a collection
 * reads in full.
 */
import type {Article} from '../types.js'

/**
 * Each article's content key and the sizes of its assets (images are read
 * from disk, and the key covers only the source), in order.
 *
 * @param articles
 *   Articles the collection reads in full.
 * @returns
 *   Key data, or `undefined` when an article has no key (made outside `build`).
 */
export function articleKeys(articles: readonly Article[]): unknown[] | undefined {
  const keys: unknown[] = []
  for (const article of articles) {
    if (!article.key) return undefined
    keys.push([article.key, article.assets.map((asset) => asset.size)])
  }
  return keys
}
