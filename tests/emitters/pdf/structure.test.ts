import {describe, expect, it} from 'vitest'
import {latin1, markdown, renderArticle} from './helpers.js'

const rich = `---
title: Structure
date: 2024-05-01
lang: en-GB
description: Every kind of block.
---

## Heading two

### Heading three

#### Heading four

A paragraph with a [link](https://example.org/page) and a footnote.[^1]

- one
- two
  1. nested

> A quotation.

\`\`\`
code block
\`\`\`

| A | B |
|---|---|
| 1 | 2 |

---

[^1]: The note.
`

async function structure(): Promise<string> {
  const {bytes} = await renderArticle(markdown(rich), {compress: false})
  return latin1(bytes)
}

function types(text: string): Set<string> {
  return new Set([...text.matchAll(/\/S \/(\w+)/g)].map((match) => match[1] ?? ''))
}

describe('structure tree', () => {
  it('should mark the PDF as tagged PDF/UA with a language and a displayed title', async () => {
    const text = await structure()
    expect(text).toMatch(/\/MarkInfo \d+ 0 R/)
    expect(text).toMatch(/\/Marked true/)
    expect(text).toMatch(/\/StructTreeRoot \d+ 0 R/)
    expect(text).toContain('/Lang (en-GB)')
    expect(text).toContain('/DisplayDocTitle true')
    expect(text).toContain('<pdfuaid:part>1</pdfuaid:part>')
  })

  it('should have headings, paragraphs, lists, quotes, code and tables', async () => {
    const found = types(await structure())
    for (const type of ['Document', 'H1', 'H2', 'H3', 'H4', 'P', 'L', 'LI', 'Lbl', 'LBody', 'BlockQuote', 'Code', 'Table', 'THead', 'TBody', 'TR', 'TH', 'TD', 'Link']) {
      expect(found, type).toContain(type)
    }
  })

  it('should tie link annotations to `Link` elements', async () => {
    const text = await structure()
    expect(text).toMatch(/\/Subtype \/Link[\s\S]*?\/StructParent \d+/)
    expect(text).toMatch(/\/Type \/OBJR/)
    expect(text).toContain('/URI (https://example.org/page)')
    // The footnote reference goes to a named destination.
    expect(text).toMatch(/\/Dest \(fn-1\)|\/Dest \(user-content-fn-1\)/)
  })

  it('should give table header cells a column scope', async () => {
    const text = await structure()
    expect(text).toMatch(/\/S \/TH[\s\S]{0,200}\/Scope \/Column/)
  })

  it('should draw running heads and rules as pagination artifacts', async () => {
    const text = await structure()
    expect(text).toMatch(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/)
    expect(text).toMatch(/\/Artifact <<\s*\/Type \/Layout\s*>> BDC/)
  })

  it('should give a figure its alt text', async () => {
    const article = markdown(`---\ntitle: Figure\ndate: 2024-01-01\n---\n\nText.\n`)
    const {bytes} = await renderArticle(article, {compress: false})
    expect(latin1(bytes)).not.toContain('/S /Figure')
    const tiny = await import('./images.js')
    const withImage = tiny.articleWithImage('A map of the region')
    const text = latin1((await renderArticle(withImage, {compress: false})).bytes)
    expect(text).toMatch(/\/S \/Figure[\s\S]{0,80}\/Alt \(A map of the region\)/)
    expect(text).toMatch(/\/Subtype \/Image/)
  })
})
