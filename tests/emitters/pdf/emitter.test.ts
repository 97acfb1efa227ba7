import {describe, expect, it} from 'vitest'
import {pdfEmitter} from '../../../src/emitters/pdf/index.js'
import {testConfig} from '../../helpers/article.js'
import {latin1, markdown, renderArticle} from './helpers.js'

const sample = `---
title: "Erbil & the <Region>"
date: 2024-05-01T08:00:00Z
updated: 2024-05-02T09:30:00Z
lang: en
authors: [Jane Doe, John Roe]
description: A standfirst about the region.
tags: [iraq, kurdistan]
---

## Background

Erbil (هەولێر) is the capital. See [the ministry](https://example.gov/press).
`

describe('pdfEmitter', () => {
  it('should name its output `pdf/<slug>.pdf`', () => {
    const article = markdown(sample)
    const emitter = pdfEmitter()
    expect(emitter.name).toBe('pdf')
    expect(emitter.paths?.(article, testConfig())).toEqual({pdf: `pdf/${article.meta.slug}.pdf`})
  })

  it('should return one PDF 1.7 file at that path', async () => {
    const article = markdown(sample)
    const {bytes, path} = await renderArticle(article)
    expect(path).toBe(`pdf/${article.meta.slug}.pdf`)
    const text = latin1(bytes)
    expect(text.startsWith('%PDF-1.7')).toBe(true)
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true)
  })

  it('should give the same bytes for the same article', async () => {
    const first = await renderArticle(markdown(sample))
    const second = await renderArticle(markdown(sample))
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true)
  })

  it('should give the same bytes whatever was rendered before in the process', async () => {
    const {fixtureArticle} = await import('./helpers.js')
    const alone = await renderArticle(fixtureArticle('pdf-arabic'))
    await renderArticle(fixtureArticle('pdf-rtl'))
    await renderArticle(fixtureArticle('pdf-mixed'))
    const after = await renderArticle(fixtureArticle('pdf-arabic'))
    expect(Buffer.from(after.bytes).equals(Buffer.from(alone.bytes))).toBe(true)
  })

  it('should not depend on the clock or SOURCE_DATE_EPOCH', async () => {
    const first = await renderArticle(markdown(sample))
    const saved = process.env['SOURCE_DATE_EPOCH']
    process.env['SOURCE_DATE_EPOCH'] = '1700000000'
    try {
      const second = await renderArticle(markdown(sample))
      expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true)
    } finally {
      if (saved === undefined) delete process.env['SOURCE_DATE_EPOCH']
      else process.env['SOURCE_DATE_EPOCH'] = saved
    }
  })

  it('should fill the document information from the article', async () => {
    const {bytes} = await renderArticle(markdown(sample), {compress: false})
    const text = latin1(bytes)
    expect(text).toContain('(Erbil & the <Region>)')
    expect(text).toContain('(Jane Doe, John Roe)')
    expect(text).toContain('(A standfirst about the region.)')
    expect(text).toContain('(iraq, kurdistan)')
    expect(text).toContain('(D:20240501080000Z)')
    expect(text).toContain('(D:20240502093000Z)')
    // XMP must stay well-formed: the title is escaped there.
    expect(text).toContain('Erbil &amp; the &lt;Region&gt;')
  })

  it('should write the words of a line in one TJ, spaced by adjustments, not a text matrix a word', async () => {
    const words = Array.from({length: 120}, (_, index) => `word${index % 17}`).join(' ')
    const text = latin1((await renderArticle(markdown(`---\ntitle: Lines\ndate: 2024-01-01\n---\n\n${words}\n`), {compress: false})).bytes)
    const objects = text.match(/\nBT\n/g)?.length ?? 0
    const matrices = text.match(/ Tm\n/g)?.length ?? 0
    expect(objects).toBeGreaterThan(5)
    // A matrix where a text object starts (the masthead, the title's
    // lines, the body's lines): never one a word.
    expect(matrices).toBeLessThan(objects * 2)
    // The body's lines: one array, its words apart by negative adjustments (to the right).
    const arrays = [...text.matchAll(/\[(<[\da-f]+>(?: -\d+(?:\.\d+)? <[\da-f]+>){5,})\] TJ/g)]
    expect(arrays.length).toBeGreaterThan(3)
  })

  it('should set the text rise back to 0 after a raised mark, even one that ends a word', async () => {
    // Marks over capitals are raised (`Ts`); the rise is graphics state and would lift what follows.
    const body = 'E\u0301 A\u0308 O\u0303 and plain text after. هُوَ كِتَابٌ.'
    const text = latin1((await renderArticle(markdown(`---\ntitle: Rise\ndate: 2024-01-01\n---\n\n${body}\n`), {compress: false})).bytes)
    const objects = [...text.matchAll(/\nBT\n([\s\S]*?)\nET/g)].map((match) => match[1] + '\n')
    const raised = objects.filter((object) => / Ts\n/.test(object))
    expect(raised.length).toBeGreaterThan(0)
    for (const object of raised) expect([...object.matchAll(/(-?[\d.]+) Ts\n/g)].at(-1)?.[1]).toBe('0')
  })

  it('should use A4 by default and Letter by option', async () => {
    const a4 = latin1((await renderArticle(markdown(sample), {compress: false})).bytes)
    expect(a4).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/)
    const letter = latin1((await renderArticle(markdown(sample), {compress: false, pageSize: 'Letter'})).bytes)
    expect(letter).toMatch(/\/MediaBox \[0 0 612 792\]/)
  })

  it('should embed DejaVu fonts only, never a standard font', async () => {
    const text = latin1((await renderArticle(markdown(sample), {compress: false})).bytes)
    const fonts = [...text.matchAll(/\/BaseFont \/([A-Z]{6}\+)?([\w-]+)/g)].map((match) => match[2])
    expect(fonts.length).toBeGreaterThan(0)
    for (const font of fonts) expect(font).toMatch(/^DejaVu/)
    expect(text).not.toMatch(/Helvetica|Times-Roman|Courier/)
    expect(text).toContain('/FontFile2')
  })

  it('should warn once about characters no font can draw, and keep going', async () => {
    const article = markdown(`---\ntitle: CJK\ndate: 2024-01-01\n---\n\n中文字符 and 日本語 text.\n`)
    const {bytes} = await renderArticle(article)
    expect(bytes.length).toBeGreaterThan(1000)
    const messages = article.file.messages.filter((message) => message.ruleId === 'pdf-missing-glyph')
    expect(messages).toHaveLength(1)
    expect(messages[0]?.reason).toContain('U+4E2D')
    expect(messages[0]?.fatal).toBe(false)
  })

  it('should keep the text of unknown elements and warn once per tag', async () => {
    const article = markdown(`---\ntitle: Unknown\ndate: 2024-01-01\n---\n\nText.\n`)
    article.hast.children.push(
      {type: 'element', tagName: 'marquee', properties: {}, children: [{type: 'text', value: 'Scrolling words'}]},
      {type: 'element', tagName: 'marquee', properties: {}, children: [{type: 'text', value: 'More words'}]}
    )
    const {bytes} = await renderArticle(article)
    expect(bytes.length).toBeGreaterThan(1000)
    const messages = article.file.messages.filter((message) => message.ruleId === 'unhandled-node')
    expect(messages).toHaveLength(1)
    expect(messages[0]?.reason).toContain('marquee')
  })

  it('should turn a failure into a message on the article instead of throwing', async () => {
    const article = markdown(sample)
    const emitter = pdfEmitter({
      handlers: {
        h2() {
          throw new Error('boom')
        }
      }
    })
    const {createEmitContext} = await import('../../../src/emitters/context.js')
    const config = testConfig()
    const ctx = createEmitContext({config, emitters: [emitter], articles: [article]})
    const files = await emitter.article?.(article, ctx)
    expect(files).toEqual([])
    const message = article.file.messages.find((m) => m.ruleId === 'emitter-failed')
    expect(message?.reason).toContain('boom')
  })

  it('should accept user handlers over the defaults', async () => {
    const article = markdown(sample)
    const seen: string[] = []
    await renderArticle(article, {
      handlers: {
        h2(state, node) {
          seen.push(node.tagName)
          state.paragraph({style: state.text}, () => state.inlineAll(node))
        }
      }
    })
    expect(seen).toEqual(['h2'])
  })
})
