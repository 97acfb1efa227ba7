/**
 * Dates, name lists and writing direction of an article's language, shared by
 * readers and every emitter (formatters are cached per language; an unknown
 * tag falls back to English).
 */

/** Languages written right to left (primary subtags, and `ku-arab`). */
const rtlLanguages = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ku-arab', 'ps', 'sd', 'ug', 'ur', 'yi'])

/** Whether a BCP 47 tag names a right-to-left language. */
export function isRtl(lang: string): boolean {
  const lower = lang.toLowerCase()
  if (/-arab\b|-hebr\b|-thaa\b|-syrc\b/.test(lower)) return true
  return rtlLanguages.has(lower.split('-')[0] ?? '')
}

/** RFC 5646 `irregular` grandfathered tags. */
const irregular = new Set([
  'en-gb-oed', 'i-ami', 'i-bnn', 'i-default', 'i-enochian', 'i-hak', 'i-klingon', 'i-lux', 'i-mingo', 'i-navajo', 'i-pwn', 'i-tao',
  'i-tay', 'i-tsu', 'sgn-be-fr', 'sgn-be-nl', 'sgn-ch-de', 'art-lojban', 'cel-gaulish', 'no-bok', 'no-nyn', 'zh-guoyu', 'zh-hakka',
  'zh-min', 'zh-min-nan', 'zh-xiang'
])

/** RFC 5646 `langtag` and `privateuse` (`irregular` and `regular` grandfathered tags are listed apart). */
const languageTag = new RegExp(
  '^(?:' +
    // language (with up to three extlang), script, region, variants, extensions, private use
    '(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})' +
    '(?:-[a-z]{4})?' +
    '(?:-(?:[a-z]{2}|\\d{3}))?' +
    '(?:-(?:[a-z\\d]{5,8}|\\d[a-z\\d]{3}))*' +
    // Extensions: only `t` and `u` are registered (RFC 6497, RFC 6067); the Nu checker rejects others.
    '(?:-[tu](?:-[a-z\\d]{2,8})+)*' +
    '(?:-x(?:-[a-z\\d]{1,8})+)?' +
    '|x(?:-[a-z\\d]{1,8})+' +
    ')$',
  'i'
)

/**
 * Whether a value is a well-formed BCP 47 language tag (`en`, `pt-BR`,
 * `zh-Hant-TW`, `ckb-IQ`); not whether its subtags are registered.
 *
 * @param value
 *   Value as written.
 * @returns
 *   Whether it is.
 */
export function isLanguageTag(value: string): boolean {
  return languageTag.test(value) || irregular.has(value.toLowerCase())
}

/**
 * The canonical form of a BCP 47 language tag, the one every format writes:
 * subtags in the case RFC 5646 gives them (`en-US`, `zh-Hant-TW`, `ku-Arab`).
 * Underscores, as in POSIX locales (`en_US`, which Hugo and Jekyll
 * configurations carry), are read as hyphens.
 *
 * > **Note**: the tag must be one `Intl` reads (`Intl.getCanonicalLocales`),
 * > but it keeps its subtags: `Intl`'s own form also replaces CLDR's
 * > aliases, and would make Kurmanji (`kmr`, whose catalog is shipped, and
 * > the tag a guess from the text gives) `ku`.
 *
 * @param tag
 *   Language tag as written.
 * @returns
 *   Canonical tag, or `undefined` when it is not a well-formed tag
 *   (`english language`), which `Intl` refuses.
 */
export function canonicalLanguage(tag: string): string | undefined {
  const hyphenated = tag.trim().replace(/_/g, '-')
  // The form HTML validators accept (RFC 5646), and one `Intl` reads.
  if (!isLanguageTag(hyphenated)) return undefined
  try {
    Intl.getCanonicalLocales(hyphenated)
  } catch {
    return undefined
  }
  // The language in lower case; then a region (two letters) in upper case, a script (four letters) in title case,
  // anything else in lower case; after a singleton (`-u-`, `-x-`), everything in lower case.
  let extension = false
  return hyphenated
    .split('-')
    .map((subtag, index) => {
      const lower = subtag.toLowerCase()
      if (index === 0 || extension) return lower
      if (lower.length === 1) {
        extension = true
        return lower
      }
      if (lower.length === 2) return lower.toUpperCase()
      return /^[a-z]{4}$/.test(lower) ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower
    })
    .join('-')
}

/**
 * The locale `Intl` formats a language's dates and numbers with: Arabic with
 * Eastern Arabic digits (`٢٥`), as Sorani (`ckb`) and Persian (`fa`, `۲۵`)
 * have by default, so a label's numbers and its dates agree.
 *
 * @param lang
 *   BCP 47 language tag.
 */
export function intlLocale(lang: string): string {
  const tag = lang.replace(/_/g, '-')
  if (/^ar(-|$)/i.test(tag) && !/-u-/i.test(tag)) return `${tag}-u-nu-arab`
  return tag
}

/**
 * Conjunctions of languages `Intl.ListFormat` has no data for (it answers
 * them in English): the separator between names and the one before the last.
 */
const conjunctions: Record<string, {separator: string; last: string}> = {
  ckb: {separator: '، ', last: ' و '}
}

const dateFormats = new Map<string, Intl.DateTimeFormat>()
const listFormats = new Map<string, Intl.ListFormat>()

/**
 * A date as readers of `lang` write it (`25 February 2025`, `٢٥ی شوباتی ٢٠٢٥`), in UTC.
 *
 * @param value
 *   ISO 8601 string or date.
 * @param lang
 *   BCP 47 language tag.
 */
export function displayDate(value: string | Date, lang: string): string {
  let format = dateFormats.get(lang)
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(intlLocale(lang), {dateStyle: 'long', timeZone: 'UTC'})
    } catch {
      format = new Intl.DateTimeFormat('en', {dateStyle: 'long', timeZone: 'UTC'})
    }
    dateFormats.set(lang, format)
  }
  return format.format(typeof value === 'string' ? new Date(value) : value)
}

/**
 * Names joined as `A`, `A and B`, `A, B and C` in the language of `lang`.
 *
 * @param names
 *   Names.
 * @param lang
 *   BCP 47 language tag.
 */
export function joinNames(names: readonly string[], lang: string): string {
  const own = conjunctions[lang.toLowerCase().split(/[-_]/)[0] ?? '']
  if (own) return names.length < 2 ? names.join('') : names.slice(0, -1).join(own.separator) + own.last + names.at(-1)!
  let format = listFormats.get(lang)
  if (!format) {
    try {
      format = new Intl.ListFormat(lang, {style: 'long', type: 'conjunction'})
    } catch {
      format = new Intl.ListFormat('en', {style: 'long', type: 'conjunction'})
    }
    listFormats.set(lang, format)
  }
  return format.format(names)
}
