import {displayDate} from '../../locale.js'
/**
 * Language helpers for EPUB documents: reading direction of a language,
 * localized dates and the few words the EPUB chrome needs (navigation labels).
 */
import type {Direction, Translator} from '../../types.js'

/** Primary language subtags written right to left. */
const rtlLanguages = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ku-arab', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi'])

/**
 * Direction of a BCP 47 language tag (`ar`, `ckb`, `fa`, `he`… and any tag with
 * an Arabic or Hebrew script subtag are right to left).
 *
 * @param lang
 *   Language tag.
 * @returns
 *   `'rtl'` or `'ltr'`.
 */
export function directionOf(lang: string): Direction {
  const tag = lang.toLowerCase()
  const primary = tag.split('-')[0] ?? ''
  if (rtlLanguages.has(primary)) return 'rtl'
  if (/-(arab|hebr|syrc|thaa|nkoo|adlm|rohg)(-|$)/.test(tag)) return 'rtl'
  return 'ltr'
}

/**
 * A language tag XML and the package document accept (`xsd:language`):
 * `en_US` becomes `en-US`; anything else that is not a tag gives `fallback`.
 *
 * @param lang
 *   Language as written in the metadata.
 * @param fallback
 *   Tag to use instead (the site's language); `und` when it is no tag either.
 * @returns
 *   Well-formed tag.
 */
export function languageTag(lang: string, fallback: string): string {
  const wellFormed = /^[a-z]{2,8}(-[\da-z]{1,8})*$/i
  const tag = lang.trim().replace(/_/g, '-')
  if (wellFormed.test(tag)) return tag
  const other = fallback.trim().replace(/_/g, '-')
  return wellFormed.test(other) ? other : 'und'
}

/** Words of the EPUB chrome. */
export interface Labels {
  contents: string
  cover: string
  start: string
  landmarks: string
}

const keys = ['contents', 'cover', 'start', 'landmarks'] as const

const labels: Record<string, Labels> = {
  en: {contents: 'Contents', cover: 'Cover', start: 'Start of content', landmarks: 'Landmarks'},
  fr: {contents: 'Sommaire', cover: 'Couverture', start: 'Début du contenu', landmarks: 'Repères'},
  de: {contents: 'Inhalt', cover: 'Umschlag', start: 'Beginn des Inhalts', landmarks: 'Orientierungspunkte'},
  es: {contents: 'Índice', cover: 'Cubierta', start: 'Inicio del contenido', landmarks: 'Puntos de referencia'},
  ar: {contents: 'المحتويات', cover: 'الغلاف', start: 'بداية المحتوى', landmarks: 'معالم'},
  ckb: {contents: 'ناوەڕۆک', cover: 'بەرگ', start: 'دەستپێکی ناوەڕۆک', landmarks: 'نیشانەکان'},
  fa: {contents: 'فهرست مطالب', cover: 'جلد', start: 'آغاز محتوا', landmarks: 'نشانه‌ها'},
  he: {contents: 'תוכן העניינים', cover: 'כריכה', start: 'תחילת התוכן', landmarks: 'ציוני דרך'}
}

/**
 * Navigation labels for a language; English (with `lang: 'en'`, so the
 * document can mark it) when the language has none.
 *
 * @param lang
 *   Language tag of the document.
 * @param i18n
 *   The language's translator (its catalog's `epub.*` labels win).
 * @returns
 *   Labels, and `lang`: the language of the labels when it differs from `lang`
 *   (empty string otherwise).
 */
export function labelsFor(lang: string, i18n?: Translator): Labels & {lang: string} {
  const primary = lang.toLowerCase().split('-')[0] ?? ''
  // The message catalogs (`templates/i18n/<lang>.json`, the publisher's
  // first) when they have the language; the table below otherwise.
  if (i18n && keys.every((key) => i18n.has(`epub.${key}`))) {
    return {contents: i18n.t('epub.contents'), cover: i18n.t('epub.cover'), start: i18n.t('epub.start'), landmarks: i18n.t('epub.landmarks'), lang: ''}
  }
  const found = labels[primary]
  if (found) return {...found, lang: ''}
  return {...labels['en']!, lang: primary === 'en' ? '' : 'en'}
}

/**
 * Format a date as `YYYY-MM-DDThh:mm:ssZ` (the form `dcterms:modified` requires).
 *
 * @param date
 *   Date, or an ISO 8601 string.
 * @returns
 *   UTC timestamp without milliseconds.
 */
export function isoSeconds(date: Date | string): string {
  const value = typeof date === 'string' ? new Date(date) : date
  const time = Number.isNaN(value.getTime()) ? 0 : value.getTime()
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/**
 * A long, human date in a language (UTC calendar day), e.g. `27 November 2026`.
 *
 * @param date
 *   Date, or an ISO 8601 string.
 * @param lang
 *   Language tag; falls back to ISO `YYYY-MM-DD` when Intl does not know it.
 * @returns
 *   Formatted date.
 */
export function longDate(date: Date | string, lang: string): string {
  return displayDate(isoSeconds(date), lang)
}

