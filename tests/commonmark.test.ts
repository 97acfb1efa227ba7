/**
 * Every CommonMark spec example goes through the whole pipeline and the HTML
 * emitter without throwing, and keeps its text: the words of the spec's
 * expected HTML (sanitized with the same schema) appear in our body, in order.
 */
import {fromHtml} from 'hast-util-from-html'
import {sanitize} from 'hast-util-sanitize'
import {toText} from 'hast-util-to-text'
import {describe, expect, it} from 'vitest'
import {createArticle} from '../src/readers/index.js'
import {createEmitContext} from '../src/emitters/context.js'
import {htmlEmitter} from '../src/emitters/html/index.js'
import {sanitizeSchema} from '../src/pipeline/schema.js'
import {testConfig} from './helpers/article.js'
import {commonmarkExamples} from './helpers/commonmark.js'
import {inOrderRatio, words} from './helpers/words.js'

interface Example {
  example: number
  section: string
  markdown: string
  html: string
}

const examples = commonmarkExamples() as Example[]

describe('CommonMark spec examples', () => {
  it('should have all 652 examples of the `commonmark-spec` package', () => {
    expect(examples).toHaveLength(652)
  })

  it('should build every example and keep its text', async () => {
    const config = testConfig()
    const emitter = htmlEmitter()
    const lost: string[] = []
    for (const example of examples) {
      const source = `---\ntitle: Example ${example.example}\ndate: 2024-01-01\n---\n${example.markdown}`
      const result = createArticle({path: `input/spec-${example.example}.md`, contents: source}, config)
      expect(result.ok, `example ${example.example}`).toBe(true)
      if (!result.ok) continue
      const ctx = createEmitContext({config, emitters: [emitter], articles: [result.article]})
      const files = await emitter.article!(result.article, ctx)
      expect(String(files[0]!.contents)).toContain('</html>')
      const expected = words(toText(sanitize(fromHtml(example.html, {fragment: true}), sanitizeSchema)))
      const actual = words(toText(result.article.hast))
      if (inOrderRatio(expected, actual) < 1) lost.push(`${example.example}: ${expected.join(' ')} → ${actual.join(' ')}`)
    }
    expect(lost).toEqual([])
  })
})
