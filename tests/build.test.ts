import {existsSync} from 'node:fs'
import {mkdtemp, mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {build} from '../src/build/index.js'
import {listFiles} from '../src/util/list-files.js'
import {main} from '../src/cli.js'
import {resolveConfig, type UserConfig} from '../src/config.js'
import {formatMessage} from '../src/diagnostics.js'
import {safeOutputPath} from '../src/build/outputs.js'
import type {Emitter} from '../src/types.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-build-'))
  await mkdir(path.join(dir, 'input'))
})

afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

const htmlOnly: NonNullable<UserConfig['builtins']> = {pdf: false, epub: false, feeds: false, newsletter: false, ninjs: false, sitemaps: false}

function configFor(extra: UserConfig = {}) {
  return resolveConfig({site: {title: 'T', url: 'https://t.example/'}, builtins: htmlOnly, ...extra}, dir)
}

async function article(name: string, text: string) {
  await writeFile(path.join(dir, 'input', name), text)
}

describe('build', () => {
  it('should build the good articles when one is bad, and name the bad one with its position', async () => {
    await article('good.md', '---\ntitle: Good\ndate: 2024-01-01\n---\n\nFine.\n')
    await article('bad.md', '---\ntitle: [not, a, string]\ndate: 2024-01-02\n---\n\nBroken.\n')
    await article('empty.md', '')
    const result = await build({config: configFor()})
    expect(result.exitCode).toBe(1)
    expect(result.failed).toBe(2)
    expect(result.articles.map((a) => a.meta.slug)).toEqual(['good'])
    const lines = result.files.flatMap((file) => file.messages.map((m) => formatMessage(m, file.path)))
    expect(lines).toContain('input/bad.md:2:8: title: expected a string [front-matter]'.replace('input/', path.relative(process.cwd(), path.join(dir, 'input')) + '/'))
    expect(lines.some((line) => line.endsWith('empty.md:1:1: Unexpected empty file, write an article or remove the file [empty-file]'))).toBe(true)
    const files = await listFiles(path.join(dir, 'output'))
    expect(files).toEqual(['favicon.svg', 'good.html', 'index.html', 'manifest.json', 'style.css'])
    const manifest = JSON.parse(await readFile(path.join(dir, 'output/manifest.json'), 'utf8'))
    expect(manifest.articles.map((a: {slug: string}) => a.slug)).toEqual(['good'])
  })

  it('should fail an article whose emitter throws, and still build the rest and the collections', async () => {
    await article('a.md', '---\ntitle: A\ndate: 2024-01-01\n---\nA.\n')
    await article('b.md', '---\ntitle: B\ndate: 2024-01-02\n---\nB.\n')
    const flaky: Emitter = {
      name: 'flaky',
      article(a) {
        if (a.meta.slug === 'b') throw new Error('boom')
        return [{path: `flaky/${a.meta.slug}.txt`, contents: 'ok'}]
      }
    }
    const result = await build({config: configFor({emitters: [flaky]})})
    expect(result.exitCode).toBe(1)
    expect(result.articles.map((a) => a.meta.slug)).toEqual(['a'])
    const message = result.files.flatMap((file) => file.messages).find((m) => m.ruleId === 'emitter-failed')
    expect(message?.reason).toBe('Emitter `flaky` failed: boom')
    expect(message?.file).toMatch(/b\.md$/)
    const files = await listFiles(path.join(dir, 'output'))
    expect(files).toContain('a.html')
    expect(files).not.toContain('b.html')
    expect(await readFile(path.join(dir, 'output/index.html'), 'utf8')).not.toContain('b.html')
  })

  it('should refuse output paths that leave the output folder', async () => {
    await article('a.md', '---\ntitle: A\ndate: 2024-01-01\n---\nA.\n')
    const evil: Emitter = {name: 'evil', article: () => [{path: '../escaped.txt', contents: 'x'}]}
    const result = await build({config: configFor({emitters: [evil]})})
    expect(result.exitCode).toBe(1)
    expect(existsSync(path.join(dir, 'escaped.txt'))).toBe(false)
    expect(result.files.flatMap((f) => f.messages).some((m) => m.ruleId === 'unsafe-output-path')).toBe(true)
  })

  it('should only accept safe relative output paths', () => {
    const out = path.join(dir, 'output')
    for (const bad of ['../x', '/etc/passwd', 'a/../../x', 'a\0b', '', 'a//b', './a', 'C:\\x', 'a\\..\\b']) {
      expect(safeOutputPath(out, bad), bad).toBeUndefined()
    }
    expect(safeOutputPath(out, 'pdf/a.pdf')).toBe(path.join(out, 'pdf', 'a.pdf'))
  })

  it('should fail a duplicate slug, naming both files', async () => {
    await article('one.md', '---\ntitle: One\ndate: 2024-01-01\nslug: same\n---\nA.\n')
    await article('two.md', '---\ntitle: Two\ndate: 2024-01-02\nslug: same\n---\nB.\n')
    const result = await build({config: configFor()})
    expect(result.exitCode).toBe(1)
    const message = result.files.flatMap((f) => f.messages).find((m) => m.ruleId === 'duplicate-slug')
    expect(message?.file).toMatch(/two\.md$/)
    expect(message?.reason).toMatch(/also used by `.*one\.md`/)
    expect(result.articles.map((a) => a.meta.title)).toEqual(['One'])
  })

  it('should leave no temporary files and remove outputs of deleted inputs', async () => {
    await article('a.md', '---\ntitle: A\ndate: 2024-01-01\n---\nA.\n')
    await article('b.md', '---\ntitle: B\ndate: 2024-01-02\n---\nB.\n')
    await build({config: configFor()})
    await rm(path.join(dir, 'input/b.md'))
    await build({config: configFor()})
    const files = await listFiles(path.join(dir, 'output'))
    expect(files).toEqual(['a.html', 'favicon.svg', 'index.html', 'manifest.json', 'style.css'])
    expect(files.some((file) => file.endsWith('.tmp'))).toBe(false)
  })

  it('should turn warnings into failure with strict', async () => {
    await article('a.md', '---\ntitle: A\ndate: 2024-01-01\ncolour: red\n---\nA.\n')
    expect((await build({config: configFor()})).exitCode).toBe(0)
    expect((await build({config: configFor(), strict: true})).exitCode).toBe(1)
  })

  it('should skip drafts unless asked', async () => {
    await article('a.md', '---\ntitle: A\ndate: 2024-01-01\ndraft: true\n---\nA.\n')
    expect((await build({config: configFor()})).articles).toHaveLength(0)
    expect((await build({config: configFor({drafts: true})})).articles).toHaveLength(1)
  })

  it('should give the same bytes twice', async () => {
    await article('a.md', '---\ntitle: A\ndate: 2024-01-01\n---\nA.\n')
    const first = await build({config: configFor()})
    const second = await build({config: configFor()})
    expect(second.written).toEqual(first.written)
  })
})

describe('cli', () => {
  it('should exit 0, 1 and 2 as documented and print file:line:column messages', async () => {
    await article('good.md', '---\ntitle: Good\ndate: 2024-01-01\n---\nFine.\n')
    await writeFile(path.join(dir, 'pressroom.config.json'), JSON.stringify({site: {url: 'https://t.example/'}, builtins: htmlOnly}))
    const cwd = process.cwd()
    const errors: string[] = []
    const logs: string[] = []
    const spies = [
      vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line)),
      vi.spyOn(console, 'warn').mockImplementation((line: string) => void errors.push(line)),
      vi.spyOn(console, 'log').mockImplementation((line: string) => void logs.push(line))
    ]
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    process.chdir(dir)
    try {
      expect(await main(['node', 'pressroom', 'build'])).toBe(0)
      expect(logs.at(-1)).toMatch(/^1 article built \(1 rebuilt\), 0 failed, \d+ files, 0 warnings, 0 errors in [\d.]+ s$/)
      await article('bad.md', '---\ntitle: 1\n---\n')
      expect(await main(['node', 'pressroom', 'build'])).toBe(1)
      expect(errors).toContain('error input/bad.md:2:8: title: expected a string [front-matter]')
      expect(await main(['node', 'pressroom', 'build', '--only', 'docx'])).toBe(2)
      expect(await main(['node', 'pressroom', 'build', '--bogus'])).toBe(2)
      await writeFile(path.join(dir, 'pressroom.config.json'), '{"site": {"url": 3}}')
      expect(await main(['node', 'pressroom', 'build'])).toBe(2)
    } finally {
      process.chdir(cwd)
      for (const spy of spies) spy.mockRestore()
      stderr.mockRestore()
    }
  })

  it('should print its version and exit 0', async () => {
    const out: string[] = []
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk))
      return true
    })
    try {
      expect(await main(['node', 'pressroom', '--version'])).toBe(0)
    } finally {
      stdout.mockRestore()
    }
    const {version} = JSON.parse(await readFile(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')) as {version: string}
    expect(out.join('')).toBe(`${version}\n`)
  })
})
