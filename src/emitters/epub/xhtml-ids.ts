/**
 * Ids, names and URLs as XML and EPUB want them: unique XML names for the
 * body's ids, RFC 3986 URLs, `]]>` escaped.
 */
import type {Element, ElementContent, Root, RootContent} from 'hast'
import {removeXmlIllegal} from '../../pipeline/hast/xml-characters.js'
import {nameStartCharacter, notNameCharacters} from './xhtml-schema.js'

/** Ids of a tree: original → XML-safe unique id. */
export interface IdMap extends Map<string, string> {
  /** New ids already given to an element. */
  claimed: Set<string>
  /** Fresh ids for elements that repeat an earlier element's id. */
  duplicates: Map<Element, string>
}

/**
 * Give every id in the tree an XML name that is unique in the document.
 *
 * @param tree
 *   Body tree.
 * @param used
 *   Ids used elsewhere in the document.
 * @returns
 *   Map from original to new ids.
 */
export function collectIds(tree: Root, used: Set<string>): IdMap {
  const map = new Map<string, string>() as IdMap
  map.claimed = new Set()
  map.duplicates = new Map()
  visit(tree)
  return map

  function visit(node: Root | ElementContent | RootContent): void {
    if (node.type !== 'element' && node.type !== 'root') return
    if (node.type === 'element') {
      const raw = node.properties['id']
      if (raw !== undefined && raw !== null && raw !== '') {
        const original = String(raw)
        const id = unique(xmlName(original))
        if (map.has(original)) map.duplicates.set(node, id)
        else map.set(original, id)
      }
    }
    for (const child of node.children) visit(child)
  }

  function unique(base: string): string {
    let id = base
    let count = 1
    while (used.has(id)) id = `${base}-${++count}`
    used.add(id)
    return id
  }
}

/**
 * Percent-encode what RFC 3986 does not allow in a URI. The WHATWG URL parser
 * (`new URL`) keeps some of it (a backtick in a host name, `{`, a lone `%`),
 * and EPUBCheck, which parses hrefs as RFC 3986 URIs, rejects it.
 *
 * @param url
 *   Absolute URL, as serialized by `URL`.
 * @returns
 *   The URL with disallowed characters percent-encoded.
 */
export function rfc3986(url: string): string {
  return url
    .replace(/%(?![\da-f]{2})/gi, '%25')
    .replace(/[^\w\-.~:/?#[\]@!$&'()*+,;=%]/g, (character) => encodeURIComponent(character))
}

/**
 * Make a string a valid XML name without colons (NCName).
 *
 * @param value
 *   Any id.
 * @returns
 *   The id, with invalid characters replaced by `-` and prefixed with `id-`
 *   when it does not start with a letter or `_`.
 */
export function xmlName(value: string): string {
  let name = removeXmlIllegal(value.normalize('NFC')).replace(notNameCharacters, '-')
  // Letters only: digits of any script (`٢٠٢٥`) and marks start no name in older XML parsers.
  if (!nameStartCharacter.test(name) || !/^[\p{L}_]/u.test(name)) name = 'id-' + name
  return name
}

/**
 * Escape `]]>` in serialized XML text (`xast-util-to-xml` leaves `>` as is).
 * Outside text and attribute values, `]]>` cannot occur: a tag never ends
 * in `]`.
 *
 * @param xml
 *   Serialized XML without CDATA sections.
 * @returns
 *   The same XML with every `]]>` written `]]&gt;`.
 */
export function escapeCdataEnd(xml: string): string {
  return xml.replace(/]]>/g, ']]&gt;')
}
