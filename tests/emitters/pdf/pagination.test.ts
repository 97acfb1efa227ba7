import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {Element, Parents} from 'hast'
import {describe, expect, it} from 'vitest'
import {defaultHandlers, type Handler, type State} from '../../../src/emitters/pdf/index.js'
import {markdown, renderArticle} from './helpers.js'

const hasPdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0

function longArticle(): string {
  const sentences = [
    'The council met on Tuesday to discuss the budget for the coming year and the reconstruction of roads.',
    'Officials said that the water network would be extended to the northern districts before the winter.',
    'Several members questioned the internationalization of the tender process and asked for more transparency.',
    'The minister promised a detailed report, with figures for every district, by the end of the month.'
  ]
  const blocks: string[] = []
  for (let index = 0; index < 40; index++) {
    if (index % 3 === 0) blocks.push(`## Heading ${index}`)
    blocks.push(sentences.slice(0, (index % 4) + 1).join(' ') + ' ' + sentences.slice(0, (index * 7) % 4).join(' '))
  }
  return `---\ntitle: Pagination\ndate: 2024-01-01\nlang: en\n---\n\n${blocks.join('\n\n')}\n`
}

interface Placed {
  kind: string
  pages: number[]
}

async function placements(): Promise<Placed[]> {
  const placed: Placed[] = []
  const record =
    (kind: string, handler: Handler): Handler =>
    (state: State, node: Element, parent: Parents | undefined) => {
      const entry: Placed = {kind, pages: []}
      placed.push(entry)
      const drawLine = state.drawLine
      state.drawLine = (...args) => {
        entry.pages.push(state.page)
        drawLine(...args)
      }
      try {
        handler(state, node, parent)
      } finally {
        state.drawLine = drawLine
      }
    }
  await renderArticle(markdown(longArticle()), {
    handlers: {p: record('p', defaultHandlers['p'] as Handler), h2: record('h2', defaultHandlers['h2'] as Handler)}
  })
  return placed
}

describe('pagination', () => {
  it('should span several pages', async () => {
    const placed = await placements()
    expect(Math.max(...placed.flatMap((entry) => entry.pages))).toBeGreaterThan(1)
  })

  it('should never leave one line of a paragraph alone on a page (widows and orphans)', async () => {
    for (const entry of await placements()) {
      if (entry.kind !== 'p') continue
      const perPage = new Map<number, number>()
      for (const page of entry.pages) perPage.set(page, (perPage.get(page) ?? 0) + 1)
      if (perPage.size > 1) for (const count of perPage.values()) expect(count).toBeGreaterThanOrEqual(2)
    }
  })

  it('should keep a heading with the first lines of what follows', async () => {
    const placed = await placements()
    placed.forEach((entry, index) => {
      if (entry.kind !== 'h2') return
      const next = placed[index + 1]
      expect(next?.pages[0]).toBe(entry.pages.at(-1))
      expect(next?.pages[1] ?? next?.pages[0]).toBe(entry.pages.at(-1))
    })
  })

  it.skipIf(!hasPdftotext)('should end no page with a hyphen or a heading (pdftotext)', async () => {
    const {bytes} = await renderArticle(markdown(longArticle()))
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pressroom-pdf-')), 'long.pdf')
    writeFileSync(file, bytes)
    const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {encoding: 'utf8'}).split('\f')
    let checked = 0
    for (const page of pages) {
      const lines = page
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !/^Page \d+ of \d+$/.test(line))
      const last = lines.at(-1)
      if (!last) continue
      checked++
      expect(last).not.toMatch(/-$/)
      expect(last).not.toMatch(/^Heading \d+$/)
    }
    expect(checked).toBeGreaterThan(1)
  })

  it.skipIf(!hasPdftotext)('should hyphenate so that extraction rejoins the words (pdftotext)', async () => {
    const {bytes} = await renderArticle(markdown(longArticle()))
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pressroom-pdf-')), 'long.pdf')
    writeFileSync(file, bytes)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {encoding: 'utf8'})
    const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {encoding: 'utf8'})
    // Some lines do end in an inserted hyphen…
    expect(raw).toMatch(/[a-z]-\n/)
    // …and the words come back whole.
    expect(text).not.toMatch(/\binter-|\binterna-|\binternation-/)
    expect(text.match(/internationalization/g)?.length).toBe(raw.match(/internationalization|inter-|interna-|internation-|internationaliza-/g)?.length)
  })
})
