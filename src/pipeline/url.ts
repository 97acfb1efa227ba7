/**
 * URL hygiene: only http(s), mailto and tel schemes or relative references
 * survive; everything else (`javascript:`, `vbscript:`, `data:`, `file:`) is
 * removed. What survives is read as a browser reads it (the WHATWG URL
 * standard) and percent-encoded so validators and XML parsers accept it:
 *
 * - in an http(s) URL or a relative reference (a page is http(s)), a
 *   backslash before the query is a slash, as browsers take it:
 *   `https:\\evil.example` is `https://evil.example`, and
 *   `http://evil.example\@good.example/` goes to `evil.example` (encoding the
 *   backslash, `%5C@good.example`, sent readers to `good.example` instead).
 *   Markdown has encoded its backslashes already (the autolink
 *   `<http://a\@b/>` is `http://a%5C@b/`, as CommonMark says): those are
 *   taken as written;
 * - a user name and password are removed (`https://user:pw@host/` →
 *   `https://host/`): the Nu checker rejects them, and they are secrets;
 * - `https:host`, `https:/path` and `https:///host` are refused: a browser
 *   reads the first two on the page's own site and the last on `host`, a
 *   feed reader may read them otherwise.
 *
 * What was changed on the way is said (`repaired`), so the author is told.
 * A URL given alone (front matter's `canonical`) must be an absolute
 * http(s) URL written as such: {@link cleanAbsoluteUrl}.
 */

const allowedSchemes = new Set(['http', 'https', 'mailto', 'tel'])

/** Result of {@link cleanUrl}. */
export type CleanUrl = {ok: true; url: string; repaired?: string} | {ok: false; reason: 'unsafe' | 'invalid'}

/**
 * Check and encode a URL reference.
 *
 * @param value
 *   `href`/`src` as written.
 * @returns
 *   The encoded URL (and, when it differs from what was written beyond its
 *   encoding, why), or why it was refused.
 */
export function cleanUrl(value: string): CleanUrl {
  // Browsers ignore tabs, newlines and leading/trailing C0 controls and spaces in URLs.
  // eslint-disable-next-line no-control-regex -- the URL standard strips C0 controls and spaces around a URL
  let trimmed = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
  if (trimmed === '') return {ok: false, reason: 'invalid'}
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase()
  if (scheme && !allowedSchemes.has(scheme)) return {ok: false, reason: 'unsafe'}
  const web = scheme === undefined || scheme === 'http' || scheme === 'https'
  const repaired: string[] = []
  if (web) {
    const head = /^[^?#]*/.exec(trimmed)![0]
    if (head.includes('\\')) {
      trimmed = head.replaceAll('\\', '/') + trimmed.slice(head.length)
      repaired.push('browsers read `\\` as `/`')
    }
  }
  // The authority of an http(s) or scheme-relative URL.
  const authority = web ? /^(?:https?:)?\/\/([^/?#]*)/i.exec(trimmed) : null
  // `https:host`, `https:/path`, `https:///host`: browsers and feed readers disagree on what they are.
  if ((scheme && web && !authority) || authority?.[1] === '') return {ok: false, reason: 'invalid'}
  if (authority?.[1]?.includes('@')) {
    const start = authority[0].length - authority[1].length
    trimmed = trimmed.slice(0, start) + trimmed.slice(start + authority[1].lastIndexOf('@') + 1)
    repaired.push('a URL may not hold a user name or password')
  }
  const encoded = trimmed
    .replace(/%(?![\da-f]{2})/gi, '%25')
    .replace(/[^\w\-.~:/?#@!$&'()*+,;=%]/gu, (c) => encodeURIComponent(c))
  try {
    const parsed = new URL(encoded, 'https://example.invalid/dir/page')
    // Hosts with empty labels (`https://../`) parse, but no client can reach them.
    if (authority && (!parsed.hostname || parsed.hostname.split('.').slice(0, -1).some((label) => label === ''))) {
      return {ok: false, reason: 'invalid'}
    }
  } catch {
    return {ok: false, reason: 'invalid'}
  }
  return repaired.length > 0 ? {ok: true, url: encoded, repaired: repaired.join(', ')} : {ok: true, url: encoded}
}

/**
 * Check and encode a URL that stands alone, with no page to resolve it
 * against (front matter's `canonical`): {@link cleanUrl}, then the WHATWG URL
 * parser, which must find an `http:` or `https:` URL without a user name or
 * password.
 *
 * @param value
 *   URL as written.
 * @returns
 *   The URL as the parser serializes it (`href`: scheme and host in lower
 *   case, an international domain name in Punycode, every character
 *   percent-encoded that validators or XML refuse), or why it was refused.
 */
export function cleanAbsoluteUrl(value: string): CleanUrl {
  const cleaned = cleanUrl(value)
  if (!cleaned.ok) return cleaned
  // Nothing is repaired in a URL that stands alone (credentials, backslashes): it is refused.
  if (cleaned.repaired) return {ok: false, reason: 'invalid'}
  let url: URL
  try {
    url = new URL(cleaned.url)
  } catch {
    return {ok: false, reason: 'invalid'}
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '') return {ok: false, reason: 'invalid'}
  return {ok: true, url: url.href}
}
