/**
 * Name-based UUIDs (RFC 4122 version 5, SHA-1), so an EPUB keeps the same
 * `dc:identifier` every time it is built.
 */
import {createHash} from 'node:crypto'

/** The RFC 4122 namespace for URLs (`6ba7b811-9dad-11d1-80b4-00c04fd430c8`). */
export const urlNamespace = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'

/**
 * Create a version 5 UUID.
 *
 * @param name
 *   Name to hash (UTF-8), e.g. a URL.
 * @param namespace
 *   Namespace UUID (default: the URL namespace).
 * @returns
 *   Lower-case UUID, `xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx`.
 */
export function uuidV5(name: string, namespace: string = urlNamespace): string {
  const hex = namespace.replace(/-/g, '')
  if (!/^[\da-f]{32}$/i.test(hex)) throw new TypeError(`Expected a UUID as \`namespace\`, not \`${namespace}\``)
  const hash = createHash('sha1').update(Buffer.from(hex, 'hex')).update(name, 'utf8').digest()
  const bytes = hash.subarray(0, 16)
  // Version 5 in the high nibble of byte 6, RFC 4122 variant in byte 8.
  bytes[6] = (bytes[6]! & 0x0f) | 0x50
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const out = bytes.toString('hex')
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}-${out.slice(16, 20)}-${out.slice(20)}`
}
