import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fromHtml} from 'hast-util-from-html'
import {toText} from 'hast-util-to-text'
import {selectAll, select} from 'hast-util-select'
import {describe, expect, it} from 'vitest'
import {createEmitContext} from '../../src/emitters/context.js'
import {faviconSvg, monogramLetter} from '../../src/emitters/html/favicon.js'
import {htmlEmitter} from '../../src/emitters/html/index.js'
import type {Article, Emitter} from '../../src/types.js'
import {articleFrom, corpus, testConfig} from '../helpers/article.js'

const seedText = '---\ndate: 2025-02-25\nauthor: Kurdistan24\ntags: [Iraq]\n---\n' + readFileSync(path.join(corpus, 'seed-article.txt'), 'utf8')

/** Stand-ins for the other emitters: their paths and how they describe them. */
const others: Emitter[] = [
  {name: 'pdf', paths: (a) => ({pdf: `pdf/${a.meta.slug}.pdf`}), outputs: {pdf: {name: 'PDF', mediaType: 'application/pdf'}}},
  {
    name: 'feeds',
    collectionPaths: () => ({rss: 'feeds/rss.xml', atom: 'feeds/atom.xml', json: 'feeds/feed.json'}),
    outputs: {
      rss: {name: 'RSS', mediaType: 'application/rss+xml', feed: true},
      atom: {name: 'Atom', mediaType: 'application/atom+xml', feed: true},
      json: {name: 'JSON Feed', mediaType: 'application/feed+json', feed: true}
    }
  }
]

async function page(article: Article, emitters: Emitter[] = others) {
  const config = testConfig()
  const emitter = htmlEmitter()
  const ctx = createEmitContext({config, emitters: [emitter, ...emitters], articles: [article]})
  const files = await emitter.article!(article, ctx)
  const html = String(files[0]!.contents)
  return {html, tree: fromHtml(html), files}
}

describe('html emitter', () => {
  const seed = articleFrom(seedText, {path: 'input/iraq-security-agreement.txt'})

  it('should write one page per article named by slug', async () => {
    const {files} = await page(seed)
    expect(files.map((file) => file.path)).toEqual(['iraq-security-agreement.html'])
  })

  it('should show the seed structure: one h1, standfirst, no figure for a photo not supplied, dateline, time', async () => {
    const {tree, html} = await page(seed)
    expect(selectAll('h1', tree)).toHaveLength(1)
    expect(toText(select('article h1', tree)!)).toBe('Iraq Studies New Security Agreement with US Amid Regional Challenges')
    expect(toText(select('article .standfirst', tree)!)).toMatch(/^While details of the agreement remain undisclosed/)
    // The wire gives the caption of a photo it does not carry: no empty figure, and a warning says how to add the photo.
    expect(select('figure', tree)).toBeUndefined()
    expect(html).not.toContain('Thabet al-Abbasi. ')
    expect(seed.meta.image).toMatchObject({caption: 'Iraqi Minister of Defence Thabet al-Abbasi.', credit: 'AFP'})
    expect(seed.file.messages.filter((message) => message.ruleId === 'caption-without-image').map((message) => `${message.line}:${message.column}`)).toEqual(['10:1'])
    expect(toText(select('.body p:first-child .dateline', tree)!)).toBe('ERBIL (Kurdistan24) –')
    expect(select('time', tree)!.properties['dateTime']).toBe('2025-02-25T00:00:00.000Z')
    expect(selectAll('.body h2', tree).map((node) => toText(node))).toEqual([
      'US-Iraq Security Agreement Under Review',
      'ISIS Threat Remains in Key Iraqi Regions',
      'Iraq-Turkey Security Cooperation Ongoing'
    ])
    expect(selectAll('.body p', tree)).toHaveLength(16)
    expect(toText(select('.byline', tree)!)).toBe('Kurdistan24')
  })

  it('should draw no figure for a photo the body captions but does not carry, and warn at its line', async () => {
    const text = 'Floods hit Basra\n\nBASRA, Iraq (AP) — Heavy rain flooded streets on Saturday.\n\nResidents wade through a flooded street. (AP Photo/Nabil al-Jurani)\n\nOfficials said pumps had failed.\n'
    const article = articleFrom(text, {path: 'input/floods.txt'})
    const {tree, html} = await page(article)
    expect(select('figure', tree)).toBeUndefined()
    expect(html).not.toContain('Residents wade')
    expect(selectAll('.body p', tree).map((node) => toText(node))).toEqual(['BASRA, Iraq (AP) — Heavy rain flooded streets on Saturday.', 'Officials said pumps had failed.'])
    expect(article.meta.photos).toEqual([{caption: 'Residents wade through a flooded street.', credit: 'AP Photo/Nabil al-Jurani'}])
    expect(article.file.messages.filter((message) => message.ruleId === 'caption-without-image').map((message) => `${message.line}:${message.column}`)).toEqual(['5:1'])
    expect(article.file.messages.find((message) => message.ruleId === 'caption-without-image')?.reason).toMatch(/in a Markdown version of the story/)
  })

  it('should keep the layout’s ids its own when the article uses them', async () => {
    const article = articleFrom('---\ntitle: Ids\ndate: 2024-01-01\n---\n\n<p id="feeds-label">x</p>\n')
    const {tree} = await page(article)
    const labelled = selectAll('[id="feeds-label"]', tree)
    expect(labelled).toHaveLength(1)
    expect(select('nav.feeds', tree)!.properties['ariaLabelledBy']).toEqual(['feeds-label'])
    expect(select('nav.feeds [id="feeds-label"]', tree)).toBe(labelled[0])
    expect(select('.body p', tree)!.properties['id']).toBe('feeds-label-1')
  })

  it('should set lang, dir, description, canonical, Open Graph and JSON-LD', async () => {
    const {tree, html} = await page(seed)
    const root = select('html', tree)!
    expect(root.properties).toMatchObject({lang: 'en', dir: 'ltr'})
    expect(select('meta[name=description]', tree)!.properties['content']).toMatch(/^While details/)
    expect(select('link[rel=canonical]', tree)!.properties['href']).toBe('https://news.example.org/iraq-security-agreement.html')
    expect(select('meta[property="og:title"]', tree)!.properties['content']).toBe(seed.meta.title)
    const jsonLd = JSON.parse(toText(select('script[type="application/ld+json"]', tree)!))
    expect(jsonLd).toMatchObject({'@type': 'NewsArticle', headline: seed.meta.title, datePublished: '2025-02-25T00:00:00.000Z', dateline: 'ERBIL (Kurdistan24)', author: [{name: 'Kurdistan24'}]})
    expect(html).not.toContain('<script>')
  })

  it('should link the feeds and the other formats', async () => {
    const {tree} = await page(seed)
    const alternates = selectAll('link[rel=alternate]', tree).map((node) => [node.properties['type'], node.properties['href']])
    expect(alternates).toEqual([
      ['application/rss+xml', 'feeds/rss.xml'],
      ['application/atom+xml', 'feeds/atom.xml'],
      ['application/feed+json', 'feeds/feed.json']
    ])
    expect(select('.formats a', tree)!.properties['href']).toBe('pdf/iraq-security-agreement.pdf')
  })

  it('should name and link other formats and feeds as their emitters describe them', async () => {
    const docx: Emitter = {
      name: 'docx',
      paths: (a) => ({docx: `docx/${a.meta.slug}.docx`, 'docx-notes': `docx/${a.meta.slug}.txt`}),
      collectionPaths: () => ({podcast: 'podcast.xml', sitemap: 'sitemap.xml'}),
      outputs: {
        docx: {name: 'Word document', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'},
        podcast: {name: 'Podcast', mediaType: 'application/rss+xml', feed: true},
        sitemap: {name: 'Sitemap', mediaType: 'application/xml'}
      }
    }
    const {tree} = await page(seed, [docx])
    // An output nobody describes is shown by its label.
    expect(selectAll('.formats a', tree).map((node) => [toText(node), node.properties['href']])).toEqual([
      ['Word document', 'docx/iraq-security-agreement.docx'],
      ['docx-notes', 'docx/iraq-security-agreement.txt']
    ])
    expect(selectAll('link[rel=alternate]', tree).map((node) => [node.properties['type'], node.properties['title'], node.properties['href']])).toEqual([
      ['application/rss+xml', 'The Pressroom Test (Podcast)', 'podcast.xml']
    ])
  })

  it('should not know the other emitters by name', () => {
    const source = readFileSync(path.join(import.meta.dirname, '../../src/emitters/html/index.ts'), 'utf8')
    for (const known of ['pdf', 'epub', 'newsletter', 'rss', 'atom', 'EPUB', 'Plain text', 'JSON Feed', 'application/']) {
      expect(source).not.toContain(`'${known}`)
    }
  })

  it('should write right-to-left articles with lang and dir', async () => {
    const article = articleFrom('---\ntitle: هەولێر\ndate: 2024-01-01\nlang: ckb\n---\n\nهەولێر پایتەختی هەرێمی کوردستانە.\n')
    const {tree} = await page(article)
    expect(select('html', tree)!.properties).toMatchObject({lang: 'ckb', dir: 'rtl'})
  })

  it('should copy local images next to the pages', async () => {
    const article = articleFrom('---\ntitle: T\ndate: 2024-01-01\nimage: images/desk-output-by-format.png\nimage_alt: Chart\n---\n\nBody.\n', {path: 'input/t.md'})
    const {files, tree} = await page(article)
    expect(files.map((file) => file.path)).toEqual(['t.html', article.meta.image!.src])
    expect(select('figure.lead img', tree)!.properties).toMatchObject({alt: 'Chart', width: 480, height: 240})
    expect(files[1]!.contents).toBeInstanceOf(Uint8Array)
  })

  it('should escape metadata in templates (after the reader stripped its markup)', async () => {
    const article = articleFrom('---\ntitle: "<b>Budget</b> & <i>co</i> < 3"\ndate: 2024-01-01\ndescription: "\\"><img src=x onerror=alert(1)>"\n---\n\nBody.\n')
    expect(article.meta.title).toBe('Budget & co < 3')
    const {html} = await page(article)
    expect(html).not.toMatch(/<img src=x|<b>Budget/)
    expect(html).toContain('<title>Budget &amp; co &lt; 3 · ')
    expect(html).toContain('<meta name="description" content="&#34;&gt;">')
  })

  it('should write an index page newest first and the stylesheet', async () => {
    const config = testConfig()
    const emitter = htmlEmitter()
    const older = articleFrom('---\ntitle: Older\ndate: 2020-01-01\n---\nA.\n', {path: 'input/older.md'})
    const ctx = createEmitContext({config, emitters: [emitter], articles: [seed, older]})
    const files = await emitter.collection!([seed, older], ctx)
    expect(files.map((file) => file.path)).toEqual(['index.html', 'style.css', 'favicon.svg'])
    const tree = fromHtml(String(files[0]!.contents))
    expect(selectAll('.article-list a', tree).map((node) => node.properties['href'])).toEqual(['iraq-security-agreement.html', 'older.html'])
    expect(String(files[1]!.contents)).toContain('@media print')
  })

  it('should name the publication once on the index page, as its h1 in the masthead', async () => {
    const config = testConfig({site: {title: 'The Erbil Ledger', url: 'https://ledger.example/', description: 'News from Erbil for its readers.'}})
    const emitter = htmlEmitter()
    const ctx = createEmitContext({config, emitters: [emitter, ...others], articles: [seed]})
    const [index] = await emitter.collection!([seed], ctx)
    const tree = fromHtml(String(index!.contents))
    // Visible once: the masthead's h1 (the head names it in <title> and the feeds' titles).
    expect(toText(select('body', tree)!).split('The Erbil Ledger').length - 1).toBe(1)
    expect(selectAll('h1', tree).map((node) => toText(node))).toEqual(['The Erbil Ledger'])
    expect(select('header.masthead h1', tree)).not.toBeUndefined()
    expect(toText(select('header.masthead .description', tree)!)).toBe('News from Erbil for its readers.')
  })

  it('should list the feeds in a labelled navigation, one item each', async () => {
    const {tree} = await page(seed)
    const nav = select('footer nav.feeds', tree)!
    const labelId = nav.properties['ariaLabelledBy'] as unknown as string[]
    expect(toText(select(`#${String(labelId)}`, tree)!)).toBe('Feeds')
    expect(selectAll('li > a', nav).map((node) => [toText(node), node.properties['href']])).toEqual([
      ['RSS', 'feeds/rss.xml'],
      ['Atom', 'feeds/atom.xml'],
      ['JSON Feed', 'feeds/feed.json']
    ])
  })

  it('should link a generated favicon with the same bytes every build, or the configured one', async () => {
    const {tree} = await page(seed)
    expect(select('link[rel=icon]', tree)!.properties).toMatchObject({href: 'favicon.svg', type: 'image/svg+xml'})
    const build = async () => {
      const emitter = htmlEmitter()
      const ctx = createEmitContext({config: testConfig(), emitters: [emitter], articles: [seed]})
      return (await emitter.collection!([seed], ctx)).find((file) => file.path === 'favicon.svg')!
    }
    const [first, second] = [await build(), await build()]
    expect(String(first.contents)).toBe(String(second.contents))
    expect(String(first.contents)).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^]*>P<\/text>/)

    const config = testConfig({site: {title: 'T', url: 'https://t.example/', favicon: 'icons/mark.png'}})
    const emitter = htmlEmitter()
    const ctx = createEmitContext({config, emitters: [emitter], articles: [seed]})
    const files = await emitter.collection!([seed], ctx)
    expect(files.map((file) => file.path)).not.toContain('favicon.svg')
    expect(emitter.collectionPaths!(config)).not.toHaveProperty('favicon')
    const own = fromHtml(String((await emitter.article!(seed, ctx))[0]!.contents))
    expect(select('link[rel=icon]', own)!.properties).toMatchObject({href: 'icons/mark.png', type: 'image/png'})
  })

  it('should make the monogram of the first word that is not an article', () => {
    expect(monogramLetter('The Pressroom Desk')).toBe('P')
    expect(monogramLetter('an ledger')).toBe('L')
    expect(monogramLetter('The')).toBe('T')
    expect(monogramLetter('«Rûdaw»')).toBe('R')
    expect(monogramLetter('كوردستان ٢٤')).toBe('ك')
    expect(monogramLetter('—')).toBe('#')
    expect(faviconSvg('<&>')).not.toMatch(/<&>/)
  })
})
