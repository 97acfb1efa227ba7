import {existsSync} from 'node:fs'
import {mkdtemp, mkdir, readFile, rm, stat, utimes, writeFile, cp} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {build, merge} from '../src/build/index.js'
import {listFiles} from '../src/util/list-files.js'
import {resolveConfig, type UserConfig} from '../src/config.js'
import {watch} from '../src/build/watch.js'

let dir: string
const htmlAndFeeds: NonNullable<UserConfig['builtins']> = {pdf: false, epub: false}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-incremental-'))
  await mkdir(path.join(dir, 'input'))
  for (let i = 1; i <= 6; i++) {
    await writeFile(path.join(dir, 'input', `a${i}.md`), `---\ntitle: Article ${i}\ndate: 2024-01-0${i}\ntags: [t${i % 2}]\n---\n\nBody of article ${i}.\n`)
  }
})

afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

function configFor(extra: UserConfig = {}) {
  return resolveConfig({site: {title: 'Inc', url: 'https://inc.example/'}, builtins: htmlAndFeeds, ...extra}, dir)
}

async function snapshot(output: string): Promise<Record<string, string>> {
  const files = await listFiles(output)
  return Object.fromEntries(await Promise.all(files.map(async (file) => [file, (await readFile(path.join(output, file))).toString('base64')])))
}

describe('incremental builds', () => {
  it('should rebuild nothing when nothing changed', async () => {
    // Sources last changed a minute ago, so their stat can be trusted (see the next tests).
    const old = new Date(Date.now() - 60_000)
    for (let i = 1; i <= 6; i++) await utimes(path.join(dir, 'input', `a${i}.md`), old, old)
    const first = await build({config: configFor()})
    expect(first.rebuilt).toBe(6)
    // From TypeScript sources the articles are built in this thread.
    expect(first.builtInProcess).toBe(true)
    const before = await snapshot(path.join(dir, 'output'))
    const written = async () => [(await stat(path.join(dir, 'output/manifest.json'))).mtimeMs, (await stat(path.join(dir, '.pressroom-cache/index.json'))).mtimeMs]
    const times = await written()
    const second = await build({config: configFor()})
    expect(second.rebuilt).toBe(0)
    // Nothing built: the article pipeline did not run in this thread.
    expect(second.builtInProcess).toBe(false)
    expect(second.articles).toHaveLength(6)
    expect(second.manifest.articles).toHaveLength(6)
    expect(await snapshot(path.join(dir, 'output'))).toEqual(before)
    // Nothing is written, not even the manifest and the cache index.
    expect(await written()).toEqual(times)
  })

  it('should rebuild only the changed article, and the collections', async () => {
    await build({config: configFor()})
    await writeFile(path.join(dir, 'input/a3.md'), '---\ntitle: Article 3, corrected\ndate: 2024-01-03\n---\n\nNew body.\n')
    const result = await build({config: configFor()})
    expect(result.rebuilt).toBe(1)
    expect(await readFile(path.join(dir, 'output/index.html'), 'utf8')).toContain('Article 3, corrected')
    expect(await readFile(path.join(dir, 'output/a3.html'), 'utf8')).toContain('New body.')
  })

  it('should keep only the trees the cache index refers to', async () => {
    const trees = async () => (await listFiles(path.join(dir, '.pressroom-cache/trees'))).sort()
    const first = await build({config: configFor()})
    const before = await trees()
    expect(before).toHaveLength(6)
    // An edit, a deleted input, a temporary file a crash left.
    await writeFile(path.join(dir, 'input/a3.md'), '---\ntitle: Article 3\ndate: 2024-01-03\n---\n\nEdited.\n')
    await rm(path.join(dir, 'input/a6.md'))
    await writeFile(path.join(dir, '.pressroom-cache/trees', `${before[0]!}.123.x.tmp`), '{')
    const second = await build({config: configFor()})
    expect(second.rebuilt).toBe(1)
    const after = await trees()
    expect(after).toHaveLength(5)
    const keys = (articles: typeof first.articles) => articles.map((article) => `${article.key!.slice(0, 2)}/${article.key!}.json`).sort()
    expect(after).toEqual(keys(second.articles))
    expect(keys(first.articles).filter((name) => !after.includes(name))).toHaveLength(2)
    // The next build's collections still read every article's trees.
    await writeFile(path.join(dir, 'input/a1.md'), '---\ntitle: Article 1\ndate: 2024-01-01\n---\n\nFirst, edited.\n')
    expect((await build({config: configFor()})).rebuilt).toBe(1)
    const rss = await readFile(path.join(dir, 'output/feeds/rss.xml'), 'utf8')
    for (const text of ['First, edited.', 'Body of article 2.', 'Edited.', 'Body of article 5.']) expect(rss).toContain(text)
    expect(await trees()).toHaveLength(5)
  })

  it('should rebuild everything when a template changes', async () => {
    await build({config: configFor()})
    await mkdir(path.join(dir, 'templates'))
    await writeFile(path.join(dir, 'templates/style.css'), 'body { color: black; }\n')
    const result = await build({config: configFor()})
    expect(result.rebuilt).toBe(6)
    expect(await readFile(path.join(dir, 'output/style.css'), 'utf8')).toBe('body { color: black; }\n')
  })

  it('should rebuild an article whose output was deleted, and remove outputs of deleted inputs', async () => {
    await build({config: configFor()})
    await rm(path.join(dir, 'output/a2.html'))
    await rm(path.join(dir, 'input/a5.md'))
    const result = await build({config: configFor()})
    expect(result.rebuilt).toBe(1)
    expect(existsSync(path.join(dir, 'output/a2.html'))).toBe(true)
    expect(existsSync(path.join(dir, 'output/a5.html'))).toBe(false)
    expect(result.articles).toHaveLength(5)
  })

  it('should not write the manifest again when sources were only touched', async () => {
    await build({config: configFor()})
    const manifest = (await stat(path.join(dir, 'output/manifest.json'))).mtimeMs
    const later = new Date(Date.now() + 5_000)
    await utimes(path.join(dir, 'input/a1.md'), later, later)
    expect((await build({config: configFor()})).rebuilt).toBe(0)
    expect((await stat(path.join(dir, 'output/manifest.json'))).mtimeMs).toBe(manifest)
  })

  it('should trust an unchanged size and mtime, and notice an edit of the same size', async () => {
    // Sources last changed a minute ago, so their stat can be trusted.
    const old = new Date(Date.now() - 60_000)
    for (let i = 1; i <= 6; i++) await utimes(path.join(dir, 'input', `a${i}.md`), old, old)
    expect((await build({config: configFor()})).rebuilt).toBe(6)
    // The same size and mtime: not read again (as git, an edit that keeps both is not seen).
    const file = path.join(dir, 'input/a2.md')
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('Body of article 2.', 'Body of article X.'))
    await utimes(file, old, old)
    expect((await build({config: configFor()})).rebuilt).toBe(0)
    // An ordinary edit of the same size changes the mtime: rebuilt.
    await writeFile(file, text.replace('Body of article 2.', 'Body of article Y.'))
    expect((await build({config: configFor()})).rebuilt).toBe(1)
    expect(await readFile(path.join(dir, 'output/a2.html'), 'utf8')).toContain('Body of article Y.')
  })

  it('should rebuild everything with cache: false', async () => {
    await build({config: configFor()})
    expect((await build({config: configFor(), cache: false})).rebuilt).toBe(6)
  })

  describe('collections', () => {
    // The latest 2 articles are in the feeds and editions.
    const small = () => configFor({builtins: {pdf: false, epub: {editionSize: 2}, feeds: {limit: 2}, newsletter: {limit: 2}}})
    const collectionFiles = ['index.html', 'feeds/rss.xml', 'feeds/atom.xml', 'feeds/feed.json', 'epub/edition.epub', 'newsletter/edition.txt', 'newsletter/edition.eml']
    const times = async () => Object.fromEntries(await Promise.all(collectionFiles.map(async (file) => [file, (await stat(path.join(dir, 'output', file))).mtimeMs])))
    // With a description, the index lists that, not the start of the body.
    const write = (n: number, body: string) =>
      writeFile(path.join(dir, `input/a${n}.md`), `---\ntitle: Article ${n}\ndate: 2024-01-0${n}\ndescription: Summary ${n}.\n---\n\n${body}\n`)

    it('should keep the collections an edit of an old article leaves alone, and give the bytes of a full build', async () => {
      await write(1, 'Body of article 1.')
      await build({config: small()})
      const before = await times()
      // Article 1 is the oldest: only its own page, book and newsletter change.
      await write(1, 'Body of article 1, corrected.')
      const result = await build({config: small()})
      expect(result.rebuilt).toBe(1)
      expect(await readFile(path.join(dir, 'output/a1.html'), 'utf8')).toContain('corrected')
      expect(await times()).toEqual(before)
      const incremental = await snapshot(path.join(dir, 'output'))
      await build({config: small(), cache: false})
      expect(await snapshot(path.join(dir, 'output'))).toEqual(incremental)
    })

    it('should write again the collections an edit of the newest article is in, with the bytes of a full build', async () => {
      await write(6, 'Body of article 6.')
      await build({config: small()})
      const before = await times()
      await write(6, 'Body of article 6, corrected.')
      await build({config: small()})
      const after = await times()
      // Feeds, edition and newsletter hold its body; the index only its summary, which is the same.
      for (const file of collectionFiles.filter((file) => file !== 'index.html')) expect(after[file], file).not.toBe(before[file])
      expect(after['index.html']).toBe(before['index.html'])
      expect(await readFile(path.join(dir, 'output/feeds/feed.json'), 'utf8')).toContain('corrected')
      const incremental = await snapshot(path.join(dir, 'output'))
      await build({config: small(), cache: false})
      expect(await snapshot(path.join(dir, 'output'))).toEqual(incremental)
    })

    it('should report what a collection warns about in every build, a no-op one too', async () => {
      await writeFile(path.join(dir, 'input/a2.md'), '---\ntitle: Article 2\ndate: 2024-01-02\ntags: ["!!!"]\n---\n\nBody.\n')
      const config = () => configFor({builtins: {pdf: false, epub: false, feeds: {perTag: true}, newsletter: {unsubscribeUrl: 'https://inc.example/unsubscribe'}}})
      for (const expected of [6, 0]) {
        const result = await build({config: config()})
        expect(result.rebuilt).toBe(expected)
        const messages = result.files.flatMap((file) => file.messages.map((message) => `${file.path}: ${message.ruleId}`))
        expect(messages).toEqual([`${path.join(path.relative(process.cwd(), dir), 'input/a2.md')}: empty-tag-slug`])
      }
    })
  })
})

describe('shards', () => {
  it('should give the same outputs from 3 shards merged as from one build', async () => {
    const whole = configFor({output: 'whole', cache: '.cache-whole'})
    await build({config: whole})
    const sharded = configFor({output: 'sharded', cache: '.cache-sharded'})
    const counts = []
    for (let index = 1; index <= 3; index++) {
      // Each shard could run on another machine with its own cache: simulate it.
      const shard = configFor({output: `shard-${index}`, cache: `.cache-shard-${index}`})
      const result = await build({config: shard, shard: {index, count: 3}})
      counts.push(result.articles.length)
      await cp(path.join(dir, `shard-${index}`), path.join(dir, 'sharded'), {recursive: true})
    }
    expect(counts.reduce((a, b) => a + b, 0)).toBe(6)
    expect(counts.filter((count) => count > 0).length).toBeGreaterThan(1)
    const merged = await merge({config: sharded})
    expect(merged.exitCode).toBe(0)
    expect(await snapshot(path.join(dir, 'sharded'))).toEqual(await snapshot(path.join(dir, 'whole')))
  })

  it('should fail a duplicate slug in the same article as one build, whichever shard has the first', async () => {
    // a1 … a6 and their duplicates d1 … d6 (same slugs, later in file order): shards split most pairs.
    for (let i = 1; i <= 6; i++) await writeFile(path.join(dir, 'input', `d${i}.md`), `---\ntitle: Duplicate ${i}\nslug: article-${i}\ndate: 2024-02-0${i}\n---\n\nSame slug.\n`)
    for (let i = 1; i <= 6; i++) await writeFile(path.join(dir, 'input', `a${i}.md`), `---\ntitle: Article ${i}\nslug: article-${i}\ndate: 2024-01-0${i}\n---\n\nBody ${i}.\n`)
    const failedOf = (result: Awaited<ReturnType<typeof build>>) => result.files.filter((file) => file.messages.some((message) => message.ruleId === 'duplicate-slug')).map((file) => path.basename(file.path)).sort()
    const whole = await build({config: configFor({output: 'whole', cache: '.cache-whole'})})
    expect(failedOf(whole)).toEqual(['d1.md', 'd2.md', 'd3.md', 'd4.md', 'd5.md', 'd6.md'])
    const failed: string[] = []
    for (let index = 1; index <= 3; index++) {
      const result = await build({config: configFor({output: `shard-${index}`, cache: `.cache-shard-${index}`}), shard: {index, count: 3}})
      failed.push(...failedOf(result))
      await cp(path.join(dir, `shard-${index}`), path.join(dir, 'sharded'), {recursive: true})
    }
    expect(failed.sort()).toEqual(failedOf(whole))
    await merge({config: configFor({output: 'sharded', cache: '.cache-sharded'})})
    expect(await snapshot(path.join(dir, 'sharded'))).toEqual(await snapshot(path.join(dir, 'whole')))
  })
})

describe('watch', () => {
  it('should rebuild a changed article and serve the output', async () => {
    const builds: string[][] = []
    const watcher = await watch({config: configFor(), port: 0, debounce: 50, onBuild: (_result, changed) => builds.push(changed)})
    try {
      const page = await fetch(new URL('a1.html', watcher.url))
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('Body of article 1.')
      await writeFile(path.join(dir, 'input/a1.md'), '---\ntitle: Article 1\ndate: 2024-01-01\n---\n\nChanged body.\n')
      for (let i = 0; i < 50 && builds.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 100))
      await watcher.idle()
      expect(builds.length).toBeGreaterThanOrEqual(2)
      expect(await (await fetch(new URL('a1.html', watcher.url))).text()).toContain('Changed body.')
    } finally {
      await watcher.close()
    }
  })

  it('should see a change made the moment it starts, with no templates folder', async () => {
    // One watcher for both folders lost it: with `templates/` missing,
    // chokidar was `ready` before the input folder was watched.
    for (let round = 0; round < 3; round++) {
      const builds: string[][] = []
      const watcher = await watch({config: configFor(), port: 0, debounce: 50, onBuild: (_result, changed) => builds.push(changed)})
      try {
        await writeFile(path.join(dir, 'input/a2.md'), `---\ntitle: Article 2\ndate: 2024-01-02\n---\n\nRound ${round}.\n`)
        for (let i = 0; i < 50 && builds.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 100))
        await watcher.idle()
        expect(builds.at(-1)?.map((file) => path.basename(file))).toEqual(['a2.md'])
        expect(await (await fetch(new URL('a2.html', watcher.url))).text()).toContain(`Round ${round}.`)
      } finally {
        await watcher.close()
      }
    }
  })
})
