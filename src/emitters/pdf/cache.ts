/**
 * A small bounded cache for the process-wide caches of the PDF emitter
 * (shaping, widths, glyphs to draw, hyphenation).
 *
 * Hand-written rather than a dependency: it is a dozen lines, lookups are on
 * the hot path (several per word drawn), and an LRU that reorders a `Map` on
 * every hit costs more than the shaping it saves. Two generations instead:
 * entries go into the young map; when it is full it becomes the old one (the
 * previous old one is dropped) and hits in the old one move back. Recently
 * used entries survive, the size stays under `2 × limit`, and a hit in the
 * young map is one `Map#get`.
 */
export class BoundedCache<K, V> {
  private young = new Map<K, V>()
  private old = new Map<K, V>()

  /**
   * @param limit
   *   Entries per generation (the cache holds at most twice as many).
   */
  constructor(readonly limit: number) {}

  /** Entries held now. */
  get size(): number {
    return this.young.size + this.old.size
  }

  get(key: K): V | undefined {
    let value = this.young.get(key)
    if (value === undefined) {
      value = this.old.get(key)
      if (value !== undefined) {
        this.old.delete(key)
        this.set(key, value)
      }
    }
    return value
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.limit) {
      this.old = this.young
      this.young = new Map()
    }
    this.young.set(key, value)
  }

  clear(): void {
    this.young = new Map()
    this.old = new Map()
  }
}
