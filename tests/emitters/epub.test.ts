/**
 * EPUB emitter: container layout, package metadata, navigation, direction,
 * images, escaping, reproducibility.
 */
import {readFileSync, writeFileSync, existsSync, mkdirSync} from 'node:fs'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {resolveConfig, type UserConfig} from '../../src/config.js'
import {createEmitContext} from '../../src/emitters/context.js'
import {epubEmitter, type EpubOptions} from '../../src/emitters/epub/index.js'
import {uuidV5} from '../../src/emitters/epub/uuid.js'
import {xmlName} from '../../src/emitters/epub/xhtml-ids.js'
import {zipTimestamp} from '../../src/emitters/epub/ocf.js'
import type {Article} from '../../src/types.js'
import {article, asset, basicArticle, h, messyArticle, plainArticle, rtlArticle} from '../fixtures/epub-articles/index.js'
import {normalizeEpub, textOf, unzipEpub, zipEntries} from '../helpers/normalize-epub.js'
import {articleFrom} from '../helpers/article.js'
import {longArticleMarkdown} from '../helpers/long-article.js'

const root = path.resolve(import.meta.dirname, '../..')
const site: NonNullable<UserConfig['site']> = {title: 'The Erbil Ledger', url: 'https://ledger.example/', publisher: 'Ledger Media'}

function setup(articles: Article[], options: EpubOptions = {}) {
  const config = resolveConfig({site}, root)
  const emitter = epubEmitter(options)
  const ctx = createEmitContext({config, emitters: [emitter], articles})
  return {emitter, ctx}
}

async function buildArticle(input: Article, options: EpubOptions = {}): Promise<Uint8Array> {
  const {emitter, ctx} = setup([input], options)
  const files = await emitter.article!(input, ctx)
  expect(files).toHaveLength(1)
  expect(files[0]!.path).toBe(`epub/${input.meta.slug}.epub`)
  return files[0]!.contents as Uint8Array
}

async function buildEdition(articles: Article[], options: EpubOptions = {}): Promise<Uint8Array> {
  const {emitter, ctx} = setup(articles, options)
  const files = await emitter.collection!(articles, ctx)
  expect(files).toHaveLength(1)
  expect(files[0]!.path).toBe('epub/edition.epub')
  return files[0]!.contents as Uint8Array
}

function ids(xhtml: string): string[] {
  return [...xhtml.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]!)
}

let savedEpoch: string | undefined
beforeEach(() => {
  savedEpoch = process.env['SOURCE_DATE_EPOCH']
  delete process.env['SOURCE_DATE_EPOCH']
})
afterEach(() => {
  if (savedEpoch === undefined) delete process.env['SOURCE_DATE_EPOCH']
  else process.env['SOURCE_DATE_EPOCH'] = savedEpoch
  vi.restoreAllMocks()
})

describe('epubEmitter', () => {
  it('should be a plain object naming its outputs', () => {
    const emitter = epubEmitter()
    expect(emitter.name).toBe('epub')
    const config = resolveConfig({}, root)
    expect(emitter.paths!(basicArticle(), config)).toEqual({epub: 'epub/iraq-security.epub'})
    expect(emitter.collectionPaths!(config)).toEqual({'epub-edition': 'epub/edition.epub'})
  })

  it('should throw a `TypeError` on bad options', () => {
    expect(() => epubEmitter({editionSize: 0})).toThrow(TypeError)
    expect(() => epubEmitter({editionSize: 1.5})).toThrow(/editionSize/)
    expect(() => epubEmitter({certifiedBy: true as unknown as string})).toThrow(/certifiedBy/)
  })
})

describe('container', () => {
  it('should write `mimetype` first, stored, without extra field', async () => {
    const bytes = await buildArticle(basicArticle())
    const entries = zipEntries(bytes)
    expect(entries[0]).toMatchObject({name: 'mimetype', method: 0, extraLength: 0, offset: 0})
    expect(new TextDecoder().decode(bytes.subarray(30, 58))).toBe('mimetypeapplication/epub+zip')
    expect(entries[1]!.name).toBe('META-INF/container.xml')
    expect(textOf(unzipEpub(bytes), 'META-INF/container.xml')).toContain('full-path="EPUB/package.opf"')
  })

  it('should write entries in a fixed order', async () => {
    const names = zipEntries(await buildArticle(basicArticle())).map((entry) => entry.name)
    expect(names).toEqual([
      'mimetype',
      'META-INF/container.xml',
      'EPUB/package.opf',
      'EPUB/nav.xhtml',
      'EPUB/cover.xhtml',
      'EPUB/article.xhtml',
      'EPUB/styles/epub.css',
      'EPUB/images/image-1.png',
      'EPUB/images/image-2.png',
      'EPUB/images/image-3.svg'
    ])
  })
})

describe('package document', () => {
  it('should carry the article metadata', async () => {
    const opf = textOf(unzipEpub(await buildArticle(basicArticle())), 'EPUB/package.opf')
    const id = uuidV5('https://ledger.example/iraq-security')
    expect(id).toMatch(/^[\da-f]{8}-[\da-f]{4}-5[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/)
    expect(opf).toContain('unique-identifier="pub-id"')
    expect(opf).toContain(`<dc:identifier id="pub-id">urn:uuid:${id}</dc:identifier>`)
    expect(opf).toContain('<dc:title id="title">Iraq Studies New Security Agreement with US</dc:title>')
    expect(opf).toContain('<dc:language>en</dc:language>')
    expect(opf).toContain('<dc:creator id="creator-1">Dilan Ahmed</dc:creator>')
    expect(opf).toContain('<meta refines="#creator-2" property="role" scheme="marc:relators">aut</meta>')
    expect(opf).toContain('<dc:date>2025-02-10T08:30:00Z</dc:date>')
    expect(opf).toContain('<meta property="dcterms:modified">2025-02-11T10:00:00Z</meta>')
    expect(opf).toContain('<dc:publisher>Ledger Media</dc:publisher>')
    expect(opf).toContain('<dc:description>Baghdad wants a sustainable security partnership &amp; more intelligence cooperation.</dc:description>')
    expect(opf).toContain('<dc:subject>Iraq</dc:subject>')
    expect(opf).toContain('<dc:subject>Security</dc:subject>')
  })

  it('should keep the identifier stable across builds and distinct per article', async () => {
    const first = textOf(unzipEpub(await buildArticle(basicArticle())), 'EPUB/package.opf')
    const again = textOf(unzipEpub(await buildArticle(basicArticle())), 'EPUB/package.opf')
    const other = textOf(unzipEpub(await buildArticle(plainArticle())), 'EPUB/package.opf')
    const identifier = (opf: string) => /<dc:identifier[^>]*>([^<]+)</.exec(opf)![1]
    expect(identifier(first)).toBe(identifier(again))
    expect(identifier(first)).not.toBe(identifier(other))
  })

  it('should omit empty optional elements (`dc:description`)', async () => {
    const opf = textOf(unzipEpub(await buildArticle(plainArticle())), 'EPUB/package.opf')
    expect(opf).not.toContain('dc:description')
    expect(opf).not.toMatch(/<dc:\w+[^>]*>\s*<\/dc:/)
    expect(opf).not.toMatch(/=""/)
    // No authors: the site's author stands in.
    expect(opf).toContain('<dc:creator id="creator-1">The Erbil Ledger</dc:creator>')
  })

  it('should state accessibility metadata that is true of the book', async () => {
    const withImages = textOf(unzipEpub(await buildArticle(basicArticle())), 'EPUB/package.opf')
    expect(withImages).toContain('<meta property="schema:accessMode">textual</meta>')
    expect(withImages).toContain('<meta property="schema:accessMode">visual</meta>')
    expect(withImages).toContain('<meta property="schema:accessModeSufficient">textual</meta>')
    expect(withImages).toContain('<meta property="schema:accessibilityFeature">alternativeText</meta>')
    expect(withImages).toContain('<meta property="schema:accessibilityFeature">structuralNavigation</meta>')
    expect(withImages).toContain('<meta property="schema:accessibilityFeature">tableOfContents</meta>')
    expect(withImages).toContain('<meta property="schema:accessibilityHazard">none</meta>')
    expect(withImages).toMatch(/<meta property="schema:accessibilitySummary" xml:lang="en">[^<]+<\/meta>/)
    expect(withImages).toContain('<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>')
    expect(withImages).toContain('<meta property="a11y:certifiedBy">Ledger Media</meta>')

    const textOnly = textOf(unzipEpub(await buildArticle(rtlArticle())), 'EPUB/package.opf')
    expect(textOnly).not.toContain('<meta property="schema:accessMode">visual</meta>')
    expect(textOnly).not.toContain('alternativeText')
  })

  it('should make no conformance claim when an image lacks alt text', async () => {
    const map = asset('epub-basic', 'map.png', 'image/png')
    const input = article(
      {title: 'No alt', slug: 'no-alt', date: '2025-01-01T00:00:00Z'},
      [h('p', h('img', {src: 'assets/map.png', alt: ''}))],
      {assets: [map]}
    )
    const opf = textOf(unzipEpub(await buildArticle(input)), 'EPUB/package.opf')
    expect(opf).not.toContain('dcterms:conformsTo')
    expect(opf).not.toContain('a11y:certifiedBy')
    expect(opf).not.toContain('alternativeText')
    expect(opf).toContain('<meta property="schema:accessModeSufficient">textual,visual</meta>')
    expect(opf).not.toContain('<meta property="schema:accessModeSufficient">textual</meta>')
  })

  it('should name nobody as certifier with `certifiedBy: false`', async () => {
    const opf = textOf(unzipEpub(await buildArticle(basicArticle(), {certifiedBy: false})), 'EPUB/package.opf')
    expect(opf).toContain('dcterms:conformsTo')
    expect(opf).not.toContain('a11y:certifiedBy')
  })
})

describe('navigation', () => {
  it('should list the article and its subheadings, nested', async () => {
    const files = unzipEpub(await buildArticle(basicArticle()))
    const nav = textOf(files, 'EPUB/nav.xhtml')
    expect(nav).toContain('epub:type="toc"')
    expect(nav).toContain('<a href="article.xhtml">Iraq Studies New Security Agreement with US</a>')
    expect(nav).toContain('<a href="article.xhtml#under-review">Agreement under review</a>')
    // An id starting with a digit is not an XML name: renamed, link follows.
    expect(nav).toContain('<a href="article.xhtml#id-2024-plans">2024 plans</a>')
    expect(nav).toMatch(/#id-2024-plans">2024 plans<\/a>\s*<ol>\s*<li><a href="article.xhtml#budget">Budget<\/a>/)
    expect(nav).toContain('epub:type="landmarks"')
    const chapter = textOf(files, 'EPUB/article.xhtml')
    expect(chapter).toContain('<h2 id="id-2024-plans">2024 plans</h2>')
    expect(chapter).toContain('<a href="#id-2024-plans">the plans</a>')
  })

  it('should list each article of the edition with its subheadings', async () => {
    const files = unzipEpub(await buildEdition([basicArticle(), rtlArticle(), plainArticle()]))
    const nav = textOf(files, 'EPUB/nav.xhtml')
    expect(nav).toContain('<a href="article-01.xhtml">Iraq Studies New Security Agreement with US</a>')
    expect(nav).toContain('<a href="article-01.xhtml#budget">Budget</a>')
    expect(nav).toContain('<li lang="ckb" xml:lang="ckb" dir="rtl"><a href="article-02.xhtml">')
    expect(nav).toContain('<a href="article-03.xhtml">Border Patrols Resume</a>')
    expect(nav).toContain('<a href="article-03.xhtml#next">What comes next</a>')
    const opf = textOf(files, 'EPUB/package.opf')
    expect(opf).toMatch(/<itemref idref="cover"\/>\s*<itemref idref="nav"\/>\s*<itemref idref="article-01"\/>/)
    expect(opf).toContain('<dc:language>en</dc:language>')
    expect(opf).toContain('<dc:language>ckb</dc:language>')
  })
})

describe('direction and language', () => {
  it('should mark right-to-left articles on every document and the spine', async () => {
    const files = unzipEpub(await buildArticle(rtlArticle()))
    const opf = textOf(files, 'EPUB/package.opf')
    expect(opf).toContain('<spine page-progression-direction="rtl">')
    expect(opf).toContain('<dc:language>ckb</dc:language>')
    for (const name of ['EPUB/article.xhtml', 'EPUB/nav.xhtml', 'EPUB/cover.xhtml']) {
      const xhtml = textOf(files, name)
      expect(xhtml, name).toMatch(/<html [^>]*xml:lang="ckb" lang="ckb" dir="rtl"/)
      expect(xhtml, name).toMatch(/<body[^>]* dir="rtl"/)
    }
    const chapter = textOf(files, 'EPUB/article.xhtml')
    expect(chapter).toContain('<h2 id="ڕێککەوتنەکە">ڕێککەوتنەکە</h2>')
    // Arabic-Indic digits cannot start an XML name.
    expect(chapter).toContain('<h2 id="id-٢٠٢٥">')
  })

  it('should treat `meta.dir: rtl` as right to left whatever the language', async () => {
    const input = article({title: 'x', slug: 'x', date: '2025-01-01T00:00:00Z', lang: 'en', dir: 'rtl'}, [h('p', 'x')])
    expect(textOf(unzipEpub(await buildArticle(input)), 'EPUB/package.opf')).toContain('page-progression-direction="rtl"')
  })

  it('should write a well-formed language tag whatever the metadata says', async () => {
    const underscore = article({title: 'x', slug: 'x', date: '2025-01-01T00:00:00Z', lang: 'en_GB'}, [h('p', 'x')])
    expect(textOf(unzipEpub(await buildArticle(underscore)), 'EPUB/package.opf')).toContain('<dc:language>en-GB</dc:language>')
    const word = article({title: 'x', slug: 'x', date: '2025-01-01T00:00:00Z', lang: 'English (UK)'}, [h('p', 'x')])
    const files = unzipEpub(await buildArticle(word))
    expect(textOf(files, 'EPUB/package.opf')).toContain('<dc:language>en</dc:language>')
    expect(textOf(files, 'EPUB/article.xhtml')).toContain('xml:lang="en" lang="en"')
  })

  it('should set `xml:lang` and `lang` on every left-to-right document', async () => {
    const files = unzipEpub(await buildArticle(basicArticle()))
    expect(textOf(files, 'EPUB/package.opf')).not.toContain('page-progression-direction')
    for (const name of Object.keys(files).filter((name) => name.endsWith('.xhtml'))) {
      expect(textOf(files, name), name).toMatch(/<html [^>]*xml:lang="en" lang="en" dir="ltr"/)
    }
  })
})

describe('images', () => {
  it('should embed local images with their media types, the lead image as cover', async () => {
    const files = unzipEpub(await buildArticle(basicArticle()))
    const opf = textOf(files, 'EPUB/package.opf')
    expect(opf).toContain('<item id="image-1" href="images/image-1.png" media-type="image/png" properties="cover-image"/>')
    expect(opf).toContain('<item id="image-3" href="images/image-3.svg" media-type="image/svg+xml"/>')
    const fixture = (name: string) => new Uint8Array(readFileSync(path.join(root, 'tests/fixtures/epub-basic', name)))
    expect(files['EPUB/images/image-1.png']).toEqual(fixture('lead.png'))
    expect(files['EPUB/images/image-2.png']).toEqual(fixture('map.png'))
    const chapter = textOf(files, 'EPUB/article.xhtml')
    expect(chapter).toContain('<img src="images/image-2.png" alt="Map of the border area" width="64" height="40" />')
    expect(textOf(files, 'EPUB/cover.xhtml')).toContain('src="images/image-1.png" alt="The defence minister at a podium"')
  })

  it('should never fetch a remote image, show its alt text and warn once', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    const input = basicArticle()
    const {emitter, ctx} = setup([input])
    const [file] = await emitter.article!(input, ctx)
    await emitter.collection!([input], ctx)
    expect(fetchSpy).not.toHaveBeenCalled()
    const files = unzipEpub(file!.contents as Uint8Array)
    const chapter = textOf(files, 'EPUB/article.xhtml')
    expect(chapter).toContain('<span class="image-alt">Soldiers at the border</span>')
    expect(chapter).not.toContain('cdn.example.net')
    expect(textOf(files, 'EPUB/package.opf')).not.toContain('cdn.example.net')
    const warnings = input.file.messages.filter((message) => message.ruleId === 'remote-image')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.reason).toContain('https://cdn.example.net/photo.jpg')
    expect(warnings[0]!.fatal).toBe(false)
  })

  it('should generate an SVG cover without a local lead image', async () => {
    const files = unzipEpub(await buildArticle(plainArticle()))
    const svg = textOf(files, 'EPUB/images/cover.svg')
    expect(svg).toContain('Border Patrols Resume')
    expect(svg).toContain('The Erbil Ledger')
    expect(textOf(files, 'EPUB/package.opf')).toContain('href="images/cover.svg" media-type="image/svg+xml" properties="cover-image"')
    // A caption whose photo was not supplied (wire copy) is not shown.
    expect(textOf(files, 'EPUB/article.xhtml')).not.toContain('Soldiers on patrol near Sinjar')
  })

  it('should show a remote lead image as text and generate the cover', async () => {
    const input = article(
      {
        title: 'Remote lead',
        slug: 'remote-lead',
        date: '2025-01-01T00:00:00Z',
        image: {src: 'https://cdn.example.net/lead.jpg', alt: 'A crowd in Erbil', caption: 'Crowds gathered.'}
      },
      [h('p', 'Body.')]
    )
    const files = unzipEpub(await buildArticle(input))
    expect(textOf(files, 'EPUB/article.xhtml')).toContain('<p class="lead-caption">Crowds gathered.</p>')
    expect(Object.keys(files)).toContain('EPUB/images/cover.svg')
    expect(textOf(files, 'EPUB/package.opf')).not.toContain('cdn.example.net')
    expect(input.file.messages.map((message) => message.ruleId)).toEqual(['remote-image'])
  })

  it('should show images EPUB cannot hold as alt text, with a warning', async () => {
    const webp = {...asset('epub-basic', 'map.png', 'image/webp'), output: 'assets/photo.webp'}
    const input = article(
      {title: 'Webp', slug: 'webp', date: '2025-01-01T00:00:00Z'},
      [h('p', h('img', {src: 'assets/photo.webp', alt: 'A webp photo'}))],
      {assets: [webp]}
    )
    const files = unzipEpub(await buildArticle(input))
    expect(textOf(files, 'EPUB/article.xhtml')).toContain('<span class="image-alt">A webp photo</span>')
    expect(Object.keys(files).some((name) => name.endsWith('.webp'))).toBe(false)
    expect(input.file.messages.map((message) => message.ruleId)).toContain('epub-unsupported-image')
  })
})

describe('XHTML', () => {
  it('should escape `]]>` in text', async () => {
    const chapter = textOf(unzipEpub(await buildArticle(basicArticle())), 'EPUB/article.xhtml')
    expect(chapter).not.toContain(']]>')
    expect(chapter).toContain('remains ]]&gt; real')
    expect(chapter).toContain('&#x3C;![CDATA[ x ]]&gt;')
  })

  it('should make site paths absolute and drop links to missing anchors', async () => {
    const chapter = textOf(unzipEpub(await buildArticle(basicArticle())), 'EPUB/article.xhtml')
    expect(chapter).toContain('<a href="https://ledger.example/about/">about us</a>')
    expect(chapter).toContain('<a href="https://example.org/report?a=1&#x26;b=2">report</a>')
    expect(chapter).toContain('<a>a missing anchor</a>')
  })

  it('should write links EPUBCheck accepts as RFC 3986 URIs', async () => {
    const input = article({title: 'x', slug: 'x', date: '2025-01-01T00:00:00Z'}, [
      h('p', h('a', {href: 'https://foo.bar.`baz/'}, 'tick'), h('a', {href: 'https://example.com/{x}|y?q=100%'}, 'braces'), h('a', {href: '/ünï cödé/'}, 'unicode'))
    ])
    const chapter = textOf(unzipEpub(await buildArticle(input)), 'EPUB/article.xhtml')
    expect(chapter).toContain('href="https://foo.bar.%60baz/"')
    expect(chapter).toContain('href="https://example.com/%7Bx%7D%7Cy?q=100%25"')
    expect(chapter).toContain('href="https://ledger.example/%C3%BCn%C3%AF%20c%C3%B6d%C3%A9/"')
  })

  it('should keep ids unique in each document', async () => {
    const files = unzipEpub(await buildEdition([basicArticle(), rtlArticle(), plainArticle()]))
    for (const name of Object.keys(files).filter((name) => name.endsWith('.xhtml'))) {
      const list = ids(textOf(files, name))
      expect(new Set(list).size, name).toBe(list.length)
    }
    // The repeated `budget` id got a fresh one.
    expect(textOf(files, 'EPUB/article-01.xhtml')).toContain('<h3 id="budget-2">Budget (again)</h3>')
  })

  it('should write XHTML, not HTML (boolean attributes, empty elements)', async () => {
    const chapter = textOf(unzipEpub(await buildArticle(basicArticle())), 'EPUB/article.xhtml')
    expect(chapter).toContain('<input type="checkbox" checked="" disabled="" />')
    expect(chapter).not.toMatch(/<(img|input|br|hr)\b[^>]*[^/]>/)
    expect(chapter).toContain('<th class="align-left">Region</th>')
  })

  it('should mark footnotes with `epub:type` and roles', async () => {
    const chapter = textOf(unzipEpub(await buildArticle(basicArticle())), 'EPUB/article.xhtml')
    expect(chapter).toMatch(/<a href="#fn-1" id="fnref-1"[^>]* epub:type="noteref" role="doc-noteref">1<\/a>/)
    expect(chapter).toContain('<section class="footnotes" epub:type="footnotes" role="doc-endnotes">')
    expect(chapter).toContain('<li id="fn-1" epub:type="footnote">')
    expect(chapter).toContain('role="doc-backlink"')
  })

  it('should link footnotes to the notes when the article’s raw HTML takes their ids', async () => {
    const input = articleFrom('---\ntitle: Notes\ndate: 2024-01-01\n---\n\nText[^1].\n\n[^1]: Note.\n\n<p id="fn-1">Not the note</p>\n\n<p id="footnote-label">x</p>\n')
    const chapter = textOf(unzipEpub(await buildArticle(input)), 'EPUB/article.xhtml')
    expect(chapter).toMatch(/<a href="#fn-1" id="fnref-1" aria-describedby="footnote-label"[^>]*>1<\/a>/)
    expect(chapter).toContain('<li id="fn-1" epub:type="footnote">')
    expect(chapter).toContain('id="footnote-label">Footnotes</h2>')
    expect(chapter).toContain('<p id="fn-1-1">Not the note</p>')
  })

  it('should map HTML the XHTML content models reject', async () => {
    const input = messyArticle()
    const chapter = textOf(unzipEpub(await buildArticle(input)), 'EPUB/article.xhtml')
    const body = chapter.slice(chapter.indexOf('<div class="article-body">'))
    // A block inside a heading gives its text to the heading.
    expect(body).toContain('<h2 id="id-1.-Intro">Intro inside a heading</h2>')
    // Obsolete elements and attributes.
    expect(body).toContain('<div class="center"><span>Centered</span><span class="big">big</span><code>tt</code><s>gone</s></div>')
    expect(body).toContain('<table class="align-center"><tbody><tr><td colspan="2">')
    expect(body).not.toMatch(/border=|cellpadding|width="100%"|summary=|valign|nowrap/i)
    // No link in a link, no list item outside `li`, no `dd` before a `dt`.
    expect(body).toContain('<a href="https://ledger.example/x/">a link in a link</a>')
    expect(body).toContain('<ul><li><ul><li>nested without li</li></ul></li><li>ok</li></ul>')
    expect(body).not.toContain('<dl')
    // Nothing executable or embedded, no unsafe or invalid URLs.
    expect(body).not.toMatch(/<(script|iframe|source|picture|my-widget)\b/)
    expect(body).toContain('<p>custom element content</p>')
    expect(body).toContain('<a>bad</a> <a>spaces</a> <a href="mailto:desk@example.com">mail</a>')
    // Control characters go, invalid `lang`/`type`/`start`/`datetime` go, duplicate ids are renamed.
    expect(body).not.toContain('\u0007')
    expect(body).toContain('<p lang="fr" xml:lang="fr" id="fr">Bonjour <span>x</span></p>')
    expect(body).toContain('<p id="fr-2">duplicate id</p>')
    expect(body).toContain('<ol><li value="3">three</li></ol>')
    expect(body).toContain('<span>yesterday</span>')
    expect(textOf(unzipEpub(await buildArticle(input)), 'EPUB/nav.xhtml')).toContain('<a href="article.xhtml#id-1.-Intro">Intro</a>')
  })

  it('should not change the article', async () => {
    const input = basicArticle()
    const before = JSON.stringify(input.hast)
    await buildArticle(input)
    expect(JSON.stringify(input.hast)).toBe(before)
  })

  it('should make XML names of any id', () => {
    expect(xmlName('budget')).toBe('budget')
    expect(xmlName('2024-plans')).toBe('id-2024-plans')
    expect(xmlName('a b:c')).toBe('a-b-c')
    expect(xmlName('ناوەڕۆک')).toBe('ناوەڕۆک')
  })
})

describe('edition', () => {
  it('should hold the latest `editionSize` articles, newest first', async () => {
    const files = unzipEpub(await buildEdition([basicArticle(), rtlArticle(), plainArticle()], {editionSize: 2}))
    expect(Object.keys(files).filter((name) => /article-\d+\.xhtml$/.test(name))).toEqual([
      'EPUB/article-01.xhtml',
      'EPUB/article-02.xhtml'
    ])
    const opf = textOf(files, 'EPUB/package.opf')
    const slugs = 'iraq-security,عێراق-ڕێککەوتن'
    expect(opf).toContain(`urn:uuid:${uuidV5('https://ledger.example/edition:' + slugs)}`)
    expect(textOf(files, 'EPUB/article-02.xhtml')).toMatch(/<html [^>]*xml:lang="ckb" lang="ckb" dir="rtl"/)
  })

  it('should date the edition with the build date and a generated cover', async () => {
    const files = unzipEpub(await buildEdition([basicArticle(), plainArticle()]))
    const opf = textOf(files, 'EPUB/package.opf')
    // The newest article date is the build date without SOURCE_DATE_EPOCH.
    expect(opf).toContain('<meta property="dcterms:modified">2025-02-11T10:00:00Z</meta>')
    expect(opf).toContain('<dc:title id="title">The Erbil Ledger — February 11, 2025</dc:title>')
    const svg = textOf(files, 'EPUB/images/cover.svg')
    expect(svg).toContain('The Erbil Ledger')
    expect(svg).toContain('February 11, 2025')
  })

  it('should write nothing without articles', async () => {
    const {emitter, ctx} = setup([])
    expect(await emitter.collection!([], ctx)).toEqual([])
  })
})

describe('reproducibility', () => {
  it('should give identical bytes for the same inputs', async () => {
    expect(await buildArticle(basicArticle())).toEqual(await buildArticle(basicArticle()))
    expect(await buildArticle(rtlArticle())).toEqual(await buildArticle(rtlArticle()))
    const articles = () => [basicArticle(), rtlArticle(), plainArticle()]
    expect(await buildEdition(articles())).toEqual(await buildEdition(articles()))
  })

  it('should not depend on the time zone', async () => {
    const saved = process.env['TZ']
    try {
      process.env['TZ'] = 'UTC'
      const utc = await buildArticle(basicArticle())
      process.env['TZ'] = 'America/Los_Angeles'
      const la = await buildArticle(basicArticle())
      process.env['TZ'] = 'Asia/Baghdad'
      const baghdad = await buildArticle(basicArticle())
      expect(la).toEqual(utc)
      expect(baghdad).toEqual(utc)
    } finally {
      if (saved === undefined) delete process.env['TZ']
      else process.env['TZ'] = saved
    }
  })

  it('should date ZIP entries from the article without SOURCE_DATE_EPOCH', async () => {
    const entries = zipEntries(await buildArticle(basicArticle()))
    for (const entry of entries) expect(entry.dos).toMatchObject({year: 2025, month: 2, day: 11})
  })

  it('should respect SOURCE_DATE_EPOCH', async () => {
    process.env['SOURCE_DATE_EPOCH'] = String(Date.UTC(2030, 5, 15, 9, 0, 0) / 1000)
    const edition = await buildEdition([basicArticle(), plainArticle()])
    expect(textOf(unzipEpub(edition), 'EPUB/package.opf')).toContain('<meta property="dcterms:modified">2030-06-15T09:00:00Z</meta>')
    for (const entry of zipEntries(edition)) expect(entry.dos).toMatchObject({year: 2030, month: 6, day: 15})
    const single = await buildArticle(basicArticle())
    for (const entry of zipEntries(single)) expect(entry.dos).toMatchObject({year: 2030, month: 6, day: 15})
    // The article's own modification date stays the article's.
    expect(textOf(unzipEpub(single), 'EPUB/package.opf')).toContain('<meta property="dcterms:modified">2025-02-11T10:00:00Z</meta>')
  })

  it('should clamp ZIP timestamps to the years ZIP can hold', () => {
    expect(zipTimestamp(new Date(0)).getFullYear()).toBe(1980)
    expect(zipTimestamp(new Date('2150-01-01T00:00:00Z')).getFullYear()).toBe(2099)
  })
})

describe('golden', () => {
  const cases: Array<[string, () => Promise<Uint8Array>]> = [
    ['epub-basic', () => buildArticle(basicArticle())],
    ['epub-rtl', () => buildArticle(rtlArticle())],
    ['epub-edition', () => buildEdition([basicArticle(), rtlArticle(), plainArticle()])]
  ]
  for (const [name, build] of cases) {
    it(`should match \`tests/fixtures/${name}/expected/epub.json\``, async () => {
      const actual = JSON.stringify(normalizeEpub(await build()), null, 2) + '\n'
      const file = path.join(root, 'tests/fixtures', name, 'expected/epub.json')
      if (process.env['UPDATE'] || !existsSync(file)) {
        mkdirSync(path.dirname(file), {recursive: true})
        writeFileSync(file, actual)
      }
      expect(actual).toBe(readFileSync(file, 'utf8'))
    })
  }
})

describe('epub split', () => {
  it('should split a 1 MB article at headings into documents under 250 KB, with spine, manifest, navigation and links across them', async () => {
    const input = articleFrom(longArticleMarkdown(), {path: 'input/long-report.md'})
    const entries = unzipEpub(await buildArticle(input))
    const documents = Object.keys(entries).filter((name) => /^EPUB\/article(-\d+)?\.xhtml$/.test(name))
    const order = (name: string) => Number(/-(\d+)\.xhtml$/.exec(name)?.[1] ?? 1)
    documents.sort((a, b) => order(a) - order(b))
    expect(documents.length).toBeGreaterThanOrEqual(4)
    expect(documents[0]).toBe('EPUB/article.xhtml')
    const texts = documents.map((name) => textOf(entries, name))
    for (const [index, xhtml] of texts.entries()) {
      expect(new TextEncoder().encode(xhtml).length, documents[index]).toBeLessThanOrEqual(250 * 1024)
      // Each later document opens with a section heading.
      if (index > 0) expect(xhtml).toMatch(/<div class="article-body">\s*<h2 id="section-\d+"/)
    }
    // The header once, in the first document.
    expect(texts.filter((xhtml) => xhtml.includes('<header class="article-header">'))).toHaveLength(1)
    // Reading order: every section once, in order.
    const sections = texts.flatMap((xhtml) => [...xhtml.matchAll(/<h2 id="section-(\d+)"/g)].map((match) => Number(match[1])))
    expect(sections).toEqual(Array.from({length: 48}, (_, index) => index + 1))

    const opf = textOf(entries, 'EPUB/package.opf')
    const files = documents.map((name) => name.slice('EPUB/'.length))
    const spine = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((match) => match[1])
    const manifest = new Map([...opf.matchAll(/<item id="([^"]+)" href="([^"]+)"/g)].map((match) => [match[1]!, match[2]!]))
    expect(spine.map((id) => manifest.get(id!))).toEqual(['cover.xhtml', ...files])

    // Every internal link and navigation entry points at an id of the file it names.
    const idsOf = new Map(files.map((file, index) => [file, new Set([...texts[index]!.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]))]))
    const nav = textOf(entries, 'EPUB/nav.xhtml')
    const targets = [...nav.matchAll(/href="(article[^"#]*\.xhtml)#([^"]+)"/g)].map((match) => [match[1]!, match[2]!] as const)
    expect(targets.length).toBe(48)
    for (const [file, id] of targets) expect(idsOf.get(file)?.has(id), `${file}#${id}`).toBe(true)
    let crossLinks = 0
    for (const [index, xhtml] of texts.entries()) {
      for (const match of xhtml.matchAll(/href="([^"]*)#([^"]+)"/g)) {
        const file = match[1] || files[index]!
        if (match[1]) crossLinks++
        expect(idsOf.get(file)?.has(match[2]!), `${files[index]}: ${match[0]}`).toBe(true)
      }
    }
    // The footnote references in the first documents reach the notes at the end, and back.
    expect(crossLinks).toBeGreaterThanOrEqual(5)
    expect(texts[0]).toMatch(new RegExp(`href="${files.at(-1)}#fn-method"`))
    expect(texts.at(-1)).toMatch(/<section[^>]*class="footnotes"/)
  })

  it('should keep a short article in one document', async () => {
    const input = articleFrom(longArticleMarkdown(3, 2), {path: 'input/short-report.md'})
    const entries = unzipEpub(await buildArticle(input))
    expect(Object.keys(entries).filter((name) => /^EPUB\/article.*\.xhtml$/.test(name))).toEqual(['EPUB/article.xhtml'])
  })
})

describe('epub cover', () => {
  it('should name the article on a generated cover: headline, byline and date', async () => {
    const input = articleFrom('---\ntitle: Bridges reopen across the province\ndate: 2025-03-01\nauthors: [Dilan Ahmed, Sam Carter]\n---\nText.\n', {path: 'input/bridges.md'})
    const entries = unzipEpub(await buildArticle(input))
    const svg = textOf(entries, 'EPUB/images/cover.svg')
    const drawn = [...svg.matchAll(/>([^<]+)<\/text>/g)].map((match) => match[1]).join(' ')
    expect(drawn).toBe('The Erbil Ledger Bridges reopen across the province Dilan Ahmed and Sam Carter March 1, 2025')
    expect(svg).toContain('<title>Bridges reopen across the province — Dilan Ahmed and Sam Carter — The Erbil Ledger, March 1, 2025</title>')
  })

  it('should leave margins to the reading system', () => {
    const css = readFileSync(path.join(root, 'templates/epub/epub.css'), 'utf8')
    expect(css).not.toMatch(/(^|[\s,}])(html|body)(\.[\w-]+)?\s*(,[^{]*)?\{[^}]*\b(margin|padding)\s*:/)
    expect(css).not.toMatch(/@page/)
  })
})
