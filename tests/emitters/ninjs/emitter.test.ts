/**
 * The ninjs emitter: golden files for the sample, every file of the sample,
 * the fixtures and the real corpus valid against the official ninjs 3.1
 * schema, each field from its source, and arbitrary metadata still valid.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import {globSync} from 'tinyglobby'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {ResolvedConfig} from '../../../src/config.js'
import {createEmitContext} from '../../../src/emitters/context.js'
import {htmlEmitter} from '../../../src/emitters/html/index.js'
import {ninjsEmitter, type NinjsItem} from '../../../src/emitters/ninjs/index.js'
import {toPlainText} from '../../../src/emitters/plain-text.js'
import {createArticle} from '../../../src/readers/index.js'
import type {Article, EmitContext, Emitter} from '../../../src/types.js'
import {articleFrom, corpus, root, testConfig} from '../../helpers/article.js'
import {errorsOf, ninjsValidator} from '../../helpers/ninjs-schema.js'
import {sampleArticles} from '../../helpers/sample.js'

const validate = ninjsValidator()
const update = Boolean(process.env['UPDATE'])
const goldens = path.join(root, 'tests/emitters/ninjs/sample')

// The build date is the newest article's unless SOURCE_DATE_EPOCH says otherwise.
let savedEpoch: string | undefined
beforeAll(() => {
  savedEpoch = process.env['SOURCE_DATE_EPOCH']
  delete process.env['SOURCE_DATE_EPOCH']
})
afterAll(() => {
  if (savedEpoch !== undefined) process.env['SOURCE_DATE_EPOCH'] = savedEpoch
})

function contextFor(articles: readonly Article[], config: ResolvedConfig, ninjs: Emitter): EmitContext {
  return createEmitContext({config, emitters: [htmlEmitter(), ninjs], articles})
}

/** Every file the emitter writes for these articles, by path. */
async function emit(articles: Article[], config: ResolvedConfig, options: Parameters<typeof ninjsEmitter>[0] = {}): Promise<Map<string, string>> {
  const ninjs = ninjsEmitter(options)
  const ctx = contextFor(articles, config, ninjs)
  const files = new Map<string, string>()
  for (const article of articles) for (const file of await ninjs.article!(article, ctx)) files.set(file.path, String(file.contents))
  for (const file of await ninjs.collection!(articles, ctx)) files.set(file.path, String(file.contents))
  return files
}

function expectValid(document: unknown, where: string): void {
  expect(validate(document), `${where}\n${errorsOf(validate).join('\n')}`).toBe(true)
}

async function item(slug: string, markdown: string, config = testConfig()): Promise<NinjsItem> {
  const article = articleFrom(markdown, {config, path: `input/${slug}.md`})
  const files = await emit([article], config)
  const document = JSON.parse(files.get(`ninjs/${article.meta.slug}.json`)!) as NinjsItem
  expectValid(document, article.meta.slug)
  return document
}

describe('ninjs emitter: the sample', () => {
  it('should write the golden files, each valid ninjs 3.1', async () => {
    const {config, articles} = await sampleArticles()
    const files = await emit(articles, config)
    expect([...files.keys()].sort()).toEqual(['ninjs/index.json', ...articles.map((article) => `ninjs/${article.meta.slug}.json`)].sort())
    for (const [file, contents] of files) {
      expectValid(JSON.parse(contents), file)
      const golden = path.join(goldens, path.basename(file))
      if (update || !existsSync(golden)) {
        await mkdir(goldens, {recursive: true})
        await writeFile(golden, contents)
      } else {
        expect(contents, file).toBe(readFileSync(golden, 'utf8'))
      }
    }
  })

  it('should give the same bytes twice', async () => {
    const {config, articles} = await sampleArticles()
    expect(await emit(articles, config)).toEqual(await emit(articles, config))
  })
})

describe('ninjs emitter: every file valid', () => {
  it('should list a body caption of a photo not supplied as a `picture` association', async () => {
    const config = testConfig()
    const article = articleFrom('Floods hit Basra\n\nBASRA, Iraq (AP) — Heavy rain flooded streets on Saturday.\n\nResidents wade through a flooded street. (AP Photo/Nabil al-Jurani)\n\nOfficials said pumps had failed.\n', {config, path: 'input/floods.txt'})
    const files = await emit([article], config)
    const document = JSON.parse(files.get('ninjs/floods.json')!) as NinjsItem
    expectValid(document, 'floods')
    expect(document.profile).toBe('text-photo')
    expect(document.associations).toEqual([{
      uri: expect.stringMatching(/floods\.html#photo-1$/) as unknown as string,
      name: 'photo-1',
      rel: 'photo',
      type: 'picture',
      copyrightNotice: 'AP Photo/Nabil al-Jurani',
      descriptions: [{role: 'caption', contentType: 'text/plain', value: 'Residents wade through a flooded street.'}]
    }])
  })

  it('should write valid ninjs for every fixture', async () => {
    const fixtures = path.join(root, 'tests/fixtures')
    const config = testConfig()
    const articles: Article[] = []
    for (const name of readdirSync(fixtures).sort()) {
      for (const input of ['input.md', 'input.txt']) {
        const file = path.join(fixtures, name, input)
        if (!existsSync(file)) continue
        const result = createArticle({path: `tests/fixtures/${name}/${input}`, contents: readFileSync(file)}, config)
        if (result.ok) articles.push(result.article)
      }
    }
    expect(articles.length).toBeGreaterThanOrEqual(20)
    for (const [file, contents] of await emit(articles, config)) expectValid(JSON.parse(contents), file)
  })

  it('should write valid ninjs for every article of the real corpus', async () => {
    const dir = path.join(corpus, 'articles')
    const files = globSync('**/*.md', {cwd: dir, ignore: ['README.md']}).sort()
    const config = testConfig()
    const articles: Article[] = []
    for (const file of files) {
      const result = createArticle({path: `input/${file}`, contents: readFileSync(path.join(dir, file), 'utf8')}, config)
      if (result.ok) articles.push(result.article)
    }
    expect(articles.length).toBeGreaterThan(250)
    const written = await emit(articles, config, {limit: 1000})
    expect(written.size).toBe(articles.length + 1)
    for (const [file, contents] of written) expectValid(JSON.parse(contents), file)
  }, 300_000)

  it('should stay valid whatever the metadata says', async () => {
    const text = fc.string({minLength: 1, maxLength: 40, unit: 'grapheme'}).filter((value) => value.trim() !== '')
    await fc.assert(
      fc.asyncProperty(text, fc.array(text, {maxLength: 3}), fc.array(text, {maxLength: 3}), fc.option(text, {nil: undefined}), async (title, authors, tags, description) => {
        const front = [`title: ${JSON.stringify(title)}`, 'date: 2025-03-03T09:30:00Z', `authors: ${JSON.stringify(authors)}`, `tags: ${JSON.stringify(tags)}`]
        if (description !== undefined) front.push(`description: ${JSON.stringify(description)}`)
        const result = createArticle({path: 'input/story.md', contents: `---\n${front.join('\n')}\n---\n\nBody with a [link](other.html).\n`}, testConfig())
        if (!result.ok) return
        for (const [file, contents] of await emit([result.article], testConfig())) expectValid(JSON.parse(contents), file)
      }),
      {numRuns: 40, seed: 21}
    )
  })
})

describe('ninjs emitter: fields', () => {
  it('should map the article’s metadata', async () => {
    const document = await item(
      'budget-passes',
      '---\ntitle: Budget passes\ndate: 2025-03-01T08:00:00Z\nupdated: 2025-03-02T10:15:00Z\nauthors: [Ada Lovelace, Alan Turing]\ndescription: The deck.\ntags: [Politics, Budget]\nlang: en-GB\n---\n\nThe body.\n'
    )
    expect(document).toMatchObject({
      standard: {name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#'},
      uri: 'https://news.example.org/budget-passes.html',
      type: 'text',
      representationType: 'full',
      profile: 'text-only',
      version: '2',
      firstCreated: '2025-03-01T08:00:00Z',
      versionCreated: '2025-03-02T10:15:00Z',
      pubStatus: 'usable',
      language: 'en-GB',
      headlines: [
        {role: 'main', contentType: 'text/plain', value: 'Budget passes'},
        {role: 'sub', contentType: 'text/plain', value: 'The deck.'}
      ],
      by: 'Ada Lovelace and Alan Turing',
      descriptions: [{role: 'summary', contentType: 'text/plain', value: 'The deck.'}],
      subjects: [{name: 'Politics'}, {name: 'Budget'}]
    })
    expect(document.located).toBeUndefined()
    expect(document.associations).toBeUndefined()
  })

  it('should take `located` and the source from a wire dateline', async () => {
    const document = await item('talks', '---\ntitle: Talks\ndate: 2025-03-01\n---\n\nERBIL (Kurdistan24) – Talks began on Monday.\n')
    expect(document.located).toBe('ERBIL')
    expect(document.infoSources).toEqual([{name: 'Kurdistan24', role: 'source'}])
  })

  it('should write the HTML body with absolute URLs and the plain-text body with the text writer', async () => {
    const markdown = '---\ntitle: Links\ndate: 2025-03-01\n---\n\nSee [the map](maps/erbil.html), [a note](#details) and [the source](https://example.com/a?b=1).\n\n## Details\n\nMore.\n'
    const document = await item('links', markdown)
    const [plain, html] = document.bodies!
    expect(html!.contentType).toBe('text/html')
    expect(html!.value).toContain('href="https://news.example.org/maps/erbil.html"')
    expect(html!.value).toContain('href="https://news.example.org/links.html#details"')
    expect(html!.value).not.toMatch(/(href|src)="(?!https?:)/)
    expect(plain!.contentType).toBe('text/plain')
    const article = articleFrom(markdown, {path: 'input/links.md'})
    const text = toPlainText(article.hast, {resolve: (href) => new URL(href, /^[#?]/.test(href) ? 'https://news.example.org/links.html' : 'https://news.example.org/').href})
    expect(plain!.value.startsWith(text.body)).toBe(true)
    expect(plain!.value).toContain('Links\n-----\n\n[1] https://news.example.org/maps/erbil.html')
    expect(plain!.wordCount).toBe(article.stats.words)
  })

  it('should associate the lead image with caption, alt text, credit and rendition', async () => {
    const config = testConfig({input: path.join(root, 'input')})
    const document = await item(
      'chart',
      '---\ntitle: Chart\ndate: 2025-03-01\nimage:\n  src: images/desk-output-by-format.png\n  alt: A bar chart\n  caption: Files by format.\n  credit: Desk\n---\n\nBody.\n',
      config
    )
    expect(document.profile).toBe('text-photo')
    const [image] = document.associations!
    expect(image).toMatchObject({name: 'leadimage', rel: 'leadimage', type: 'picture', copyrightNotice: 'Desk'})
    expect(image!.uri).toMatch(/^https:\/\/news\.example\.org\/assets\/.+\.png$/)
    expect(image!.descriptions).toEqual([
      {role: 'caption', contentType: 'text/plain', value: 'Files by format.'},
      {role: 'alt', contentType: 'text/plain', value: 'A bar chart'}
    ])
    expect(image!.renditions).toEqual([{name: 'original', href: image!.uri, contentType: 'image/png', width: 480, height: 240, sizeInBytes: 1541}])
  })

  it('should keep a caption-only lead image under a URI within the article', async () => {
    const document = await item('caption-only', '---\ntitle: Caption only\ndate: 2025-03-01\nimage:\n  caption: The minister.\n  credit: AFP\n---\n\nBody.\n')
    const [image] = document.associations!
    expect(image).toMatchObject({uri: 'https://news.example.org/caption-only.html#lead-image', copyrightNotice: 'AFP'})
    expect(image!.renditions).toBeUndefined()
  })

  it('should point a remote lead image at its URL, without a size it cannot know', async () => {
    const document = await item('remote', '---\ntitle: Remote\ndate: 2025-03-01\nimage:\n  src: https://cdn.example.com/photos/a b.jpg\n  alt: A photo\n---\n\nBody.\n')
    const [image] = document.associations!
    expect(image!.uri).toBe('https://cdn.example.com/photos/a%20b.jpg')
    expect(image!.renditions).toEqual([{name: 'original', href: 'https://cdn.example.com/photos/a%20b.jpg'}])
  })

  it('should list the latest articles in the index, as a composite', async () => {
    const config = testConfig()
    const articles = [3, 2, 1].map((day) => articleFrom(`---\ntitle: Day ${day}\ndate: 2025-03-0${day}\n---\n\nBody.\n`, {config, path: `input/day-${day}.md`}))
    const files = await emit(articles, config, {limit: 2})
    const index = JSON.parse(files.get('ninjs/index.json')!) as NinjsItem
    expectValid(index, 'index')
    expect(index).toMatchObject({uri: 'https://news.example.org/ninjs/index.json', type: 'composite', versionCreated: '2025-03-03T00:00:00Z'})
    expect(index.associations!.map((association) => [association.name, association.uri, association.renditions![0]!.href])).toEqual([
      ['item-1', 'https://news.example.org/day-3.html', 'https://news.example.org/ninjs/day-3.json'],
      ['item-2', 'https://news.example.org/day-2.html', 'https://news.example.org/ninjs/day-2.json']
    ])
  })

  it('should reject bad options', () => {
    expect(() => ninjsEmitter({limit: 0})).toThrow(TypeError)
    expect(() => ninjsEmitter({width: 5})).toThrow(TypeError)
    expect(() => ninjsEmitter({nope: true} as never)).toThrow(TypeError)
  })
})
