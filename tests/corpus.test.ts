/**
 * The 279 real articles of `tests/corpus/articles/` (Jekyll/Eleventy and
 * Hugo posts with real-world noise) all build, and what they need to warn
 * about is reported with a position.
 */
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build, type BuildResult} from '../src/build/index.js'
import {resolveConfig} from '../src/config.js'
import {corpus} from './helpers/article.js'

const input = path.join(corpus, 'articles')

describe('real articles corpus', () => {
  let output: string
  let result: BuildResult

  beforeAll(async () => {
    output = await mkdtemp(path.join(os.tmpdir(), 'pressroom-corpus-'))
    const config = resolveConfig(
      {site: {title: 'Corpus', url: 'https://corpus.example.gov/'}, input, output, include: ['**/*.md'], exclude: ['README.md'], drafts: true},
      process.cwd()
    )
    result = await build({config})
  }, 600_000)

  afterAll(async () => {
    await rm(output, {recursive: true, force: true})
  })

  it('should build all 279 articles', () => {
    const failures = result.files.filter((file) => file.messages.some((m) => m.fatal)).map((file) => file.messages.filter((m) => m.fatal).map(String))
    expect(failures).toEqual([])
    expect(result.articles).toHaveLength(279)
    expect(result.exitCode).toBe(0)
  })

  it('should list every article in the manifest with its outputs', async () => {
    const manifest = JSON.parse(await readFile(path.join(output, 'manifest.json'), 'utf8'))
    expect(manifest.articles).toHaveLength(279)
    for (const article of manifest.articles) {
      expect(article.outputs.html).toBe(`${article.slug}.html`)
      for (const file of article.files) expect(file.sha256).toMatch(/^[\da-f]{64}$/)
    }
  })

  it('should read the lenient front matter with warnings that name file, line and column', () => {
    const lenient = result.files.flatMap((file) => file.messages).filter((m) => m.ruleId === 'front-matter-lenient')
    expect(lenient).toHaveLength(28)
    for (const message of lenient) {
      expect(message.file).toMatch(/18f\/.+\.md$/)
      expect(message.line).toBeGreaterThan(1)
      expect(message.column).toBeGreaterThan(0)
    }
  })

  it('should give undated 18F posts the date in their file name', () => {
    const post = result.articles.find((article) => article.file.path?.endsWith('2015-07-15-openfec-api-update.md'))
    expect(post?.meta.date.startsWith('2015-07-15')).toBe(true)
  })

  it('should build the empty-body cross-posts and the CRLF files', () => {
    const empty = result.articles.filter((article) => article.file.path?.includes('2021-12-15-gsa’s'))
    expect(empty).toHaveLength(2)
    for (const article of empty) expect(article.meta.canonical).toMatch(/^https:\/\//)
    const crlf = result.articles.find((article) => article.file.path?.includes('2015-09-02-https-and-other-ranking-factors'))
    expect(crlf?.meta.title).toMatch(/HTTPS/)
  })
})
