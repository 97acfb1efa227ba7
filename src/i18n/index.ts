/**
 * The words Pressroom adds itself (labels such as "By", "Page 1 of 3",
 * "Tags:"), in the article's language: one message catalog per language in
 * ICU MessageFormat (`templates/i18n/<lang>.json`), formatted with
 * `intl-messageformat`. A publisher's `templates/i18n/<lang>.json` overrides
 * and extends the shipped one key by key (and may add a language). A key a
 * language lacks falls back to English; the build reports each such key once
 * (`missing-translation`, see {@link missingTranslations}).
 *
 * Numbers in labels use the language's digits (Eastern Arabic for `ar`,
 * `ckb`, `fa`), as the dates do: both go through {@link intlLocale}.
 */
import {readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {IntlMessageFormat} from 'intl-messageformat'
import {displayDate, intlLocale, isRtl, joinNames} from '../locale.js'

export {detectLanguage, type DetectedLanguage} from './detect.js'

/** Folders catalogs are looked up in: the publisher's templates first, then the built-in ones. */
export interface CatalogRoots {
  templates: string
  builtinTemplates: string
}

/** Values of a message's arguments. */
export type MessageValues = Record<string, string | number | Date>

/** Labels of one language. */
export interface Translator {
  /** The language asked for (BCP 47). */
  readonly lang: string
  /** `rtl` or `ltr`. */
  readonly dir: 'ltr' | 'rtl'
  /**
   * A label. Numbers in plain arguments (`{page}`) are written with the
   * language's digits; `plural`, `select`, `number` and `date` arguments
   * follow ICU MessageFormat.
   */
  t(key: string, values?: MessageValues): string
  /** Whether the language's own catalog (shipped or the publisher's) has the key. */
  has(key: string): boolean
  /** The language a label is written in: `lang`, or `en` when it fell back. */
  langOf(key: string): string
  /** Names joined with the language's conjunction (`A, B and C`, `A، B و C`). */
  list(names: readonly string[]): string
  /** A date as the language writes it, with its digits. */
  date(value: string | Date): string
  /** A number with the language's digits. */
  number(value: number): string
}

/** Keys of a catalog file that are not messages (`_notes`: reviewers' notes per key). */
const reserved = /^_/

interface Loaded {
  stamp: string
  messages: Record<string, string> | undefined
}

const files = new Map<string, Loaded>()

/** One catalog file (cached by modification time), or `undefined` when there is none. */
function readCatalogFile(file: string): Record<string, string> | undefined {
  const stat = statSync(file, {throwIfNoEntry: false})
  const stamp = stat ? `${stat.mtimeMs}:${stat.size}` : ''
  const cached = files.get(file)
  if (cached && cached.stamp === stamp) return cached.messages
  let messages: Record<string, string> | undefined
  if (stat?.isFile()) {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`Expected a JSON object of messages in \`${file}\``)
    messages = {}
    for (const [key, value] of Object.entries(data)) {
      if (reserved.test(key)) continue
      if (typeof value !== 'string') throw new Error(`Expected the message \`${key}\` in \`${file}\` to be a string`)
      messages[key] = value
    }
  }
  files.set(file, {stamp, messages})
  return messages
}

/**
 * The catalog names to try for a language tag, most specific first:
 * `ckb-IQ` → `ckb-iq`, `ckb`. Kurdish without a script is Kurmanji (`ku`,
 * `ku-latn` → `kmr`), Kurdish in Arabic script Sorani (`ku-arab` → `ckb`).
 */
export function catalogNames(lang: string): string[] {
  const tag = lang.toLowerCase().replace(/_/g, '-')
  const primary = tag.split('-')[0] ?? tag
  const names = [tag]
  if (primary === 'ku') names.push(/-arab\b/.test(tag) ? 'ckb' : 'kmr')
  if (primary === 'pes') names.push('fa')
  if (primary === 'arb') names.push('ar')
  names.push(primary)
  return [...new Set(names)]
}

/**
 * The merged catalog of a language: the shipped file, then the publisher's
 * keys over it. `undefined` when neither folder has a catalog for it.
 *
 * @param roots
 *   Templates folders.
 * @param lang
 *   BCP 47 language tag.
 */
export function loadCatalog(roots: CatalogRoots, lang: string): Record<string, string> | undefined {
  for (const name of catalogNames(lang)) {
    const shipped = readCatalogFile(path.join(roots.builtinTemplates, 'i18n', `${name}.json`))
    const own = roots.templates === roots.builtinTemplates ? undefined : readCatalogFile(path.join(roots.templates, 'i18n', `${name}.json`))
    if (shipped || own) return {...shipped, ...own}
  }
  return undefined
}

/**
 * The keys of the English catalog that a language lacks.
 *
 * @returns
 *   Keys (sorted), or `undefined` when the language has no catalog at all.
 */
export function missingTranslations(roots: CatalogRoots, lang: string): string[] | undefined {
  const english = loadCatalog(roots, 'en') ?? {}
  const own = loadCatalog(roots, lang)
  if (!own) return undefined
  return Object.keys(english).filter((key) => !(key in own)).sort()
}

/** Whether the language is English (its catalog is the fallback). */
export function isEnglish(lang: string): boolean {
  return (lang.toLowerCase().split(/[-_]/)[0] ?? '') === 'en'
}

const formats = new Map<string, {format: IntlMessageFormat; plain: Set<string>}>()

/** Names of the plain arguments (`{page}`) of a message, anywhere in it. */
function plainArguments(elements: ReturnType<IntlMessageFormat['getAst']>, into = new Set<string>()): Set<string> {
  for (const element of elements) {
    // 1: argument; 5 and 6: select and plural (options hold messages); 8: tag.
    if (element.type === 1) into.add(element.value)
    if ('options' in element) for (const option of Object.values(element.options)) plainArguments(option.value, into)
    if ('children' in element) plainArguments(element.children, into)
  }
  return into
}

function compiled(message: string, locale: string) {
  const key = `${locale}\u0000${message}`
  let found = formats.get(key)
  if (!found) {
    const format = new IntlMessageFormat(message, locale)
    found = {format, plain: plainArguments(format.getAst())}
    formats.set(key, found)
  }
  return found
}

/**
 * A translator for one language.
 *
 * @param roots
 *   Templates folders (the publisher's, the built-in one).
 * @param lang
 *   BCP 47 language tag.
 */
export function createTranslator(roots: CatalogRoots, lang: string): Translator {
  const own = loadCatalog(roots, lang) ?? {}
  const english = isEnglish(lang) ? own : (loadCatalog(roots, 'en') ?? {})
  const locale = intlLocale(lang)
  const numbers = new Intl.NumberFormat(locale, {useGrouping: false})
  const translator: Translator = {
    lang,
    dir: isRtl(lang) ? 'rtl' : 'ltr',
    t(key, values = {}) {
      const mine = own[key]
      const message = mine ?? english[key]
      if (message === undefined) return key
      const {format, plain} = compiled(message, mine === undefined ? 'en' : locale)
      const args: MessageValues = {}
      for (const [name, value] of Object.entries(values)) {
        args[name] = typeof value === 'number' && plain.has(name) ? (mine === undefined ? String(value) : numbers.format(value)) : value
      }
      return String(format.format(args))
    },
    has: (key) => key in own,
    langOf: (key) => (key in own ? lang : 'en'),
    list(names) {
      const [pair, middle, end] = [own['list.pair'], own['list.middle'], own['list.end']]
      if (!pair || !middle || !end || names.length === 0) return joinNames(names, lang)
      if (names.length === 1) return names[0]!
      if (names.length === 2) return fill(pair, names[0]!, names[1]!)
      // CLDR's list patterns: `{0}, {1}` for the middle, `{0} and {1}` for the end.
      let joined = fill(end, names.at(-2)!, names.at(-1)!)
      for (let index = names.length - 3; index >= 0; index--) joined = fill(middle, names[index]!, joined)
      return joined
    },
    date: (value) => displayDate(value, lang),
    number: (value) => numbers.format(value)
  }
  return translator
}

function fill(pattern: string, first: string, second: string): string {
  return pattern.replace('{0}', () => first).replace('{1}', () => second)
}
