/**
 * The language of an article: front matter's `lang` (or `language`), else the
 * configuration's `languages` (glob of source paths → language), else a guess
 * from the text (`i18n/detect.ts`, reported as `language-guessed`), else the
 * site's language.
 */
import path from 'node:path'
import picomatch from 'picomatch'
import type {VFile} from 'vfile'
import type {ResolvedConfig} from '../config.js'
import {diagnostics, report} from '../diagnostics.js'
import {detectLanguage} from '../i18n/detect.js'

const matchers = new WeakMap<Record<string, string>, Array<{match: (file: string) => boolean; lang: string}>>()

/**
 * The language the configuration gives a source path, if any.
 *
 * @param file
 *   Source path (absolute or relative to the working folder).
 * @param config
 *   Resolved configuration.
 */
export function configuredLanguage(file: string, config: Pick<ResolvedConfig, 'languages' | 'root' | 'input'>): string | undefined {
  const table = config.languages
  if (!table) return undefined
  let list = matchers.get(table)
  if (!list) {
    list = Object.entries(table).map(([glob, lang]) => ({match: picomatch(glob, {dot: true}), lang}))
    matchers.set(table, list)
  }
  const absolute = path.resolve(file)
  const paths = [path.relative(config.root, absolute), path.relative(config.input, absolute)].map((relative) => relative.split(path.sep).join('/'))
  return list.find((entry) => paths.some((relative) => !relative.startsWith('../') && entry.match(relative)))?.lang
}

/**
 * Decide an article's language.
 *
 * @param declared
 *   Front matter's language, if any.
 * @param file
 *   The article's file (`language-guessed` goes here).
 * @param config
 *   Resolved configuration.
 * @param sample
 *   The article's text (title and body), computed only when a guess is needed.
 * @returns
 *   BCP 47 tag.
 */
export function articleLanguage(declared: string | undefined, file: VFile, config: ResolvedConfig, sample: () => string): string {
  if (declared) return declared
  const configured = file.path ? configuredLanguage(file.path, config) : undefined
  if (configured) return configured
  const site = config.site.language
  const guess = detectLanguage(sample(), {prefer: site})
  if (!guess || primary(guess.lang) === primary(site)) return site
  report(file, diagnostics.languageGuessed, [guess.lang, guess.how], {place: {line: 1, column: 1}, source: 'pressroom:language'})
  return guess.lang
}

function primary(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? ''
}
