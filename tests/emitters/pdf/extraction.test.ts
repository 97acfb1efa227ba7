/**
 * Text extraction: word boundaries between runs of different directions, and
 * tables read cell by cell, row by row. The `words` cases run everywhere; the
 * others need poppler's `pdftotext` and are skipped where it is missing.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {toText} from 'hast-util-to-text'
import {describe, expect, it} from 'vitest'
import {loadTheme} from '../../../src/emitters/pdf/theme.js'
import type {Article} from '../../../src/types.js'
import {testConfig} from '../../helpers/article.js'
import {inOrderRatio, words} from '../../helpers/words.js'
import {latin1, markdown, renderArticle} from './helpers.js'

const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0
const folder = mkdtempSync(path.join(tmpdir(), 'pressroom-extraction-'))

async function extract(article: Article, name: string): Promise<string> {
  const {bytes} = await renderArticle(article)
  const file = path.join(folder, `${name}.pdf`)
  writeFileSync(file, bytes)
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {encoding: 'utf8'})
}

function expected(article: Article): string[] {
  return words(article.meta.title + '\n' + toText(article.hast))
}

const mixed = `---
title: Erbil
date: 2024-03-21
lang: ckb
dir: rtl
---

هەولێر (Erbil) یەکێکە لە کۆنترین شارەکانی جیهان.

> Erbil (هەولێر) is the capital of the Kurdistan Region.

هەولێر (کوردستان24) – وەزیری ناوخۆ رایگەیاند. پایتەختی هەرێمی کوردستانە. ٢٠٢٤
`

const table = `---
title: Tables
date: 2024-03-06
---

| Project | Description | Owner | Status |
|---|---|---|---|
| Newsletter | Plain-text digest of the latest articles, wrapped at 72 columns with numbered links | Desk | Shipping this week |
| Feeds | RSS, Atom and JSON Feed with absolute URLs and RFC dates | Web team | Done |
| Archive | Yearly pages | Web team | Planned for the autumn |
`

describe('words (pdftotext output)', () => {
  it('should put neutrals back on their side of a left-to-right run in a right-to-left line', () => {
    // `Erbil (هەولێر)` in a right-to-left line, as pdftotext writes it.
    expect(words('\u202B\u202A) Erbil\u202Cهەولێر( \u202A.is the capital\u202C\u202C')).toEqual(['erbil', 'هەولێر', 'is', 'the', 'capital'])
    // Digits: `کوردستانە. ٢٠٢٤` and `(کوردستان24) –`.
    expect(words('\u202Bکوردستانە\u202A٢٠٢٤ .\u202C\u202C')).toEqual(['کوردستانە', '٢٠٢٤'])
    expect(words('\u202Bهەولێر )کوردستان\u202A – (24\u202Cوەزیری\u202C')).toEqual(['هەولێر', 'کوردستان24', 'وەزیری'])
  })

  it('should keep a right-to-left run in a left-to-right line apart from its neighbours', () => {
    // A left-to-right section takes in the space before the run, the run the space after it.
    expect(words('Erbil \u202B هەولێر\u202Cis')).toEqual(['erbil', 'هەولێر', 'is'])
    expect(words('Erbil (\u202B )هەولێر\u202Cis')).toEqual(['erbil', 'هەولێر', 'is'])
  })

  it('should ignore variation selectors', () => {
    expect(words('❤\uFE0F and 1\uFE0F2')).toEqual(['and', '12'])
  })
})

describe('table layout', () => {
  it('should pad cells by at least 0.65 em at the start and end', async () => {
    const {bytes} = await renderArticle(markdown(table), {compress: false})
    // Left edges of drawn text (`1 0 0 -1 x y Tm`): the margin for
    // paragraphs and running headers, else a cell's inset from its border.
    const margin = loadTheme(testConfig()).margins.left
    const starts = [...latin1(bytes).matchAll(/1 0 0 -1 ([\d.]+) [\d.]+ Tm/g)].map((match) => Number(match[1]))
    const inset = margin + 0.65 * 8.5
    expect(starts).toContain(inset)
    expect(starts.filter((x) => x > margin && x < inset - 0.001)).toEqual([])
  })
})

describe.skipIf(!hasPdftotext)('extraction (pdftotext)', () => {
  it('should extract a mixed Latin and Arabic paragraph with its word boundaries', async () => {
    const article = markdown(mixed)
    const text = await extract(article, 'mixed')
    expect(inOrderRatio(expected(article), words(text))).toBe(1)
    expect(words(text)).not.toContain('erbilهەولێر')
  })

  it('should extract a table cell by cell, row by row', async () => {
    const article = markdown(table)
    const text = await extract(article, 'table')
    expect(inOrderRatio(expected(article), words(text))).toBe(1)
    // Each row's last cell comes before the next row's first.
    const flat = text.replace(/\s+/g, ' ')
    expect(flat.indexOf('Shipping this week')).toBeLessThan(flat.indexOf('Feeds'))
    expect(flat.indexOf('Done')).toBeLessThan(flat.indexOf('Archive'))
  })
})
