/**
 * `pressroom templates list` and `eject`: copies of the built-in templates in
 * the site's `templates/`, never overwriting, and used by the build.
 */
import {mkdtemp, mkdir, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {main} from '../../src/cli.js'
import {root} from '../helpers/article.js'

let dir: string
let configFile: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-eject-'))
  configFile = path.join(dir, 'pressroom.config.json')
  await mkdir(path.join(dir, 'input'))
  await writeFile(path.join(dir, 'input/a.md'), '---\ntitle: A\ndate: 2024-01-01\n---\n\nText.\n')
  const off = {pdf: false, epub: false, feeds: false, newsletter: false, ninjs: false, sitemaps: false}
  await writeFile(configFile, JSON.stringify({site: {title: 'E', url: 'https://e.example/'}, input: path.join(dir, 'input'), output: path.join(dir, 'output'), templates: path.join(dir, 'templates'), cache: path.join(dir, 'cache'), builtins: off}))
})

afterEach(async () => {
  vi.restoreAllMocks()
  await rm(dir, {recursive: true, force: true})
})

async function run(...args: string[]): Promise<{code: number; out: string[]}> {
  const out: string[] = []
  for (const name of ['log', 'error', 'warn'] as const) vi.spyOn(console, name).mockImplementation((text: string) => void out.push(String(text)))
  const code = await main(['node', 'pressroom', ...args])
  vi.restoreAllMocks()
  return {code, out}
}

describe('pressroom templates', () => {
  it('should eject named templates, say which now override the defaults, and build with them', async () => {
    const {code, out} = await run('templates', 'eject', 'default.html.liquid', 'epub', '-c', configFile)
    expect(code).toBe(0)
    const epub = (await readdir(path.join(root, 'templates/epub'))).sort()
    expect((await readdir(path.join(dir, 'templates'))).sort()).toEqual(['default.html.liquid', 'epub'])
    expect((await readdir(path.join(dir, 'templates/epub'))).sort()).toEqual(epub)
    expect(out[0]).toMatch(/templates\/default\.html\.liquid now overrides the built-in default\.html\.liquid$/)
    expect(out.at(-1)).toMatch(new RegExp(`^${epub.length + 1} templates ejected`))
    expect(await readFile(path.join(dir, 'templates/default.html.liquid'), 'utf8')).toBe(await readFile(path.join(root, 'templates/default.html.liquid'), 'utf8'))

    const list = await run('templates', 'list', '-c', configFile)
    expect(list.out).toContainEqual(expect.stringMatching(/^default\.html\.liquid {2}\(overridden by .*templates\/default\.html\.liquid\)$/))
    expect(list.out).toContain('style.css')

    // The build uses the copy.
    const template = path.join(dir, 'templates/default.html.liquid')
    await writeFile(template, (await readFile(template, 'utf8')).replace('<meta property="og:type" content="article">', '<meta name="edited" content="ejected and edited">'))
    expect((await run('build', '-c', configFile)).code).toBe(0)
    expect(await readFile(path.join(dir, 'output/a.html'), 'utf8')).toContain('<meta name="edited" content="ejected and edited">')
  })

  it('should refuse to overwrite, naming each conflict, and copy nothing', async () => {
    await mkdir(path.join(dir, 'templates'))
    await writeFile(path.join(dir, 'templates/style.css'), 'mine')
    const {code, out} = await run('templates', 'eject', '-c', configFile)
    expect(code).toBe(2)
    expect(out.join('\n')).toMatch(/Refused to overwrite `.*templates\/style\.css`; nothing was copied/)
    expect(await readdir(path.join(dir, 'templates'))).toEqual(['style.css'])
    expect(await readFile(path.join(dir, 'templates/style.css'), 'utf8')).toBe('mine')
  })

  it('should refuse an unknown template name', async () => {
    const {code, out} = await run('templates', 'eject', 'nope.liquid', '-c', configFile)
    expect(code).toBe(2)
    expect(out.join('\n')).toContain('Unknown template `nope.liquid`')
  })
})
