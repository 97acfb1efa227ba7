/**
 * XML well-formedness (with namespaces) through `saxes`, a conforming
 * non-validating parser, plus an explicit scan for characters XML 1.0 does
 * not allow. Also builds a small element tree that the feed and EPUB checks
 * read.
 */
import {SaxesParser} from 'saxes'
import type {VFile} from 'vfile'
import {diagnostics} from '../diagnostics.js'
import {codePoint} from '../pipeline/characters.js'
import {xmlIllegalCharacters} from '../pipeline/hast/xml-characters.js'
import {flag, pointAt} from './flag.js'

/** An element of the small tree {@link parseXml} builds. */
export interface XmlElement {
  /** Qualified name as written, e.g. `dc:title`. */
  name: string
  /** Local name, e.g. `title`. */
  local: string
  /** Namespace URI (`''` for none). */
  uri: string
  /** Attributes by qualified name. */
  attributes: Record<string, string>
  children: XmlElement[]
  /** Text and CDATA directly inside the element. */
  text: string
  /** Where the element starts, 1-based. */
  place: {line: number; column: number}
}

/**
 * Report every character XML 1.0 does not allow (at most 10, then a count).
 *
 * @param file
 *   Checked file.
 * @param text
 *   Decoded text.
 * @param inner
 *   Inner path in an archive (optional).
 * @returns
 *   Whether some were found.
 */
export function checkXmlCharacters(file: VFile, text: string, inner?: string): boolean {
  let count = 0
  for (const match of text.matchAll(xmlIllegalCharacters)) {
    count++
    if (count > 10) break
    // Not well-formed (XML 1.0 § 2.2): an error in an output, unlike the
    // build's `xml-illegal-character`, which reports characters it removed
    // from a source.
    flag(file, diagnostics.xmlNotWellFormed, [`character ${codePoint(match[0])} is not allowed in XML; remove it`], {place: pointAt(text, match.index), ...(inner ? {inner} : {})})
  }
  return count > 0
}

/**
 * Check an XML document and build its element tree.
 *
 * Only the first well-formedness error is reported: after it, a parser's
 * further complaints are noise.
 *
 * @param file
 *   Checked file.
 * @param text
 *   Decoded text.
 * @param inner
 *   Inner path in an archive (optional).
 * @returns
 *   The root element, or `undefined` when the document is not well-formed.
 */
export function parseXml(file: VFile, text: string, inner?: string): XmlElement | undefined {
  const illegal = checkXmlCharacters(file, text, inner)
  const parser = new SaxesParser({xmlns: true, position: true})
  const stack: XmlElement[] = []
  let root: XmlElement | undefined
  let failed = false
  parser.on('error', (error) => {
    const message = error.message.replace(/^\d+:\d+: /, '')
    if (!failed && !(illegal && message.startsWith('disallowed character'))) {
      flag(file, diagnostics.xmlNotWellFormed, [message.replace(/\.$/, '')], {
        place: {line: parser.line, column: parser.column},
        ...(inner ? {inner} : {})
      })
      failed = true
    }
  })
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {}
    for (const [name, attribute] of Object.entries(tag.attributes)) attributes[name] = attribute.value
    const element: XmlElement = {
      name: tag.name,
      local: tag.local,
      uri: tag.uri,
      attributes,
      children: [],
      text: '',
      place: {line: parser.line, column: parser.column}
    }
    const parent = stack.at(-1)
    if (parent) parent.children.push(element)
    else root ??= element
    stack.push(element)
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  const onText = (value: string): void => {
    const parent = stack.at(-1)
    if (parent) parent.text += value
  }
  parser.on('text', onText)
  parser.on('cdata', onText)
  parser.write(text).close()
  return failed ? undefined : root
}

/**
 * Child elements by local name (and namespace, optional).
 *
 * @param element
 *   Parent.
 * @param local
 *   Local name.
 * @param uri
 *   Namespace URI (optional; any when omitted).
 * @returns
 *   Matching children, in order.
 */
export function childrenOf(element: XmlElement, local: string, uri?: string): XmlElement[] {
  return element.children.filter((child) => child.local === local && (uri === undefined || child.uri === uri))
}

/**
 * First child element by local name (and namespace, optional).
 *
 * @param element
 *   Parent.
 * @param local
 *   Local name.
 * @param uri
 *   Namespace URI (optional).
 * @returns
 *   The child, if any.
 */
export function childOf(element: XmlElement, local: string, uri?: string): XmlElement | undefined {
  return childrenOf(element, local, uri)[0]
}

/**
 * Every descendant element (depth first, document order).
 *
 * @param element
 *   Ancestor.
 * @returns
 *   Descendants.
 */
export function descendantsOf(element: XmlElement): XmlElement[] {
  const all: XmlElement[] = []
  const walk = (node: XmlElement): void => {
    for (const child of node.children) {
      all.push(child)
      walk(child)
    }
  }
  walk(element)
  return all
}

/**
 * Text content of an element and its descendants, trimmed.
 *
 * @param element
 *   Element (optional).
 * @returns
 *   Text (`''` when absent).
 */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return ''
  return (element.text + element.children.map((child) => textOf(child)).join('')).trim()
}
