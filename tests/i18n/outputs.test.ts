/**
 * Every word Pressroom adds, in the article's language: each shipped
 * language's fixture (`tests/fixtures/i18n-<lang>/`) is built with every
 * format, and no output may contain a label of the English catalog. The PDF's
 * text (poppler's `pdftotext`) is kept as a golden file per language
 * (`expected/pdf.txt`, `UPDATE=1` rewrites it); the other formats' goldens
 * are written by `tests/golden.test.ts`.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {mkdir, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {strFromU8, unzipSync} from 'fflate'
import {IntlMessageFormat} from 'intl-messageformat'
import {simpleParser} from 'mailparser'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../../src/config.js'
import {createEmitContext} from '../../src/emitters/context.js'
import {resolveEmitters} from '../../src/emitters/index.js'
import {createArticle} from '../../src/readers/index.js'
import type {Article, OutputFile} from '../../src/types.js'
import {root} from '../helpers/article.js'

const update = Boolean(process.env['UPDATE'])
const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0
const folder = mkdtempSync(path.join(tmpdir(), 'pressroom-i18n-'))

/** Names of formats, written the same in every language. */
const names = new Set(['PDF', 'RSS', 'Atom', 'JSON Feed', 'EPUB'])

type Elements = ReturnType<IntlMessageFormat['getAst']>

function literals(elements: Elements, into: string[] = []): string[] {
  for (const element of elements) {
    if (element.type === 0) into.push(element.value)
    if ('options' in element) for (const option of Object.values(element.options)) literals(option.value, into)
    if ('children' in element) literals(element.children, into)
  }
  return into
}

/** The English catalog's words: each message's literal text, split at its arguments. */
export function englishLabels(): string[] {
  const catalog = JSON.parse(readFileSync(path.join(root, 'templates/i18n/en.json'), 'utf8')) as Record<string, unknown>
  const labels = new Set<string>()
  for (const [key, message] of Object.entries(catalog)) {
    if (key.startsWith('_') || typeof message !== 'string') continue
    for (const literal of literals(new IntlMessageFormat(message, 'en').getAst())) {
      const text = literal.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
      if ((text.match(/\p{L}/gu) ?? []).length >= 3 && !names.has(text)) labels.add(text)
    }
  }
  return [...labels]
}

const english = englishLabels().map((label) => ({label, pattern: new RegExp(`(?<!\\p{L})${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u')}))

/** English labels found in a text. */
function englishIn(text: string): string[] {
  return english.filter(({pattern}) => pattern.test(text)).map(({label}) => label)
}

/** The text of every output file, by path. */
async function textsOf(files: OutputFile[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>()
  for (const file of files) {
    const bytes = typeof file.contents === 'string' ? new TextEncoder().encode(file.contents) : file.contents
    if (file.path.endsWith('.epub')) {
      for (const [name, data] of Object.entries(unzipSync(bytes))) {
        if (!/\.(xhtml|opf|ncx|svg)$/.test(name)) continue
        // The accessibility summary is English metadata marked `xml:lang="en"`.
        texts.set(`${file.path}!${name}`, strFromU8(data).replace(/<meta property="schema:accessibilitySummary"[^>]*>[^<]*<\/meta>/, ''))
      }
    } else if (file.path.endsWith('.eml')) {
      const mail = await simpleParser(Buffer.from(bytes))
      texts.set(`${file.path} (text)`, mail.text ?? '')
      texts.set(`${file.path} (html)`, typeof mail.html === 'string' ? mail.html : '')
    } else if (file.path.endsWith('.pdf')) {
      if (!hasPdftotext) continue
      const pdf = path.join(folder, path.basename(file.path))
      writeFileSync(pdf, bytes)
      texts.set(file.path, execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], {encoding: 'utf8'}))
    } else if (file.path.endsWith('.xml')) {
      // Feeds: their text, not their element names (`<updated>`).
      texts.set(file.path, new TextDecoder().decode(bytes).replace(/<[^>]*>/g, ' '))
    } else if (/\.(html|txt|json)$/.test(file.path)) {
      texts.set(file.path, new TextDecoder().decode(bytes))
    }
  }
  return texts
}

/** Build one fixture with every format, as the only article of a site in `siteLanguage`. */
async function buildFixture(name: string, siteLanguage: string): Promise<{article: Article; files: OutputFile[]; build: VFile}> {
  const dir = path.join(root, 'tests/fixtures', name)
  const config = resolveConfig({site: {title: 'Golden', url: 'https://golden.example/', language: siteLanguage}, input: dir}, root)
  const result = createArticle({path: `tests/fixtures/${name}/input.md`, contents: readFileSync(path.join(dir, 'input.md'))}, config)
  if (!result.ok) throw new Error(String(result.file.messages))
  const article = result.article
  const build = new VFile({path: 'build'})
  const emitters = resolveEmitters(config, ['html', 'pdf', 'epub', 'newsletter', 'feeds'])
  const ctx = createEmitContext({config, emitters, articles: [article], buildFile: build})
  const files: OutputFile[] = []
  for (const emitter of emitters) files.push(...((await emitter.article?.(article, ctx)) ?? []))
  for (const emitter of emitters) files.push(...((await emitter.collection?.([article], ctx)) ?? []))
  return {article, files, build}
}

const languages = {ckb: 'rtl', kmr: 'ltr', ar: 'rtl', fa: 'rtl', tr: 'ltr'} as const
/** Digits of the languages that do not write 0–9. */
const digits: Partial<Record<string, RegExp>> = {ckb: /[٠-٩]/, ar: /[٠-٩]/, fa: /[۰-۹]/}

describe('labels in the article’s language', () => {
  it('should find the English labels in an English build (the check can fail)', async () => {
    const {files} = await buildFixture('markdown-sample', 'en')
    const found = new Set([...(await textsOf(files)).values()].flatMap((text) => englishIn(text)))
    for (const label of ['Tags', 'Also available as', 'Feeds', 'min read', 'Contents']) expect(found).toContain(label)
  })

  for (const [lang, dir] of Object.entries(languages)) {
    it(`should write no English label in any output of a ${lang} article`, async () => {
      const {article, files, build} = await buildFixture(`i18n-${lang}`, lang)
      expect(article.meta.lang).toBe(lang)
      expect(article.meta.dir).toBe(dir)
      expect(build.messages.map(String)).toEqual([])
      const texts = await textsOf(files)
      expect([...texts.keys()].some((file) => file.endsWith('.pdf')) || !hasPdftotext).toBe(true)
      const found = [...texts].flatMap(([file, text]) => englishIn(text).map((label) => `${file}: ${label}`))
      expect(found).toEqual([])
      const page = texts.get('input.html')!
      expect(page).toContain(`<html lang="${lang}" dir="${dir}">`)
      // The collections of a site in that language are in it too.
      expect(texts.get('index.html')).toContain(`<html lang="${lang}" dir="${dir}">`)
      if (dir === 'rtl') expect(texts.get('newsletter/edition.eml (html)')).toContain(`<html lang="${lang}" dir="rtl">`)
      const pattern = digits[lang]
      if (pattern) {
        // Reading time and dates with the language's digits, none in Latin digits.
        const meta = /<p class="meta">.*<\/p>/.exec(page)![0]
        expect(meta).toMatch(pattern)
        expect(meta.replace(/<[^>]+>/g, '')).not.toMatch(/\d/)
      }
      const book = unzipSync(files.find((file) => file.path === 'epub/input.epub')!.contents as Uint8Array)
      const opf = strFromU8(book['EPUB/package.opf']!)
      expect(opf).toContain(`<dc:language>${lang}</dc:language>`)
      if (dir === 'rtl') expect(opf).toContain('page-progression-direction="rtl"')
      if (hasPdftotext) {
        const file = path.join(root, 'tests/fixtures', `i18n-${lang}`, 'expected/pdf.txt')
        const text = texts.get('pdf/input.pdf')!
        if (update || !existsSync(file)) {
          await mkdir(path.dirname(file), {recursive: true})
          await writeFile(file, text)
        } else {
          expect(text).toBe(readFileSync(file, 'utf8'))
        }
      }
    })
  }

  it('should write an article’s labels in its language in a site of another language', async () => {
    const {files, build} = await buildFixture('i18n-ckb', 'en')
    const texts = await textsOf(files)
    expect(englishIn(texts.get('input.html')!)).toEqual([])
    expect(englishIn(texts.get('newsletter/input.txt')!)).toEqual([])
    // The edition is the site's: English around the Sorani article.
    expect(texts.get('newsletter/edition.txt')).toContain('In this edition')
    expect(build.messages.map(String)).toEqual([])
  })
})
