/**
 * The language of a text that says nothing about it (wire copy without
 * metadata): its script first, then, within the Arabic script, the letters
 * that tell Sorani, Persian, Urdu, Pashto and Arabic apart, then `franc`
 * (trigram statistics) within the script.
 *
 * Hand-written on top of `franc` because `franc` alone gets the languages of
 * this newsroom wrong: it has no Sorani model (it calls Sorani Persian,
 * `pes`), its `ckb` model is Kurdish in Latin script (Kurmanji, `kmr`), and
 * it calls short English texts Scots. A few letters decide these reliably:
 * Sorani writes ە ێ ۆ ڕ ڵ, which no other of these languages does; Persian
 * writes پ چ ژ گ with the Persian yeh ی and keheh ک where Arabic writes ي
 * and ك and has ة ى; Turkish writes ı ğ, Kurmanji ê î û with ş.
 */
import {francAll} from 'franc'

/** A guess. */
export interface DetectedLanguage {
  /** BCP 47 tag. */
  lang: string
  /** The dominant script (ISO 15924 name as in Unicode, e.g. `Arabic`, `Latin`). */
  script: string
  /** What decided it, in a few words (for the `language-guessed` message). */
  how: string
}

/** Scripts told apart, with the language a script alone implies (if any). */
const scriptPatterns: Array<{name: string; pattern: RegExp; lang?: string}> = [
  {name: 'Latin', pattern: /\p{Script=Latin}/u},
  {name: 'Arabic', pattern: /\p{Script=Arabic}/u},
  {name: 'Cyrillic', pattern: /\p{Script=Cyrillic}/u},
  {name: 'Greek', pattern: /\p{Script=Greek}/u, lang: 'el'},
  {name: 'Hebrew', pattern: /\p{Script=Hebrew}/u},
  {name: 'Armenian', pattern: /\p{Script=Armenian}/u, lang: 'hy'},
  {name: 'Georgian', pattern: /\p{Script=Georgian}/u, lang: 'ka'},
  {name: 'Devanagari', pattern: /\p{Script=Devanagari}/u},
  {name: 'Thai', pattern: /\p{Script=Thai}/u, lang: 'th'},
  {name: 'Hangul', pattern: /\p{Script=Hangul}/u, lang: 'ko'},
  // Kana before Han: Japanese mixes both, Chinese has no kana.
  {name: 'Kana', pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, lang: 'ja'},
  {name: 'Han', pattern: /\p{Script=Han}/u, lang: 'zh'},
  {name: 'Ethiopic', pattern: /\p{Script=Ethiopic}/u},
  {name: 'Myanmar', pattern: /\p{Script=Myanmar}/u}
]

/** The same, matching globally (for counting). */
const scripts = scriptPatterns.map((entry) => ({...entry, global: new RegExp(entry.pattern.source, 'gu')}))

/** `franc`'s ISO 639-3 codes → the BCP 47 tags used here (the shortest tag). */
const tags: Record<string, string> = {
  eng: 'en', tur: 'tr', deu: 'de', fra: 'fr', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', pol: 'pl', ces: 'cs', slk: 'sk',
  ron: 'ro', hun: 'hu', swe: 'sv', dan: 'da', nob: 'nb', nno: 'nn', fin: 'fi', ind: 'id', zlm: 'ms', vie: 'vi', tgl: 'tl',
  swh: 'sw', hrv: 'hr', bos: 'bs', srp: 'sr', slv: 'sl', cat: 'ca', glg: 'gl', lit: 'lt', lvs: 'lv', ekk: 'et', afr: 'af',
  azj: 'az', uzn: 'uz', som: 'so', hau: 'ha', yor: 'yo', ibo: 'ig', zul: 'zu', xho: 'xh', als: 'sq',
  // franc's `ckb` model is trained on Kurdish in Latin script: Kurmanji.
  ckb: 'kmr',
  rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', mkd: 'mk', kaz: 'kk', kir: 'ky', tgk: 'tg', tat: 'tt', khk: 'mn',
  arb: 'ar', pes: 'fa', prs: 'fa-AF', urd: 'ur', pbu: 'ps', uig: 'ug',
  heb: 'he', ydd: 'yi', hin: 'hi', mar: 'mr', npi: 'ne', amh: 'am', tir: 'ti', mya: 'my'
}

/** The languages `franc` may answer, per script: news languages, not every language it knows (short English is not Scots). */
const candidates: Record<string, string[]> = {
  Latin: ['eng', 'tur', 'ckb', 'deu', 'fra', 'spa', 'ita', 'por', 'nld', 'pol', 'ces', 'slk', 'ron', 'hun', 'swe', 'dan', 'nob', 'fin', 'ind', 'vie', 'tgl', 'swh', 'hrv', 'bos', 'srp', 'slv', 'cat', 'lit', 'afr', 'azj', 'uzn', 'som', 'hau', 'als'],
  Cyrillic: ['rus', 'ukr', 'bel', 'bul', 'srp', 'mkd', 'kaz', 'kir', 'tgk', 'tat', 'khk'],
  Hebrew: ['heb', 'ydd'],
  Devanagari: ['hin', 'mar', 'npi'],
  Ethiopic: ['amh', 'tir'],
  Myanmar: ['mya']
}

/** Fallback of a script when `franc` cannot tell (too short). */
const scriptDefaults: Record<string, string> = {Cyrillic: 'ru', Hebrew: 'he', Devanagari: 'hi', Ethiopic: 'am', Myanmar: 'my'}

/**
 * The most frequent words of a few Latin-script languages: when a text is
 * mostly made of the preferred language's, it is kept without trigram
 * statistics (they cost milliseconds per article, these microseconds; and
 * trigrams rank close languages close, French 0.98 against English 1).
 */
const stopwords: Record<string, Set<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'in', 'a', 'is', 'that', 'for', 'on', 'with', 'was', 'as', 'by', 'it', 'said', 'at', 'from', 'has', 'have', 'be', 'are', 'an', 'this', 'were', 'will']),
  fr: new Set(['le', 'la', 'les', 'de', 'des', 'du', 'et', 'en', 'un', 'une', 'est', 'que', 'qui', 'dans', 'pour', 'sur', 'par', 'au', 'a', 'il', 'pas']),
  de: new Set(['der', 'die', 'das', 'und', 'in', 'den', 'von', 'zu', 'mit', 'ist', 'des', 'sich', 'auf', 'für', 'nicht', 'ein', 'eine', 'dem', 'im', 'auch']),
  es: new Set(['el', 'la', 'de', 'que', 'y', 'en', 'los', 'las', 'del', 'un', 'una', 'por', 'con', 'para', 'se', 'es', 'al', 'lo', 'como']),
  tr: new Set(['ve', 'bir', 'bu', 'da', 'de', 'için', 'ile', 'olarak', 'daha', 'çok', 'gibi', 'ama', 'olan', 'sonra', 'kadar']),
  kmr: new Set(['û', 'ji', 'di', 'de', 'ku', 'li', 'bi', 've', 'ya', 'yê', 'jî', 'ew', 'ne', 'bo', 'vê', 'wê'])
}

/** Share of a text's Latin letters that Turkish or Kurmanji letters must reach to decide. */
const letterShare = 0.04

/** Share of a text's words that must be the language's most frequent ones to keep it. */
const stopwordShare = 0.15

/** Fewer letters than this are a headline, too short for trigram statistics. */
const shortText = 60

/** How much text is looked at: enough for trigram statistics, bounded for speed. */
const sampleLength = 2000

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0
}

/**
 * Guess the language of a text.
 *
 * @param text
 *   The article's text (title and body, without markup).
 * @param options
 *   `prefer`: a language to keep when the text fits it about as well as the
 *   best guess (the site's language), so a short English text stays English.
 * @returns
 *   The guess, or `undefined` when the text has too few letters to tell.
 */
export function detectLanguage(text: string, options: {prefer?: string} = {}): DetectedLanguage | undefined {
  const sample = text.slice(0, sampleLength)
  // The common case, fast: Latin-1 text made of the preferred language's
  // most frequent words (Unicode property escapes cost a millisecond here).
  const preferred = options.prefer?.toLowerCase().split(/[-_]/)[0] ?? ''
  const common = stopwords[preferred]
  if (common && !/[^\t\n\r\x20-\xFF\u2000-\u206F]/.test(sample) && sharesCommonWords(sample, common)) {
    return {lang: options.prefer!, script: 'Latin', how: 'Latin script and its most frequent words'}
  }
  const letters = count(sample, /\p{L}/gu)
  if (letters < 3) return undefined
  const counts = new Map<string, number>()
  for (const entry of scripts) {
    const found = count(sample, entry.global)
    if (found > 0) counts.set(entry.name, found)
    // A script with most of the letters is the text's: no need to count the others.
    if (found * 2 > letters && entry.name !== 'Han') break
  }
  let [script] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? []
  if (!script) return undefined
  // Japanese writes more Han than kana; Chinese writes no kana at all.
  if (script === 'Han' && counts.has('Kana')) script = 'Kana'
  const fixed = scripts.find((entry) => entry.name === script)?.lang
  if (fixed) return {lang: fixed, script, how: `${script} script`}
  const words = sample.replace(/\s+/g, ' ')

  if (script === 'Arabic') {
    const sorani = count(words, /[\u06D5\u06CE\u06C6\u0695\u06B5]/g) // ە ێ ۆ ڕ ڵ
    const urdu = count(words, /[\u06D2\u0679\u0688\u0691\u06BA]/g) // ے ٹ ڈ ڑ ں
    const pashto = count(words, /[\u069A\u0696\u0681\u0685\u0689\u0693\u06CD\u06D0]/g) // ښ ږ ځ څ ډ ړ ۍ ې
    const persian = count(words, /[\u067E\u0686\u0698\u06AF\u06CC\u06A9]/g) // پ چ ژ گ ی ک
    const arabic = count(words, /[\u0629\u0649\u064A\u0643]/g) // ة ى ي ك
    // Shares of the Arabic-script letters, so a Kurdish place name quoted in an Arabic story does not decide.
    const arabicLetters = counts.get('Arabic') ?? 1
    if (sorani / arabicLetters >= 0.02 && sorani >= urdu && sorani >= pashto) return {lang: 'ckb', script, how: 'Sorani letters (ە ێ ۆ ڕ ڵ)'}
    if (urdu / arabicLetters >= 0.01 && urdu >= pashto) return {lang: 'ur', script, how: 'Urdu letters (ے ٹ ڈ ڑ ں)'}
    if (pashto / arabicLetters >= 0.01) return {lang: 'ps', script, how: 'Pashto letters (ښ ږ ځ څ ډ ړ)'}
    if (persian > arabic) return {lang: 'fa', script, how: 'Persian letters (پ چ ژ گ, Persian yeh and keheh)'}
    return {lang: 'ar', script, how: arabic > 0 ? 'Arabic letters (ة ى ي ك)' : 'Arabic script'}
  }

  if (script === 'Latin') {
    // ı ğ are Turkish alone; ü ö with ş or ç too (German has no ş, Kurmanji
    // no ü ö); ê î û with ş are Kurmanji. They decide short texts, where
    // trigrams cannot, when they are frequent enough to be the text's own
    // letters, not those of a few names (`Ayşe Yılmaz` in an English story).
    const latin = counts.get('Latin') ?? 1
    const turkish = count(words, /[ığİ]/g) + (/[şŞçÇ]/.test(words) ? count(words, /[üöÜÖ]/g) : 0)
    const kurmanji = count(words, /[êîûÊÎÛ]/g)
    const sh = count(words, /[şŞ]/g)
    if (turkish / latin >= letterShare && turkish >= kurmanji) return {lang: 'tr', script, how: 'Turkish letters (ı ğ, ü ö with ş ç)'}
    if (kurmanji / latin >= letterShare && (sh > 0 || kurmanji >= 3) && turkish < kurmanji) {
      const guess = francGuess(words, script, undefined)
      // ê î û are also French and Portuguese: trigrams decide between them and Kurmanji.
      if (!guess || guess.lang === 'kmr' || (sh > 0 && guess.lang !== 'fr' && guess.lang !== 'pt')) return {lang: 'kmr', script, how: 'Kurmanji letters (ê î û ş)'}
      return guess
    }
    if (common && sharesCommonWords(words, common)) return {lang: options.prefer!, script, how: `${script} script and its most frequent words`}
  }

  const fallback = scriptDefaults[script]
  return francGuess(words, script, options.prefer, letters) ?? (fallback ? {lang: fallback, script, how: `${script} script`} : undefined)
}

/** Whether enough of a text's words are among a language's most frequent ones. */
function sharesCommonWords(text: string, common: Set<string>): boolean {
  // Latin letters only (the callers have Latin text): no Unicode property escape, 5× faster.
  const tokens = text.toLowerCase().split(/[^a-z\u00C0-\u024F\u1E00-\u1EFF]+/).filter(Boolean)
  let hits = 0
  for (const token of tokens) if (common.has(token)) hits++
  return tokens.length >= 8 && hits / tokens.length >= stopwordShare
}

function francGuess(text: string, script: string, prefer: string | undefined, letters = Number.POSITIVE_INFINITY): DetectedLanguage | undefined {
  const only = candidates[script]
  if (!only) return undefined
  const preferred = prefer ? only.find((code) => tags[code] === prefer.toLowerCase().split(/[-_]/)[0]) : undefined
  // Trigrams say little about a headline: keep the preferred language of
  // the script, or the script's usual one.
  if (letters < shortText) {
    if (preferred) return {lang: tags[preferred]!, script, how: `${script} script`}
    if (scriptDefaults[script]) return undefined
  }
  const results = francAll(text, {only, minLength: 10})
  const [best, score] = results[0] ?? ['und', 0]
  if (best === 'und' || score === 0) return undefined
  // Keep the preferred language when it is nearly as likely as the best.
  if (prefer) {
    const preferred = results.find(([code]) => tags[code] === prefer.toLowerCase().split(/[-_]/)[0])
    if (preferred && preferred[1] >= 0.99) return {lang: tags[preferred[0]]!, script, how: `${script} script and its letter statistics (franc)`}
  }
  return {lang: tags[best] ?? best, script, how: `${script} script and its letter statistics (franc)`}
}
