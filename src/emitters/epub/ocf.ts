/**
 * The OCF container: a ZIP whose first entry is `mimetype`, stored, followed
 * by `META-INF/container.xml` and the publication files in a fixed order.
 * Entry timestamps are a constant given by the caller, so the same inputs
 * give the same bytes.
 */
import {strToU8, zipSync, type Zippable} from 'fflate'

/** One file of the container, relative to its root. */
export interface OcfEntry {
  path: string
  data: Uint8Array | string
  /** Store instead of deflate (already compressed data such as JPEG, PNG). */
  store?: boolean
}

/** Folder of the publication inside the container. */
export const publicationRoot = 'EPUB'

const containerXml =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n' +
  '  <rootfiles>\n' +
  `    <rootfile full-path="${publicationRoot}/package.opf" media-type="application/oebps-package+xml"/>\n` +
  '  </rootfiles>\n' +
  '</container>\n'

/**
 * The timestamp to write into ZIP entries for a date.
 *
 * ZIP (DOS) times are local wall-clock fields without a zone, and fflate
 * reads them with `getHours()` and friends, so the bytes would depend on the
 * machine's time zone. This returns a `Date` whose *local* fields are the
 * UTC calendar day of `date` at noon (noon is never inside a daylight-saving
 * gap), clamped to the range ZIP can hold (1980–2099).
 *
 * @param date
 *   Reference date.
 * @returns
 *   Date to pass as fflate `mtime`.
 */
export function zipTimestamp(date: Date): Date {
  const time = Number.isNaN(date.getTime()) ? 0 : date.getTime()
  const clamped = new Date(Math.min(Math.max(time, Date.UTC(1980, 0, 2)), Date.UTC(2099, 11, 30)))
  return new Date(clamped.getUTCFullYear(), clamped.getUTCMonth(), clamped.getUTCDate(), 12, 0, 0)
}

/**
 * Zip an EPUB.
 *
 * @param entries
 *   Publication files (paths relative to the container root), in the order
 *   they are written; `mimetype` and `META-INF/container.xml` are added first.
 * @param date
 *   Reference date for the entries' timestamps.
 * @returns
 *   The EPUB's bytes.
 */
export function zipEpub(entries: readonly OcfEntry[], date: Date): Uint8Array {
  const mtime = zipTimestamp(date)
  // Insertion order of string keys is the entry order.
  const files: Zippable = {
    mimetype: [strToU8('application/epub+zip'), {level: 0, mtime}],
    'META-INF/container.xml': [strToU8(containerXml), {level: 9, mtime}]
  }
  for (const entry of entries) {
    if (entry.path in files) throw new TypeError(`Unexpected duplicate EPUB entry \`${entry.path}\``)
    const data = typeof entry.data === 'string' ? strToU8(entry.data) : entry.data
    files[entry.path] = [data, {level: entry.store ? 0 : 9, mtime}]
  }
  return zipSync(files)
}
