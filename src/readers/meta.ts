/**
 * Front matter → validated `ArticleMeta`. The schema (zod) accepts the field
 * names publishers bring from Jekyll, Hugo and Eleventy (`excerpt`, `summary`,
 * `deck`, `topics`, `primary_image`, …) and maps them onto one model.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, statSync} from 'node:fs'
import path from 'node:path'
import {slug as githubSlug} from 'github-slugger'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type * as z from 'zod'
import type {ResolvedConfig} from '../config.js'
import {diagnostics, report} from '../diagnostics.js'
import type {ArticleMeta, Contact, Dateline, Direction, LeadImage, ReleaseInfo} from '../types.js'
import {canonicalLanguage, isRtl} from '../locale.js'
import {utcTime} from '../util/utc.js'
import {articleLanguage} from './language.js'
import {parseDateline} from '../pipeline/dateline.js'
import {cleanAbsoluteUrl} from '../pipeline/url.js'
import {foreignKeys, frontMatterSchema, type FrontMatterFields} from './front-matter-schema.js'
import {stripMarkup} from './plain-text.js'
import type {FrontMatter} from './front-matter.js'

/** Slugs taken by collection outputs at the root of the output folder. */
const reservedSlugs = new Set(['index', '404'])

/** What a reader recovered from the text itself (wire copy, a leading `# Title`). */
export interface Recovered {
  title?: string
  /** Names of a byline (`By Jane Smith and Ahmed Rasheed`). */
  authors?: string[]
  /** A date line (`February 24, 2025`), ISO 8601. */
  published?: string
  /** An `Updated:` date line, ISO 8601. */
  updated?: string
  description?: string
  /** A caption (and credit) of a photo the copy does not carry, with where it is. */
  image?: {caption: string; credit?: string; place?: Position}
  /** Captions (and credits) of photos in the body that the copy does not carry, with where they are. */
  photos?: Array<{caption?: string; credit?: string; place: Position}>
  dateline?: Dateline
  /** The date a dateline gives (`Washington, D.C., June 4, 2007 -`), ISO 8601: the date when nothing better does. */
  datelineDate?: string
  /** Media contacts (a press release's contacts block). */
  contacts?: Contact[]
  /** A press release's header: release notes, number, document type, issuer. */
  release?: ReleaseInfo
}

/**
 * Resolve metadata for one article.
 *
 * @param frontMatter
 *   Parsed front matter (optional).
 * @param recovered
 *   Fields the reader found in the text.
 * @param file
 *   The article's file (messages go here; `file.path` is the source).
 * @param config
 *   Resolved configuration.
 * @returns
 *   Metadata, or `undefined` when a field is invalid (errors were reported).
 */
export function resolveMeta(
  frontMatter: FrontMatter | undefined,
  recovered: Recovered,
  file: VFile,
  config: ResolvedConfig,
  sample: () => string = () => ''
): ArticleMeta | undefined {
  const source = 'pressroom:front-matter'
  const data = frontMatter?.data ?? {}
  const placeOf = (key: string): Point => frontMatter?.positions.get(key) ?? frontMatter?.start ?? {line: 1, column: 1}
  /** A plain-text field's text: markup stripped, with a warning at its key. */
  const plain = (value: string | undefined, key: string): string | undefined => {
    if (value === undefined) return undefined
    const {text, tags} = stripMarkup(value)
    if (tags) report(file, diagnostics.markupInField, [key, text], {place: placeOf(key), source})
    return text || undefined
  }
  const plainList = (list: string[], key: string): string[] => list.map((item) => plain(item, key)).filter((item): item is string => item !== undefined)

  // An empty value (`deck:`) is YAML null: the field is not set.
  const present = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null && value !== undefined))
  const parsed = frontMatterSchema.safeParse(present)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '')
      const field = issue.path.join('.') || '(front matter)'
      report(file, diagnostics.frontMatterField, [field, describeIssue(issue)], {place: placeOf(key), source})
    }
    return undefined
  }
  const fields: FrontMatterFields = parsed.data
  for (const key of Object.keys(data)) {
    if (!(key in frontMatterSchema.shape) && !foreignKeys.has(key)) {
      report(file, diagnostics.frontMatterUnknownKey, [key], {place: placeOf(key), source})
    }
  }

  const stem = fileStem(file.path)
  let failed = false

  // Title.
  let title = plain(clean(fields.title), 'title') ?? recovered.title
  if (!title) {
    title = stem.name.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase()) || 'Untitled'
    report(file, diagnostics.missingTitle, [title], {place: frontMatter?.start ?? {line: 1, column: 1}, source})
  }

  // Slug.
  const wanted = fields.slug === undefined ? stem.name : String(fields.slug)
  const slug = toSlug(wanted)
  if (!slug) {
    report(file, diagnostics.emptySlug, [wanted], {place: placeOf('slug'), source})
    failed = true
  } else if (reservedSlugs.has(slug)) {
    report(file, diagnostics.reservedSlug, [slug], {place: placeOf('slug'), source})
    failed = true
  } else if (fields.slug !== undefined && slug !== wanted) {
    report(file, diagnostics.unsafeSlug, [wanted, slug], {place: placeOf('slug'), source})
  }

  // Dates.
  let date: string | undefined
  if (fields.date !== undefined) {
    date = parseDate(fields.date)
    if (!date) {
      report(file, diagnostics.invalidDate, ['date', String(fields.date)], {place: placeOf('date'), source})
      failed = true
    }
  } else if (stem.date) {
    date = stem.date
  } else if (recovered.published ?? recovered.updated ?? recovered.datelineDate) {
    date = recovered.published ?? recovered.updated ?? recovered.datelineDate
  } else {
    const fallback = fallbackDate(file.path)
    date = fallback.iso
    report(file, diagnostics.missingDate, [fallback.from, fallback.iso], {place: frontMatter?.start ?? {line: 1, column: 1}, source})
  }
  // (When the date is an `Updated:` line, it equals `date` and is not kept.)
  let updated: string | undefined = recovered.updated
  const updatedKey = (['updated', 'lastmod', 'modified'] as const).find((key) => fields[key] !== undefined)
  if (updatedKey) {
    updated = parseDate(fields[updatedKey]!)
    if (!updated) {
      report(file, diagnostics.invalidDate, [updatedKey, String(fields[updatedKey])], {place: placeOf(updatedKey), source})
      failed = true
    }
  }
  if (failed || !date || !slug) return undefined

  // One canonical tag for every format (`en_US` → `en-US`); a tag `Intl` refuses is ignored, as if not given.
  const langKey = (['lang', 'language'] as const).find((key) => clean(fields[key]) !== undefined)
  const writtenLang = langKey ? clean(fields[langKey]) : undefined
  const declaredLang = writtenLang === undefined ? undefined : canonicalLanguage(writtenLang)
  const lang = articleLanguage(declaredLang, file, config, () => `${title}\n${sample()}`)
  if (langKey && writtenLang !== undefined && declaredLang === undefined) {
    report(file, diagnostics.invalidLanguage, [langKey, writtenLang, lang], {place: placeOf(langKey), source})
  }
  const dir: Direction = fields.dir ?? (isRtl(lang) ? 'rtl' : 'ltr')

  const byline = fields.authors ?? fields.author ?? fields.byline
  const meta: ArticleMeta = {
    title,
    slug,
    date,
    authors: byline === undefined ? (recovered.authors ?? []) : plainList(toList(byline), keyOf(fields, ['authors', 'author', 'byline'])),
    tags: unique(plainList(toList(fields.tags ?? fields.topics ?? fields.categories ?? fields.keywords), keyOf(fields, ['tags', 'topics', 'categories', 'keywords']))),
    lang,
    dir,
    draft: fields.draft ?? false
  }
  if (updated && updated !== date) meta.updated = updated
  const descriptionKey = (['standfirst', 'description', 'deck', 'summary', 'excerpt', 'subtitle'] as const).find((key) => textOf(fields[key]) !== undefined)
  const description = (descriptionKey && plain(textOf(fields[descriptionKey]), descriptionKey)) ?? recovered.description
  if (description) meta.description = description

  const image = leadImage(fields, recovered)
  if (image) {
    const imageKey = keyOf(fields, ['image', 'primary_image', 'featured_image', 'hero_image'])
    const caption = plain(image.caption, imageKey)
    const credit = plain(image.credit, imageKey)
    // The alt text defaults to the caption: stripped with it, warned once.
    image.alt = (image.alt === image.caption ? caption : plain(image.alt, imageKey)) ?? ''
    if (caption) image.caption = caption
    else delete image.caption
    if (credit) image.credit = credit
    else delete image.credit
    meta.image = image
  }
  if (recovered.photos) meta.photos = recovered.photos.map(({caption, credit}) => ({...(caption ? {caption} : {}), ...(credit ? {credit} : {})}))
  if (recovered.contacts) meta.contacts = recovered.contacts
  if (recovered.release) meta.release = recovered.release
  const dateline = fields.dateline === false ? undefined : fields.dateline ? parseDateline(fields.dateline.trim() + ' –', {loose: true}) : recovered.dateline
  if (dateline) meta.dateline = dateline
  // An absolute http(s) URL, as the URL parser writes it (every format gets it percent-encoded), else none.
  const canonicalKey = (['canonical', 'canonical_url', 'source_url'] as const).find((key) => clean(fields[key]) !== undefined)
  if (canonicalKey) {
    const written = clean(fields[canonicalKey])!
    const canonical = cleanAbsoluteUrl(written)
    if (canonical.ok) meta.canonical = canonical.url
    else report(file, canonical.reason === 'unsafe' ? diagnostics.unsafeUrl : diagnostics.invalidUrl, [written.slice(0, 80), canonicalKey], {place: placeOf(canonicalKey), source})
  }
  return meta
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${withArticle(issue.expected)}`
  if (issue.code === 'invalid_union') {
    const expected = new Set<string>()
    for (const branch of issue.errors) {
      for (const inner of branch) if (inner.code === 'invalid_type') expected.add(withArticle(inner.expected))
    }
    if (expected.size > 0) return `expected ${[...expected].join(' or ')}`
  }
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`
  return issue.message
}

function withArticle(type: string): string {
  const names: Record<string, string> = {
    string: 'a string', number: 'a number', boolean: 'a boolean (`true` or `false`)', array: 'a list',
    object: 'a map', date: 'a date'
  }
  return names[type] ?? type
}

/** A text field's value, or `undefined` for an override such as `standfirst: false`. */
function textOf(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? clean(value) : undefined
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim()
  return trimmed ? trimmed : undefined
}

/** The first of `keys` the front matter sets (the first key when none is set). */
function keyOf<Key extends string>(fields: Partial<Record<Key, unknown>>, keys: readonly [Key, ...Key[]]): Key {
  return keys.find((key) => fields[key] !== undefined) ?? keys[0]
}

function unique(list: string[]): string[] {
  return [...new Set(list)]
}

function toList(value: string | Array<string | number | {name: string}> | undefined): string[] {
  if (value === undefined) return []
  const items = typeof value === 'string' ? value.split(/\s*,\s*/) : value
  return items
    .map((item) => (typeof item === 'object' ? item.name : String(item)).trim())
    .filter((item) => item.length > 0)
}

function leadImage(fields: FrontMatterFields, recovered: Recovered): LeadImage | undefined {
  const given = fields.image ?? fields.primary_image ?? fields.featured_image ?? fields.hero_image
  const object = typeof given === 'object' ? given : undefined
  const src = typeof given === 'string' ? given : (object?.src ?? object?.url ?? object?.uid)
  const caption = clean(object?.caption) ?? clean(fields.image_caption) ?? clean(fields.image_figcaption) ??
    clean(fields.caption) ?? recovered.image?.caption
  const credit = clean(object?.credit) ?? clean(fields.image_credit) ?? clean(fields.credit) ?? recovered.image?.credit
  const alt = clean(object?.alt) ?? clean(fields.image_alt) ?? caption ?? ''
  if (!src?.trim() && !caption) return undefined
  const image: LeadImage = {alt}
  if (src?.trim()) image.src = src.trim()
  if (caption) image.caption = caption
  if (credit) image.credit = credit
  return image
}

/**
 * Make a safe slug: lower case, letters and digits of any script, single
 * hyphens; never `/`, `..`, dots or control characters.
 */
export function toSlug(value: string): string {
  let decoded = value
  try {
    decoded = decodeURIComponent(value)
  } catch {
    // Not percent-encoded: keep as is.
  }
  return githubSlug(decoded.normalize('NFKC').replace(/[\p{P}\p{S}\p{Z}\p{C}]+/gu, '-'))
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120)
    .replace(/-$/, '')
}

/**
 * The name a file gives an article: its base name without extension, and
 * without a leading `YYYY-MM-DD-` (Jekyll's posts), which is its date.
 */
export function fileStem(filePath: string): {name: string; date?: string} {
  const base = path.basename(filePath).replace(/\.[^.]+$/, '')
  const match = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/.exec(base)
  if (match) {
    const date = parseDate(`${match[1]}-${match[2]}-${match[3]}`)
    return date ? {name: match[4]!, date} : {name: match[4]!}
  }
  return {name: base}
}

/**
 * Parse the date forms found in real front matter: ISO 8601, `YYYY-MM-DD`,
 * `2015-03-19 10:00:00 -4`, `2012-06-08 2:43:37 -0400`, YAML timestamps.
 * Without a zone, UTC. Hand-written because `Date.parse` accepts most of
 * these only in V8's implementation-defined way (and rejects `-4`).
 *
 * The year is kept as written (`0024` is the year 24, which `Date.UTC` would
 * make 1924), and must be from 1 to 9999 in UTC: see {@link isWritableDate}.
 * A zone's offset is at most ±14:00, its minutes below 60 (`+99:99` is no
 * zone, not five days earlier).
 *
 * @returns
 *   ISO 8601 string (UTC, `Z`), or `undefined`.
 */
export function parseDate(value: string | Date): string | undefined {
  if (value instanceof Date) return isWritableDate(value) ? value.toISOString() : undefined
  const match =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?)?$/i.exec(
      value.trim()
    )
  if (!match) return undefined
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = match
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return undefined
  let offset = 0
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    const hours = digits.length <= 2 ? Number(digits) : Number(digits.slice(0, digits.length - 2))
    const minutes = digits.length <= 2 ? 0 : Number(digits.slice(-2))
    // No zone is further than 14 hours from UTC (Kiribati, UTC+14:00).
    if (minutes > 59 || hours * 60 + minutes > 14 * 60) return undefined
    offset = sign * (hours * 60 + minutes)
  }
  const time = utcTime(year, month - 1, day, Number(h), Number(mi), Number(s), Number(frac.slice(0, 3).padEnd(3, '0')))
  const date = new Date(time - offset * 60_000)
  if (new Date(utcTime(year, month - 1, day)).getUTCDate() !== day || !isWritableDate(date)) return undefined
  return date.toISOString()
}

/**
 * Whether every format writes a date alike: a year from 1 to 9999 in UTC.
 * RFC 3339 (Atom, JSON Feed, ninjs, EPUB) and RFC 822 (RSS) have four-digit
 * years; the year 0 (ISO 8601's `0000`, 1 BC) is shown as the year 1 by the
 * dates of the pages (`Intl.DateTimeFormat`), so the formats would disagree.
 */
function isWritableDate(date: Date): boolean {
  const year = date.getUTCFullYear()
  return !Number.isNaN(date.getTime()) && year >= 1 && year <= 9999
}

/** Date of an undated article: SOURCE_DATE_EPOCH, else the last commit, else the mtime. */
function fallbackDate(filePath: string): {iso: string; from: string} {
  const epoch = process.env['SOURCE_DATE_EPOCH']
  if (epoch && /^\d+$/.test(epoch)) return {iso: new Date(Number(epoch) * 1000).toISOString(), from: 'SOURCE_DATE_EPOCH'}
  const absolute = path.resolve(filePath)
  if (existsSync(absolute)) {
    try {
      const out = execFileSync('git', ['log', '-1', '--format=%ct', '--', path.basename(absolute)], {
        cwd: path.dirname(absolute),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore']
      }).trim()
      if (/^\d+$/.test(out)) return {iso: new Date(Number(out) * 1000).toISOString(), from: 'the last git commit'}
    } catch {
      // Not in a git checkout: fall through.
    }
    return {iso: statSync(absolute).mtime.toISOString(), from: 'the file modification time'}
  }
  return {iso: new Date(0).toISOString(), from: 'the Unix epoch (no file on disk)'}
}
