/**
 * HTML page checks, on the tree `hast-util-from-html` (parse5) builds: parse
 * errors, no scripts but JSON-LD, no event handlers or `javascript:` URLs,
 * one `<h1>`, `<html lang>`, a `<title>`, `alt` on every image, URLs a
 * browser reads as written, and local links that resolve to files of the
 * output folder.
 */
import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toText} from 'hast-util-to-text'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {diagnostics} from '../diagnostics.js'
import {urlsOf} from '../pipeline/hast/url-attributes.js'
import {flag, type CheckContext} from './flag.js'

/**
 * Check an HTML page.
 *
 * @param file
 *   Checked file (`path` relative to the output folder).
 * @param text
 *   Decoded text.
 * @param context
 *   Files of the output folder.
 */
export function checkHtml(file: VFile, text: string, context: CheckContext): void {
  const tree: Root = fromHtml(text, {
    onerror(message) {
      flag(file, diagnostics.htmlParseError, [message.reason, message.ruleId ?? 'parse-error'], {
        place: {line: message.line ?? 1, column: message.column ?? 1}
      })
    }
  })

  let h1 = 0
  let title = ''
  let lang: string | undefined
  visit(tree, 'element', (element: Element) => {
    const place = placeOf(element)
    if (element.tagName === 'html') lang = stringOf(element.properties.lang)
    if (element.tagName === 'h1') h1++
    if (element.tagName === 'title') title ||= toText(element).trim()
    if (element.tagName === 'script' && stringOf(element.properties.type)?.trim().toLowerCase() !== 'application/ld+json') {
      flag(file, diagnostics.htmlScript, [], {place})
    }
    if (element.tagName === 'img' && element.properties.alt === undefined) {
      flag(file, diagnostics.htmlImgMissingAlt, [stringOf(element.properties.src) ?? ''], {place})
    }
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on[a-z]/i.test(name)) flag(file, diagnostics.htmlEventHandler, [attributeName(name)], {place})
      for (const item of Array.isArray(value) ? value : [value]) {
        if (typeof item === 'string' && isJavascriptUrl(item)) flag(file, diagnostics.htmlJavascriptUrl, [attributeName(name)], {place})
      }
    }
    for (const url of urlsOf(element)) {
      if (isJavascriptUrl(url)) continue
      const problem = urlProblem(url)
      if (problem) {
        flag(file, diagnostics.htmlInvalidUrl, [url, problem], {place})
        continue
      }
      const target = localTarget(file.path, url)
      if (target !== undefined && !context.files.has(target)) flag(file, diagnostics.htmlBrokenLink, [url], {place})
    }
  })

  const start = {place: {line: 1, column: 1}}
  if (h1 !== 1) flag(file, diagnostics.htmlH1Count, [h1], start)
  if (!lang || lang.trim() === '') flag(file, diagnostics.htmlMissingLang, [], start)
  if (!title) flag(file, diagnostics.htmlMissingTitle, [], start)
}

/**
 * What is wrong with a URL as a browser reads it on a page (WHATWG URL, the
 * page an `https:` one), if anything.
 *
 * @param url
 *   URL as written.
 * @returns
 *   Why it is invalid, or `undefined`.
 */
export function urlProblem(url: string): string | undefined {
  // HTML strips leading and trailing white space from URL attributes.
  const trimmed = url.trim()
  let parsed: URL
  try {
    parsed = new URL(trimmed, 'https://example.invalid/dir/page.html')
  } catch {
    return 'a browser cannot read it'
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined
  if (parsed.username !== '' || parsed.password !== '' || /^(?:https?:)?[/\\]{2}[^/\\?#]*@/i.test(trimmed)) return 'it holds a user name or password'
  if (/^[^?#]*\\/.test(trimmed)) return 'it has a `\\` browsers read as `/`'
  if (/^https?:(?![/\\]{2})/i.test(trimmed)) return 'it has no `//` after its scheme'
  return undefined
}

/**
 * The output-folder path a local URL points at.
 *
 * @param page
 *   Path of the page, relative to the output folder.
 * @param url
 *   URL as written.
 * @returns
 *   Relative path of the target (a folder URL names its `index.html`), `''`
 *   outside the folder, or `undefined` for remote, fragment-only and empty URLs.
 */
export function localTarget(page: string, url: string): string | undefined {
  const trimmed = url.trim()
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//') || URL.canParse(trimmed)) return undefined
  const base = 'file:///__root__/'
  let resolved: URL
  try {
    // A root-relative URL (`/feeds/rss.xml`) is relative to the output folder.
    resolved = trimmed.startsWith('/') ? new URL('.' + trimmed, base) : new URL(trimmed, base + page)
  } catch {
    // Not a URL at all: `urlProblem` says so.
    return undefined
  }
  if (!resolved.href.startsWith(base)) return ''
  let target: string
  try {
    target = decodeURIComponent(resolved.pathname.slice('/__root__/'.length))
  } catch {
    return ''
  }
  return target === '' || target.endsWith('/') ? target + 'index.html' : target
}

function isJavascriptUrl(value: string): boolean {
  // Browsers ignore ASCII whitespace and control characters in a scheme.
  // eslint-disable-next-line no-control-regex
  return /^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''))
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.join(' ')
  return undefined
}

/** `onClick` → `onclick`; other hast names lowercased, as HTML attributes. */
function attributeName(property: string): string {
  return property === 'formAction' ? 'formaction' : property === 'srcSet' ? 'srcset' : property.toLowerCase()
}

function placeOf(element: Element): {line: number; column: number} {
  const start = element.position?.start
  return start ? {line: start.line, column: start.column} : {line: 1, column: 1}
}
