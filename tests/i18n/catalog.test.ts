/**
 * The message catalogs: shipped languages complete, a publisher's catalog
 * over the shipped one key by key, English for a missing key (reported once
 * per language and key), plurals, digits and conjunctions by language, and
 * the article's language from front matter, the configuration or the text.
 */
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {ConfigError, resolveConfig} from '../../src/config.js'
import {createEmitContext} from '../../src/emitters/context.js'
import {resolveEmitters} from '../../src/emitters/index.js'
import {createTranslator, missingTranslations} from '../../src/i18n/index.js'
import {configuredLanguage} from '../../src/readers/language.js'
import {articleFrom, root, testConfig} from '../helpers/article.js'

const shipped = path.join(root, 'templates')
const roots = {templates: shipped, builtinTemplates: shipped}

/** A project folder with its own `templates/i18n/<lang>.json` files. */
function project(catalogs: Record<string, Record<string, string>>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pressroom-i18n-'))
  mkdirSync(path.join(dir, 'templates/i18n'), {recursive: true})
  for (const [lang, messages] of Object.entries(catalogs)) writeFileSync(path.join(dir, 'templates/i18n', `${lang}.json`), JSON.stringify(messages))
  return dir
}

describe('catalogs', () => {
  it('should ship every English key in every language', () => {
    const languages = readdirSync(path.join(shipped, 'i18n')).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5))
    expect(languages.sort()).toEqual(['ar', 'ckb', 'en', 'fa', 'kmr', 'tr'])
    for (const lang of languages) expect(missingTranslations(roots, lang), lang).toEqual([])
  })

  it('should note what a reviewer should check, by key, in every catalog', () => {
    for (const lang of ['ckb', 'kmr', 'ar', 'fa', 'tr']) {
      const catalog = JSON.parse(readFileSync(path.join(shipped, 'i18n', `${lang}.json`), 'utf8')) as Record<string, unknown> & {_notes: Record<string, string>}
      for (const key of Object.keys(catalog._notes)) if (key !== '_about') expect(catalog, `${lang}: ${key}`).toHaveProperty([key])
    }
  })

  it('should write reading time by the language’s plural rules and digits', () => {
    expect(createTranslator(roots, 'en').t('article.readingTime', {minutes: 1})).toBe('1 min read')
    expect(createTranslator(roots, 'en').t('article.readingTime', {minutes: 12})).toBe('12 min read')
    expect(createTranslator(roots, 'ar').t('article.readingTime', {minutes: 2})).toBe('قراءة في دقيقتين')
    expect(createTranslator(roots, 'ar').t('article.readingTime', {minutes: 5})).toBe('قراءة في ٥ دقائق')
    expect(createTranslator(roots, 'ar').t('article.readingTime', {minutes: 11})).toBe('قراءة في ١١ دقيقة')
    expect(createTranslator(roots, 'ckb').t('article.readingTime', {minutes: 3})).toBe('٣ خولەک خوێندنەوە')
    expect(createTranslator(roots, 'fa').t('pdf.page', {page: 2, pages: 12})).toBe('صفحهٔ ۲ از ۱۲')
    expect(createTranslator(roots, 'kmr').t('pdf.page', {page: 2, pages: 12})).toBe('Rûpel 2 ji 12')
  })

  it('should write numbers and dates with the same digits', () => {
    for (const [lang, digits] of [['ar', /^[٠-٩]+$/], ['ckb', /^[٠-٩]+$/], ['fa', /^[۰-۹]+$/], ['tr', /^\d+$/]] as const) {
      const i18n = createTranslator(roots, lang)
      expect(i18n.number(2025)).toMatch(digits)
      expect(i18n.date('2025-02-25T00:00:00Z').replace(/[^\p{N}]+/gu, '')).toMatch(digits)
    }
  })

  it('should join names with the language’s conjunction (Intl has none for Sorani)', () => {
    expect(createTranslator(roots, 'ckb').list(['ئاراس', 'شیلان', 'هێمن'])).toBe('ئاراس، شیلان و هێمن')
    expect(createTranslator(roots, 'ckb').list(['ئاراس', 'شیلان'])).toBe('ئاراس و شیلان')
    expect(createTranslator(roots, 'kmr').list(['Aras', 'Şîlan', 'Hêmin'])).toBe('Aras, Şîlan û Hêmin')
    expect(createTranslator(roots, 'tr').list(['Ayşe', 'Çağrı'])).toBe('Ayşe ve Çağrı')
    expect(createTranslator(roots, 'en').list(['A', 'B', 'C'])).toBe('A, B, and C')
  })

  it('should take a publisher’s catalog over the shipped one, key by key', async () => {
    const dir = project({ckb: {'article.tags': 'بابەتەکان:'}})
    const config = resolveConfig({templates: 'templates'}, dir)
    const i18n = createTranslator(config, 'ckb')
    expect(i18n.t('article.tags')).toBe('بابەتەکان:')
    expect(i18n.t('article.links')).toBe('بەستەرەکان')
    // And in the pages, through the templates' `t` filter.
    const article = articleFrom('---\ntitle: تاقیکردنەوە\ndate: 2025-02-25\nlang: ckb\ntags: [هەولێر]\n---\n\nهەولێر پایتەختی هەرێمی کوردستانە.\n', {config})
    const emitters = resolveEmitters(config, ['html'])
    const ctx = createEmitContext({config, emitters, articles: [article]})
    const [page] = await emitters[0]!.article!(article, ctx)
    expect(String(page!.contents)).toContain('<p class="tags">بابەتەکان: <span class="tag">هەولێر</span></p>')
    expect(String(page!.contents)).toContain('١ خولەک خوێندنەوە')
  })

  it('should fall back to English for a missing key, reported once per language and key', async () => {
    const dir = project({de: {'article.tags': 'Schlagwörter:'}})
    const config = resolveConfig({templates: 'templates'}, dir)
    const i18n = createTranslator(config, 'de')
    expect(i18n.t('article.tags')).toBe('Schlagwörter:')
    expect(i18n.t('article.links')).toBe('Links')
    expect(i18n.langOf('article.links')).toBe('en')
    const source = '---\ntitle: Test\ndate: 2025-02-25\nlang: de\n---\n\nDer Haushalt wurde am Dienstag beraten.\n'
    const articles = [articleFrom(source, {config}), articleFrom(source, {config, path: 'input/other.md'})]
    const build = new VFile({path: 'build'})
    createEmitContext({config, emitters: [], articles, buildFile: build})
    const missing = build.messages.filter((message) => message.ruleId === 'missing-translation')
    expect(missing).toHaveLength(missingTranslations(config, 'de')!.length)
    expect(missing.filter((message) => message.reason.includes('`article.links`'))).toHaveLength(1)
    expect(missing.every((message) => message.fatal === false)).toBe(true)
  })

  it('should report a language without a catalog once', () => {
    const build = new VFile({path: 'build'})
    const config = testConfig()
    const article = articleFrom('---\ntitle: Test\ndate: 2025-02-25\nlang: sv\n---\n\nBudgeten debatterades i tisdags.\n', {config})
    createEmitContext({config, emitters: [], articles: [article, article], buildFile: build})
    expect(build.messages.map((message) => message.reason)).toEqual([expect.stringMatching(/^Missing message catalog for `sv`/)])
  })
})

describe('the article’s language', () => {
  const sorani = 'هەولێر (کوردستان24) – پەرلەمانی کوردستان ڕۆژی سێشەممە دەستی بە گفتوگۆکردن لەسەر پڕۆژەی بودجەی ساڵی داهاتوو کرد.\n\nسەرۆکی لیژنەی دارایی ڕایگەیاند کە بودجەکە گرنگی بە پەروەردە و تەندروستی دەدات.\n'
  const arabic = 'بغداد (واع) – بدأ البرلمان يوم الثلاثاء مناقشة مشروع الموازنة العامة للسنة المالية المقبلة.\n\nوقال رئيس اللجنة المالية إن الموازنة تركز على قطاعي التعليم والصحة.\n'

  it('should guess the language of wire copy without metadata, and say how to fix it', () => {
    for (const [text, lang] of [[sorani, 'ckb'], [arabic, 'ar']] as const) {
      const article = articleFrom(`عنوان\n\n${text}`, {path: `input/wire/${lang}.txt`})
      expect(article.meta).toMatchObject({lang, dir: 'rtl'})
      const guessed = article.file.messages.filter((message) => message.ruleId === 'language-guessed')
      expect(guessed).toHaveLength(1)
      expect(guessed[0]!.reason).toContain(`lang: ${lang}`)
      expect(guessed[0]!.fatal).toBeUndefined()
    }
  })

  it('should keep the site’s language for its own texts, without a message', () => {
    const article = articleFrom('---\ntitle: Budget\ndate: 2025-02-25\n---\n\nParliament began debating next year’s budget on Tuesday.\n')
    expect(article.meta.lang).toBe('en')
    expect(article.file.messages.filter((message) => message.ruleId === 'language-guessed')).toEqual([])
  })

  it('should take front matter’s `lang`, then the configuration’s `languages`, over a guess', () => {
    const config = testConfig({languages: {'input/sorani/**': 'ckb', 'turkish/**': 'tr'}})
    expect(configuredLanguage(path.join(root, 'input/sorani/a.txt'), config)).toBe('ckb')
    expect(configuredLanguage(path.join(root, 'input/turkish/b/c.md'), config)).toBe('tr')
    expect(configuredLanguage(path.join(root, 'input/other.md'), config)).toBeUndefined()
    const configured = articleFrom(`عنوان\n\n${arabic}`, {path: 'input/sorani/story.txt', config})
    expect(configured.meta.lang).toBe('ckb')
    expect(configured.file.messages.filter((message) => message.ruleId === 'language-guessed')).toEqual([])
    const declared = articleFrom(`---\ntitle: x\ndate: 2025-02-25\nlang: fa\n---\n\n${arabic}`, {path: 'input/sorani/story.md', config})
    expect(declared.meta.lang).toBe('fa')
  })

  it('should refuse a `languages` value that is no language tag', () => {
    expect(() => resolveConfig({languages: {'input/**': 'Sorani Kurdish'}}, root)).toThrow(ConfigError)
    expect(() => resolveConfig({languages: {'input/**': 'ckb'}}, root)).not.toThrow()
  })
})
