/**
 * URL hygiene: only http(s), mailto and tel schemes or relative references
 * survive; everything else (`javascript:`, `vbscript:`, `data:`, `file:`) is
 * removed. What survives is percent-encoded so validators and XML parsers
 * accept it. A URL given alone (front matter's `canonical`) must be an
 * absolute http(s) URL: {@link cleanAbsoluteUrl}.
 */

const allowedSchemes = new Set(['http', 'https', 'mailto', 'tel'])

/** Result of {@link cleanUrl}. */
export type CleanUrl = {ok: true; url: string} | {ok: false; reason: 'unsafe' | 'invalid'}

/**
 * Check and encode a URL reference.
 *
 * @param value
 *   `href`/`src` as written.
 * @returns
 *   The encoded URL, or why it was refused.
 */
export function cleanUrl(value: string): CleanUrl {
  // Browsers ignore tabs, newlines and leading/trailing C0 controls and spaces in URLs.
  // eslint-disable-next-line no-control-regex -- the URL standard strips C0 controls and spaces around a URL
  const trimmed = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
  if (trimmed === '') return {ok: false, reason: 'invalid'}
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase()
  if (scheme && !allowedSchemes.has(scheme)) return {ok: false, reason: 'unsafe'}
  const encoded = trimmed
    .replace(/%(?![\da-f]{2})/gi, '%25')
    .replace(/[^\w\-.~:/?#@!$&'()*+,;=%]/gu, (c) => encodeURIComponent(c))
  try {
    const parsed = new URL(encoded, 'https://example.invalid/dir/page')
    // Hosts with empty labels (`https://../`) parse, but no client can reach them.
    if ((scheme === 'http' || scheme === 'https') && (!parsed.hostname || parsed.hostname.split('.').slice(0, -1).some((label) => label === ''))) {
      return {ok: false, reason: 'invalid'}
    }
  } catch {
    return {ok: false, reason: 'invalid'}
  }
  return {ok: true, url: encoded}
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
  let url: URL
  try {
    url = new URL(cleaned.url)
  } catch {
    return {ok: false, reason: 'invalid'}
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '') return {ok: false, reason: 'invalid'}
  return {ok: true, url: url.href}
}
