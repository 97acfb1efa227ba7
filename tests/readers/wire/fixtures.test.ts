/**
 * The wire reader on texts written in real-world house styles (agency
 * stories, government and NGO releases, e-mail releases, broadcaster
 * releases, Sorani and Arabic copy): each has a golden reading
 * (`fixtures/NAME.json`: the recovered metadata and every block's kind and
 * rule). `UPDATE_GOLDEN=1` rewrites them; review the diff.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {toString} from 'hast-util-to-string'
import {describe, expect, it} from 'vitest'
import {explainWire} from '../../../src/readers/wire/explain.js'
import type {Article} from '../../../src/types.js'
import {articleFrom} from '../../helpers/article.js'
import {words} from '../../helpers/words.js'

const folder = path.join(import.meta.dirname, 'fixtures')
const names = readdirSync(folder).filter((name) => name.endsWith('.txt')).sort()

/** What a reader of the page sees of an article, as JSON. */
function readingOf(article: Article, text: string, name: string) {
  const {meta} = article
  return {
    title: meta.title,
    description: meta.description ?? null,
    authors: meta.authors,
    // 1970: no date in the text (the fixture's path is not on disk).
    date: meta.date,
    dateline: meta.dateline ?? null,
    image: meta.image ?? null,
    photos: meta.photos ?? null,
    release: meta.release ?? null,
    contacts: meta.contacts ?? null,
    blocks: explainWire(text, name).blocks.map((block) => `${block.line} ${block.kind} (${block.rule}): ${block.text.slice(0, 50)}`)
  }
}

/** A credit's label (`Photo:`, `Photo courtesy of`, `Art:`): the metadata keeps the credit, not its label. */
const creditLabel = /[([]?\s*(?:(?:photos?|art|artwork|illustrations?|pictures?|images?|graphics?|وێنە|صورة|الصورة)\s*(?:by|:)|(?:photo|image|picture)s? (?:courtesy|credit)(?: of)?\s*:?|courtesy(?: photo)?(?: of)?\s*:?)/giu

/** Everything the HTML page shows as text, in page order: release, title, standfirst, caption, body, contacts. */
function shown(article: Article): string {
  const {meta} = article
  return [
    ...(meta.release?.lines ?? []), meta.title, meta.description ?? '', meta.image?.caption ?? '', meta.image?.credit ?? '',
    // Body captions of photos not supplied: kept in the metadata, not drawn.
    ...(meta.photos ?? []).flatMap((photo) => [photo.caption ?? '', photo.credit ?? '']),
    // The page joins the names with "and", as the byline wrote them.
    meta.authors.join(' and '), toString(article.hast), ...(meta.contacts ?? []).flatMap((contact) => contact.lines)
  ].join('\n')
}

describe('wire reader, fixtures in real-world house styles', () => {
  it('should have at least 30 fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(30)
  })

  for (const name of names) {
    it(`should read ${name} as its golden reading says`, () => {
      const text = readFileSync(path.join(folder, name), 'utf8')
      const article = articleFrom(text, {path: `virtual/wire/${name}`})
      const reading = readingOf(article, text, name)
      const golden = path.join(folder, name.replace(/\.txt$/, '.json'))
      if (process.env['UPDATE_GOLDEN'] || !existsSync(golden)) writeFileSync(golden, JSON.stringify(reading, null, 2) + '\n')
      expect(reading).toEqual(JSON.parse(readFileSync(golden, 'utf8')))
    })

    it(`should lose no word of ${name}`, () => {
      const text = readFileSync(path.join(folder, name), 'utf8')
      const article = articleFrom(text, {path: `virtual/wire/${name}`})
      const page = new Set(words(shown(article)))
      const {blocks} = explainWire(text, name)
      // Date lines are shown as a formatted date, end marks not at all, the
      // repeated caption line is dropped on purpose (with a message).
      const source = blocks
        .filter((block) => block.kind !== 'date line' && block.kind !== 'end mark')
        .map((block) => block.text
          // A byline's label; a list's markers; a credit's label (the page says `Photo:` in its own words).
          .replace(/^(?:by|written by)\s+/i, '')
          .replace(block.kind === 'list' ? /(?:^|\s)(?:--|[-*•–]|\d+[.)])\s+/g : /^$/, ' ')
          .replace(block.kind === 'caption' || block.kind === 'credit' ? creditLabel : /^$/, ' '))
        .join(' ')
      const missing = words(source).filter((word) => !page.has(word))
      expect(missing).toEqual([])
    })
  }
})
