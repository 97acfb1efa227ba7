/**
 * The diagnostics catalog: every warning and error Pressroom reports, while
 * building and in `pressroom check`, with a stable rule id, a severity and a
 * reason builder — as Rollup's `logs.ts` and Astro's `errors-data.ts`. One
 * rule id is one entry: the build and `check` never disagree on a severity.
 *
 * Published rule ids never change. Reasons say what was unexpected and what to
 * do; the position is never part of the reason (vfile prints it in front).
 */
import type {VFile} from 'vfile'
import type {Options as MessageOptions, VFileMessage} from 'vfile-message'

/** `error` fails the article, `warning` is reported (and fails with `--strict`), `info` is quiet. */
export type Severity = 'error' | 'warning' | 'info'

/** One catalog entry. */
export interface Diagnostic<Args extends unknown[]> {
  ruleId: string
  severity: Severity
  reason: (...args: Args) => string
  /** What to do about it, shown after the reason. */
  hint?: string
}

function define<Args extends unknown[]>(
  ruleId: string,
  severity: Severity,
  reason: (...args: Args) => string,
  hint?: string
): Diagnostic<Args> {
  return hint === undefined ? {ruleId, severity, reason} : {ruleId, severity, reason, hint}
}

/** The catalog. Keys are camelCase builders; `ruleId`s are kebab-case and stable. */
export const diagnostics = {
  // Reading
  invalidUtf8: define('invalid-utf8', 'warning', (offset: number, more?: number) =>
    `Unexpected invalid UTF-8 byte at offset ${offset}${more ? ` and ${more} more from here` : ''}; decoded ${more ? 'each' : 'it'} as U+FFFD, save the file as UTF-8`),
  legacyEncoding: define('legacy-encoding', 'warning', (encoding: string, offset: number) =>
    `Unexpected ${encoding} text (not UTF-8 from byte offset ${offset}); decoded it as ${encoding}, save the file as UTF-8`),
  emptyFile: define('empty-file', 'error', () =>
    'Unexpected empty file, write an article or remove the file'),
  unsupportedInput: define('unsupported-input', 'error', (ext: string) =>
    `Unexpected input type \`${ext}\`, use \`.md\` (Markdown) or \`.txt\` (wire copy)`),
  readFailed: define('read-failed', 'error', (why: string) => `Cannot read file: ${why}`),
  inputOutside: define('input-outside', 'error', () =>
    'Refused to read a symbolic link that leads out of the input folder; nothing of it is published, copy the file into the input folder'),

  // Front matter
  frontMatterField: define('front-matter', 'error', (field: string, expected: string) =>
    `${field}: ${expected}`),
  frontMatterSyntax: define('front-matter-syntax', 'error', (why: string) =>
    `Unexpected YAML syntax in front matter: ${why}; fix the YAML (quote values containing \`: \` or \`#\`)`),
  frontMatterLenient: define('front-matter-lenient', 'warning', (why: string) =>
    `Front matter is not valid YAML 1.2 (${why}); read it leniently as YAML 1.1 (gray-matter) does, fix it to silence this`),
  frontMatterDuplicateKey: define('front-matter-duplicate-key', 'warning', (key: string) =>
    `Unexpected duplicate front matter key \`${key}\`; the last value is used, remove the other`),
  frontMatterUnclosed: define('front-matter-unclosed', 'error', () =>
    'Unexpected front matter without closing `---`, add a line `---` after the last field'),
  frontMatterLeadingBlank: define('front-matter-leading-blank', 'warning', () =>
    'Unexpected blank line before the opening `---` of the front matter; read it as front matter, remove the blank line'),
  frontMatterNotMap: define('front-matter-not-map', 'error', () =>
    'Unexpected front matter that is not a map of `key: value` fields'),
  markupInField: define('markup-in-field', 'warning', (key: string, text: string) =>
    `Unexpected markup in plain-text field \`${key}\`; kept its text only (${JSON.stringify(text)}), remove the markup`),
  frontMatterUnknownKey: define('front-matter-unknown-key', 'warning', (key: string) =>
    `Unknown front matter key \`${key}\` is ignored; check its spelling or remove it`),

  // Metadata
  missingTitle: define('missing-title', 'warning', (fallback: string) =>
    `Missing title; used \`${fallback}\`, add \`title:\` to the front matter`),
  missingDate: define('missing-date', 'warning', (source: string, iso: string) =>
    `Missing date; used ${iso} from ${source}, add \`date:\` to the front matter`),
  invalidDate: define('invalid-date', 'error', (field: string, value: string) =>
    `${field}: expected a date such as \`2024-05-01\` or \`2024-05-01T09:30:00Z\` (a year from 0001 to 9999, an offset within ±14:00), not \`${value}\``),
  unsafeSlug: define('unsafe-slug', 'warning', (slug: string, safe: string) =>
    `Unexpected characters in slug \`${slug}\`; used \`${safe}\``),
  emptySlug: define('empty-slug', 'error', (slug: string) =>
    `Slug \`${slug}\` has no letters or digits, set \`slug:\` in the front matter`),
  reservedSlug: define('reserved-slug', 'error', (slug: string) =>
    `Slug \`${slug}\` is reserved for a collection output, choose another \`slug:\``),
  duplicateSlug: define('duplicate-slug', 'error', (slug: string, other: string) =>
    `Duplicate slug \`${slug}\`, also used by \`${other}\`; set a different \`slug:\` in one of them`),

  // Language (src/i18n/)
  invalidLanguage: define('invalid-language', 'warning', (field: string, value: string, used: string) =>
    `${field}: expected a BCP 47 language tag such as \`en\`, \`pt-BR\` or \`ckb\`, not \`${value}\`; used \`${used}\``),
  languageGuessed: define('language-guessed', 'info', (lang: string, how: string) =>
    `Guessed the language \`${lang}\` from the text (${how}); to say it, add \`lang: ${lang}\` to the front matter, or \`languages: {"input/folder/**": "${lang}"}\` to the configuration`),
  missingTranslation: define('missing-translation', 'warning', (lang: string, keys: string[]) =>
    keys.length === 0
      ? `Missing message catalog for \`${lang}\`; its labels are in English, add \`templates/i18n/${lang}.json\` (see README, "Adding a language")`
      : `Missing translation${keys.length === 1 ? '' : 's'} for \`${lang}\`: ${keys.map((key) => `\`${key}\``).join(', ')}; used English, add ${keys.length === 1 ? 'it' : 'them'} to \`templates/i18n/${lang}.json\``),

  // Content
  xmlIllegalCharacter: define('xml-illegal-character', 'warning', (count: number, code: string) =>
    `Removed ${count} character${count === 1 ? '' : 's'} not allowed in XML (first: ${code}); remove them from the source`),
  unsafeUrl: define('unsafe-url', 'warning', (url: string, field?: string) =>
    field === undefined
      ? `Removed unsafe URL \`${url}\`; use an http(s), mailto or relative URL`
      : `Removed unsafe URL \`${url}\` of \`${field}\`; use an absolute http(s) URL`),
  invalidUrl: define('invalid-url', 'warning', (url: string, field?: string, kept?: string, why?: string) =>
    kept !== undefined
      ? `Changed invalid URL \`${url}\` to \`${kept}\` (${why ?? 'browsers read it so'}); fix the link`
      : field === undefined
        ? `Removed invalid URL \`${url}\`; fix the link`
        : `Removed invalid URL \`${url}\` of \`${field}\`; use an absolute http(s) URL without a user name or password`),
  removedHtml: define('removed-html', 'warning', (what: string, why = 'only safe, semantic HTML is kept') =>
    `Removed ${what} from raw HTML; ${why}`),
  renamedId: define('renamed-id', 'warning', (id: string, renamed: string, holder: string) =>
    `Id \`${id}\` is taken by ${holder}; renamed it \`${renamed}\` here (links to \`#${id}\` go to ${holder}), choose another id`),
  captionWithoutImage: define('caption-without-image', 'warning', (caption: string, inBody = false) =>
    `Caption \`${caption.length > 60 ? caption.slice(0, 57) + '…' : caption}\` has no photo: it is kept in the metadata but not shown; ` +
    (inBody
      ? 'to show it, add the photo where it belongs in a Markdown version of the story (`![description](photo.jpg)`)'
      : 'add the photo with `image: photo.jpg` (or `image: {src, caption, credit}`) in front matter')),
  missingImage: define('missing-image', 'warning', (src: string) =>
    `Cannot find local image \`${src}\`; it is shown as its alt text, add the file or fix the path`),
  remoteImage: define('remote-image', 'warning', (src: string) =>
    `Remote image \`${src}\` is not fetched at build time; PDF and EPUB show its alt text, copy it into \`input/\` to embed it`),
  missingAlt: define('missing-alt', 'warning', (src: string) =>
    `Image \`${src}\` has no alt text; add a description for screen readers`),
  templateSyntax: define('template-syntax', 'info', (code: string) =>
    `Template syntax \`${code}\` from another site generator is kept as text`),
  duplicateLine: define('duplicate-line', 'info', (line: string) =>
    `Removed a repeated line \`${line}\``),
  deepNesting: define('deep-nesting', 'warning', (depth: number, max: number) =>
    `Unexpected nesting ${depth} levels deep; flattened below level ${max}`),

  // Shortcodes (Hugo, Jekyll, Eleventy) — src/readers/shortcodes/
  unknownShortcode: define('unknown-shortcode', 'warning', (tag: string) =>
    `Unknown shortcode \`${tag}\`; removed it and kept its inner text, define it in \`shortcodes\` of the configuration or remove it`),
  unclosedShortcode: define('unclosed-shortcode', 'warning', (opener: string) =>
    `Unexpected \`${opener}\` without its closing; removed it, close the shortcode or escape the braces`),
  brokenRef: define('broken-ref', 'warning', (target: string) =>
    `Cannot find \`${target}\` among the articles of this build; kept the link text without a link, fix the path or add the article`),
  shortcodeFailed: define('shortcode-failed', 'warning', (name: string, why: string) =>
    `Shortcode \`${name}\` failed: ${why}; removed it, fix its handler`),
  shortcodeWarning: define('shortcode-warning', 'warning', (name: string, why: string) =>
    `Shortcode \`${name}\`: ${why}`),

  // Emitting
  emitterFailed: define('emitter-failed', 'error', (emitter: string, why: string) =>
    `Emitter \`${emitter}\` failed: ${why}`),
  readerFailed: define('reader-failed', 'error', (why: string) =>
    `Cannot read article: ${why}`),
  articleTimeout: define('article-timeout', 'error', (seconds: number) =>
    `Stopped after ${seconds} s: building this article took too long (the Markdown parser is slow on some inputs, such as thousands of nested brackets, emphasis marks or list levels); raise the limit with \`--timeout\``),
  articleOutOfMemory: define('article-out-of-memory', 'error', (mb: number) =>
    `Stopped: building this article needed more than the ${mb} MB a worker thread may use`),
  unsafeOutputPath: define('unsafe-output-path', 'error', (path: string) =>
    `Refused to write \`${path}\` outside the output folder`),
  outputConflict: define('output-conflict', 'error', (path: string, other: string) =>
    `Output \`${path}\` is written by both \`${other}\` and this article`),
  epubUnsupportedImage: define('epub-unsupported-image', 'warning', (src: string, mediaType: string) =>
    `Image \`${src}\` (${mediaType}) cannot be embedded in EPUB, which supports JPEG, PNG, GIF and SVG; it is shown as its alt text, convert it to embed it`),
  emptyTagSlug: define('empty-tag-slug', 'warning', (tag: string) =>
    `Tag \`${tag}\` has no letters or digits; no per-tag feed is written for it, rename the tag`),
  feedEntryFailed: define('feed-entry-failed', 'warning', (why: string) =>
    `Cannot write a feed entry (${why}); the article is left out of the feeds`),
  pdfMissingGlyph: define('pdf-missing-glyph', 'warning', (count: number, list: string) =>
    `Cannot draw ${count} character${count === 1 ? '' : 's'} (${list}) with the PDF fonts; each is drawn as a white square (□): add a font that has them to the theme's \`fonts.fallback\``),
  unhandledNode: define('unhandled-node', 'warning', (emitter: string, type: string) =>
    `Emitter \`${emitter}\` has no handler for \`${type}\`; its text is kept`),

  // Configuration (once per build, on the build's own file)
  missingSiteUrl: define('missing-site-url', 'warning', (placeholder: string, where: string) =>
    `Missing \`site.url\`; feeds, canonical links, Open Graph, JSON-LD and sitemaps point at the placeholder \`${placeholder}\`, set \`site.url\` to your site's address in ${where}`),
  newsletterNoUnsubscribe: define('newsletter-no-unsubscribe', 'warning', (placeholder: string, where: string) =>
    `Missing \`builtins.newsletter.unsubscribeUrl\`; the edition's \`List-Unsubscribe\` is the placeholder \`${placeholder}\` without one-click unsubscribe (RFC 8058), and large mailbox providers reject or bin bulk mail without it: set an \`https:\` URL in ${where}, or have your mail sender replace the placeholder with its merge tag`),

  // Syndication (sitemaps, WebSub)
  sitemapTruncated: define('sitemap-truncated', 'warning', (file: string, count: number, max: number) =>
    `\`${file}\` may list at most ${max} URLs; kept the newest ${max} of ${count}`),
  websubNoHub: define('websub-no-hub', 'warning', () =>
    'Cannot ping a WebSub hub: `site.hub` is not set; add the hub URL to `site` or drop `--ping`'),
  websubPingFailed: define('websub-ping-failed', 'warning', (hub: string, topic: string, why: string) =>
    `Cannot notify WebSub hub \`${hub}\` of \`${topic}\` (${why}); the build is written, run \`pressroom build --ping\` again later or check \`site.hub\``),

  // Checked output files (`pressroom check`): any file
  checkFailed: define('check-failed', 'error', (why: string) =>
    `Cannot check file: ${why}`),

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

  // ninjs and sitemaps
  ninjsSchema: define('ninjs-schema', 'error', (where: string, why: string) =>
    `Unexpected ninjs 3.1 at \`${where}\`: ${why}`),
  sitemapInvalid: define('sitemap-invalid', 'error', (where: string, why: string) =>
    `Unexpected sitemap content in ${where}: ${why}`),

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
  htmlInvalidUrl: define('html-invalid-url', 'error', (url: string, why: string) =>
    `Unexpected invalid URL \`${url}\`: ${why}`),
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

/** Catalog entries by rule id. */
const byRuleId = new Map<string, Diagnostic<never[]>>(
  Object.values(diagnostics).map((diagnostic) => [diagnostic.ruleId, diagnostic as Diagnostic<never[]>])
)

/**
 * The catalog entry of a rule id.
 *
 * @param ruleId
 *   Rule id, e.g. `emitter-failed`.
 * @returns
 *   Entry, or `undefined` for a rule outside the catalog (a custom emitter's).
 */
export function diagnosticOf(ruleId: string): Diagnostic<never[]> | undefined {
  return byRuleId.get(ruleId)
}

/** Options for {@link report}. */
export interface ReportOptions {
  /** Node or position the message is about. */
  place?: unknown
  /** Stage that reports, e.g. `pressroom:front-matter`. */
  source?: string
  /** Underlying error. */
  cause?: unknown
}

/**
 * Add a catalog message to a file.
 *
 * @param file
 *   File the message is about.
 * @param diagnostic
 *   Catalog entry.
 * @param args
 *   Arguments of the entry's reason builder.
 * @param options
 *   Place, source and cause (optional).
 * @returns
 *   The message (already attached to `file`).
 */
export function report<Args extends unknown[]>(
  file: VFile,
  diagnostic: Diagnostic<Args>,
  args: Args,
  options: ReportOptions = {}
): VFileMessage {
  const reason = diagnostic.reason(...args)
  const settings: MessageOptions = {ruleId: diagnostic.ruleId, source: options.source ?? 'pressroom'}
  // `place` is a node, a position or a point; vfile accepts all three.
  const place = toPlace(options.place)
  if (place) settings.place = place
  if (options.cause instanceof Error) settings.cause = options.cause
  const message = file.message(reason, settings)
  message.fatal = diagnostic.severity === 'error' ? true : diagnostic.severity === 'warning' ? false : undefined
  if (diagnostic.hint) message.note = diagnostic.hint
  return message
}

/** A node's position, a position or a point; anything else has no place. */
export function toPlace(value: unknown): MessageOptions['place'] {
  if (!value || typeof value !== 'object') return undefined
  if ('position' in value) return toPlace((value as {position?: unknown}).position)
  if ('start' in value || 'line' in value) return value as MessageOptions['place']
  return undefined
}

/** Errors (fatal messages) and warnings (non-fatal ones) in files. */
export function countMessages(files: readonly VFile[]): {errors: number; warnings: number} {
  let errors = 0
  let warnings = 0
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal === true) errors++
      else if (message.fatal === false) warnings++
    }
  }
  return {errors, warnings}
}

/** Whether a file has an error (a fatal message). */
export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true)
}

/** Severity of a message as a word. */
export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/**
 * Format one message as `file:line:column: reason [rule-id]`, the house format
 * every CLI line uses (the CLI groups lines by severity).
 */
export function formatMessage(message: VFileMessage, fallbackPath = ''): string {
  const path = message.file || fallbackPath
  const line = message.line ?? 1
  const column = message.column ?? 1
  const rule = message.ruleId ? ` [${message.ruleId}]` : ''
  return `${path}:${line}:${column}: ${message.reason}${rule}`
}
