/**
 * Source bytes → text, the first step of every reader. UTF-8 is the norm;
 * legacy archives also hold Windows-1252 files (what browsers fall back to
 * for an undeclared legacy page, by the WHATWG Encoding standard) and UTF-16
 * files with a byte-order mark. The text comes out without a BOM, with LF
 * line ends and without characters that XML or HTML forbid; every repair is a
 * warning with its position.
 */
import iconv from 'iconv-lite'
import type {VFile} from 'vfile'
import {diagnostics, report} from '../diagnostics.js'
import {codePoint} from '../pipeline/characters.js'
import {illegalCharacters, stripIllegal} from '../pipeline/hast/xml-characters.js'

/** Invalid sequences reported one by one; past this, one message gives the count of the rest. */
const reportedInvalid = 20

/**
 * Decode a source.
 *
 * @param contents
 *   Raw bytes, or text already decoded.
 * @param file
 *   File that receives the messages.
 * @returns
 *   The text.
 */
export function decode(contents: Uint8Array | string, file: VFile): string {
  let text = typeof contents === 'string' ? contents : decodeBytes(contents, file)
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  text = text.replace(/\r\n?/g, '\n')
  // XML 1.0 forbids C0 controls but tab/LF/CR, U+FFFE/U+FFFF and lone surrogates;
  // HTML also forbids DEL, C1 controls and the other noncharacters.
  const illegal = new RegExp(illegalCharacters.source, 'u')
  // First a search without the `u` flag, several times faster: it matches
  // every illegal character of the BMP and every surrogate, so it misses none
  // (an astral one is a pair of surrogates); most texts hold none of these.
  const first = maybeIllegal.test(text) ? illegal.exec(text) : null
  if (first) {
    const before = text.slice(0, first.index)
    const line = before.split('\n').length
    const column = first.index - before.lastIndexOf('\n')
    const stripped = stripIllegal(text)
    report(file, diagnostics.xmlIllegalCharacter, [stripped.removed, codePoint(first[0])], {place: {line, column}, source: 'pressroom:decode'})
    text = stripped.text
  }
  return text
}

/** The BMP's characters of `illegalCharacters`, and every surrogate. */
// eslint-disable-next-line no-control-regex
const maybeIllegal = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/

/**
 * Bytes → text: UTF-16 when a BOM says so; UTF-8 when the bytes are UTF-8;
 * else Windows-1252 when every byte means a character there and the bytes
 * hold fewer well-formed UTF-8 sequences than broken ones (a UTF-8 article
 * with one damaged byte stays UTF-8); else UTF-8 with U+FFFD for each broken
 * sequence, each reported.
 */
function decodeBytes(bytes: Uint8Array, file: VFile): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(buffer, 'utf-16le', {stripBOM: true})
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(buffer, 'utf-16be', {stripBOM: true})
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    // Not UTF-8: see below.
  }
  const scan = scanUtf8(bytes)
  const legacy = iconv.decode(buffer, 'windows-1252')
  const first = scan.invalid[0] ?? 0
  if (!legacy.includes('\uFFFD') && scan.wellFormed < scan.invalid.length) {
    report(file, diagnostics.legacyEncoding, ['Windows-1252', first], {place: placeOf(bytes, first), source: 'pressroom:decode'})
    return legacy
  }
  for (const offset of scan.invalid.slice(0, reportedInvalid)) {
    report(file, diagnostics.invalidUtf8, [offset], {place: placeOf(bytes, offset), source: 'pressroom:decode'})
  }
  if (scan.invalid.length > reportedInvalid) {
    const next = scan.invalid[reportedInvalid]!
    report(file, diagnostics.invalidUtf8, [next, scan.invalid.length - reportedInvalid - 1], {place: placeOf(bytes, next), source: 'pressroom:decode'})
  }
  return new TextDecoder('utf-8').decode(bytes)
}

/**
 * Where UTF-8 breaks: the byte offset of each maximal invalid subpart (one
 * U+FFFD each, as the WHATWG decoder replaces them), and how many well-formed
 * multi-byte sequences there are. (Hand-written: TextDecoder tells neither.)
 */
export function scanUtf8(bytes: Uint8Array): {invalid: number[]; wellFormed: number} {
  const invalid: number[] = []
  let wellFormed = 0
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index]!
    if (byte < 0x80) {
      index++
      continue
    }
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0
    // The allowed range of the second byte (no overlongs, surrogates or code points past U+10FFFF).
    const low = byte === 0xe0 ? 0xa0 : byte === 0xf0 ? 0x90 : 0x80
    const high = byte === 0xed ? 0x9f : byte === 0xf4 ? 0x8f : 0xbf
    let taken = 1
    while (taken < length) {
      const next = bytes[index + taken]
      const min = taken === 1 ? low : 0x80
      const max = taken === 1 ? high : 0xbf
      if (next === undefined || next < min || next > max) break
      taken++
    }
    if (length > 0 && taken === length) wellFormed++
    else invalid.push(index)
    index += length > 0 && taken === length ? length : Math.max(1, taken)
  }
  return {invalid, wellFormed}
}

/** Line and column (1-based, in characters of the decoded text) of a byte offset. */
function placeOf(bytes: Uint8Array, offset: number): {line: number; column: number} {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset))
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'))
  let line = 1
  for (let index = 0; index < before.length; index++) {
    const code = before.charCodeAt(index)
    if (code === 0x0a || (code === 0x0d && before.charCodeAt(index + 1) !== 0x0a)) line++
  }
  return {line, column: before.length - lastBreak}
}
