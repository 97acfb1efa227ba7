/**
 * A command that cannot wipe a site by a typo: a missing or mistaken input
 * folder, an empty one, and output and input folders inside each other are
 * refused (exit 2) before anything is touched; pruning removes only what
 * belonged to articles that are gone.
 */
import {existsSync, readdirSync, statSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {build} from '../src/build/index.js'
import {main} from '../src/cli.js'
import {ConfigError, resolveConfig} from '../src/config.js'

let dir: string
const htmlOnly = {pdf: false, epub: false, newsletter: false, feeds: false, ninjs: false, sitemaps: false} as const

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-safety-'))
  await mkdir(path.join(dir, 'input'))
  await writeFile(path.join(dir, 'pressroom.config.json'), JSON.stringify({site: {url: 'https://t.example/'}, builtins: htmlOnly}))
  for (const name of ['one', 'two', 'three']) {
    await writeFile(path.join(dir, 'input', `${name}.md`), `---\ntitle: ${name}\ndate: 2024-01-0${name.length}\n---\nText of ${name}.\n`)
  }
})

afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

/** Every file under a folder with its size and mtime: what "nothing touched" compares. */
function snapshot(folder: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const entry of readdirSync(folder, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    const stat = statSync(full)
    out[path.relative(folder, full)] = `${stat.size}:${stat.mtimeMs}`
  }
  return out
}

/** Run the command line in the project folder; exit code and what it printed. */
async function cli(...args: string[]): Promise<{code: number; errors: string[]; logs: string[]}> {
  const errors: string[] = []
  const logs: string[] = []
  const spies = [
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line)),
    vi.spyOn(console, 'warn').mockImplementation((line: string) => void errors.push(line)),
    vi.spyOn(console, 'log').mockImplementation((line: string) => void logs.push(line)),
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  ]
  const cwd = process.cwd()
  process.chdir(dir)
  try {
    return {code: await main(['node', 'pressroom', ...args]), errors, logs}
  } finally {
    process.chdir(cwd)
    for (const spy of spies) spy.mockRestore()
  }
}

describe('input and output safety', () => {
  it('should refuse a missing input folder with exit 2, naming it and the current folder, and touch nothing', async () => {
    expect((await cli('build', '--workers', '0')).code).toBe(0)
    const before = snapshot(path.join(dir, 'output'))
    expect(Object.keys(before)).toContain('one.html')
    const {code, errors} = await cli('build', '--input', 'inptu', '--workers', '0')
    expect(code).toBe(2)
    expect(errors.join('\n')).toMatch(/Cannot find input folder `inptu` \(from `.*pressroom-safety-[^`]+`\)/)
    expect(snapshot(path.join(dir, 'output'))).toEqual(before)
  })

  it('should refuse an input path that is a file', async () => {
    const {code, errors} = await cli('build', '--input', 'input/one.md')
    expect(code).toBe(2)
    expect(errors.join('\n')).toMatch(/Expected input `input\/one.md` to be a folder/)
    expect(existsSync(path.join(dir, 'output'))).toBe(false)
  })

  it('should refuse an output folder equal to, inside or around the input folder', async () => {
    for (const [input, output] of [['input', 'input'], ['.', 'out'], ['input', '.'], ['input', 'input/site']]) {
      const {code, errors} = await cli('build', '--input', input!, '--output', output!)
      expect(code, `${input} → ${output}`).toBe(2)
      expect(errors.join('\n')).toMatch(/Expected the output folder .* and the input folder .* apart/)
    }
    expect(existsSync(path.join(dir, 'out'))).toBe(false)
    expect(existsSync(path.join(dir, 'input/site'))).toBe(false)
  })

  it('should refuse an empty input folder over a site that had articles, unless asked', async () => {
    expect((await cli('build', '--workers', '0')).code).toBe(0)
    const before = snapshot(path.join(dir, 'output'))
    for (const name of ['one', 'two', 'three']) await rm(path.join(dir, 'input', `${name}.md`))
    const refused = await cli('build', '--workers', '0')
    expect(refused.code).toBe(2)
    expect(refused.errors.join('\n')).toMatch(/found none; the last build in `output` has 3: nothing was removed. Pass `--allow-empty`/)
    expect(snapshot(path.join(dir, 'output'))).toEqual(before)
    const allowed = await cli('build', '--workers', '0', '--allow-empty')
    expect(allowed.code).toBe(0)
    expect(allowed.logs.at(-1)).toMatch(/\(3 old files removed\)/)
    expect(existsSync(path.join(dir, 'output/one.html'))).toBe(false)
  })

  it('should not publish what a symbolic link out of the input folder points to, and say so', async () => {
    const secret = 'SECRET-TOKEN-4711'
    await writeFile(path.join(dir, 'secret.md'), `---\ntitle: Leak\ndate: 2024-02-02\n---\n${secret}\n`)
    await writeFile(path.join(dir, 'secret.png'), secret)
    await mkdir(path.join(dir, 'elsewhere'))
    await writeFile(path.join(dir, 'elsewhere', 'far.md'), `---\ntitle: Far\ndate: 2024-02-03\n---\n${secret}\n`)
    await symlink(path.join(dir, 'secret.md'), path.join(dir, 'input', 'leak.md'))
    await symlink(path.join(dir, 'elsewhere'), path.join(dir, 'input', 'linked-folder'))
    await symlink(path.join(dir, 'secret.png'), path.join(dir, 'input', 'pic.png'))
    // A link that stays inside is followed.
    await mkdir(path.join(dir, 'input', 'sources'))
    await writeFile(path.join(dir, 'input', 'sources', 'kept.source'), '---\ntitle: Kept\ndate: 2024-02-04\n---\nKept text.\n')
    await symlink(path.join(dir, 'input', 'sources', 'kept.source'), path.join(dir, 'input', 'kept.md'))
    await writeFile(path.join(dir, 'input', 'one.md'), '---\ntitle: one\ndate: 2024-01-03\n---\nText of one. ![Map](pic.png)\n')
    const {code, errors} = await cli('build', '--workers', '0')
    expect(code).toBe(1)
    expect(errors.filter((line) => /input-outside/.test(line))).toEqual([
      expect.stringMatching(/input\/leak\.md.*symbolic link that leads out of the input folder/),
      expect.stringMatching(/input\/linked-folder\/far\.md.*symbolic link that leads out of the input folder/)
    ])
    expect(existsSync(path.join(dir, 'output/kept.html'))).toBe(true)
    expect(existsSync(path.join(dir, 'output/one.html'))).toBe(true)
    for (const entry of readdirSync(path.join(dir, 'output'), {recursive: true, withFileTypes: true})) {
      if (entry.isFile()) expect(await readFile(path.join(entry.parentPath, entry.name), 'utf8'), entry.name).not.toContain(secret)
    }
  })

  it('should throw a ConfigError from the API too, before writing anything', async () => {
    const config = resolveConfig({input: 'missing', output: 'out'}, dir)
    await expect(build({config})).rejects.toBeInstanceOf(ConfigError)
    expect(existsSync(path.join(dir, 'out'))).toBe(false)
  })
})

describe('pruning', () => {
  it('should remove only the files of articles that are gone, and say how many', async () => {
    expect((await cli('build', '--workers', '0')).code).toBe(0)
    await rm(path.join(dir, 'input/two.md'))
    // An article that fails now keeps its last good page.
    await writeFile(path.join(dir, 'input/three.md'), '---\ntitle: [broken\n---\nText.\n')
    const {code, logs} = await cli('build', '--workers', '0')
    expect(code).toBe(1)
    expect(logs.at(-1)).toMatch(/\(1 old file removed\)/)
    expect(existsSync(path.join(dir, 'output/two.html'))).toBe(false)
    expect(existsSync(path.join(dir, 'output/three.html'))).toBe(true)
    expect(existsSync(path.join(dir, 'output/one.html'))).toBe(true)
  })
})
