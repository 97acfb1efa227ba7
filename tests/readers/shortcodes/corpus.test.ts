/**
 * The real-article corpus (`tests/corpus/articles/`: 174 of its 279 posts use
 * Hugo shortcodes or Liquid tags), built: no shortcode or heading-attribute
 * braces are left in any output outside code, every `ref` whose target is in
 * the build is a working link, and the rest are warnings at file:line:column.
 * (The PDF renders the same tree as the HTML; its text is checked through it.)
 */
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {unzipSync, strFromU8} from 'fflate'
import type {Nodes as HastNodes} from 'hast'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build, type BuildResult} from '../../../src/build/index.js'
import {resolveConfig} from '../../../src/config.js'
import {corpus} from '../../helpers/article.js'

const input = path.join(corpus, 'articles')
/** Shortcode and heading-attribute markers, as the issue lists them. */
const markers = /\{\{<|\{\{%|\{%|\{#[\w:.-]+\}/

/** Text of a document outside code (`<code>`, `<pre>`), entities decoded enough to see braces. */
function outsideCode(markup: string): string {
  return markup.replace(/<(pre|code)\b[\s\S]*?<\/\1>/g, '').replace(/&#x3C;|&lt;/g, '<').replace(/&#x25;|&#37;/g, '%').replace(/&#x7B;|&#123;/g, '{')
}

describe('shortcodes in the real-article corpus', () => {
  let output: string
  let result: BuildResult

  beforeAll(async () => {
    output = await mkdtemp(path.join(os.tmpdir(), 'pressroom-shortcodes-'))
    const config = resolveConfig(
      {site: {title: 'Corpus', url: 'https://corpus.example.gov/'}, input, output, include: ['**/*.md'], exclude: ['README.md'], drafts: true, builtins: {pdf: false}},
      process.cwd()
    )
    result = await build({config, workers: 0})
  }, 600_000)

  afterAll(async () => {
    await rm(output, {recursive: true, force: true})
  })

  it('should build every article', () => {
    expect(result.articles).toHaveLength(279)
    expect(result.exitCode).toBe(0)
  })

  it('should leave no shortcode braces in the tree every format renders (PDF, newsletter) outside code', () => {
    const left: string[] = []
    const walk = (node: HastNodes, article: string) => {
      if (node.type === 'element' && (node.tagName === 'pre' || node.tagName === 'code')) return
      if (node.type === 'text' && markers.test(node.value)) left.push(`${article}: ${node.value.slice(0, 80)}`)
      if ('children' in node) for (const child of node.children) walk(child, article)
    }
    for (const article of result.articles) walk(article.hast, article.file.path ?? '')
    expect(left).toEqual([])
  })

  it('should leave no shortcode braces in any HTML page, EPUB chapter or feed outside code', async () => {
    const left: string[] = []
    for (const file of result.written) {
      const absolute = path.join(output, file.path)
      // (The plain-text newsletter, and ninjs's text/plain body written by the same writer, show code without
      // markup: their tree is checked above; ninjs's text/html body is the pages' tree.)
      if (/\.(html|xml|json)$/.test(file.path) && !file.path.startsWith('ninjs/')) {
        const text = outsideCode(await readFile(absolute, 'utf8'))
        const match = markers.exec(text)
        if (match) left.push(`${file.path}: ${text.slice(Math.max(0, match.index - 40), match.index + 40)}`)
      } else if (file.path.endsWith('.epub')) {
        for (const [name, bytes] of Object.entries(unzipSync(await readFile(absolute)))) {
          if (!name.endsWith('.xhtml')) continue
          const text = outsideCode(strFromU8(bytes))
          const match = markers.exec(text)
          if (match) left.push(`${file.path}!${name}: ${text.slice(Math.max(0, match.index - 40), match.index + 40)}`)
        }
      }
    }
    expect(left).toEqual([])
  })

  it('should link the refs whose target is in the build', async () => {
    const source = (name: string) => result.articles.find((article) => article.file.path?.endsWith(name))
    const target = source('2013-04-19-social-media-metrics-for-federal-agencies.md')
    const from = source('2014-06-30-u-s-gov-releases-new-collaborative-social-media-services.md')
    expect(target && from).toBeTruthy()
    const page = await readFile(path.join(output, `${from!.meta.slug}.html`), 'utf8')
    expect(page).toContain(`href="${target!.meta.slug}.html"`)
  })

  it('should warn about the other refs and unknown shortcodes at file:line:column', () => {
    const messages = result.files.flatMap((file) => file.messages).filter((m) => m.ruleId === 'broken-ref' || m.ruleId === 'unknown-shortcode')
    expect(messages.length).toBeGreaterThan(0)
    for (const message of messages) {
      expect(message.file).toMatch(/\.md$/)
      expect(message.line).toBeGreaterThan(1)
      expect(message.column).toBeGreaterThan(0)
    }
  })

  it('should set heading ids written as {#id}', () => {
    const ids = result.articles.flatMap((article) => article.toc.map((entry) => entry.id))
    expect(ids).toContain('what-s-the-data-act')
    expect(ids).toContain('field')
  })
})
