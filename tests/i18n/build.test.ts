/**
 * A whole build of wire copy without metadata next to English articles: each
 * story gets its language from its text, in every format, and the English
 * article's outputs are those of an English build alone.
 */
import {mkdtempSync, readFileSync} from 'node:fs'
import {cp, mkdir, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {strFromU8, unzipSync} from 'fflate'
import {describe, expect, it} from 'vitest'
import {build} from '../../src/build/index.js'
import {resolveConfig} from '../../src/config.js'
import {root} from '../helpers/article.js'

const sorani = `پەرلەمانی کوردستان بودجەی ساڵی داهاتوو تاوتوێ دەکات

هەولێر (کوردستان24) – پەرلەمانی کوردستان ڕۆژی سێشەممە دەستی بە گفتوگۆکردن لەسەر پڕۆژەی بودجەی ساڵی داهاتوو کرد.

سەرۆکی لیژنەی دارایی ڕایگەیاند کە بودجەکە گرنگی بە پەروەردە و تەندروستی دەدات.
`
const arabic = `البرلمان يناقش موازنة العام المقبل

بغداد (واع) – بدأ البرلمان يوم الثلاثاء مناقشة مشروع الموازنة العامة للسنة المالية المقبلة.

وقال رئيس اللجنة المالية إن الموازنة تركز على قطاعي التعليم والصحة.
`

async function site(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pressroom-i18n-build-'))
  await mkdir(path.join(dir, 'input/wire'), {recursive: true})
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, 'input', name), text)
  await cp(path.join(root, 'tests/fixtures/seed/input.txt'), path.join(dir, 'input/seed.txt'))
  const config = resolveConfig({site: {title: 'Ledger', url: 'https://ledger.example/', language: 'en'}, cache: path.join(dir, 'cache')}, dir)
  const result = await build({config})
  const read = (file: string) => readFileSync(path.join(dir, 'output', file))
  return {result, read}
}

describe('a build of stories without metadata', () => {
  it('should give each story the language and direction of its text, in every format', async () => {
    const previous = process.env['SOURCE_DATE_EPOCH']
    process.env['SOURCE_DATE_EPOCH'] = '1740441600'
    try {
      const mixed = await site({'wire/sorani.txt': sorani, 'wire/arabic.txt': arabic})
      expect(mixed.result.failed).toBe(0)
      for (const [slug, lang] of [['sorani', 'ckb'], ['arabic', 'ar']] as const) {
        expect(String(mixed.read(`${slug}.html`))).toContain(`<html lang="${lang}" dir="rtl">`)
        const opf = strFromU8(unzipSync(new Uint8Array(mixed.read(`epub/${slug}.epub`)))['EPUB/package.opf']!)
        expect(opf).toContain(`<dc:language>${lang}</dc:language>`)
        expect(opf).toContain('page-progression-direction="rtl"')
        expect(String(mixed.read(`newsletter/${slug}.txt`))).not.toMatch(/Read on the web|Links/)
      }
      const rules = mixed.result.files.flatMap((file) => file.messages.map((message) => message.ruleId))
      expect(rules.filter((rule) => rule === 'missing-translation')).toEqual([])
      expect(rules.filter((rule) => rule === 'language-guessed')).toHaveLength(2)
      // The English article is written as in an English build alone.
      const alone = await site({})
      for (const file of ['seed.html', 'pdf/seed.pdf', 'newsletter/seed.txt', 'epub/seed.epub']) {
        expect(Buffer.compare(mixed.read(file), alone.read(file)), file).toBe(0)
      }
    } finally {
      if (previous === undefined) delete process.env['SOURCE_DATE_EPOCH']
      else process.env['SOURCE_DATE_EPOCH'] = previous
    }
  })
})
