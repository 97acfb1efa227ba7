/**
 * XML text safety: escaping for text and attributes, CDATA sections that
 * cannot be closed early, and root attributes (namespaces) added to a
 * serialized document. Which characters are illegal is defined in
 * `pipeline/hast/xml-characters.ts`.
 */
import {removeIllegal} from '../../pipeline/hast/xml-characters.js'

/**
 * Escape text for XML element content or a double- or single-quoted
 * attribute value. Illegal characters are removed.
 *
 * @param text
 *   Plain text.
 * @returns
 *   Escaped text.
 */
export function escapeXml(text: string): string {
  return removeIllegal(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/**
 * Escape plain text so that, read as HTML, it is the same text (for fields
 * feeds define as HTML, such as RSS `description` or Atom `summary`).
 *
 * @param text
 *   Plain text.
 * @returns
 *   HTML text.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * Wrap text in a CDATA section. Every `]]>` is split across two sections
 * (`]]]]><![CDATA[>`), not only the first. Illegal characters are removed.
 *
 * @param text
 *   Text (usually HTML).
 * @returns
 *   `<![CDATA[…]]>`.
 */
export function cdata(text: string): string {
  return '<![CDATA[' + removeIllegal(text).replaceAll(']]>', ']]]]><![CDATA[>') + ']]>'
}

/**
 * Add attributes (such as `xmlns:media`) to the start tag of the root
 * element of a serialized document, unless it already has them.
 *
 * > **Note**: only use it on markup that holds no author content yet (see
 * > `slots.ts`): the first `<name` or `<name>` is taken as the root.
 *
 * @param xml
 *   Serialized document.
 * @param name
 *   Root element name, e.g. `rss`.
 * @param attributes
 *   Attribute name → value (values are escaped).
 * @returns
 *   The document.
 * @throws {TypeError}
 *   When there is no such root element.
 */
export function addRootAttributes(xml: string, name: string, attributes: Record<string, string>): string {
  const start = new RegExp(`<${name}(?=[\\s/>])([^>]*)>`)
  const match = start.exec(xml)
  if (!match) throw new TypeError(`Cannot find root element \`${name}\` in \`addRootAttributes\``)
  let existing = match[1] ?? ''
  for (const [key, value] of Object.entries(attributes)) {
    if (new RegExp(`\\s${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}=`).test(existing)) continue
    existing += ` ${key}="${escapeXml(value)}"`
  }
  return xml.slice(0, match.index) + `<${name}${existing}>` + xml.slice(match.index + match[0].length)
}
