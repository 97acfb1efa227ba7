/**
 * `pressroom check` reads what depends on the build from what the build
 * recorded: the newsletter's measure from the configuration, which emitter
 * wrote a file from the manifest. And it shares the build's one catalog.
 */
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {build} from '../../src/build/index.js'
import {checkOutput, type CheckReport} from '../../src/check/index.js'
import {loadConfig} from '../../src/config.js'
import {diagnostics} from '../../src/diagnostics.js'
import {createEmitContext} from '../../src/emitters/context.js'
import {articleFrom, testConfig} from '../helpers/article.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-check-config-'))
  await mkdir(path.join(dir, 'input'))
  await writeFile(path.join(dir, 'input/hello.md'), '---\ntitle: Hello\ndate: 2024-05-01\n---\n\nHello **world**.\n')
  await writeFile(
    path.join(dir, 'pressroom.config.json'),
    JSON.stringify({site: {title: 'Wide', url: 'https://wide.example/'}, builtins: {pdf: false, epub: false, newsletter: {width: 80}}})
  )
})

afterEach(async () => {
  vi.restoreAllMocks()
  await rm(dir, {recursive: true, force: true})
})

function ids(report: CheckReport): string[] {
  return report.files.flatMap((file) => file.messages.map((message) => `${message.file}: ${message.ruleId}`))
}

describe('check and the build configuration', () => {
  it('should pass a build with `newsletter.width: 80`, checked against that width', async () => {
    const config = await loadConfig({root: dir})
    expect((await build({config, workers: 0})).exitCode).toBe(0)
    expect(ids(await checkOutput(config.output, {config}))).toEqual([])
    // Against the default measure (72), the edition's 80-column rules are too wide.
    expect(ids(await checkOutput(config.output))).toContain('newsletter/edition.txt: text-line-too-wide')
  })

  it('should read the configuration in `pressroom check`', async () => {
    const config = await loadConfig({root: dir})
    await build({config, workers: 0})
    const {main} = await import('../../src/cli.js')
    const cwd = process.cwd()
    vi.spyOn(console, 'log').mockImplementation(() => {})
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      process.chdir(dir)
      expect(await main(['node', 'pressroom', 'check'])).toBe(0)
    } finally {
      process.chdir(cwd)
    }
    expect(errors).not.toHaveBeenCalled()
  })

  it('should check an XML file as a feed when the manifest says the feeds emitter wrote it', async () => {
    const output = path.join(dir, 'output')
    await mkdir(output)
    const text = '<?xml version="1.0"?>\n<opml version="2.0"/>\n'
    await writeFile(path.join(output, 'list.xml'), text)
    const {createHash} = await import('node:crypto')
    const entry = (emitter: string) => ({path: 'list.xml', emitter, bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex')})
    const manifest = (emitter: string) => JSON.stringify({generator: 'Pressroom', buildDate: '', site: {}, articles: [], collections: {list: entry(emitter)}})
    await writeFile(path.join(output, 'manifest.json'), manifest('feeds'))
    expect(ids(await checkOutput(output))).toEqual(['list.xml: feed-unknown-format'])
    await writeFile(path.join(output, 'manifest.json'), manifest('opml'))
    expect(ids(await checkOutput(output))).toEqual([])
  })
})

describe('the diagnostics catalog', () => {
  it('should hold each rule id once, for the build and check alike', () => {
    const ruleIds = Object.values(diagnostics).map((diagnostic) => diagnostic.ruleId)
    expect(new Set(ruleIds).size).toBe(ruleIds.length)
    expect(diagnostics.invalidUtf8.severity).toBe('warning')
    expect(diagnostics.xmlNotWellFormed.severity).toBe('error')
    expect(diagnostics.emitterFailed.severity).toBe('error')
  })

  it('should keep the catalog\'s severity when an emitter reports', () => {
    const article = articleFrom('---\ntitle: T\ndate: 2024-01-01\n---\n\nBody.\n')
    const ctx = createEmitContext({config: testConfig(), emitters: [], articles: [article]})
    const before = article.file.messages.length
    ctx.report(diagnostics.emitterFailed, ['pdf', 'boom'], {article})
    ctx.warn(diagnostics.emitterFailed.reason('pdf', 'boom'), {ruleId: diagnostics.emitterFailed.ruleId, article})
    ctx.report(diagnostics.feedEntryFailed, ['bad'], {article})
    ctx.warn('Counted', {ruleId: 'my-emitter-note', article})
    ctx.report(diagnostics.templateSyntax, ['{{ x }}'], {article})
    expect(article.file.messages.slice(before).map((message) => [message.ruleId, message.fatal])).toEqual([
      ['emitter-failed', true],
      ['emitter-failed', true],
      ['feed-entry-failed', false],
      ['my-emitter-note', false],
      ['template-syntax', undefined]
    ])
  })
})
