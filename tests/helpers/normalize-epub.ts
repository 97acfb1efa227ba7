/**
 * Read EPUBs in tests: the ZIP entries as written (order, compression, DOS
 * timestamp) and a normalized projection for golden files — file list, package
 * document, navigation document and the text of each content document — as
 * Pandoc normalizes its FB2 output before comparing.
 */
import {strFromU8, unzipSync} from 'fflate'

/** A ZIP entry as found in its local file header. */
export interface ZipEntry {
  name: string
  /** 0 = stored, 8 = deflated. */
  method: number
  /** Length of the extra field (must be 0 for `mimetype`). */
  extraLength: number
  /** DOS date and time fields, as written. */
  dos: {year: number; month: number; day: number; hours: number; minutes: number; seconds: number}
  /** Offset of the local header. */
  offset: number
}

/**
 * List the entries of a ZIP in file order by walking its local file headers.
 *
 * @param bytes
 *   ZIP file.
 * @returns
 *   Entries.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const entries: ZipEntry[] = []
  let offset = 0
  while (offset + 30 <= bytes.length && view.getUint32(offset, true) === 0x04034b50) {
    const flags = view.getUint16(offset + 6, true)
    const method = view.getUint16(offset + 8, true)
    const time = view.getUint16(offset + 10, true)
    const date = view.getUint16(offset + 12, true)
    const compressedSize = view.getUint32(offset + 18, true)
    const nameLength = view.getUint16(offset + 26, true)
    const extraLength = view.getUint16(offset + 28, true)
    const name = new TextDecoder().decode(bytes.subarray(offset + 30, offset + 30 + nameLength))
    entries.push({
      name,
      method,
      extraLength,
      offset,
      dos: {
        year: (date >> 9) + 1980,
        month: (date >> 5) & 0x0f,
        day: date & 0x1f,
        hours: time >> 11,
        minutes: (time >> 5) & 0x3f,
        seconds: (time & 0x1f) * 2
      }
    })
    if (flags & 0x08) throw new Error('Unexpected data descriptor in EPUB zip entry `' + name + '`')
    offset += 30 + nameLength + extraLength + compressedSize
  }
  return entries
}

/**
 * Unzip an EPUB into text files (XML, XHTML, CSS, SVG) and binary files.
 *
 * @param bytes
 *   EPUB.
 * @returns
 *   Path → contents (string for text files).
 */
export function unzipEpub(bytes: Uint8Array): Record<string, string | Uint8Array> {
  const files = unzipSync(bytes)
  const out: Record<string, string | Uint8Array> = {}
  for (const [name, data] of Object.entries(files)) {
    out[name] = /\.(xml|opf|xhtml|css|svg|ncx)$|^mimetype$/.test(name) ? strFromU8(data) : data
  }
  return out
}

/** Text of one file of an unzipped EPUB; throws when missing or binary. */
export function textOf(files: Record<string, string | Uint8Array>, name: string): string {
  const value = files[name]
  if (typeof value !== 'string') throw new Error(`Expected text file \`${name}\` in EPUB`)
  return value
}

/**
 * Readable text of an XHTML document: the body, tags removed, entities
 * decoded, whitespace collapsed.
 *
 * @param xhtml
 *   Content document.
 * @returns
 *   Text.
 */
export function xhtmlText(xhtml: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(xhtml)?.[1] ?? xhtml
  return decodeEntities(body.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
}

function decodeEntities(value: string): string {
  return value.replace(/&(#x[\da-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, code: string) => {
    if (code[0] === '#') {
      return String.fromCodePoint(code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1)))
    }
    return ({amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"} as Record<string, string>)[code.toLowerCase()]!
  })
}

/** Normalized projection of an EPUB, for golden files. */
export interface EpubProjection {
  /** Entries in ZIP order, with `(stored)` after stored ones. */
  files: string[]
  /** The package document. */
  opf: string
  /** The navigation document's text. */
  nav: string
  /** Text of each content document, by path. */
  text: Record<string, string>
}

/**
 * Project an EPUB for golden comparisons.
 *
 * @param bytes
 *   EPUB.
 * @returns
 *   Projection (JSON-serializable).
 */
export function normalizeEpub(bytes: Uint8Array): EpubProjection {
  const files = unzipEpub(bytes)
  const entries = zipEntries(bytes)
  const text: Record<string, string> = {}
  for (const entry of entries) {
    if (entry.name.endsWith('.xhtml') && !entry.name.endsWith('/nav.xhtml')) text[entry.name] = xhtmlText(textOf(files, entry.name))
  }
  return {
    files: entries.map((entry) => entry.name + (entry.method === 0 ? ' (stored)' : '')),
    opf: textOf(files, 'EPUB/package.opf'),
    nav: xhtmlText(textOf(files, 'EPUB/nav.xhtml')),
    text
  }
}
