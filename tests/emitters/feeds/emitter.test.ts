import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdir, readFile, readdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createArticle} from '../../../src/readers/index.js'
import {loadConfig, type ResolvedConfig} from '../../../src/config.js'
import {createEmitContext} from '../../../src/emitters/context.js'
import {feedsEmitter, type FeedsOptions} from '../../../src/emitters/feeds/index.js'
import {htmlEmitter} from '../../../src/emitters/html/index.js'
import type {Article, OutputFile} from '../../../src/types.js'
import {articleFrom, root, testConfig} from '../../helpers/article.js'

const fixture = path.join(root, 'tests/fixtures/feeds-hostile')
const update = Boolean(process.env['UPDATE'])

/** Read the fixture's articles as `build` does: newest first. */
async function fixtureArticles(): Promise<{config: ResolvedConfig; articles: Article[]}> {
  const config = await loadConfig({root: fixture})
  const names = (await readdir(config.input)).filter((name) => name.endsWith('.md')).sort()
  const articles: Article[] = []
  for (const name of names) {
    const file = path.relative(process.cwd(), path.join(config.input, name))
    const result = createArticle({path: file, contents: await readFile(path.join(config.input, name))}, config)
    if (!result.ok) throw new Error(result.file.messages.map(String).join('\n'))
    articles.push(result.article)
  }
  articles.sort((a, b) => b.meta.date.localeCompare(a.meta.date) || a.meta.slug.localeCompare(b.meta.slug))
  return {config, articles}
}

/** Run the emitter's collection hook the way `build` does. */
async function emit(articles: Article[], config: ResolvedConfig, options: FeedsOptions = {}): Promise<Map<string, string>> {
  const feeds = feedsEmitter(options)
  const ctx = createEmitContext({config, emitters: [htmlEmitter(), feeds], articles})
  const files: OutputFile[] = await feeds.collection!(articles, ctx)
  return new Map(files.map((file) => [file.path, String(file.contents)]))
}

function story(title: string, date: string, extra = '', body = 'Body text.'): string {
  return `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\n${extra}---\n\n${body}\n`
}

/** Parse with xmllint when it is there (the conformance suite requires it). */
function wellFormed(xml: string): boolean | undefined {
  try {
    execFileSync('xmllint', ['--noout', '-'], {input: xml, stdio: ['pipe', 'pipe', 'pipe']})
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    return false
  }
}

describe('feedsEmitter', () => {
  it('should name the three feeds with the labels the HTML emitter links to', () => {
    const emitter = feedsEmitter()
    expect(emitter.name).toBe('feeds')
    expect(emitter.collectionPaths!(testConfig())).toEqual({rss: 'feeds/rss.xml', atom: 'feeds/atom.xml', json: 'feeds/feed.json'})
  })

  it('should name listed per-tag feeds with safe slugs', () => {
    const paths = feedsEmitter({perTag: ['Middle East', 'الأمن', '../x']}).collectionPaths!(testConfig())
    expect(paths).toMatchObject({
      'rss:middle-east': 'feeds/tags/middle-east/rss.xml',
      'atom:middle-east': 'feeds/tags/middle-east/atom.xml',
      'json:middle-east': 'feeds/tags/middle-east/feed.json',
      'rss:الأمن': 'feeds/tags/الأمن/rss.xml',
      'rss:x': 'feeds/tags/x/rss.xml'
    })
  })

  it('should throw a `TypeError` on bad options', () => {
    expect(() => feedsEmitter({limit: 0})).toThrow(/`limit`.*`feedsEmitter`/)
    expect(() => feedsEmitter({limit: 2.5})).toThrow(TypeError)
    expect(() => feedsEmitter({perTag: 'yes' as never})).toThrow(/`perTag`/)
  })

  it('should write RSS, Atom and JSON Feed with RFC 822 and RFC 3339 dates', async () => {
    const config = testConfig()
    const articles = [
      articleFrom(story('Newer', '2025-03-03T09:30:00Z', 'updated: 2025-03-05T12:00:00Z\n'), {path: 'input/newer.md'}),
      articleFrom(story('Older', '2025-03-01T08:00:00+02:00'), {path: 'input/older.md'})
    ]
    const files = await emit(articles, config)
    expect([...files.keys()]).toEqual(['feeds/rss.xml', 'feeds/atom.xml', 'feeds/feed.json'])
    const rss = files.get('feeds/rss.xml')!
    expect(rss).toContain('<pubDate>Mon, 03 Mar 2025 09:30:00 +0000</pubDate>')
    expect(rss).toContain('<pubDate>Sat, 01 Mar 2025 06:00:00 +0000</pubDate>')
    expect(rss).toContain('<atom:updated>2025-03-05T12:00:00.000Z</atom:updated>')
    expect(rss).toContain('<lastBuildDate>Wed, 05 Mar 2025 12:00:00 +0000</lastBuildDate>')
    const atom = files.get('feeds/atom.xml')!
    expect(atom).toMatch(/<feed[^>]*>\s*<id>https:\/\/news.example.org\/feeds\/atom.xml<\/id>\s*<title>The Pressroom Test<\/title>\s*<updated>2025-03-05T12:00:00.000Z<\/updated>/)
    expect(atom).toContain('<published>2025-03-03T09:30:00.000Z</published>')
    expect(atom).toContain('<published>2025-03-01T06:00:00.000Z</published>')
    const json = JSON.parse(files.get('feeds/feed.json')!)
    expect(json.items.map((item: {date_modified: string}) => item.date_modified)).toEqual(['2025-03-05T12:00:00.000Z', '2025-03-01T06:00:00.000Z'])
  })

  it('should date the feed by its newest article, never the clock or SOURCE_DATE_EPOCH', async () => {
    const previous = process.env['SOURCE_DATE_EPOCH']
    process.env['SOURCE_DATE_EPOCH'] = '2000000000'
    try {
      const files = await emit([articleFrom(story('Only', '2024-01-02T03:04:05Z'))], testConfig())
      expect(files.get('feeds/atom.xml')).toMatch(/<\/title>\s*<updated>2024-01-02T03:04:05.000Z<\/updated>/)
      const empty = await emit([], testConfig())
      // No articles: the build date, which honours SOURCE_DATE_EPOCH.
      expect(empty.get('feeds/atom.xml')).toContain('<updated>2033-05-18T03:33:20.000Z</updated>')
    } finally {
      if (previous === undefined) delete process.env['SOURCE_DATE_EPOCH']
      else process.env['SOURCE_DATE_EPOCH'] = previous
    }
  })

  it('should give each entry its URL as link and permalink id, authors (falling back to the site) and tags', async () => {
    const files = await emit(
      [articleFrom(story('Tagged', '2025-01-01T00:00:00Z', 'tags: [Politics, Middle East]\nslug: tagged\n'))],
      testConfig()
    )
    const rss = files.get('feeds/rss.xml')!
    expect(rss).toContain('<link>https://news.example.org/tagged.html</link>')
    expect(rss).toContain('<guid isPermaLink="true">https://news.example.org/tagged.html</guid>')
    expect(rss).toContain('<dc:creator>Desk</dc:creator>')
    expect(rss).toContain('<category>Middle East</category>')
    const atom = files.get('feeds/atom.xml')!
    expect(atom).toContain('<id>https://news.example.org/tagged.html</id>')
    expect(atom).toMatch(/<entry>[\s\S]*<author>\s*<name>Desk<\/name>[\s\S]*<\/entry>/)
    expect(atom).toContain('<category term="Politics"/>')
  })

  it('should use the standfirst as summary, or else the excerpt', async () => {
    const files = await emit(
      [
        articleFrom(story('With', '2025-01-02T00:00:00Z', 'description: The standfirst.\n'), {path: 'input/with.md'}),
        articleFrom(story('Without', '2025-01-01T00:00:00Z', '', 'First paragraph, the excerpt.'), {path: 'input/without.md'})
      ],
      testConfig()
    )
    const json = JSON.parse(files.get('feeds/feed.json')!)
    expect(json.items.map((item: {summary: string}) => item.summary)).toEqual(['The standfirst.', 'First paragraph, the excerpt.'])
  })

  it('should keep the newest `limit` entries (default: 20)', async () => {
    const articles = Array.from({length: 25}, (_, index) =>
      articleFrom(story(`Story ${index}`, new Date(Date.UTC(2025, 0, 25 - index)).toISOString()), {path: `input/s${index}.md`})
    )
    const all = JSON.parse((await emit(articles, testConfig())).get('feeds/feed.json')!)
    expect(all.items).toHaveLength(20)
    expect(all.items[0].title).toBe('Story 0')
    expect(all.items[19].title).toBe('Story 19')
    const three = await emit(articles, testConfig(), {limit: 3})
    expect(JSON.parse(three.get('feeds/feed.json')!).items.map((item: {title: string}) => item.title)).toEqual(['Story 0', 'Story 1', 'Story 2'])
    expect(three.get('feeds/rss.xml')!.match(/<item>/g)).toHaveLength(3)
    expect(three.get('feeds/atom.xml')!.match(/<entry>/g)).toHaveLength(3)
  })

  it('should write per-tag feeds with `perTag: true`, one folder per tag slug', async () => {
    const articles = [
      articleFrom(story('A', '2025-01-03T00:00:00Z', 'tags: [Politics, Middle East]\n'), {path: 'input/a.md'}),
      articleFrom(story('B', '2025-01-02T00:00:00Z', 'tags: [politics]\n'), {path: 'input/b.md'}),
      articleFrom(story('C', '2025-01-01T00:00:00Z', 'tags: [Sport]\n'), {path: 'input/c.md'})
    ]
    const files = await emit(articles, testConfig(), {perTag: true})
    expect([...files.keys()].filter((file) => file.endsWith('feed.json'))).toEqual([
      'feeds/feed.json',
      'feeds/tags/middle-east/feed.json',
      'feeds/tags/politics/feed.json',
      'feeds/tags/sport/feed.json'
    ])
    const politics = JSON.parse(files.get('feeds/tags/politics/feed.json')!)
    expect(politics.title).toBe('The Pressroom Test: Politics')
    expect(politics.feed_url).toBe('https://news.example.org/feeds/tags/politics/feed.json')
    expect(politics.items.map((item: {title: string}) => item.title)).toEqual(['A', 'B'])
    expect(files.get('feeds/tags/politics/rss.xml')).toContain('<atom:link href="https://news.example.org/feeds/tags/politics/rss.xml" rel="self"')
    expect(files.get('feeds/tags/politics/atom.xml')).toContain('<id>https://news.example.org/feeds/tags/politics/atom.xml</id>')
  })

  it('should warn about a tag without letters or digits, and write no feed for it', async () => {
    const article = articleFrom(story('A', '2025-01-03T00:00:00Z', 'tags: ["!!!", Sport]\n'))
    const files = await emit([article], testConfig(), {perTag: true})
    expect([...files.keys()].filter((file) => file.endsWith('rss.xml'))).toEqual(['feeds/rss.xml', 'feeds/tags/sport/rss.xml'])
    const warning = article.file.messages.find((message) => message.ruleId === 'empty-tag-slug')
    expect(warning?.reason).toBe('Tag `!!!` has no letters or digits; no per-tag feed is written for it, rename the tag')
    expect(warning?.fatal).toBe(false)
  })

  it('should leave out, and report, an article whose entry cannot be written', async () => {
    const bad = articleFrom(story('Bad', '2025-01-03T00:00:00Z'), {path: 'input/bad.md'})
    bad.meta.date = 'not a date'
    const good = articleFrom(story('Good', '2025-01-02T00:00:00Z'), {path: 'input/good.md'})
    const files = await emit([bad, good], testConfig(), {limit: 1})
    expect(JSON.parse(files.get('feeds/feed.json')!).items.map((item: {title: string}) => item.title)).toEqual(['Good'])
    expect(bad.file.messages.map((message) => message.ruleId)).toContain('feed-entry-failed')
  })

  it('should write listed per-tag feeds only, even empty ones', async () => {
    const articles = [articleFrom(story('A', '2025-01-03T00:00:00Z', 'tags: [Politics, Sport]\n'))]
    const files = await emit(articles, testConfig(), {perTag: ['Politics', 'Weather']})
    expect([...files.keys()].filter((file) => file.endsWith('rss.xml'))).toEqual([
      'feeds/rss.xml',
      'feeds/tags/politics/rss.xml',
      'feeds/tags/weather/rss.xml'
    ])
    expect(JSON.parse(files.get('feeds/tags/weather/feed.json')!).items).toEqual([])
  })

  it('should strip XML-illegal characters from article and config text', async () => {
    const config = testConfig({site: {title: 'Desk\u0001 Title\u000B', description: 'About\uFFFE', author: 'Ed\u0001itor'}})
    const article = articleFrom(story('Clean', '2025-01-01T00:00:00Z'))
    // The pipeline already removes them from sources: put them back, as a
    // reader plugin or a future field might.
    article.meta.title = 'Bell\u0001 tab\u000B nonchar\uFFFE'
    article.meta.tags = ['Tag\u0001']
    article.meta.authors = ['Au\u000Bthor']
    article.meta.description = 'Stand\u0001first'
    const files = await emit([article], config)
    for (const [file, contents] of files) {
      expect(contents, file).not.toMatch(/[\u0001\u000B\uFFFE\uFFFF]/)
      if (file.endsWith('.xml')) expect(wellFormed(contents), file).not.toBe(false)
    }
    expect(files.get('feeds/rss.xml')).toContain('<title>Desk Title</title>')
    expect(files.get('feeds/rss.xml')).toContain('<title><![CDATA[Bell tab nonchar]]></title>')
    expect(JSON.parse(files.get('feeds/feed.json')!).items[0].authors).toEqual([{name: 'Author'}])
  })

  it('should write the fixture set as in `expected/` (UPDATE=1 rewrites)', async () => {
    const {config, articles} = await fixtureArticles()
    const files = await emit(articles, config)
    const expected = path.join(fixture, 'expected')
    for (const [file, contents] of files) {
      const golden = path.join(expected, path.basename(file))
      if (update || !existsSync(golden)) {
        await mkdir(expected, {recursive: true})
        await writeFile(golden, contents)
      }
      expect(contents, file).toBe(await readFile(golden, 'utf8'))
    }
  })

  it('should survive two `]]>` in text, in code and in the title', async () => {
    const {config, articles} = await fixtureArticles()
    const files = await emit(articles, config)
    for (const file of ['feeds/rss.xml', 'feeds/atom.xml']) {
      const xml = files.get(file)!
      expect(wellFormed(xml), file).not.toBe(false)
      expect(xml).toContain('Text that closes CDATA once ]]]]><![CDATA[> and twice ]]]]><![CDATA[> on the same line.')
      expect(xml).toContain('<code>a]]]]><![CDATA[>b]]]]><![CDATA[>c</code>')
      expect(xml).toContain('&#x3C;![CDATA[ second ]]]]><![CDATA[>')
      expect(xml).toContain('<![CDATA[Closing ]]]]><![CDATA[> twice ]]]]><![CDATA[> in a title]]>')
    }
    const json = JSON.parse(files.get('feeds/feed.json')!)
    const item = json.items.find((entry: {title: string}) => entry.title.startsWith('Closing'))
    expect(item.title).toBe('Closing ]]> twice ]]> in a title')
    expect(item.content_html).toContain('<code>a]]>b]]>c</code>')
  })

  it('should keep the `<c>` title as text in every format', async () => {
    const {config, articles} = await fixtureArticles()
    const files = await emit(articles, config)
    expect(files.get('feeds/atom.xml')).toContain('<title type="text"><![CDATA[Use <c> tags & keep them]]></title>')
    expect(files.get('feeds/rss.xml')).toContain('<title><![CDATA[Use <c> tags & keep them]]></title>')
    expect(JSON.parse(files.get('feeds/feed.json')!).items.map((item: {title: string}) => item.title)).toContain('Use <c> tags & keep them')
  })

  it('should carry no script and no `javascript:` URL', async () => {
    const {config, articles} = await fixtureArticles()
    for (const [file, contents] of await emit(articles, config, {perTag: true})) {
      expect(contents, file).not.toMatch(/<script|javascript:|\bon(?:click|error)=/i)
    }
  })

  it('should make every link and image URL absolute', async () => {
    const {config, articles} = await fixtureArticles()
    const json = JSON.parse((await emit(articles, config)).get('feeds/feed.json')!)
    const item = json.items.find((entry: {title: string}) => entry.title === 'Relative links and images')
    const html: string = item.content_html
    expect(html).toContain('href="https://feeds.example.org/about/"')
    expect(html).toContain('href="https://feeds.example.org/news/other.html"')
    expect(html).toContain('href="https://feeds.example.org/news/relative-urls.html#top"')
    expect(html).toMatch(/src="https:\/\/feeds.example.org\/news\/assets\/[\da-f]+-lead.png"/)
    expect(html).toContain('cite="https://feeds.example.org/news/quotes/source.html"')
    for (const [, , url] of html.matchAll(/\b(href|src|cite|poster)="([^"]*)"/g)) expect(url).toMatch(/^(https?:\/\/|mailto:|tel:)/)
  })

  it('should give a local lead image as enclosure with type and length, a remote one as `media:content` URL only', async () => {
    const {config, articles} = await fixtureArticles()
    const rss = (await emit(articles, config)).get('feeds/rss.xml')!
    const local = articles.find((article) => article.meta.slug === 'relative-urls')!.meta.image!.asset!
    expect(local.size).toBe(118)
    const url = `https://feeds.example.org/news/${local.output}`
    expect(rss).toContain(`<enclosure length="118" type="image/png" url="${url}"/>`)
    expect(rss).toContain(`<media:content url="${url}" medium="image" type="image/png" fileSize="118" width="16" height="8">`)
    expect(rss).toContain('<media:content url="https://images.example.org/photos/remote.jpg" medium="image">')
    expect(rss.match(/<enclosure /g)).toHaveLength(1)
    const json = JSON.parse((await emit(articles, config)).get('feeds/feed.json')!)
    expect(json.items.map((item: {image?: string}) => item.image).filter(Boolean)).toEqual([url, 'https://images.example.org/photos/remote.jpg'])
  })

  it('should keep right-to-left Arabic text intact and marked', async () => {
    const {config, articles} = await fixtureArticles()
    const files = await emit(articles, config, {perTag: true})
    const sentence = 'أربيل – يراجع العراق حالياً اتفاقية أمنية جديدة مع الولايات المتحدة، وفق ما أعلنه وزير الدفاع.'
    const marked = 'نصٌّ عربيّ مع تشكيل'
    for (const file of ['feeds/rss.xml', 'feeds/atom.xml', 'feeds/feed.json']) {
      const contents = files.get(file)!
      expect(contents, file).toContain(sentence)
      expect(contents, file).toContain(marked)
      expect(contents, file).toContain('العراق يدرس اتفاقية أمنية جديدة')
    }
    const item = JSON.parse(files.get('feeds/feed.json')!).items.find((entry: {language: string}) => entry.language === 'ar')
    expect(item.content_html.startsWith('<div lang="ar" dir="rtl">')).toBe(true)
    expect(item.authors).toEqual([{name: 'مراسل أربيل'}])
    expect(JSON.parse(files.get('feeds/tags/الأمن/feed.json')!).items).toHaveLength(1)
  })

  it('should give the same bytes on every run', async () => {
    const first = await fixtureArticles()
    const second = await fixtureArticles()
    const a = await emit(first.articles, first.config, {perTag: true})
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const b = await emit(second.articles, second.config, {perTag: true})
    expect([...b.keys()]).toEqual([...a.keys()])
    for (const [file, contents] of a) expect(b.get(file), file).toBe(contents)
  })

  it('should not change the articles it is given', async () => {
    const {config, articles} = await fixtureArticles()
    const before = structuredClone(articles.map((article) => article.hast))
    await emit(articles, config)
    expect(articles.map((article) => article.hast)).toEqual(before)
  })
})
