import type {Root} from 'hast'
import {afterEach, describe, expect, it} from 'vitest'
import {newsletterEmitter} from '../../../src/emitters/newsletter/index.js'
import type {Article} from '../../../src/types.js'
import {articleFrom, testConfig} from '../../helpers/article.js'
import {articleText, contextFor, edition, problems} from './helpers.js'

function make(slug: string, date: string, extra = ''): Article {
  return articleFrom(`---\ntitle: Story ${slug} & <more>\ndate: ${date}\n${extra}---\n\nBody of ${slug} with AT&amp;T.\n`, {path: `input/${slug}.md`})
}

const saved = process.env['SOURCE_DATE_EPOCH']
afterEach(() => {
  if (saved === undefined) delete process.env['SOURCE_DATE_EPOCH']
  else process.env['SOURCE_DATE_EPOCH'] = saved
})

describe('newsletterEmitter', () => {
  it('should name its outputs', () => {
    const emitter = newsletterEmitter()
    const article = make('a', '2024-01-01')
    expect(emitter.name).toBe('newsletter')
    expect(emitter.paths!(article, testConfig())).toEqual({newsletter: 'newsletter/a.txt'})
    expect(emitter.collectionPaths!(testConfig())).toEqual({
      'newsletter-edition': 'newsletter/edition.txt',
      'newsletter-eml': 'newsletter/edition.eml'
    })
  })

  it('should write text, not HTML: no entities, no escaping', async () => {
    const text = await articleText(make('a', '2024-01-01'))
    expect(text).toContain('Story a & <more>')
    expect(text).toContain('AT&T')
    expect(text).not.toMatch(/&amp;|&lt;|&#/)
  })

  it('should include the latest `limit` articles (default 10), newest first', async () => {
    const articles = Array.from({length: 12}, (_, index) => make(`s${index}`, `2024-01-${String(20 - index).padStart(2, '0')}`))
    const {text} = await edition(articles)
    expect(text).toContain('Story s9 ')
    expect(text).not.toContain('Story s10 ')
    const small = await edition(articles, {limit: 2})
    expect(small.text).toContain('  2. Story s1 ')
    expect(small.text).not.toContain('Story s2 ')
  })

  it('should include the articles since `since`', async () => {
    const articles = [make('new', '2024-03-10'), make('mid', '2024-03-01'), make('old', '2024-02-01')]
    const {text} = await edition(articles, {since: '2024-03-01'})
    expect(text).toContain('Story new')
    expect(text).toContain('Story mid')
    expect(text).not.toContain('Story old')
  })

  it('should date the edition with the build date (`SOURCE_DATE_EPOCH`), never the clock', async () => {
    process.env['SOURCE_DATE_EPOCH'] = String(Date.UTC(2030, 0, 2) / 1000)
    const {text} = await edition([make('a', '2024-01-01')])
    expect(text.split('\n').slice(0, 2)).toEqual(['The Pressroom Test', 'Newsletter, January 2, 2030'])
  })

  it('should keep the blank lines of code blocks, and separate blocks by one blank line', async () => {
    const article = articleFrom('---\ntitle: C\ndate: 2024-01-01\n---\n\n```\na\n\n\nb\n```\n')
    const text = await articleText(article)
    expect(text).toContain('\n\n    a\n\n\n    b\n\nRead on the web')
    expect(text).not.toMatch(/\n\n\n(?! {4}b)/)
  })

  it('should honour `width`', async () => {
    const article = articleFrom('---\ntitle: W\ndate: 2024-01-01\n---\n\n' + 'word '.repeat(40) + '\n')
    const text = await articleText(article, {width: 30})
    expect(problems(text, 30)).toEqual([])
  })

  it('should fill the unsubscribe placeholder and link the web page', async () => {
    const {text} = await edition([make('a', '2024-01-01')], {unsubscribeUrl: 'https://example.org/u'})
    expect(text).toContain('Unsubscribe: https://example.org/u\n')
    expect(text).toContain('Read on the web: https://news.example.org/a.html\n')
  })

  it('should write the same bytes twice', async () => {
    const articles = [make('a', '2024-01-02'), make('b', '2024-01-01')]
    const first = await edition(articles)
    const second = await edition(articles)
    expect(second.text).toBe(first.text)
    expect(Buffer.from(second.eml).equals(Buffer.from(first.eml))).toBe(true)
  })

  it('should report unhandled nodes on the article as `unhandled-node` warnings', async () => {
    const article = make('a', '2024-01-01')
    const hast: Root = {type: 'root', children: [{type: 'element', tagName: 'marquee', properties: {}, children: [{type: 'text', value: 'Kept'}]}]}
    const odd: Article = {...article, hast}
    const [file] = await newsletterEmitter().article!(odd, contextFor([odd]))
    expect(String(file!.contents)).toContain('Kept')
    const message = article.file.messages.find((m) => m.ruleId === 'unhandled-node')
    expect(message?.fatal).toBe(false)
  })

  it('should throw a `TypeError` on invalid options', () => {
    expect(() => newsletterEmitter({limit: 0})).toThrow(TypeError)
    expect(() => newsletterEmitter({since: 'yesterday'})).toThrow(/`since`/)
    expect(() => newsletterEmitter({width: '72' as unknown as number})).toThrow(/`width`/)
  })
})
