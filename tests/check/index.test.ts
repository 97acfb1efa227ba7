import {createHash} from 'node:crypto'
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {runCheck} from '../../src/check/command.js'
import {checkOutput, type CheckReport} from '../../src/check/index.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-check-'))
})

afterEach(async () => {
  vi.restoreAllMocks()
  await rm(dir, {recursive: true, force: true})
})

const page = '<!DOCTYPE html>\n<html lang="en"><head><title>A</title></head><body><h1>A</h1><p><a href="style.css">css</a></p></body></html>\n'

/** Write files and a manifest listing `listed` (default: all of them). */
async function folder(files: Record<string, string>, listed: string[] = Object.keys(files), manifest = true): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), {recursive: true})
    await writeFile(path.join(dir, name), text)
  }
  if (!manifest) return
  const entry = (name: string) => ({
    path: name,
    emitter: 'html',
    bytes: Buffer.byteLength(files[name] ?? ''),
    sha256: createHash('sha256').update(files[name] ?? '').digest('hex')
  })
  await writeFile(
    path.join(dir, 'manifest.json'),
    JSON.stringify({generator: 'Pressroom', buildDate: '', site: {}, articles: [{slug: 'a', files: listed.filter((n) => n === 'a.html').map(entry)}], collections: Object.fromEntries(listed.filter((n) => n !== 'a.html').map((n) => [n, entry(n)]))})
  )
}

function ids(report: CheckReport): string[] {
  return report.files.flatMap((file) => file.messages.map((message) => `${message.file}: ${message.ruleId}`))
}

describe('checkOutput', () => {
  it('should accept a folder whose files match the manifest', async () => {
    await folder({'a.html': page, 'style.css': 'p{}', '.hidden': 'x', '.tmp/x.html': 'junk'}, ['a.html', 'style.css'])
    const report = await checkOutput(dir)
    expect(ids(report)).toEqual([])
    expect(report.checked).toBe(3)
  })

  it('should report a missing manifest and still check each file', async () => {
    await folder({'a.html': page.replace(' lang="en"', ''), 'style.css': ''}, [], false)
    const report = await checkOutput(dir)
    expect(ids(report)).toEqual(['a.html: html-missing-lang', 'manifest.json: manifest-missing'])
  })

  it('should report a manifest that does not parse or has the wrong shape', async () => {
    await writeFile(path.join(dir, 'manifest.json'), '{"articles": ')
    expect(ids(await checkOutput(dir))).toEqual(['manifest.json: json-invalid'])
    await writeFile(path.join(dir, 'manifest.json'), '{"articles": {}, "collections": {"x": {"path": "../x", "bytes": 1, "sha256": "0"}}}')
    expect(ids(await checkOutput(dir))).toEqual(['manifest.json: manifest-invalid', 'manifest.json: manifest-invalid'])
  })

  it('should report missing, changed and unlisted files', async () => {
    await folder({'a.html': page, 'style.css': 'p{}', 'feeds/extra.json': '{}'}, ['a.html', 'style.css'])
    await writeFile(path.join(dir, 'style.css'), 'p{ }')
    await writeFile(path.join(dir, 'a.html'), page.replace('<h1>A</h1>', '<h1>B</h1>'))
    const manifest = path.join(dir, 'manifest.json')
    const value = JSON.parse(await (await import('node:fs/promises')).readFile(manifest, 'utf8'))
    value.collections.gone = {path: 'gone.txt', emitter: 'x', bytes: 1, sha256: 'aa'}
    await writeFile(manifest, JSON.stringify(value))
    expect(ids(await checkOutput(dir))).toEqual([
      'a.html: manifest-hash-mismatch',
      'feeds/extra.json: manifest-unlisted-file',
      'gone.txt: manifest-file-missing',
      'style.css: manifest-size-mismatch'
    ])
  })

  it('should check files by extension, custom outputs included', async () => {
    await folder({'custom/data.xml': '<a><b></a>', 'custom/notes.txt': 'a **b**\n', 'custom/x.json': '{', 'custom/image.bin': '\u0000'})
    expect(ids(await checkOutput(dir))).toEqual(['custom/data.xml: xml-not-well-formed', 'custom/notes.txt: text-markdown', 'custom/x.json: json-invalid'])
  })
})

describe('runCheck', () => {
  it('should print problems and a summary, and return 1', async () => {
    await folder({'a.html': page.replace('<h1>A</h1>', ''), 'style.css': 'p{}'})
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(await runCheck(dir)).toBe(1)
    expect(error.mock.calls.map((call) => call[0])).toEqual(['error a.html:1:1: Expected exactly one `<h1>`, found 0 [html-h1-count]'])
    expect(log.mock.calls.at(-1)?.[0]).toBe('3 files checked, 1 error, 0 warnings')
  })

  it('should print JSON, and return 0 when clean', async () => {
    await folder({'a.html': page, 'style.css': 'p{}'})
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    expect(await runCheck(dir, {json: true})).toBe(0)
    const value = JSON.parse(String(log.mock.calls[0]?.[0]))
    expect(value).toMatchObject({checked: 3, errors: 0, warnings: 0, problems: []})
  })

  it('should return 2 for a folder that does not exist', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(await runCheck(path.join(dir, 'nope'))).toBe(2)
    expect(String(error.mock.calls[0]?.[0])).toContain('Cannot find output folder')
  })
})
