/**
 * The reporters on real corpus articles full of `style` attributes: one line
 * per rule per article by default, every message with `--verbose`, one JSON
 * object per message with `--reporter json`, GitHub annotations on Actions.
 */
import {copyFile, mkdtemp, mkdir, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest'
import {main} from '../../src/cli.js'
import {corpus} from '../helpers/article.js'

const articles = [
  'digitalgov/2012-08-22-agency-digital-strategy-pages.md',
  'digitalgov/2016-08-15-celebrating-the-18th-anniversary-of-section-508-rehabilitation-act.md',
  'digitalgov/2014-08-18-how-to-choose-a-user-experience-technique.md',
  '18f/2023-06-13-The-four-operating-levels-of-18F-projects.md',
  'digitalgov/2016-04-07-how-to-merge-two-facebook-pages.md'
]

let dir: string
let configFile: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-report-'))
  await mkdir(path.join(dir, 'input'))
  for (const name of articles) await copyFile(path.join(corpus, 'articles', name), path.join(dir, 'input', path.basename(name)))
  configFile = path.join(dir, 'pressroom.config.json')
  const off = {pdf: false, epub: false, feeds: false, newsletter: false, ninjs: false, sitemaps: false}
  await writeFile(configFile, JSON.stringify({site: {title: 'R', url: 'https://r.example/'}, builtins: off, drafts: true}))
})

afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

/** Run the CLI in `dir`, collecting what it prints. */
async function run(...args: string[]): Promise<{code: number; stdout: string[]; stderr: string[]}> {
  const stdout: string[] = []
  const stderr: string[] = []
  vi.spyOn(console, 'log').mockImplementation((text: string) => void stdout.push(String(text)))
  vi.spyOn(console, 'error').mockImplementation((text: string) => void stderr.push(String(text)))
  vi.spyOn(console, 'warn').mockImplementation((text: string) => void stderr.push(String(text)))
  const code = await main(['node', 'pressroom', 'build', '-c', configFile, '-i', path.join(dir, 'input'), '-o', path.join(dir, 'output'), '--no-cache', '--workers', '0', ...args])
  vi.restoreAllMocks()
  return {code, stdout, stderr}
}

/** `severity path:line:column: reason [rule] …` → `path rule`. */
function fileAndRule(line: string): string {
  const match = /^(?:warning|error) (.+?):\d+:\d+: .*?\[([\w-]+)\]/.exec(line)
  if (!match) throw new Error(`Unexpected line: ${line}`)
  return `${match[1]} ${match[2]}`
}

describe('reporters', () => {
  it('should print at most one line per rule per article, with the count and first position', async () => {
    const {code, stdout, stderr} = await run()
    expect(code).toBe(0)
    const keys = stderr.map(fileAndRule)
    expect(new Set(keys).size).toBe(keys.length)
    // Every article has a `removed-html` line, 5 in all.
    expect(keys.filter((key) => key.endsWith(' removed-html'))).toHaveLength(articles.length)
    const agency = stderr.find((line) => line.includes('agency-digital-strategy-pages.md') && line.includes('[removed-html]'))
    expect(agency).toMatch(/^warning .+agency-digital-strategy-pages\.md:\d+:\d+: Removed a `style` attribute from raw HTML; .+\[removed-html\] \(first of \d+ alike in this file; `--verbose` lists each\)$/)
    const summary = stdout.at(-1)!
    expect(summary).toMatch(/^5 articles built \(5 rebuilt\), 0 failed, .*\d+ warnings, 0 errors \(removed-html \d+(, [\w-]+ \d+)*\) in /)
  })

  it('should list every message with `--verbose`, and errors only with `--quiet`', async () => {
    const grouped = await run()
    const verbose = await run('--verbose')
    const warnings = Number(/(\d+) warnings/.exec(verbose.stdout.at(-1)!)![1])
    expect(verbose.stderr.filter((line) => line.startsWith('warning '))).toHaveLength(warnings)
    expect(verbose.stderr.length).toBeGreaterThan(grouped.stderr.length * 3)
    const quiet = await run('--quiet')
    expect(quiet.stderr).toEqual([])
    expect(quiet.stdout.at(-1)).toBe(grouped.stdout.at(-1)!.replace(/in [\d.]+ s$/, quiet.stdout.at(-1)!.match(/in [\d.]+ s$/)![0]))
  })

  it('should print one JSON object per message with `--reporter json`', async () => {
    const {stdout, stderr} = await run('--reporter', 'json')
    expect(stdout).toHaveLength(1)
    const messages = JSON.parse(stdout[0]!) as Array<Record<string, unknown>>
    const warnings = Number(/(\d+) warnings/.exec(stderr.at(-1)!)![1])
    expect(messages).toHaveLength(warnings)
    const first = messages.find((message) => message['ruleId'] === 'removed-html')!
    expect(Object.keys(first).sort()).toEqual(['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'ruleId', 'severity', 'source'])
    expect(first).toMatchObject({severity: 'warning', line: expect.any(Number), column: expect.any(Number)})
    expect(String(first['file'])).toMatch(/\.md$/)
  })

  it('should print GitHub annotations when GITHUB_ACTIONS is true', async () => {
    vi.stubEnv('GITHUB_ACTIONS', 'true')
    const {stdout} = await run()
    const annotations = stdout.filter((line) => line.startsWith('::'))
    expect(annotations.length).toBeGreaterThan(0)
    for (const line of annotations) expect(line).toMatch(/^::warning file=[^,]+\.md,line=\d+,col=\d+,title=[\w-]+::\S/)
    const keys = annotations.map((line) => /file=([^,]+).*title=([\w-]+)/.exec(line)!.slice(1).join(' '))
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('should refuse an unknown reporter, and `--quiet` with `--verbose`, with exit code 2', async () => {
    expect((await run('--reporter', 'xml')).code).toBe(2)
    expect((await run('--quiet', '--verbose')).code).toBe(2)
  })
})
