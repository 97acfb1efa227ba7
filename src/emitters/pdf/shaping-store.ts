/**
 * Shaped words kept across builds, in the cache folder. Shaping (fontkit's
 * `layout`: its GSUB/GPOS tables decoded on first use, then each word) was
 * about half of the PDF of one changed article in a fresh process, yet an
 * archive's words repeat from article to article. Each font face gets a file
 * of `text → glyph ids, code points and positions`, read on first use in a
 * process; words shaped anew are merged into it (at most every few seconds
 * per store, so a worker pool does not rewrite it for every article).
 *
 * The build owns the folder (`EmitContext.cacheDir`); the emitter opens the
 * store in it and keeps it in its factory's closure (`index.ts`).
 *
 * What is stored is exactly what fontkit returned, so a PDF is the same bytes
 * with or without the store (`tests/emitters/pdf/shaping-store.test.ts`).
 * A file is named by the face's bytes, fontkit's version and this format, so
 * another font or fontkit never reads it. Several threads or processes may
 * merge at once: each write is atomic, and a word lost in a race is shaped
 * again later.
 */
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'

/** A shaped text as stored: glyph ids, their code points, positions (4 numbers per glyph), advance width. */
export type StoredRun = [ids: number[], codePoints: number[][], positions: number[], advanceWidth: number]

/** Entries kept per face (the most recently used). */
const limit = 20_000
/** Least time between two merges by one store, unless many words wait. */
const interval = 5000
const eager = 500
/** Bump when the stored form changes. */
const format = 1

/** Shaped words of the font faces, kept in one folder. */
export interface ShapingStore {
  /** A stored shaping of `text` in a face, or `undefined` when it is not stored (or unreadable). */
  get(face: string, text: string): StoredRun | undefined
  /** Remember a shaping of `text` in a face (merged into the folder by `merge`). */
  put(face: string, text: string, run: StoredRun): void
  /**
   * Merge the words shaped since the last merge into the files: at the first
   * call with new words, then when a few seconds have passed or many wait.
   * Errors are ignored (the store only saves time).
   */
  merge(): void
}

/** One face's file. */
interface FaceStore {
  file: string
  /** `text → JSON of a StoredRun`, as read (parsed on use). */
  entries: Map<string, string>
  /** Texts read from the store here (kept when trimming). */
  used: Set<string>
  /** Texts shaped here and not merged yet. */
  fresh: Map<string, string>
}

/**
 * Open the store in a folder (created on the first merge). Old temporary
 * files (a worker stopped for its time, see `--timeout`, can leave one
 * mid-merge) are removed.
 *
 * @param folder
 *   Folder of the store.
 * @returns
 *   The store.
 */
export function createShapingStore(folder: string): ShapingStore {
  const faces = new Map<string, FaceStore>()
  let lastMerge = 0
  removeStale(folder)

  const faceOf = (face: string): FaceStore => {
    let store = faces.get(face)
    if (!store) {
      const file = path.join(folder, `${face}-v${format}.json`)
      store = {file, entries: read(file), used: new Set(), fresh: new Map()}
      faces.set(face, store)
    }
    return store
  }

  return {
    get(face, text) {
      const store = faceOf(face)
      const json = store.entries.get(text)
      if (json === undefined) return undefined
      try {
        const run = JSON.parse(json) as StoredRun
        if (Array.isArray(run) && run.length === 4 && run[0].length === run[1].length && run[2].length === run[0].length * 4) {
          store.used.add(text)
          return run
        }
      } catch {
        // Fall through: shaped again and stored anew.
      }
      store.entries.delete(text)
      return undefined
    },

    put(face, text, run) {
      const store = faceOf(face)
      const json = JSON.stringify(run)
      store.entries.set(text, json)
      store.fresh.set(text, json)
    },

    merge() {
      let waiting = 0
      for (const store of faces.values()) waiting += store.fresh.size
      if (waiting === 0) return
      const now = Date.now()
      if (lastMerge !== 0 && now - lastMerge < interval && waiting < eager) return
      lastMerge = now
      for (const store of faces.values()) {
        if (store.fresh.size === 0) continue
        try {
          merge(store)
        } catch {
          // Not writable: no store.
        }
      }
    }
  }
}

/** Remove temporary files over ten minutes old. */
function removeStale(dir: string): void {
  try {
    const now = Date.now()
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.tmp')) continue
      const file = path.join(dir, name)
      if (now - statSync(file).mtimeMs > 600_000) rmSync(file, {force: true})
    }
  } catch {
    // No store yet.
  }
}

function read(file: string): Map<string, string> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      return new Map(Object.entries(data as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
    }
  } catch {
    // None yet, or unreadable: start over.
  }
  return new Map()
}

function merge(store: FaceStore): void {
  const disk = read(store.file)
  // Oldest first: entries nobody here used, then those used here, then the new.
  const merged = new Map<string, string>()
  for (const [text, json] of disk) if (!store.used.has(text) && !store.fresh.has(text)) merged.set(text, json)
  for (const text of store.used) {
    const json = store.entries.get(text) ?? disk.get(text)
    if (json !== undefined) merged.set(text, json)
  }
  for (const [text, json] of store.fresh) merged.set(text, json)
  const extra = merged.size - limit
  if (extra > 0) {
    let index = 0
    for (const text of merged.keys()) {
      if (index++ >= extra) break
      merged.delete(text)
    }
  }
  mkdirSync(path.dirname(store.file), {recursive: true})
  const temp = `${store.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  writeFileSync(temp, JSON.stringify(Object.fromEntries(merged)))
  renameSync(temp, store.file)
  store.fresh.clear()
  store.entries = merged
}
