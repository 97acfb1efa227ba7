import {mkdtemp, mkdir, readFile, rename, rm, utimes, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {build, merge} from '../src/build/index.js'
import {resolveConfig} from '../src/config.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-refs-'))
  await mkdir(path.join(dir, 'input/guides'), {recursive: true})
  await writeFile(path.join(dir, 'input/intro.md'), '---\ntitle: Intro\ndate: 2024-01-01\n---\n\nRead [the guide]({{< ref "guides/setup.md" >}}) and [the FAQ]({{< ref "faq" >}}).\n')
  await writeFile(path.join(dir, 'input/guides/setup.md'), '---\ntitle: Setup\nslug: setting-up\ndate: 2024-01-02\n---\n\nSteps.\n')
  await writeFile(path.join(dir, 'input/other.md'), '---\ntitle: Other\ndate: 2024-01-03\n---\n\nNo references.\n')
  // Older than the 2 s window, so the cache trusts their stat.
  const old = new Date(Date.now() - 60_000)
  for (const file of ['intro.md', 'guides/setup.md', 'other.md']) await utimes(path.join(dir, 'input', file), old, old)
})

afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

const config = (output = 'output') => resolveConfig({site: {title: 'Refs', url: 'https://refs.example/'}, output, builtins: {pdf: false, epub: false}}, dir)
const page = (slug: string, output = 'output') => readFile(path.join(dir, output, `${slug}.html`), 'utf8')
const links = (html: string) => [...(/<p>Read .*?<\/p>/.exec(html)?.[0] ?? '').matchAll(/<a href="([^"]+)">(the guide|the FAQ)<\/a>|(the guide|the FAQ)(?!<\/a>)/g)].map((match) => match[1] ?? `unlinked ${match[3]}`)

describe('cross-references across builds', () => {
  it('should rebuild a cached article whose target moved, and only it', async () => {
    const first = await build({config: config()})
    expect(first.rebuilt).toBe(3)
    expect(links(await page('intro'))).toEqual(['setting-up.html', 'unlinked the FAQ'])

    // The target gets another slug: the article naming it is not changed, but its link must follow.
    await writeFile(path.join(dir, 'input/guides/setup.md'), '---\ntitle: Setup\nslug: setup-guide\ndate: 2024-01-02\n---\n\nSteps.\n')
    const second = await build({config: config()})
    expect(second.rebuilt).toBe(2)
    expect(links(await page('intro'))).toEqual(['setup-guide.html', 'unlinked the FAQ'])

    // A target that was missing appears.
    await writeFile(path.join(dir, 'input/faq.md'), '---\ntitle: FAQ\ndate: 2024-01-04\n---\n\nAnswers.\n')
    const third = await build({config: config()})
    expect(third.rebuilt).toBe(2)
    expect(links(await page('intro'))).toEqual(['setup-guide.html', 'faq.html'])

    // Nothing moved: nothing is rebuilt.
    const fourth = await build({config: config()})
    expect(fourth.rebuilt).toBe(0)

    // The target goes away: the link goes, with a warning.
    await rename(path.join(dir, 'input/faq.md'), path.join(dir, 'input/faq.txt.bak'))
    const fifth = await build({config: config()})
    expect(fifth.rebuilt).toBe(1)
    expect(links(await page('intro'))).toEqual(['setup-guide.html', 'unlinked the FAQ'])
    expect(fifth.articles.find((article) => article.meta.slug === 'intro')?.file.messages.map((message) => message.ruleId)).toContain('broken-ref')
  })

  it('should resolve references to articles of other shards', async () => {
    await build({config: config('single')})
    for (let index = 1; index <= 3; index++) await build({config: config('sharded'), shard: {index, count: 3}})
    await merge({config: config('sharded')})
    expect(links(await page('intro', 'sharded'))).toEqual(['setting-up.html', 'unlinked the FAQ'])
    expect(await page('intro', 'sharded')).toBe(await page('intro', 'single'))
  })
})
