/**
 * The catalog of `pressroom check` problems: every check id with its severity
 * and reason builder, as `src/diagnostics.ts` is for the build. Check ids are
 * kebab-case and, once published, never change.
 *
 * Problems are vfile messages on one `VFile` per checked output file (its
 * `path` is relative to the output folder), so they print like build
 * messages.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {report, type Diagnostic, type Severity} from '../diagnostics.js'

/** A catalog entry; checks only report errors and warnings. */
export type Check<Args extends unknown[]> = Diagnostic<Args> & {severity: Exclude<Severity, 'info'>}

function define<Args extends unknown[]>(
  ruleId: string,
  severity: Exclude<Severity, 'info'>,
  reason: (...args: Args) => string
): Check<Args> {
  return {ruleId, severity, reason}
}

/** The catalog. Keys are camelCase builders; `ruleId`s are the stable check ids. */
export const checks = {
  // Any file
  checkFailed: define('check-failed', 'error', (why: string) =>
    `Cannot check file: ${why}`),
  invalidUtf8: define('invalid-utf8', 'error', (offset: number) =>
    `Unexpected invalid UTF-8 byte at offset ${offset}; write the file as UTF-8`),

  // Manifest
  manifestMissing: define('manifest-missing', 'error', () =>
    'Missing `manifest.json`; check the output folder of `pressroom build`'),
  manifestInvalid: define('manifest-invalid', 'error', (why: string) =>
    `Unexpected manifest: ${why}; rebuild the folder`),
  manifestFileMissing: define('manifest-file-missing', 'error', () =>
    'Missing file listed in `manifest.json`; rebuild the folder'),
  manifestSizeMismatch: define('manifest-size-mismatch', 'error', (expected: number, actual: number) =>
    `Unexpected size ${actual} bytes, \`manifest.json\` lists ${expected}; the file changed after the build`),
  manifestHashMismatch: define('manifest-hash-mismatch', 'error', () =>
    'Unexpected SHA-256, different from `manifest.json`; the file changed after the build'),
  manifestUnlistedFile: define('manifest-unlisted-file', 'warning', () =>
    'Unexpected file not listed in `manifest.json`; remove it or rebuild with `--clean`'),

  // XML
  xmlNotWellFormed: define('xml-not-well-formed', 'error', (why: string) =>
    `Unexpected XML syntax: ${why}`),
  xmlIllegalCharacter: define('xml-illegal-character', 'error', (code: string) =>
    `Unexpected character ${code}, not allowed in XML; remove it`),

  // RSS
  rssMissingField: define('rss-missing-field', 'error', (field: string) =>
    `Missing \`${field}\` in the RSS channel`),
  rssItemMissingField: define('rss-item-missing-field', 'error', (item: number, field: string) =>
    `Missing \`${field}\` in RSS item ${item}`),
  rssInvalidDate: define('rss-invalid-date', 'error', (field: string, value: string) =>
    `Unexpected \`${field}\` \`${value}\`, expected an RFC 822 date such as \`Mon, 03 Mar 2025 09:30:00 +0000\``),

  // Atom
  atomMissingField: define('atom-missing-field', 'error', (where: string, field: string) =>
    `Missing \`${field}\` in the Atom ${where}`),
  atomInvalidDate: define('atom-invalid-date', 'error', (where: string, field: string, value: string) =>
    `Unexpected \`${field}\` \`${value}\` in the Atom ${where}, expected an RFC 3339 date such as \`2025-03-03T09:30:00Z\``),
  atomMissingAuthor: define('atom-missing-author', 'error', (entry: number) =>
    `Missing \`author\` in Atom entry ${entry} and in the feed`),
  atomMissingAlternate: define('atom-missing-alternate', 'error', (where: string) =>
    `Missing \`link rel="alternate"\` in the Atom ${where}`),

  // Any feed
  feedUnknownFormat: define('feed-unknown-format', 'warning', (root: string) =>
    `Unexpected root element \`${root}\` in a feed, expected \`rss\` or \`feed\` (Atom)`),
  feedRelativeUrl: define('feed-relative-url', 'error', (where: string, url: string) =>
    `Unexpected relative URL \`${url}\` in ${where}; feed readers need absolute URLs`),
  feedScript: define('feed-script', 'error', (where: string) =>
    `Unexpected \`<script\` in ${where}; feeds must not carry scripts`),
  feedJavascriptUrl: define('feed-javascript-url', 'error', (where: string) =>
    `Unexpected \`javascript:\` in ${where}; feeds must not carry scripts`),

  // JSON and JSON Feed
  jsonInvalid: define('json-invalid', 'error', (why: string) =>
    `Unexpected JSON syntax: ${why}`),
  jsonFeedSchema: define('json-feed-schema', 'error', (where: string, why: string) =>
    `Unexpected JSON Feed 1.1 at \`${where}\`: ${why}`),

  // HTML pages
  htmlParseError: define('html-parse-error', 'error', (why: string, rule: string) =>
    `Unexpected HTML: ${why} (${rule})`),
  htmlScript: define('html-script', 'error', () =>
    'Unexpected `<script>`; only `type="application/ld+json"` data is allowed'),
  htmlEventHandler: define('html-event-handler', 'error', (attribute: string) =>
    `Unexpected event handler attribute \`${attribute}\``),
  htmlJavascriptUrl: define('html-javascript-url', 'error', (attribute: string) =>
    `Unexpected \`javascript:\` URL in \`${attribute}\``),
  htmlH1Count: define('html-h1-count', 'error', (count: number) =>
    `Expected exactly one \`<h1>\`, found ${count}`),
  htmlMissingLang: define('html-missing-lang', 'error', () =>
    'Missing `lang` on `<html>`'),
  htmlMissingTitle: define('html-missing-title', 'error', () =>
    'Missing or empty `<title>`'),
  htmlImgMissingAlt: define('html-img-missing-alt', 'error', (src: string) =>
    `Image \`${src}\` has no \`alt\` attribute; add one (empty for decorative images)`),
  htmlBrokenLink: define('html-broken-link', 'error', (url: string) =>
    `Cannot find local target \`${url}\` in the output folder`),

  // Plain text (newsletter)
  textCrlf: define('text-crlf', 'error', (line: number) =>
    `Unexpected CR line ending${line > 1 ? `s (${line} lines)` : ''}; use LF`),
  textLineTooWide: define('text-line-too-wide', 'error', (width: number, max: number) =>
    `Unexpected line ${width} columns wide, wrap at ${max}`),
  textTrailingSpace: define('text-trailing-space', 'error', () =>
    'Unexpected trailing whitespace'),
  textHtml: define('text-html', 'error', (found: string) =>
    `Unexpected HTML \`${found}\` in plain text`),
  textMarkdown: define('text-markdown', 'error', (found: string) =>
    `Unexpected Markdown \`${found}\` in plain text`),

  // Email
  emlInvalid: define('eml-invalid', 'error', (why: string) =>
    `Unexpected message structure: ${why}`),
  emlMissingHeader: define('eml-missing-header', 'error', (header: string) =>
    `Missing \`${header}\` header`),
  emlNotAlternative: define('eml-not-alternative', 'error', (why: string) =>
    `Expected a \`multipart/alternative\` with \`text/plain\` and \`text/html\` parts: ${why}`),

  // EPUB
  epubInvalidZip: define('epub-invalid-zip', 'error', (why: string) =>
    `Cannot read the EPUB as a ZIP archive: ${why}`),
  epubMimetype: define('epub-mimetype', 'error', (why: string) =>
    `Unexpected \`mimetype\` entry: ${why}; it must be the first entry, stored, containing \`application/epub+zip\``),
  epubContainer: define('epub-container', 'error', (why: string) =>
    `Unexpected \`META-INF/container.xml\`: ${why}`),
  epubOpfMissing: define('epub-opf-missing', 'error', (opf: string) =>
    `Cannot find package document \`${opf}\` named by \`META-INF/container.xml\``),
  epubMetadata: define('epub-metadata', 'error', (what: string) =>
    `Unexpected package metadata: ${what}`),
  epubModified: define('epub-modified', 'error', (value: string) =>
    `Expected \`dcterms:modified\` as \`YYYY-MM-DDThh:mm:ssZ\`, found \`${value}\``),
  epubManifestMissingFile: define('epub-manifest-missing-file', 'error', (href: string) =>
    `Cannot find manifest item \`${href}\` in the archive`),
  epubUnlistedFile: define('epub-unlisted-file', 'error', (name: string) =>
    `Unexpected file \`${name}\` not listed in the package manifest`),
  epubNavMissing: define('epub-nav-missing', 'error', () =>
    'Missing navigation document (a manifest item with `properties="nav"`)'),
  epubAccessibility: define('epub-accessibility', 'error', (property: string) =>
    `Missing accessibility metadata \`${property}\``),

  // PDF
  pdfInvalid: define('pdf-invalid', 'error', (why: string) =>
    `Cannot load PDF: ${why}`),
  pdfNoPages: define('pdf-no-pages', 'error', () =>
    'Unexpected PDF without pages'),
  pdfNotTagged: define('pdf-not-tagged', 'error', () =>
    'Missing `/MarkInfo << /Marked true >>` in the catalog; the PDF is not tagged'),
  pdfNoStructTree: define('pdf-no-struct-tree', 'error', () =>
    'Missing `/StructTreeRoot` in the catalog'),
  pdfNoLang: define('pdf-no-lang', 'error', () =>
    'Missing `/Lang` in the catalog'),
  pdfNoTitle: define('pdf-no-title', 'error', () =>
    'Missing `/Title` in the document information'),
  pdfFontNotEmbedded: define('pdf-font-not-embedded', 'error', (font: string) =>
    `Font \`${font}\` is not embedded (no \`FontFile\`, \`FontFile2\` or \`FontFile3\`)`)
} as const

/** Options of {@link flag}. */
export interface FlagOptions {
  /** Position in the file (or inner file), 1-based. */
  place?: {line: number; column: number}
  /** Path of a file inside an archive (EPUB), printed as `outer.epub!inner`. */
  inner?: string
  /** Underlying error. */
  cause?: unknown
}

/**
 * Report a problem on a checked file.
 *
 * @param file
 *   The checked output file (path relative to the output folder).
 * @param check
 *   Catalog entry.
 * @param args
 *   Arguments of the entry's reason builder.
 * @param options
 *   Place, inner path and cause (optional).
 * @returns
 *   The message (already attached to `file`).
 */
export function flag<Args extends unknown[]>(
  file: VFile,
  check: Check<Args>,
  args: Args,
  options: FlagOptions = {}
): VFileMessage {
  const message = report(file, check, args, {source: 'pressroom:check', place: options.place, cause: options.cause})
  if (options.inner) message.file = `${file.path}!${options.inner}`
  return message
}

/** What every format checker is given besides the file. */
export interface CheckContext {
  /** Every file in the output folder (POSIX, relative), for link checks. */
  files: ReadonlySet<string>
}

/**
 * Decode UTF-8, reporting the first invalid byte.
 *
 * @param file
 *   Checked file, to report on.
 * @param bytes
 *   Contents.
 * @param inner
 *   Inner path (optional, EPUB).
 * @returns
 *   The text (invalid bytes as U+FFFD).
 */
export function decodeText(file: VFile, bytes: Uint8Array, inner?: string): string {
  try {
    return new TextDecoder('utf-8', {fatal: true, ignoreBOM: false}).decode(bytes)
  } catch {
    flag(file, checks.invalidUtf8, [firstInvalidUtf8(bytes)], inner ? {inner} : {})
    return new TextDecoder('utf-8').decode(bytes)
  }
}

/** Offset of the first byte that does not decode, by bisection on prefixes. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0
  let high = bytes.length
  // Largest prefix that decodes when a truncated tail sequence is allowed (`stream`).
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    try {
      new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(0, mid), {stream: true})
      low = mid
    } catch {
      high = mid - 1
    }
  }
  // `low` is the first byte that cannot follow; the bad sequence may start at
  // a lead byte before it (`C3 28`: the sequence starts at `C3`).
  for (let start = low - 1; start >= Math.max(0, low - 3); start--) {
    const byte = bytes[start]!
    if (byte >= 0xc0) return start
    if (byte < 0x80) break
  }
  return low
}

/**
 * Line and column (1-based) of an offset in a text.
 *
 * @param text
 *   Text.
 * @param offset
 *   UTF-16 offset.
 * @returns
 *   Point.
 */
export function pointAt(text: string, offset: number): {line: number; column: number} {
  let line = 1
  let start = 0
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++
    start = index + 1
  }
  return {line, column: offset - start + 1}
}
