/**
 * The real corpus (`tests/corpus/articles`, 279 posts): every article
 * that reads without errors is written as plain text that keeps the HTML
 * body's words in order (≥ 99 %), with no trailing spaces, no CR, valid
 * UTF-8 and no line wider than 72 columns except code lines and lone
 * unbreakable tokens (URLs, long words).
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {globSync} from 'tinyglobby'
import {describe, expect, it} from 'vitest'
import {createArticle} from '../../../src/readers/index.js'
import {newsletterEmitter} from '../../../src/emitters/newsletter/index.js'
import type {Article} from '../../../src/types.js'
import {corpus as corpora, testConfig} from '../../helpers/article.js'
import {contextFor, problems, wordOrder} from './helpers.js'

const corpus = path.join(corpora, 'articles')

describe('newsletter over the real corpus', () => {
  it('should keep ≥ 99 % of every article’s words in order, with clean lines', async () => {
    const files = globSync('**/*.md', {cwd: corpus, ignore: ['README.md']}).sort()
    expect(files.length).toBe(279)
    const config = testConfig()
    const articles: Article[] = []
    for (const file of files) {
      const result = createArticle({path: `input/${file}`, contents: readFileSync(path.join(corpus, file), 'utf8')}, config)
      if (result.ok) articles.push(result.article)
    }
    const emitter = newsletterEmitter()
    const ctx = contextFor(articles)
    const failures: string[] = []
    let minimum = 1
    let worst = ''
    const start = performance.now()
    const texts: string[] = []
    for (const article of articles) {
      const [file] = await emitter.article!(article, ctx)
      texts.push(String(file!.contents))
    }
    const perArticle = (performance.now() - start) / articles.length
    const checkStart = performance.now()
    articles.forEach((article, index) => {
      const text = texts[index]!
      const ratio = wordOrder(article.hast, text)
      if (ratio < minimum) {
        minimum = ratio
        worst = article.file.path
      }
      if (ratio < 0.99) failures.push(`${article.file.path}: word order ${ratio.toFixed(4)}`)
      const found = problems(text, 72, {tokens: true, code: true}).filter((problem) => !/^(HTML tag|HTML entity|Markdown syntax)/.test(problem))
      if (found.length > 0) failures.push(`${article.file.path}: ${found.slice(0, 3).join('; ')}`)
    })
    const perCheck = (performance.now() - checkStart) / articles.length
    console.log(
      `newsletter corpus: ${articles.length} articles, ${perArticle.toFixed(2)} ms per article (emit), ${perCheck.toFixed(2)} ms per article (checks), minimum word-order ratio ${minimum.toFixed(4)} (${worst})`
    )
    expect(failures).toEqual([])
  }, 300_000)
})
