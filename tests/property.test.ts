/**
 * Property tests (fast-check): random Markdown — structure, raw HTML,
 * hostile URLs and any Unicode — through the pipeline and every emitter.
 * XML outputs are always well-formed, HTML never carries script or event
 * handlers, newsletter lines respect the width rule, nothing throws.
 */
import fc from 'fast-check'
import {strFromU8, unzipSync} from 'fflate'
import {SaxesParser} from 'saxes'
import stringWidth from 'string-width'
import {describe, expect, it} from 'vitest'
import {createArticle} from '../src/readers/index.js'
import {createEmitContext} from '../src/emitters/context.js'
import {resolveEmitters} from '../src/emitters/index.js'
import {createTemplates} from '../src/emitters/templates.js'
import type {Article, OutputFile} from '../src/types.js'
import {testConfig} from './helpers/article.js'

const config = testConfig()
const templates = createTemplates(config)

const text = fc.oneof(
  fc.string({unit: 'grapheme', maxLength: 40}),
  fc.string({unit: 'binary', maxLength: 40}),
  fc.constantFrom('هەولێر (Erbil)', '日本語のテキスト', '👩‍👩‍👧‍👦 🇮🇶', 'e\u0301', ']]>', '&amp; &#0; &lt;', '\u0000\u0007\uFFFE', 'x'.repeat(300))
)
const url = fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', ' JaVaScRiPt:x', 'data:text/html,x', 'vbscript:y', '/relative/path', '../up', '#frag', 'https://../', 'mailto:a@b.c'))
const block = fc.oneof(
  text.map((t) => t.replace(/\n/g, ' ')),
  fc.tuple(fc.integer({min: 1, max: 6}), text).map(([depth, t]) => `${'#'.repeat(depth)} ${t}`),
  fc.array(text, {minLength: 1, maxLength: 4}).map((items) => items.map((item, index) => `${'  '.repeat(index)}- ${item}`).join('\n')),
  text.map((t) => `> ${t}`),
  text.map((t) => '```\n' + t + '\n```'),
  fc.tuple(text, url).map(([t, u]) => `[${t}](${u})`),
  fc.tuple(text, url).map(([t, u]) => `![${t}](${u})`),
  fc.tuple(text, text).map(([a, b]) => `| ${a} | ${b} |\n|---|---|\n| ${b} | ${a} |`),
  fc.tuple(text, url).map(([t, u]) => `<p onclick="alert(1)"><a href="${u}">${t}</a><script>alert(1)</script></p>`),
  fc.constantFrom('<iframe src="x"></iframe>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', 'Text[^1]\n\n[^1]: Note', '<section><p>no heading</p></section>', '<table><tr></tr><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>')
)
const markdown = fc.tuple(text, fc.array(block, {maxLength: 8})).map(([title, blocks]) => `---\ntitle: ${JSON.stringify(title || 'Untitled')}\ndate: 2024-01-01\n---\n\n${blocks.join('\n\n')}\n`)

function wellFormed(xml: string): void {
  const parser = new SaxesParser({xmlns: false})
  let error: Error | undefined
  parser.on('error', (e) => {
    error ??= e
  })
  parser.write(xml).close()
  if (error) throw error
}

function checkXmlOutputs(files: OutputFile[]): void {
  for (const file of files) {
    if (file.path.endsWith('.xml')) wellFormed(String(file.contents))
    if (file.path.endsWith('.epub')) {
      const zip = unzipSync(file.contents as Uint8Array)
      for (const [name, bytes] of Object.entries(zip)) if (/\.(xhtml|opf|xml|ncx|svg)$/.test(name)) wellFormed(strFromU8(bytes))
    }
    if (file.path.endsWith('.json')) JSON.parse(String(file.contents))
  }
}

function checkHtml(files: OutputFile[]): void {
  for (const file of files.filter((f) => f.path.endsWith('.html'))) {
    const html = String(file.contents)
    const scripts = (html.match(/<script\b[^>]*>/gi) ?? []).filter((tag) => !tag.includes('application/ld+json'))
    expect(scripts).toEqual([])
    expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i)
    expect(html).not.toMatch(/(?:href|src)="\s*(?:javascript|vbscript|data):/i)
  }
}

function checkText(files: OutputFile[]): void {
  for (const file of files.filter((f) => f.path.endsWith('.txt'))) {
    for (const line of String(file.contents).split('\n')) {
      expect(line).not.toMatch(/[ \t]$/)
      // A line may be wider only when it is one unbreakable token (a URL or a long word), maybe indented or
      // prefixed, by several markers too (`*   * ` where an empty item starts with a nested list, as pandoc writes it).
      if (stringWidth(line) > 72) expect(line.trim().replace(/^(?:(?:[>*-]|\d+\.|\[\d+\])\s+)+/, '').trim(), line).not.toMatch(/\s/)
    }
  }
}

async function emitAll(article: Article, names: readonly string[]): Promise<OutputFile[]> {
  const emitters = resolveEmitters(config, names)
  const ctx = createEmitContext({config, emitters, articles: [article], templates})
  const files: OutputFile[] = []
  for (const emitter of emitters) {
    files.push(...((await emitter.article?.(article, ctx)) ?? []))
    files.push(...((await emitter.collection?.([article], ctx)) ?? []))
  }
  return files
}

describe('random Markdown through every emitter', () => {
  it('should keep HTML safe, XML well-formed and text within the width', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (source) => {
        const result = createArticle({path: 'input/random.md', contents: source}, config)
        if (!result.ok) return
        const files = await emitAll(result.article, ['html', 'epub', 'feeds', 'newsletter'])
        checkXmlOutputs(files)
        checkHtml(files)
        checkText(files)
      }),
      {numRuns: 150}
    )
  }, 300_000)

  it('should write a PDF for any article', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (source) => {
        const result = createArticle({path: 'input/random.md', contents: source}, config)
        if (!result.ok) return
        const [pdf] = await emitAll(result.article, ['pdf'])
        const bytes = pdf!.contents as Uint8Array
        expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
        expect(Buffer.from(bytes.subarray(-6)).toString('latin1')).toContain('%%EOF')
      }),
      {numRuns: 20}
    )
  }, 300_000)
})
