/**
 * The PDF's typesetting, read from the layout the line breaker produced
 * (`renderPdf`'s `onLine`), on the sample (`input/`) and 20 real articles
 * of `tests/corpus/`, on A4 and Letter: a body measure of 55–75 characters
 * per line on average, at most 2 hyphenated lines in a row, no justified
 * space wider than the looseness bound, no line wider than its measure, and
 * the end matter (end mark, source line, tags) on the last page.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createEmitContext} from '../../../src/emitters/context.js'
import {htmlEmitter} from '../../../src/emitters/html/index.js'
import {pdfEmitter} from '../../../src/emitters/pdf/index.js'
import type {LineRecord} from '../../../src/emitters/pdf/layout.js'
import {renderPdf} from '../../../src/emitters/pdf/render.js'
import {loadTheme} from '../../../src/emitters/pdf/theme.js'
import type {Article} from '../../../src/types.js'
import {articleFrom, corpus, root, testConfig} from '../../helpers/article.js'

/** 20 corpus articles: 10 of each source, spread over the years. */
const corpusArticles = [
  '18f/2014-03-19-hello-world-we-are-18f.md',
  '18f/2014-12-11-large-scale-development-culture-change.md',
  '18f/2015-03-12-day-in-the-life-of-an-18F-content-designer.md',
  '18f/2015-06-17-what-estonia-can-teach-us-about-government-records.md',
  '18f/2015-11-30-complex-data-in-useiti.md',
  '18f/2016-05-24-the-user-centered-redesign-of-identitytheft-gov.md',
  '18f/2016-10-26-writing-for-web-easy-writing-for-users-not.md',
  '18f/2017-10-03-building-a-large-scale-design-system.md',
  '18f/2018-11-13-introduction-to-remote-moderated-usability-testing-part-1.md',
  '18f/2020-06-30-transforming-how-dojs-civil-rights-division-engages-with-the-public.md',
  'digitalgov/2011-06-21-making-mobile-gov-project.md',
  'digitalgov/2013-10-30-content-management-systems-toolkit.md',
  'digitalgov/2014-08-18-how-to-choose-a-user-experience-technique.md',
  'digitalgov/2015-07-16-dwarf-planet-giant-numbers-nasas-mission-to-pluto-goes-global.md',
  'digitalgov/2016-02-29-the-content-corner-facebook-expands-access-to-instant-articles.md',
  'digitalgov/2016-09-30-further-enhancing-the-federal-governments-privacy-practices.md',
  'digitalgov/2017-06-30-webinar-recap-plain-language-action-and-information-network-plain-june-meeting.md',
  'digitalgov/2020-03-11-learning-culture-10-personalized-employee-experiences.md',
  'digitalgov/2022-01-03-open-source-information-architecture-design-using-the-tools-you-have-to-conduct-card-sorting-and-tree-testing.md',
  'digitalgov/2023-08-08-4-steps-writers-and-editors-can-take-to-demonstrate-value.md'
]

const sample = readdirSync(path.join(root, 'input'))
  .filter((name) => /\.(md|txt)$/.test(name))
  .sort()

const config = testConfig()

function load(file: string): Article {
  return articleFrom(readFileSync(file, 'utf8'), {path: `input/${path.basename(file)}`, config})
}

async function layout(article: Article, pageSize: 'A4' | 'Letter'): Promise<LineRecord[]> {
  const pdf = pdfEmitter()
  const ctx = createEmitContext({config, emitters: [htmlEmitter(), pdf], articles: [article]})
  const records: LineRecord[] = []
  await renderPdf(article, ctx, {pageSize, onLine: (record) => records.push(record)})
  return records
}

/** What a line reads: its words, a space per glue, and the hyphen it ends with. */
function textOf(record: LineRecord): string {
  return record.line.items.map((item) => (item.kind === 'glue' ? ' ' : item.text)).join('')
}

/** Width a line was drawn at: natural width plus what its spaces grew by. */
function drawnWidth(record: LineRecord): number {
  const spaces = record.line.items.reduce((sum, item) => sum + (item.kind === 'glue' ? item.width : 0), 0)
  return record.line.width + spaces * (record.factor - 1)
}

function longestHyphenRun(records: readonly LineRecord[]): number {
  let longest = 0
  let run = 0
  for (const record of records) {
    run = record.line.hyphenated ? run + 1 : 0
    longest = Math.max(longest, run)
  }
  return longest
}

const cases: Array<[string, string]> = [
  ...sample.map((name): [string, string] => [`input/${name}`, path.join(root, 'input', name)]),
  ...corpusArticles.map((name): [string, string] => [`corpus/${name}`, path.join(corpus, 'articles', name)])
]

for (const pageSize of ['A4', 'Letter'] as const) {
  describe(`PDF typesetting (${pageSize})`, () => {
    const theme = loadTheme(config, {pageSize})
    const {stretch, tolerance, consecutiveHyphens} = theme.justification
    const bound = 1 + stretch * tolerance
    let totalLines = 0
    let totalCharacters = 0

    it('should have a looseness bound and a hyphen limit in the theme', () => {
      expect(bound).toBeGreaterThan(1.2)
      expect(bound).toBeLessThanOrEqual(2)
      expect(consecutiveHyphens).toBe(2)
    })

    for (const [name, file] of cases) {
      it(`should set \`${name}\` within the measure, the hyphen limit and the looseness bound`, async () => {
        const article = load(file)
        const all = await layout(article, pageSize)
        const records = all.filter((record) => !record.artifact)
        const body = records.filter((record) => record.style === theme.body)
        expect(body.length).toBeGreaterThan(0)
        // Full lines of body text at the full measure (not a paragraph's
        // last line, not a list item or quote set narrower).
        const measure = Math.max(...body.map((record) => record.width))
        const full = body.filter((record) => !record.line.last && record.align === 'justify' && record.width === measure)
        const characters = full.reduce((sum, record) => sum + [...textOf(record)].length, 0)
        if (full.length > 0) {
          totalLines += full.length
          totalCharacters += characters
          // Short articles have few lines: the average is asserted over the
          // article when it has some, over the whole set below.
          if (full.length >= 10) {
            expect(characters / full.length).toBeGreaterThanOrEqual(55)
            expect(characters / full.length).toBeLessThanOrEqual(75)
          }
        }
        expect(longestHyphenRun(records)).toBeLessThanOrEqual(2)
        for (const record of records) {
          expect(record.factor, textOf(record)).toBeLessThanOrEqual(bound + 1e-9)
          expect(record.factor, textOf(record)).toBeGreaterThanOrEqual(1 - theme.justification.shrink - 1e-9)
          expect(drawnWidth(record), textOf(record)).toBeLessThanOrEqual(record.width + 0.01)
        }
        // The end matter, last: the end mark (an artifact), the source line, the tags.
        const content = all.filter((record) => !record.artifact || textOf(record) === theme.end.mark)
        const lastPage = Math.max(...all.map((record) => record.page))
        const markIndex = content.findIndex((record) => textOf(record) === theme.end.mark)
        expect(markIndex).toBeGreaterThan(0)
        const after = content.slice(markIndex)
        expect(after.every((record) => record.page === lastPage)).toBe(true)
        // Never alone: the last lines of what precedes it share its page.
        expect(content.slice(0, markIndex).some((record) => record.page === lastPage)).toBe(true)
        const tail = after.slice(1).map(textOf).join('\n')
        const source = article.meta.dateline?.agency
        if (source) expect(tail).toContain(`Originally published by ${source}`)
        else expect(tail).toMatch(/^Source:\s+https:\/\//)
        if (article.meta.tags.length > 0) expect(tail).toContain(`Tags: ${article.meta.tags[0]}`)
      })
    }

    it('should average 55–75 characters per body line over the sample and the corpus articles', () => {
      expect(totalLines).toBeGreaterThan(500)
      const average = totalCharacters / totalLines
      expect(average).toBeGreaterThanOrEqual(55)
      expect(average).toBeLessThanOrEqual(75)
    })
  })
}
