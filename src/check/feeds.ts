/**
 * RSS 2.0 and Atom 1.0 checks: well-formed XML, required channel/feed and
 * item/entry fields, date syntax, absolute URLs in content and no scripts.
 * The content checks are shared with JSON Feed.
 */
import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {diagnostics} from '../diagnostics.js'
import {urlsOf, urlsOfAttributes} from '../pipeline/hast/url-attributes.js'
import {flag, pointAt} from './flag.js'
import {isRfc3339, isRfc822} from './dates.js'
import {childOf, childrenOf, descendantsOf, parseXml, textOf, type XmlElement} from './xml.js'

const atomNs = 'http://www.w3.org/2005/Atom'
const contentNs = 'http://purl.org/rss/1.0/modules/content/'
const xhtmlNs = 'http://www.w3.org/1999/xhtml'

/**
 * Check an RSS or Atom document.
 *
 * @param file
 *   Checked file.
 * @param text
 *   Decoded text.
 */
export function checkFeedXml(file: VFile, text: string): void {
  const scripted = checkRawText(file, text)
  const root = parseXml(file, text)
  if (!root) return
  if (root.local === 'rss' && root.uri === '') checkRss(file, root, scripted)
  else if (root.local === 'feed' && root.uri === atomNs) checkAtom(file, root, scripted)
  else flag(file, diagnostics.feedUnknownFormat, [root.name], {place: root.place})
}

/** What the raw-text scan already reported, so content checks do not repeat it. */
interface Scripted {
  script: boolean
  javascript: boolean
}

/**
 * Scan a whole feed's text for `<script` and `javascript:`.
 *
 * @param file
 *   Checked file.
 * @param text
 *   Decoded text.
 * @returns
 *   What was found.
 */
export function checkRawText(file: VFile, text: string): Scripted {
  const script = /<script/i.exec(text)
  if (script) flag(file, diagnostics.feedScript, ['the feed'], {place: pointAt(text, script.index)})
  const javascript = /javascript:/i.exec(text)
  if (javascript) flag(file, diagnostics.feedJavascriptUrl, ['the feed'], {place: pointAt(text, javascript.index)})
  return {script: Boolean(script), javascript: Boolean(javascript)}
}

function checkRss(file: VFile, rss: XmlElement, scripted: Scripted): void {
  const channel = childOf(rss, 'channel', '')
  if (!channel) {
    flag(file, diagnostics.rssMissingField, ['channel'], {place: rss.place})
    return
  }
  for (const field of ['title', 'link', 'description']) {
    if (!textOf(childOf(channel, field, ''))) flag(file, diagnostics.rssMissingField, [field], {place: channel.place})
  }
  checkAbsolute(file, textOf(childOf(channel, 'link', '')), 'the channel `link`', channel.place)
  for (const field of ['pubDate', 'lastBuildDate']) {
    const value = textOf(childOf(channel, field, ''))
    if (value && !isRfc822(value)) flag(file, diagnostics.rssInvalidDate, [field, value], {place: channel.place})
  }
  childrenOf(channel, 'item', '').forEach((item, index) => {
    const number = index + 1
    const place = item.place
    if (!textOf(childOf(item, 'title', '')) && !textOf(childOf(item, 'description', ''))) {
      flag(file, diagnostics.rssItemMissingField, [number, 'title` or `description'], {place})
    }
    for (const field of ['link', 'guid', 'pubDate']) {
      if (!textOf(childOf(item, field, ''))) flag(file, diagnostics.rssItemMissingField, [number, field], {place})
    }
    const date = textOf(childOf(item, 'pubDate', ''))
    if (date && !isRfc822(date)) flag(file, diagnostics.rssInvalidDate, ['pubDate', date], {place})
    checkAbsolute(file, textOf(childOf(item, 'link', '')), `the \`link\` of item ${number}`, place)
    for (const content of [childOf(item, 'description', ''), childOf(item, 'encoded', contentNs)]) {
      if (content) checkContentHtml(file, textOf(content), `the \`${content.name}\` of item ${number}`, content.place, scripted)
    }
  })
}

function checkAtom(file: VFile, feed: XmlElement, scripted: Scripted): void {
  checkAtomCommon(file, feed, 'feed')
  const feedHasAuthor = childrenOf(feed, 'author', atomNs).length > 0
  childrenOf(feed, 'entry', atomNs).forEach((entry, index) => {
    const where = `entry ${index + 1}`
    checkAtomCommon(file, entry, where)
    if (!feedHasAuthor && childrenOf(entry, 'author', atomNs).length === 0) {
      flag(file, diagnostics.atomMissingAuthor, [index + 1], {place: entry.place})
    }
    for (const local of ['content', 'summary']) {
      const content = childOf(entry, local, atomNs)
      if (!content) continue
      const type = content.attributes.type ?? 'text'
      const label = `the \`${local}\` of ${where}`
      if (type === 'html') checkContentHtml(file, textOf(content), label, content.place, scripted)
      if (type === 'xhtml') checkXhtmlContent(file, content, label, scripted)
      const src = content.attributes.src
      if (src !== undefined) checkAbsolute(file, src, label, content.place)
    }
  })
}

/** Fields the feed and each entry both need. */
function checkAtomCommon(file: VFile, element: XmlElement, where: string): void {
  for (const field of ['id', 'title', 'updated']) {
    if (!textOf(childOf(element, field, atomNs))) flag(file, diagnostics.atomMissingField, [where, field], {place: element.place})
  }
  for (const field of ['updated', 'published']) {
    const value = textOf(childOf(element, field, atomNs))
    if (value && !isRfc3339(value)) flag(file, diagnostics.atomInvalidDate, [where, field, value], {place: element.place})
  }
  const links = childrenOf(element, 'link', atomNs)
  // A link without `rel` is an alternate link (RFC 4287 §4.2.7.2).
  if (!links.some((link) => (link.attributes.rel ?? 'alternate') === 'alternate')) {
    flag(file, diagnostics.atomMissingAlternate, [where], {place: element.place})
  }
  for (const link of links) {
    checkAbsolute(file, link.attributes.href ?? '', `a \`link\` of the ${where}`, link.place)
  }
}

/** Atom `type="xhtml"` content: the URLs are attributes of the XHTML elements. */
function checkXhtmlContent(file: VFile, content: XmlElement, where: string, scripted: Scripted): void {
  for (const element of descendantsOf(content)) {
    if (element.uri !== xhtmlNs) continue
    if (element.local === 'script' && !scripted.script) flag(file, diagnostics.feedScript, [where], {place: element.place})
    for (const url of urlsOfAttributes(element.local, element.attributes)) checkUrl(file, url, where, element.place, scripted)
  }
}

/**
 * Check HTML carried by a feed (content, description): no script, no
 * `javascript:` URLs, every URL absolute.
 *
 * @param file
 *   Checked file.
 * @param html
 *   The HTML, decoded from its XML or JSON string.
 * @param where
 *   What it is, for messages, e.g. ``the `description` of item 2``.
 * @param place
 *   Position of the element or item that holds it (optional).
 * @param scripted
 *   What the raw-text scan already reported (optional).
 */
export function checkContentHtml(
  file: VFile,
  html: string,
  where: string,
  place?: {line: number; column: number},
  scripted: Scripted = {script: false, javascript: false}
): void {
  const tree: Root = fromHtml(html, {fragment: true})
  const options = place ? {place} : {}
  visit(tree, 'element', (element: Element) => {
    if (element.tagName === 'script' && !scripted.script) flag(file, diagnostics.feedScript, [where], options)
    for (const url of urlsOf(element)) checkUrl(file, url, where, place, scripted)
  })
}

function checkUrl(file: VFile, url: string, where: string, place: {line: number; column: number} | undefined, scripted: Scripted): void {
  if (/^\s*javascript:/i.test(url)) {
    if (!scripted.javascript) flag(file, diagnostics.feedJavascriptUrl, [where], place ? {place} : {})
    return
  }
  checkAbsolute(file, url, where, place)
}

function checkAbsolute(file: VFile, url: string, where: string, place?: {line: number; column: number}): void {
  if (url === '' || isAbsoluteUrl(url)) return
  flag(file, diagnostics.feedRelativeUrl, [where, url], place ? {place} : {})
}

/**
 * Whether a URL is absolute (has a scheme).
 *
 * @param url
 *   URL.
 * @returns
 *   Whether it parses without a base.
 */
export function isAbsoluteUrl(url: string): boolean {
  return URL.canParse(url.trim())
}
