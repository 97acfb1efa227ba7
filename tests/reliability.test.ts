/**
 * Bad input gets a clear error, nothing is lost, nothing escapes: the
 * adversarial set (`tests/helpers/adversarial.ts`) through every emitter.
 */
import {existsSync} from 'node:fs'
import {mkdtemp, readFile, readdir, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build, type BuildResult} from '../src/build/index.js'
import {listFiles} from '../src/util/list-files.js'
import {resolveConfig} from '../src/config.js'
import {formatMessage} from '../src/diagnostics.js'
import {badInputs, failing, goodInputs, writeAdversarial} from './helpers/adversarial.js'

let dir: string
let result: BuildResult
let files: string[]

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-adversarial-'))
  await writeAdversarial(path.join(dir, 'input'))
  const config = resolveConfig({site: {title: 'Adversarial', url: 'https://adversarial.example/'}}, dir)
  result = await build({config})
  files = await listFiles(path.join(dir, 'output'))
}, 900_000)

afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

const messages = () => result.files.flatMap((file) => file.messages.map((message) => ({file: path.basename(file.path), message, line: formatMessage(message, file.path)})))

describe('adversarial input', () => {
  it('should exit 1 and name every bad file with a position', () => {
    expect(result.exitCode).toBe(1)
    expect(result.failed).toBe(failing.length)
    for (const name of failing) {
      const errors = messages().filter((entry) => entry.file === name && entry.message.fatal === true)
      expect(errors.length, name).toBeGreaterThan(0)
      for (const {line} of errors) expect(line).toMatch(new RegExp(`${name.replace('.', '\\.')}:\\d+:\\d+: .+ \\[[a-z-]+\\]$`))
    }
  })

  it('should build every good article into every format and the manifest', async () => {
    const manifest = JSON.parse(await readFile(path.join(dir, 'output/manifest.json'), 'utf8'))
    const sources = manifest.articles.map((article: {source: string}) => path.basename(article.source)).sort()
    expect(sources).toEqual([...Object.keys(goodInputs), 'dup-a.md'].sort())
    for (const article of manifest.articles) {
      expect(Object.keys(article.outputs).sort(), article.source).toEqual(['epub', 'html', 'newsletter', 'ninjs', 'pdf'])
      for (const output of Object.values(article.outputs) as string[]) expect(files, output).toContain(output)
    }
    for (const collection of ['index.html', 'feeds/rss.xml', 'feeds/atom.xml', 'feeds/feed.json', 'epub/edition.epub', 'newsletter/edition.txt', 'newsletter/edition.eml', 'ninjs/index.json', 'sitemap.xml', 'news-sitemap.xml', 'robots.txt']) {
      expect(files).toContain(collection)
    }
    void badInputs
  })

  it('should leave no temporary file and write nothing outside the output folder', async () => {
    expect(files.some((file) => file.endsWith('.tmp'))).toBe(false)
    expect((await readdir(dir)).sort()).toEqual(['.pressroom-cache', 'input', 'output'])
    expect(existsSync(path.join(dir, 'etc'))).toBe(false)
    expect(existsSync('/tmp/evil.html')).toBe(false)
    const slugs = JSON.parse(await readFile(path.join(dir, 'output/manifest.json'), 'utf8')).articles.map((a: {slug: string}) => a.slug)
    expect(slugs).toContain('etc-passwd')
    expect(slugs).toContain('tmp-evil')
  })

  it('should let no script or unsafe URL through to HTML, EPUB text or feeds', async () => {
    for (const file of files.filter((name) => /\.(html|xml|json|txt|eml)$/.test(name))) {
      const text = await readFile(path.join(dir, 'output', file), 'utf8')
      const scripts = text.match(/<script\b[^>]*>/gi) ?? []
      expect(scripts.filter((tag) => !tag.includes('application/ld+json')), file).toEqual([])
      expect(text, file).not.toMatch(/\son[a-z]+\s*=\s*["']?alert/i)
      expect(text, file).not.toMatch(/(?:href|src)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i)
    }
  })

  it('should warn, with positions, about what it repaired', () => {
    const rules = new Set(messages().map((entry) => entry.message.ruleId))
    for (const rule of ['invalid-utf8', 'xml-illegal-character', 'removed-html', 'unsafe-url', 'invalid-url', 'renamed-id', 'missing-image', 'remote-image', 'unsafe-slug', 'front-matter-unknown-key', 'missing-title']) {
      expect(rules, rule).toContain(rule)
    }
    const utf8 = messages().find((entry) => entry.message.ruleId === 'invalid-utf8')
    expect(utf8?.message.reason).toMatch(/offset \d+/)
  })
})
