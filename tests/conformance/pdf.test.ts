/**
 * PDF conformance: every fixture's PDF passes `qpdf --check`, embeds every
 * font, is tagged, and `pdftotext` gives back the body's words in order (at
 * least 99 %), Arabic script in logical order. Needs poppler-utils and qpdf;
 * skipped where they are missing.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fromHtml} from 'hast-util-from-html'
import {select} from 'hast-util-select'
import {toText} from 'hast-util-to-text'
import {describe, expect, it} from 'vitest'
import {inOrderRatio, words} from '../helpers/words.js'
import {articleFrom, corpus, testConfig} from '../helpers/article.js'
import {fixtureArticle, pdfFixtures, renderArticle} from '../emitters/pdf/helpers.js'
import {createEmitContext} from '../../src/emitters/context.js'
import {pdfEmitter} from '../../src/emitters/pdf/index.js'
import type {LineRecord} from '../../src/emitters/pdf/layout.js'
import {renderPdf} from '../../src/emitters/pdf/render.js'
import type {Article} from '../../src/types.js'
import {builds, conformanceDir, filesWith, root} from './paths.js'
import * as fontkit from 'fontkit'

const hasTools = ['qpdf', 'pdftotext', 'pdffonts', 'pdfinfo'].every(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0
)
const folder = mkdtempSync(path.join(tmpdir(), 'pressroom-pdf-'))

function cases(): Array<[string, () => Article]> {
  const list: Array<[string, () => Article]> = pdfFixtures.map((name) => [name, () => fixtureArticle(name)])
  list.unshift([
    'seed',
    () =>
      articleFrom(readFileSync(path.join(corpus, 'seed-article.txt'), 'utf8'), {
        path: 'input/seed-article.txt',
        config: testConfig()
      })
  ])
  return list
}

describe.skipIf(!hasTools)('pdf conformance', () => {
  for (const [name, load] of cases()) {
    describe(name, () => {
      let file = ''
      let article: Article

      it('should render a PDF', async () => {
        article = load()
        const {bytes} = await renderArticle(article)
        expect(bytes.length).toBeGreaterThan(1000)
        file = path.join(folder, `${name}.pdf`)
        writeFileSync(file, bytes)
      })

      it('should pass `qpdf --check`', () => {
        const result = spawnSync('qpdf', ['--check', file], {encoding: 'utf8'})
        expect(result.stdout + result.stderr).toContain('No syntax or stream encoding errors')
        expect(result.status).toBe(0)
      })

      it('should embed every font', () => {
        const lines = execFileSync('pdffonts', [file], {encoding: 'utf8'}).trim().split('\n').slice(2)
        expect(lines.length).toBeGreaterThan(0)
        for (const line of lines) {
          // name type encoding emb sub uni object ID: `emb` is the 4th column from the end but 2.
          const columns = line.trim().split(/\s+/)
          expect(columns.at(-5), line).toBe('yes')
        }
      })

      it('should be tagged', () => {
        const info = execFileSync('pdfinfo', [file], {encoding: 'utf8'})
        expect(info).toMatch(/^Tagged:\s+yes$/m)
        expect(info).toMatch(/^PDF version:\s+1\.7$/m)
      })

      it('should give the body’s words in order (≥ 99 %)', () => {
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {encoding: 'utf8'})
        const expected = words(article.meta.title + '\n' + toText(article.hast))
        const actual = words(text)
        const ratio = inOrderRatio(expected, actual)
        if (ratio < 0.99) {
          const missing = expected.filter((word) => !actual.includes(word))
          console.log(name, ratio, missing.slice(0, 30))
        }
        expect(ratio).toBeGreaterThanOrEqual(0.99)
      })
    })
  }
})

/**
 * Every PDF of the global setup's builds (sample, fixtures, CommonMark
 * examples, real corpus, adversarial set): qpdf clean, fonts embedded,
 * tagged, and the words of the HTML page's article body in order. Characters
 * the PDF fonts cannot draw (CJK, Devanagari, some emoji) are dropped with a
 * `pdf-missing-glyph` warning, so words containing them are not expected.
 */
/**
 * Word-order floor of a PDF. The sample and every fixture must give 99 %
 * (characters no font has are drawn as white squares, so the words around
 * them stay apart; the words themselves are not expected). Elsewhere
 * pdftotext is known to fall short on a few things the PDF draws correctly
 * (see the README's PDF limits): code columns come back in another order,
 * words longer than a line are cut, a URL broken after a hyphen is rejoined
 * without it, in one-line CommonMark examples a link marker `[n]` splits two
 * adjacent links into more words, and a line of one-letter words spaced
 * evenly is read as one letter-spaced word. There the floor is lower, and
 * every PDF below 99 % is listed in the log.
 */
function floorOf(build: string): number {
  if (build === 'sample') return 0.99
  if (build === 'fixtures') return 0.99
  if (build === 'corpus') return 0.98
  return 0.75
}

describe.skipIf(!hasTools || !existsSync(conformanceDir))('pdf conformance of the builds', () => {
  // The PDF fonts (DejaVu); a word with a character none of them has was dropped with a warning.
  const fonts = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf'].map(
    (name) => fontkit.create(readFileSync(path.join(root, 'node_modules/dejavu-fonts-ttf/ttf', name)))
  )
  const drawable = (word: string) => [...word].every((character) => fonts.some((font) => font.hasGlyphForCodePoint(character.codePointAt(0)!)))
  for (const build of builds) {
    it(`should validate every PDF of the \`${build}\` build`, () => {
      const dir = path.join(conformanceDir, build)
      const pdfs = filesWith(dir, ['.pdf'])
      expect(pdfs.length).toBeGreaterThan(0)
      const problems: string[] = []
      const short: string[] = []
      let lowest = 1
      for (const file of pdfs) {
        const name = path.relative(conformanceDir, file)
        const qpdf = spawnSync('qpdf', ['--check', file], {encoding: 'utf8'})
        if (qpdf.status !== 0 || !qpdf.stdout.includes('No syntax or stream encoding errors')) problems.push(`${name}: qpdf: ${qpdf.stdout}${qpdf.stderr}`.slice(0, 300))
        for (const line of execFileSync('pdffonts', [file], {encoding: 'utf8'}).trim().split('\n').slice(2)) {
          if (line.trim().split(/\s+/).at(-5) !== 'yes') problems.push(`${name}: font not embedded: ${line}`)
        }
        if (!/^Tagged:\s+yes$/m.test(execFileSync('pdfinfo', [file], {encoding: 'utf8'}))) problems.push(`${name}: not tagged`)
        // The HTML page of the same article is `<site>/<slug>.html`.
        const page = path.join(path.dirname(path.dirname(file)), path.basename(file, '.pdf') + '.html')
        if (!existsSync(page)) continue
        const tree = fromHtml(readFileSync(page, 'utf8'))
        const title = select('article h1', tree)
        const body = select('article .body', tree)
        const expected = words(`${title ? toText(title) : ''}\n${body ? toText(body) : ''}`).filter(drawable)
        const ratio = inOrderRatio(expected, words(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024})))
        lowest = Math.min(lowest, ratio)
        if (ratio < 0.99) short.push(`${name}: ${(ratio * 100).toFixed(1)} %`)
        if (ratio < floorOf(build)) problems.push(`${name}: ${(ratio * 100).toFixed(1)} % of the body's words in order`)
      }
      console.log(`pdf: ${build}: ${pdfs.length} PDFs, lowest word-order ratio ${(lowest * 100).toFixed(2)} %, ${short.length} below 99 %${short.length > 0 ? ` (${short.join('; ')})` : ''}, ${problems.length} problems`)
      expect(problems).toEqual([])
    })
  }
})

/**
 * Words hyphenated at a line's end come back whole from `pdftotext`
 * (poppler joins a line ending in `-` with the next), and the body's words
 * in order, for the sample's articles and real ones set by total fit. The
 * hyphenated breaks are read from the layout (`renderPdf`'s `onLine`).
 */
describe.skipIf(!hasTools)('pdf hyphenation and extraction', () => {
  const inputs = [
    ...readdirSync(path.join(root, 'input'))
      .filter((name) => /\.(md|txt)$/.test(name))
      .map((name) => path.join(root, 'input', name)),
    ...[
      '18f/2017-10-03-building-a-large-scale-design-system.md',
      '18f/2016-05-24-the-user-centered-redesign-of-identitytheft-gov.md',
      'digitalgov/2013-10-30-content-management-systems-toolkit.md',
      'digitalgov/2011-06-21-making-mobile-gov-project.md'
    ].map((name) => path.join(corpus, 'articles', name))
  ]
  const config = testConfig()
  let hyphenated = 0
  for (const input of inputs) {
    it(`should extract \`${path.basename(input)}\` with its hyphenated words whole`, async () => {
      const article = articleFrom(readFileSync(input, 'utf8'), {path: `input/${path.basename(input)}`, config})
      const ctx = createEmitContext({config, emitters: [pdfEmitter()], articles: [article]})
      const records: LineRecord[] = []
      const bytes = await renderPdf(article, ctx, {onLine: (record) => records.push(record)})
      const file = path.join(folder, `hyphenation-${path.basename(input)}.pdf`)
      writeFileSync(file, bytes)
      const actual = words(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {encoding: 'utf8'}))
      const lines = records.filter((record) => !record.artifact)
      const text = (record: LineRecord) => record.line.items.map((item) => (item.kind === 'glue' ? ' ' : item.text)).join('')
      const broken: string[] = []
      for (const [index, record] of lines.entries()) {
        const next = lines[index + 1]
        if (!record.line.hyphenated || !next) continue
        const head = words(text(record).replace(/-$/, '')).at(-1) ?? ''
        const tail = words(text(next))[0] ?? ''
        broken.push(head + tail)
      }
      hyphenated += broken.length
      const split = broken.filter((word) => !actual.includes(word))
      expect(split).toEqual([])
      const expected = words(article.meta.title + '\n' + toText(article.hast))
      expect(inOrderRatio(expected, actual)).toBeGreaterThanOrEqual(0.99)
    })
  }

  it('should have hyphenated some words', () => {
    expect(hyphenated).toBeGreaterThan(50)
  })
})
