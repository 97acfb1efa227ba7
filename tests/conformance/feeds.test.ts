/**
 * Feeds conformance: check every feed of every conformance build (sample,
 * fixtures, CommonMark spec, real corpus — built once by `setup.ts`) and of
 * the hostile feed fixture set (built here, with per-tag feeds) with real
 * tools: xmllint (well-formed XML), Python's feedparser (Debian
 * `python3-feedparser`: bozo = 0, required fields), JSON Feed 1.1's required
 * fields, and the project's own `checkOutput`.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdtemp, readFile, readdir, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build} from '../../src/build/index.js'
import {listFiles} from '../../src/util/list-files.js'
import {VFile} from 'vfile'
import {checkFeedXml} from '../../src/check/feeds.js'
import {checkJsonFeed as checkJsonFeedOfProject} from '../../src/check/json-feed.js'
import {loadConfig, type ResolvedConfig} from '../../src/config.js'
import {builds as setupBuilds, conformanceDir, root} from './paths.js'

/** Debian's Python has feedparser; the `python3` on PATH may not. */
const python = '/usr/bin/python3'

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0
const hasFeedparser = existsSync(python) && spawnSync(python, ['-c', 'import feedparser']).status === 0

if (!hasXmllint) console.warn('Skipping xmllint checks: `xmllint` is not installed (apt-get install libxml2-utils)')
if (!hasFeedparser) console.warn(`Skipping feedparser checks: \`${python}\` cannot import feedparser (apt-get install python3-feedparser)`)

/**
 * Parse feeds with feedparser, with sanitizing and URL resolution off so the
 * content is checked as written, and list every URL attribute of the content
 * HTML (entries of RSS/Atom, items of JSON Feed). Titles are also read with
 * the sanitizer on, as feed readers do: that is where an HTML-typed `<c>`
 * title loses its text.
 */
const feedparserScript = String.raw`
import feedparser, json, sys
from html.parser import HTMLParser
feedparser.SANITIZE_HTML = 0
feedparser.RESOLVE_RELATIVE_URIS = 0

class Urls(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []
        self.tags = []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ('href', 'src', 'poster', 'cite'):
                self.urls.append(value or '')
            elif name == 'srcset':
                self.urls.extend(part.strip().split(' ')[0] for part in (value or '').split(','))

def urls_of(html):
    parser = Urls()
    parser.feed(html or '')
    parser.close()
    return parser.urls, parser.tags

out = []
for path in sys.argv[1:]:
    if path.endswith('.json'):
        with open(path, encoding='utf-8') as handle:
            data = json.load(handle)
        items = []
        for item in data.get('items', []):
            urls, tags = urls_of(item.get('content_html'))
            items.append({'urls': urls, 'tags': tags})
        out.append({'path': path, 'entries': items})
        continue
    feedparser.SANITIZE_HTML = 1
    seen_by_readers = feedparser.parse(path)
    feedparser.SANITIZE_HTML = 0
    d = feedparser.parse(path)
    feed = d.feed
    entries = []
    for index, e in enumerate(d.entries):
        content = [c.get('value') for c in e.get('content', [])]
        urls, tags = urls_of(''.join(content))
        entries.append({
            'title': e.get('title'), 'readerTitle': seen_by_readers.entries[index].get('title'), 'link': e.get('link'), 'id': e.get('id'),
            'published': e.get('published'), 'updated': e.get('updated'),
            'content': content, 'authors': [a.get('name') for a in e.get('authors', [])],
            'urls': urls, 'tags': tags,
            'enclosures': [dict(x) for x in e.get('enclosures', [])],
        })
    out.append({
        'path': path, 'version': d.version, 'bozo': int(bool(d.bozo)), 'exception': repr(d.get('bozo_exception')) if d.bozo else '',
        'feed': {'title': feed.get('title'), 'link': feed.get('link'), 'id': feed.get('id'),
                 'updated': feed.get('updated'), 'author': feed.get('author'), 'language': feed.get('language')},
        'selfLinks': [l.get('href') for l in feed.get('links', []) if l.get('rel') == 'self'],
        'entries': entries,
    })
print(json.dumps(out, ensure_ascii=False))
`

interface Parsed {
  path: string
  version?: string
  bozo?: number
  exception?: string
  feed?: Record<string, string | null>
  selfLinks?: string[]
  entries: Array<{
    title?: string
    /** Title as feedparser gives it with its HTML sanitizer on (as readers do). */
    readerTitle?: string
    link?: string
    id?: string
    published?: string
    updated?: string
    content?: string[]
    authors?: string[]
    urls: string[]
    tags: string[]
    enclosures?: Array<Record<string, string>>
  }>
}

const absolute = /^(?:https?:\/\/[^/\s]+|mailto:|tel:)/
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/

/** Builds under test: name → output folder and feed files. */
const builds: Array<{name: string; output: string; feeds: string[]}> = []
let temp = ''
const hostileRoot = path.join(root, 'tests/fixtures/feeds-hostile')

/** The hostile set, with every feed option on, into `output`. */
async function hostileConfig(output: string): Promise<ResolvedConfig> {
  return loadConfig({root: hostileRoot, overrides: {output, builtins: {pdf: false, epub: false, newsletter: false, feeds: {perTag: true}}}})
}

/** Every feed file (`feeds/**`) of a build folder. */
async function feedsOf(output: string): Promise<string[]> {
  return (await listFiles(output)).filter((file) => file.startsWith('feeds/')).map((file) => path.join(output, file))
}

beforeAll(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'pressroom-feeds-'))
  const output = path.join(temp, 'hostile')
  const result = await build({config: await hostileConfig(output), clean: true})
  expect(result.failed, result.files.flatMap((file) => file.messages.map(String)).join('\n')).toBe(0)
  builds.push({name: 'feeds-hostile', output, feeds: await feedsOf(output)})
  // The global setup's builds; the fixtures build is one site per fixture.
  for (const name of setupBuilds) {
    const dir = path.join(conformanceDir, name)
    if (!existsSync(dir)) {
      console.warn(`Skipping the \`${name}\` build: \`${dir}\` is missing (run through vitest.conformance.config.ts)`)
      continue
    }
    const sites = name === 'fixtures' ? (await readdir(dir)).sort().map((site) => path.join(dir, site)) : [dir]
    for (const site of sites) {
      builds.push({name: path.relative(conformanceDir, site), output: site, feeds: await feedsOf(site)})
    }
  }
})

afterAll(async () => {
  if (temp) await rm(temp, {recursive: true, force: true})
})

/** feedparser results by file: each file is parsed once for all tests. */
const parsedCache = new Map<string, Parsed>()

function parse(files: string[]): Parsed[] {
  const missing = files.filter((file) => !parsedCache.has(file))
  if (missing.length > 0) {
    const output = execFileSync(python, ['-c', feedparserScript, ...missing], {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024})
    for (const parsed of JSON.parse(output) as Parsed[]) parsedCache.set(parsed.path, parsed)
  }
  return files.map((file) => parsedCache.get(file)!)
}

describe('feeds conformance', () => {
  it('should build RSS, Atom and JSON Feed in every build, per tag in the hostile one', () => {
    expect(builds.length).toBeGreaterThan(1)
    for (const {name, output, feeds} of builds) {
      const relative = feeds.map((file) => path.relative(output, file).split(path.sep).join('/'))
      expect(relative, name).toEqual(expect.arrayContaining(['feeds/rss.xml', 'feeds/atom.xml', 'feeds/feed.json']))
      expect(relative.filter((file) => file.endsWith('/feed.json')).length, name).toBe(relative.filter((file) => file.endsWith('/atom.xml')).length)
    }
    expect(builds[0]!.feeds.some((file) => file.includes(`${path.sep}tags${path.sep}`))).toBe(true)
  })

  it.skipIf(!hasXmllint)('should be well-formed XML (xmllint --noout)', () => {
    for (const {feeds} of builds) {
      const xml = feeds.filter((file) => file.endsWith('.xml'))
      if (xml.length === 0) continue // A build without feeds fails the first test.
      const result = spawnSync('xmllint', ['--noout', ...xml], {encoding: 'utf8'})
      expect(result.stderr).toBe('')
      expect(result.status).toBe(0)
    }
  })

  it.skipIf(!hasFeedparser)('should parse with feedparser, bozo 0, with title, link, id, date and content on every entry', () => {
    for (const {name, feeds} of builds) {
      const parsed = parse(feeds.filter((file) => file.endsWith('.xml')))
      for (const feed of parsed) {
        const where = `${name}: ${path.basename(path.dirname(feed.path))}/${path.basename(feed.path)}`
        expect(feed.bozo, `${where} ${feed.exception}`).toBe(0)
        expect(feed.version, where).toBe(feed.path.endsWith('rss.xml') ? 'rss20' : 'atom10')
        expect(feed.feed!['title'], where).toBeTruthy()
        expect(feed.feed!['link'], where).toMatch(absolute)
        expect(feed.feed!['updated'], where).toBeTruthy()
        expect(feed.selfLinks, where).toHaveLength(1)
        for (const entry of feed.entries) {
          expect(entry.title, where).toBeTruthy()
          expect(entry.link, where).toMatch(absolute)
          expect(entry.id, where).toBe(entry.link)
          expect(entry.published ?? entry.updated, where).toBeTruthy()
          expect(entry.content?.join('').length, `${where} ${entry.title}`).toBeGreaterThan(0)
          expect(entry.authors?.length, `${where} ${entry.title}`).toBeGreaterThan(0)
        }
      }
    }
  })

  it.skipIf(!hasFeedparser)('should give Atom an author, id and updated on the feed and every entry', () => {
    for (const {name, feeds} of builds) {
      for (const feed of parse(feeds.filter((file) => file.endsWith('atom.xml')))) {
        expect(feed.feed!['author'], name).toBeTruthy()
        expect(feed.feed!['id'], name).toMatch(absolute)
        expect(feed.feed!['updated'], name).toMatch(rfc3339)
        expect(feed.feed!['language'], name).toBeTruthy()
        for (const entry of feed.entries) {
          expect(entry.authors!.length, name).toBeGreaterThan(0)
          expect(entry.id, name).toMatch(absolute)
          expect(entry.updated, name).toMatch(rfc3339)
          expect(entry.published, name).toMatch(rfc3339)
        }
      }
    }
  })

  it.skipIf(!hasFeedparser)('should read hostile titles back exactly: `<c>`, two `]]>`, Arabic', () => {
    const hostile = builds.find((each) => each.name === 'feeds-hostile')!
    for (const feed of parse(hostile.feeds.filter((file) => /feeds\/(rss|atom)\.xml$/.test(file)))) {
      const titles = feed.entries.map((entry) => entry.readerTitle)
      expect(titles, feed.path).toContain('Use <c> tags & keep them')
      expect(titles, feed.path).toContain('Closing ]]> twice ]]> in a title')
      expect(titles, feed.path).toContain('العراق يدرس اتفاقية أمنية جديدة')
      expect(titles, feed.path).toContain('Bell and tab and noncharacter in a title')
      const cdata = feed.entries.find((entry) => entry.title!.startsWith('Closing'))!
      expect(cdata.content!.join('')).toContain('Text that closes CDATA once ]]> and twice ]]> on the same line.')
      expect(cdata.content!.join('')).toContain('<code>a]]>b]]>c</code>')
      const arabic = feed.entries.find((entry) => entry.title!.startsWith('العراق'))!
      expect(arabic.content!.join('')).toContain('نصٌّ عربيّ مع تشكيل')
    }
  })

  it.skipIf(!hasFeedparser)('should make every `href` and `src` of the content absolute', () => {
    for (const {name, feeds} of builds) {
      for (const feed of parse(feeds)) {
        for (const entry of feed.entries) {
          for (const url of entry.urls) expect(url, `${name}: ${feed.path}`).toMatch(absolute)
          expect(entry.tags, feed.path).not.toContain('script')
          expect(entry.tags, feed.path).not.toContain('iframe')
        }
      }
    }
  })

  it('should carry no `<script` and no `javascript:` in any feed', async () => {
    for (const {feeds} of builds) {
      for (const file of feeds) {
        const text = await readFile(file, 'utf8')
        expect(text, file).not.toMatch(/<script|&lt;script|javascript:/i)
      }
    }
  })

  it('should write JSON Feed 1.1 with every required field', async () => {
    for (const {name, output, feeds} of builds) {
      for (const file of feeds.filter((each) => each.endsWith('.json'))) {
        const where = `${name}: ${path.relative(output, file)}`
        const text = await readFile(file, 'utf8')
        const feed = JSON.parse(text)
        expect(checkJsonFeed(feed), where).toEqual([])
        expect(text, where).toBe(JSON.stringify(feed, null, 2) + '\n')
      }
    }
  })

  it('should build the same bytes twice', async () => {
    const hostile = builds.find((each) => each.name === 'feeds-hostile')!
    const again = path.join(temp, 'hostile-again')
    await build({config: await hostileConfig(again), clean: true})
    for (const file of hostile.feeds) {
      expect(await readFile(path.join(again, path.relative(hostile.output, file)), 'utf8'), file).toBe(await readFile(file, 'utf8'))
    }
  })

  it('should pass the project\'s own feed checks (`pressroom check`)', async () => {
    for (const {name, output, feeds} of builds) {
      for (const feed of feeds) {
        const file = new VFile({path: path.relative(output, feed)})
        const text = await readFile(feed, 'utf8')
        if (feed.endsWith('.json')) checkJsonFeedOfProject(file, text)
        else checkFeedXml(file, text)
        expect(file.messages.map((message) => `${message.ruleId}: ${message.reason}`), `${name}: ${file.path}`).toEqual([])
      }
    }
  })
})

/**
 * Check a JSON Feed 1.1 document's required and typed fields
 * (https://www.jsonfeed.org/version/1.1/).
 *
 * @param feed
 *   Parsed document.
 * @returns
 *   Problems, empty when valid.
 */
function checkJsonFeed(feed: Record<string, unknown>): string[] {
  const problems: string[] = []
  const string = (value: unknown, where: string, required = false) => {
    if (value === undefined) {
      if (required) problems.push(`${where} is required`)
    } else if (typeof value !== 'string' || value === '') problems.push(`${where} must be a non-empty string`)
  }
  const url = (value: unknown, where: string, required = false) => {
    string(value, where, required)
    if (typeof value === 'string' && !absolute.test(value)) problems.push(`${where} must be an absolute URL`)
  }
  const authors = (value: unknown, where: string) => {
    if (value === undefined) return
    if (!Array.isArray(value) || value.length === 0) problems.push(`${where} must be a non-empty array`)
    else for (const [index, author] of value.entries()) string((author as {name?: unknown}).name, `${where}[${index}].name`, true)
  }
  if (feed['version'] !== 'https://jsonfeed.org/version/1.1') problems.push('version must be https://jsonfeed.org/version/1.1')
  string(feed['title'], 'title', true)
  url(feed['home_page_url'], 'home_page_url')
  url(feed['feed_url'], 'feed_url')
  url(feed['icon'], 'icon')
  url(feed['favicon'], 'favicon')
  string(feed['language'], 'language')
  authors(feed['authors'], 'authors')
  if ('author' in feed) problems.push('author is deprecated in 1.1, use authors')
  if (!Array.isArray(feed['items'])) return [...problems, 'items must be an array']
  for (const [index, item] of (feed['items'] as Array<Record<string, unknown>>).entries()) {
    const where = `items[${index}]`
    string(item['id'], `${where}.id`, true)
    url(item['url'], `${where}.url`)
    url(item['external_url'], `${where}.external_url`)
    string(item['title'], `${where}.title`)
    if (typeof item['content_html'] !== 'string' && typeof item['content_text'] !== 'string') {
      problems.push(`${where} needs content_html or content_text`)
    }
    string(item['summary'], `${where}.summary`)
    url(item['image'], `${where}.image`)
    for (const key of ['date_published', 'date_modified']) {
      if (item[key] !== undefined && !(typeof item[key] === 'string' && rfc3339.test(item[key] as string))) {
        problems.push(`${where}.${key} must be an RFC 3339 date`)
      }
    }
    authors(item['authors'], `${where}.authors`)
    if ('author' in item) problems.push(`${where}.author is deprecated in 1.1, use authors`)
    if (item['tags'] !== undefined && !(Array.isArray(item['tags']) && item['tags'].every((tag) => typeof tag === 'string'))) {
      problems.push(`${where}.tags must be an array of strings`)
    }
    string(item['language'], `${where}.language`)
  }
  return problems
}
