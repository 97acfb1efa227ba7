/**
 * Source bytes → text, the first step of every reader: UTF-8 (with a warning
 * and U+FFFD where the bytes are not), no BOM, LF line ends, and no character
 * that XML or HTML forbids (with a warning at its position).
 */
import type {VFile} from 'vfile'
import {diagnostics, report} from '../diagnostics.js'
import {codePoint, illegalCharacters, stripIllegal} from '../pipeline/characters.js'

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
  let text: string
  if (typeof contents === 'string') {
    text = contents
  } else {
    try {
      text = new TextDecoder('utf-8', {fatal: true}).decode(contents)
    } catch {
      report(file, diagnostics.invalidUtf8, [firstInvalidUtf8(contents)], {place: {line: 1, column: 1}, source: 'pressroom:decode'})
      text = new TextDecoder('utf-8').decode(contents)
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  text = text.replace(/\r\n?/g, '\n')
  // XML 1.0 forbids C0 controls but tab/LF/CR, U+FFFE/U+FFFF and lone surrogates;
  // HTML also forbids DEL, C1 controls and the other noncharacters.
  const illegal = new RegExp(illegalCharacters.source, 'u')
  const first = illegal.exec(text)
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

/** Byte offset of the first invalid UTF-8 sequence (hand-written: TextDecoder does not tell). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index]!
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0
    if (length === 0) return index
    for (let k = 1; k < length; k++) {
      const next = bytes[index + k]
      if (next === undefined || (next & 0xc0) !== 0x80) return index
    }
    index += length
  }
  return index
}
