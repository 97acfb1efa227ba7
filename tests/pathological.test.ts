/**
 * Inputs that make parsers and line breakers slow (cmark's "pathological"
 * cases, strings without spaces): found before the build, stopped when they
 * take too long, and no quadratic work of ours on long strings.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {mkdtemp, mkdir, readdir, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {isRisky} from '../src/readers/peek.js'
import {segmentsOf} from '../src/pipeline/characters.js'
import {wrap} from '../src/emitters/newsletter/wrap.js'
import {corpus, root} from './helpers/article.js'
import {commonmarkExamples} from './helpers/commonmark.js'


/** cmark's pathological tests (test/pathological_tests.py), a few at smaller sizes. */
const pathological: Record<string, string> = {
  'nested strong emph': '*a **a '.repeat(5000) + 'b' + ' a** a*'.repeat(5000),
  'many emph closers with no openers': 'a_ '.repeat(65_000),
  'many emph openers with no closers': '_a '.repeat(65_000),
  'many link closers with no openers': 'a]'.repeat(65_000),
  'many link openers with no closers': '[a'.repeat(65_000),
  'mismatched openers and closers': '*a_ '.repeat(50_000),
  'openers and closers multiple of 3': 'a**b' + 'c* '.repeat(50_000),
  'link openers and emph closers': '[ a_'.repeat(50_000),
  'pattern [ (]( repeated': '[ (]('.repeat(80_000),
  'nested brackets': '['.repeat(50_000) + 'a' + ']'.repeat(50_000),
  'nested block quotes': '> '.repeat(50_000) + 'a',
  'deeply nested lists': Array.from({length: 1000}, (_, index) => '  '.repeat(index) + '* a\n').join(''),
  backticks: Array.from({length: 2000}, (_, index) => 'e' + '`'.repeat(index + 1)).join(''),
  'unclosed links': '[a](<b'.repeat(30_000),
  'many references': Array.from({length: 50_000}, (_, index) => `[${index}]: u\n`).join(''),
  'table of many rows': '| a | b |\n|---|---|\n' + '| c | d |\n'.repeat(50_000),
  'mismatched, in short lines of one paragraph': ('*a_ '.repeat(1000) + '\n').repeat(8)
}

describe('isRisky', () => {
  it('should flag every pathological case', () => {
    for (const [name, markdown] of Object.entries(pathological)) expect(isRisky(Buffer.from(markdown)), name).toBe(true)
  })

  it('should flag no real article, sample or CommonMark example', () => {
    const articles = path.join(corpus, 'articles')
    const sources = [path.join(root, 'input'), ...readdirSync(articles, {withFileTypes: true}).filter((entry) => entry.isDirectory()).map((entry) => path.join(articles, entry.name))]
      .flatMap((dir) => readdirSync(dir).filter((name) => /\.(?:md|markdown|txt)$/.test(name)).map((name) => path.join(dir, name)))
    expect(sources.length).toBeGreaterThan(250)
    expect(sources.filter((file) => isRisky(readFileSync(file)))).toEqual([])
    const examples = commonmarkExamples()
    expect(examples.filter((example) => isRisky(Buffer.from(example.markdown)))).toEqual([])
  })
})

describe('segmentsOf', () => {
  const graphemes = new Intl.Segmenter('en', {granularity: 'grapheme'})
  const words = new Intl.Segmenter('ja', {granularity: 'word'})
  const whole = (segmenter: Intl.Segmenter, text: string) => Array.from(segmenter.segment(text), (part) => part.segment)

  it('should give the segmenter’s own segments, for texts longer than its windows', () => {
    const piece = fc.oneof(
      fc.string({unit: 'grapheme', maxLength: 40}),
      fc.constantFrom('🇫🇷🇩🇪🇮🇹', '👩‍👩‍👧‍👦', 'e\u0301\u0302', 'ب', 'aب', 'ক্ষ', '日本語のテキスト', '\r\n', 'x'.repeat(300), 'a' + '\u0301'.repeat(600))
    )
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 60}), fc.integer({min: 1, max: 8}), (pieces, times) => {
        const text = pieces.join('').repeat(times)
        expect(Array.from(segmentsOf(graphemes, text))).toEqual(whole(graphemes, text))
        expect(Array.from(segmentsOf(words, text)).join('')).toBe(text)
      }),
      {numRuns: 150}
    )
  })

  it('should wrap a long string of mixed scripts for the newsletter without losing a character', () => {
    const text = 'aب'.repeat(40_000)
    expect(wrap(text, 72).join('')).toBe(text)
  })
})

// The time limit needs the compiled worker (`npm run compile`), as the command line uses.
describe.skipIf(!existsSync(path.join(root, 'dist/bundle/cli.cjs')))('time limit', () => {
  let dir = ''

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-pathological-'))
    await mkdir(path.join(dir, 'input'))
    await writeFile(path.join(dir, 'input/first.md'), '---\ntitle: First\ndate: 2024-03-01\n---\n\nA normal article.\n')
    await writeFile(path.join(dir, 'input/second.md'), '---\ntitle: Second\ndate: 2024-03-02\n---\n\nAnother normal article.\n')
    // Minutes for micromark (quadratic in the delimiters of a paragraph).
    await writeFile(path.join(dir, 'input/hostile.md'), '---\ntitle: Hostile\ndate: 2024-03-03\n---\n\n' + '*a_ '.repeat(200_000) + '\n')
    await writeFile(path.join(dir, 'pressroom.config.json'), JSON.stringify({site: {title: 'P', url: 'https://p.example/'}}))
  })

  afterAll(async () => {
    await rm(dir, {recursive: true, force: true})
  })

  it('should stop an article that takes too long, in a small build too, and build the others', async () => {
    const result = spawnSync(process.execPath, [path.join(root, 'bin/pressroom.js'), 'build', '--no-progress', '--timeout', '2', '--only', 'html,newsletter'], {cwd: dir, encoding: 'utf8', timeout: 120_000})
    expect(result.status).toBe(1)
    const output = result.stdout + result.stderr
    expect(output).toMatch(/input\/hostile\.md:1:1: Stopped after 2 s: .+ \[article-timeout\]/)
    expect(output).toMatch(/2 articles built \(3 rebuilt\), 1 failed/)
    const files = await readdir(path.join(dir, 'output'))
    expect(files).toEqual(expect.arrayContaining(['first.html', 'second.html', 'index.html']))
    expect(files.filter((name) => name.startsWith('hostile') || name.endsWith('.tmp'))).toEqual([])
  }, 120_000)

  it('should stop it in a worker pool too, timing each article from when a worker takes it', async () => {
    for (let index = 0; index < 30; index++) {
      await writeFile(path.join(dir, 'input', `small-${index}.md`), `---\ntitle: Small ${index}\ndate: 2024-02-${String((index % 28) + 1).padStart(2, '0')}\n---\n\nArticle ${index}.\n`)
    }
    // One worker, the hostile article second: the next ones wait in the pool's
    // queue behind it for longer than the limit, yet only it is stopped.
    const result = spawnSync(process.execPath, [path.join(root, 'bin/pressroom.js'), 'build', '--no-progress', '--no-cache', '--workers', '1', '--timeout', '2', '--only', 'html'], {cwd: dir, encoding: 'utf8', timeout: 120_000})
    expect(result.status).toBe(1)
    const output = result.stdout + result.stderr
    expect(output.match(/\[article-timeout\]/g)).toHaveLength(1)
    expect(output).toMatch(/input\/hostile\.md:1:1: Stopped after 2 s/)
    expect(output).toMatch(/32 articles built \(33 rebuilt\), 1 failed/)
  }, 120_000)
})
