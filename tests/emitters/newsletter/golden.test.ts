/**
 * Golden files: `tests/fixtures/newsletter-<case>/input.md` (the seed is read
 * from `tests/corpus/seed-article.txt`) → `expected/newsletter.txt`, and all
 * of them together → `newsletter-edition/expected/edition.txt`. `UPDATE=1`
 * rewrites the goldens.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Article} from '../../../src/types.js'
import {root} from '../../helpers/article.js'
import {articleText, edition, problems, readArticle, seedArticle, wordOrder} from './helpers.js'

const fixtures = path.join(root, 'tests/fixtures')
const update = Boolean(process.env['UPDATE'])
const cases = readdirSync(fixtures)
  .filter((name) => name.startsWith('newsletter-') && existsSync(path.join(fixtures, name, 'input.md')))
  .sort()

let savedEpoch: string | undefined
beforeAll(() => {
  savedEpoch = process.env['SOURCE_DATE_EPOCH']
  delete process.env['SOURCE_DATE_EPOCH']
})
afterAll(() => {
  if (savedEpoch !== undefined) process.env['SOURCE_DATE_EPOCH'] = savedEpoch
})

/**
 * Compare with a golden file, or write it when missing or `UPDATE` is set.
 */
function golden(file: string, actual: string): void {
  if (update || !existsSync(file)) {
    mkdirSync(path.dirname(file), {recursive: true})
    writeFileSync(file, actual)
    return
  }
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

function load(name: string): Article {
  if (name === 'newsletter-seed') return seedArticle()
  return readArticle(path.join(fixtures, name, 'input.md'), `input/${name}.md`)
}

describe('newsletter golden files', () => {
  const all = ['newsletter-seed', ...cases]
  for (const name of all) {
    it(`should write \`${name}\` as expected`, async () => {
      const article = load(name)
      const text = await articleText(article)
      golden(path.join(fixtures, name, 'expected/newsletter.txt'), text)
      // The long-URL fixture also holds a long word: it stands alone, unbroken.
      expect(problems(text, 72, {tokens: name === 'newsletter-long-url'})).toEqual([])
      expect(wordOrder(article.hast, text)).toBeGreaterThanOrEqual(0.99)
    })
  }

  it('should write the edition of all fixtures as expected, twice the same', async () => {
    const articles = all.map(load).sort((a, b) => Date.parse(b.meta.date) - Date.parse(a.meta.date))
    const first = await edition(articles)
    const second = await edition(articles)
    expect(second.text).toBe(first.text)
    expect(Buffer.from(second.eml).equals(Buffer.from(first.eml))).toBe(true)
    golden(path.join(fixtures, 'newsletter-edition/expected/edition.txt'), first.text)
    expect(problems(first.text, 72, {tokens: true})).toEqual([])
    // Each article appears whole (its own text has the words in order, above).
    for (const article of articles) {
      const own = await articleText(article)
      expect(first.text).toContain(own.trimEnd())
      const from = first.text.indexOf(own.trimEnd())
      expect(wordOrder(article.hast, first.text.slice(from))).toBeGreaterThanOrEqual(0.99)
    }
  })
})
