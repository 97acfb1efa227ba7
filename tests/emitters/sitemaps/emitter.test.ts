/**
 * The sitemaps emitter: golden files for the sample, well-formed XML with
 * absolute URLs only, the news sitemap's two-day window counted from the
 * build date (never the clock), its 1,000-article cap and language codes.
 */
import {existsSync, readFileSync} from 'node:fs'
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {SaxesParser} from 'saxes'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {ResolvedConfig} from '../../../src/config.js'
import {createEmitContext} from '../../../src/emitters/context.js'
import {htmlEmitter} from '../../../src/emitters/html/index.js'
import {maxNewsUrls, newsLanguage, sitemapsEmitter, type SitemapsOptions} from '../../../src/emitters/sitemaps/index.js'
import {renderNewsSitemap} from '../../../src/emitters/sitemaps/xml.js'
import type {Article, EmitContext, Emitter} from '../../../src/types.js'
import {articleFrom, root, testConfig} from '../../helpers/article.js'
import {sampleArticles} from '../../helpers/sample.js'

const update = Boolean(process.env['UPDATE'])
const goldens = path.join(root, 'tests/emitters/sitemaps/sample')

let savedEpoch: string | undefined
beforeAll(() => {
  savedEpoch = process.env['SOURCE_DATE_EPOCH']
  delete process.env['SOURCE_DATE_EPOCH']
})
afterAll(() => {
  if (savedEpoch !== undefined) process.env['SOURCE_DATE_EPOCH'] = savedEpoch
})

interface Emitted {
  files: Map<string, string>
  warnings: string[]
}

/** Run the collection hook as `build` does, at a given build date (default: the articles'). */
async function emit(articles: Article[], config: ResolvedConfig, options: SitemapsOptions = {}, buildDate?: string, emitters?: Emitter[]): Promise<Emitted> {
  const sitemaps = sitemapsEmitter(options)
  const base = createEmitContext({config, emitters: [...(emitters ?? [htmlEmitter()]), sitemaps], articles})
  const warnings: string[] = []
  const ctx: EmitContext = {...base, warn: (reason, {ruleId}) => warnings.push(`${ruleId}: ${reason}`)}
  if (buildDate) ctx.buildDate = new Date(buildDate)
  const files = new Map((await sitemaps.collection!(articles, ctx)).map((file) => [file.path, String(file.contents)]))
  return {files, warnings}
}

/** Parse XML strictly (throws when it is not well-formed); every element name and text. */
function parse(xml: string): {names: string[]; texts: Map<string, string[]>} {
  const parser = new SaxesParser({xmlns: true})
  const names: string[] = []
  const texts = new Map<string, string[]>()
  const stack: string[] = []
  parser.on('error', (error) => {
    throw error
  })
  parser.on('opentag', (tag) => {
    names.push(tag.name)
    stack.push(tag.name)
  })
  parser.on('closetag', () => stack.pop())
  parser.on('text', (text) => {
    const name = stack.at(-1)
    if (!name || text.trim() === '') return
    texts.set(name, [...(texts.get(name) ?? []), text])
  })
  parser.write(xml).close()
  return {names, texts}
}

function story(slug: string, date: string, extra = ''): Article {
  return articleFrom(`---\ntitle: Story ${slug}\ndate: ${date}\n${extra}---\n\nBody.\n`, {path: `input/${slug}.md`})
}

describe('sitemaps emitter: the sample', () => {
  it('should write the golden files', async () => {
    const {config, articles} = await sampleArticles()
    const {files, warnings} = await emit(articles, config)
    expect(warnings).toEqual([])
    expect([...files.keys()]).toEqual(['sitemap.xml', 'news-sitemap.xml', 'robots.txt'])
    for (const [file, contents] of files) {
      const golden = path.join(goldens, file)
      if (update || !existsSync(golden)) {
        await mkdir(goldens, {recursive: true})
        await writeFile(golden, contents)
      } else {
        expect(contents, file).toBe(readFileSync(golden, 'utf8'))
      }
    }
  })
})

describe('sitemaps emitter', () => {
  const config = testConfig()
  const articles = [story('new', '2025-03-03T09:30:00Z', 'updated: 2025-03-04T10:00:00Z\n'), story('old', '2025-01-01T00:00:00Z'), story('rtl', '2025-03-02T00:00:00Z', 'lang: ar\n')]

  it('should list the index and every article with its last change, as absolute URLs', async () => {
    const {files} = await emit(articles, config)
    const {names, texts} = parse(files.get('sitemap.xml')!)
    expect(names.filter((name) => name === 'url').length).toBe(4)
    expect(texts.get('loc')).toEqual([
      'https://news.example.org/index.html',
      'https://news.example.org/new.html',
      'https://news.example.org/old.html',
      'https://news.example.org/rtl.html'
    ])
    expect(texts.get('lastmod')).toEqual(['2025-03-04T10:00:00Z', '2025-03-04T10:00:00Z', '2025-01-01T00:00:00Z', '2025-03-02T00:00:00Z'])
  })

  it('should list in the news sitemap only articles of the two days up to the build date', async () => {
    const buildDate = '2025-03-03T12:00:00Z'
    const window = [
      story('edge', '2025-03-01T12:00:00Z'), // exactly two days before: in
      story('just-out', '2025-03-01T11:59:59Z'), // one second more: out
      story('future', '2025-03-03T12:00:01Z'), // after the build date: not out yet
      story('today', '2025-03-03T12:00:00Z'),
      story('yesterday', '2025-03-02T08:00:00Z', 'lang: zh-Hant-TW\n')
    ]
    const {files} = await emit(window, config, {}, buildDate)
    const {texts} = parse(files.get('news-sitemap.xml')!)
    expect(texts.get('loc')).toEqual(['https://news.example.org/today.html', 'https://news.example.org/yesterday.html', 'https://news.example.org/edge.html'])
    expect(texts.get('news:publication_date')).toEqual(['2025-03-03T12:00:00Z', '2025-03-02T08:00:00Z', '2025-03-01T12:00:00Z'])
    expect(texts.get('news:language')).toEqual(['en', 'zh-tw', 'en'])
    expect(texts.get('news:name')).toEqual(['The Pressroom Test', 'The Pressroom Test', 'The Pressroom Test'])
    expect(texts.get('news:title')).toEqual(['Story today', 'Story yesterday', 'Story edge'])
  })

  it('should use the build date, never the clock', async () => {
    // No article within two days of now: only the build date decides.
    const {files} = await emit([story('a', '2001-09-01T00:00:00Z')], config, {}, '2001-09-02T00:00:00Z')
    expect(parse(files.get('news-sitemap.xml')!).texts.get('loc')).toEqual(['https://news.example.org/a.html'])
    const later = await emit([story('a', '2001-09-01T00:00:00Z')], config, {}, '2001-09-04T00:00:00Z')
    expect(parse(later.files.get('news-sitemap.xml')!).texts.get('loc')).toBeUndefined()
  })

  it('should keep the newest 1,000 articles in the news sitemap, and say so', async () => {
    const base = story('base', '2025-03-03T00:00:00Z')
    const many = Array.from({length: maxNewsUrls + 5}, (_, index): Article => ({
      ...base,
      meta: {...base.meta, slug: `s${index}`, date: new Date(Date.parse('2025-03-03T00:00:00Z') - index * 60_000).toISOString()}
    }))
    const {files, warnings} = await emit(many, config, {}, '2025-03-03T00:00:00Z')
    const locs = parse(files.get('news-sitemap.xml')!).texts.get('loc')!
    expect(locs.length).toBe(maxNewsUrls)
    expect(locs[0]).toBe('https://news.example.org/s0.html')
    expect(locs.at(-1)).toBe(`https://news.example.org/s${maxNewsUrls - 1}.html`)
    expect(warnings).toEqual([`sitemap-truncated: \`news-sitemap.xml\` may list at most 1000 URLs; kept the newest 1000 of ${maxNewsUrls + 5}`])
  })

  it('should escape text and drop characters XML does not allow', () => {
    const xml = renderNewsSitemap([{loc: 'https://x.example/a?b=1&c=2', name: 'A & B', language: 'en', date: '2025-03-03T00:00:00Z', title: 'Tom & Jerry <live> ]]> \u0001\uFFFE!'}])
    expect(xml).toContain('<loc>https://x.example/a?b=1&#x26;c=2</loc>')
    expect(xml).toContain('<news:title>Tom &#x26; Jerry &#x3C;live> ]]&#x3E; !</news:title>')
    const {texts} = parse(xml)
    expect(texts.get('news:title')).toEqual(['Tom & Jerry <live> ]]> !'])
    expect(texts.get('news:name')).toEqual(['A & B'])
  })

  it('should name the sitemaps in robots.txt, with absolute URLs', async () => {
    const {files} = await emit(articles, config)
    expect(files.get('robots.txt')).toBe('User-agent: *\nDisallow:\n\nSitemap: https://news.example.org/sitemap.xml\nSitemap: https://news.example.org/news-sitemap.xml\n')
    const plain = await emit(articles, config, {news: false})
    expect([...plain.files.keys()]).toEqual(['sitemap.xml', 'robots.txt'])
    expect(plain.files.get('robots.txt')).not.toContain('news-sitemap')
    expect([...(await emit(articles, config, {robots: false})).files.keys()]).toEqual(['sitemap.xml', 'news-sitemap.xml'])
  })

  it('should resolve URLs under a site in a folder', async () => {
    const folder = testConfig({site: {url: 'https://example.org/desk/'}})
    const {files} = await emit([articleFrom('---\ntitle: X\ndate: 2025-03-03\n---\n\nBody.\n', {config: folder, path: 'input/x.md'})], folder)
    expect(parse(files.get('sitemap.xml')!).texts.get('loc')).toEqual(['https://example.org/desk/index.html', 'https://example.org/desk/x.html'])
  })

  it('should list no page when the HTML emitter is off', async () => {
    const {files} = await emit(articles, config, {}, undefined, [])
    expect(parse(files.get('sitemap.xml')!).names).toEqual(['urlset'])
  })

  it('should name its files in collectionPaths', () => {
    expect(sitemapsEmitter().collectionPaths!(config)).toEqual({sitemap: 'sitemap.xml', 'news-sitemap': 'news-sitemap.xml', robots: 'robots.txt'})
    expect(sitemapsEmitter({news: false, robots: false}).collectionPaths!(config)).toEqual({sitemap: 'sitemap.xml'})
  })

  it('should give Google News’ language codes', () => {
    expect(['en', 'en-GB', 'ar', 'ckb-IQ', 'zh', 'zh-Hans', 'zh-CN', 'zh-Hant', 'zh-TW', 'zh-HK', 'pt_BR'].map(newsLanguage)).toEqual(['en', 'en', 'ar', 'ckb', 'zh-cn', 'zh-cn', 'zh-cn', 'zh-tw', 'zh-tw', 'zh-tw', 'pt'])
  })

  it('should reject bad options', () => {
    expect(() => sitemapsEmitter({news: 'yes'} as never)).toThrow(TypeError)
    expect(() => sitemapsEmitter({publicationName: ''})).toThrow(TypeError)
  })
})
