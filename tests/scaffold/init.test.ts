/**
 * `pressroom init` as a publisher runs it: the built command line
 * (`bin/pressroom.js`, so `npm run compile` first) in an empty folder, then
 * `pressroom build` there.
 */
import {execFile} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {simpleParser} from 'mailparser'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {siteFiles} from '../../src/scaffold/init.js'
import {root} from '../helpers/article.js'

const bin = path.join(root, 'bin/pressroom.js')
let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-init-'))
})

afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

/** Run the command line in `cwd`: exit code and output. */
async function pressroom(cwd: string, ...args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  try {
    const {stdout, stderr} = await promisify(execFile)(process.execPath, [bin, ...args], {cwd, env: {...process.env, GITHUB_ACTIONS: ''}})
    return {code: 0, stdout, stderr}
  } catch (error) {
    const failed = error as {code: number; stdout: string; stderr: string}
    return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr}
  }
}

describe('pressroom init', () => {
  it('should write a site that builds both examples, with the flags in a typed config', async () => {
    const init = await pressroom(dir, 'init', '--title', 'The Harbor Times', '--url', 'https://t.example/', '--lang', 'en-GB', '--author', 'Ann O\'Neil "Desk"')
    expect(init.code).toBe(0)
    expect((await readdir(dir)).sort()).toEqual(['.gitignore', 'input', 'pressroom.config.ts'])
    expect((await readdir(path.join(dir, 'input'))).sort()).toEqual(['harbor-light.txt', 'welcome.md'])
    const config = await readFile(path.join(dir, 'pressroom.config.ts'), 'utf8')
    expect(config).toContain("import {defineConfig} from 'pressroom'")
    expect(config).toContain('title: "The Harbor Times",')
    expect(config).toContain('url: "https://t.example/",')
    expect(config).toContain('language: "en-GB",')
    expect(config).toContain('author: "Ann O\'Neil \\"Desk\\"",')
    expect(config).not.toMatch(/TODO: the (name|address)/)
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^\/output\/$[\s\S]*^\/\.pressroom-cache\/$/m)

    const build = await pressroom(dir, 'build')
    expect(build.stderr).not.toContain('missing-site-url')
    expect(build.code).toBe(0)
    expect(build.stdout).toMatch(/^2 articles built \(2 rebuilt\), 0 failed/m)
    const manifest = JSON.parse(await readFile(path.join(dir, 'output/manifest.json'), 'utf8')) as {articles: Array<{slug: string; source: string}>}
    expect(manifest.articles.map((article) => article.slug).sort()).toEqual(['harbor-light', 'welcome'])
    // The flags reached the outputs: the configuration was loaded.
    const page = await readFile(path.join(dir, 'output/harbor-light.html'), 'utf8')
    expect(page).toContain('https://t.example/harbor-light.html')
    expect(page).toContain('lang="en-GB"')
    expect(page).toContain('The Harbor Times')
    expect(page).toContain('Maria Holt')
    for (const file of ['harbor-light.pdf', 'welcome.pdf']) expect(existsSync(path.join(dir, 'output/pdf', file)), file).toBe(true)
    // Every output passes `pressroom check`.
    const check = await pressroom(dir, 'check')
    expect(check.stderr).toBe('')
    expect(check.code).toBe(0)

    // With the unsubscribe options of the config uncommented: no warning left, RFC 8058 headers.
    const file = path.join(dir, 'pressroom.config.ts')
    await writeFile(file, (await readFile(file, 'utf8'))
      .replace("// unsubscribeUrl: 'https://news.example.org/unsubscribe',", "unsubscribeUrl: 'https://t.example/unsubscribe',")
      .replace("// unsubscribeMailto: 'mailto:unsubscribe@news.example.org',", "unsubscribeMailto: 'mailto:unsubscribe@t.example',"))
    const strict = await pressroom(dir, 'build', '--strict')
    expect(strict.stdout).toMatch(/, 0 warnings, 0 errors in /)
    expect(strict.code).toBe(0)
    const mail = await simpleParser(await readFile(path.join(dir, 'output/newsletter/edition.eml')))
    const header = (key: string) => mail.headerLines.find((line) => line.key === key)?.line.replace(/\r?\n[ \t]+/g, ' ')
    expect(header('list-unsubscribe')).toBe('List-Unsubscribe: <https://t.example/unsubscribe>, <mailto:unsubscribe@t.example>')
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
    expect((await pressroom(dir, 'check')).code).toBe(0)
  }, 60_000)

  it('should refuse to overwrite, naming every existing file, and write nothing', async () => {
    await writeFile(path.join(dir, '.gitignore'), 'mine\n')
    const refused = await pressroom(dir, 'init', '--title', 'T')
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('`.gitignore`')
    expect(await readdir(dir)).toEqual(['.gitignore'])
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe('mine\n')

    await rm(path.join(dir, '.gitignore'))
    // Another configuration file would be read too.
    await writeFile(path.join(dir, 'pressroom.config.json'), '{}')
    const other = await pressroom(dir, 'init')
    expect(other.code).toBe(2)
    expect(other.stderr).toContain('`pressroom.config.json`')
    await rm(path.join(dir, 'pressroom.config.json'))
    expect((await pressroom(dir, 'init')).code).toBe(0)
    const again = await pressroom(dir, 'init', '--title', 'Other')
    expect(again.code).toBe(2)
    for (const name of ['pressroom.config.ts', 'input/welcome.md', 'input/harbor-light.txt', '.gitignore']) expect(again.stderr).toContain(`\`${name}\``)
    expect(await readFile(path.join(dir, 'pressroom.config.ts'), 'utf8')).not.toContain('Other')
  }, 60_000)

  it('should write marked placeholders without flags, and warn once about `site.url`', async () => {
    const init = await pressroom(dir, 'init', 'site')
    expect(init.code).toBe(0)
    const site = path.join(dir, 'site')
    const config = await readFile(path.join(site, 'pressroom.config.ts'), 'utf8')
    expect(config).toContain("title: 'My Publication', // TODO")
    expect(config).toMatch(/\/\/ TODO: the address the site is published at[\s\S]*\/\/ url: /)
    const build = await pressroom(site, 'build')
    expect(build.code).toBe(0)
    expect(build.stderr.match(/\[missing-site-url\]/g)).toHaveLength(1)
    expect(build.stderr).toContain('`https://example.com/`')
    expect((await pressroom(site, 'build', '--strict')).code).toBe(1)
  }, 60_000)

  it('should refuse a URL that is not http(s) with exit code 2', async () => {
    const refused = await pressroom(dir, 'init', '--url', 'ftp://t.example/')
    expect(refused.code).toBe(2)
    expect(await readdir(dir)).toEqual([])
    expect(() => siteFiles({lang: 'english please'})).toThrow(/--lang/)
  })

  it('should refuse a language tag the configuration would refuse, and write the canonical form of one it reads', () => {
    expect(() => siteFiles({lang: 'en-a1'})).toThrow(/--lang/)
    expect(() => siteFiles({lang: 'en-US-US'})).toThrow(/--lang/)
    expect(siteFiles({lang: 'pt_br'})['pressroom.config.ts']).toContain('language: "pt-BR",')
  })
})
