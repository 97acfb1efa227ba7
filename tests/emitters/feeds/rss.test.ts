import {describe, expect, it} from 'vitest'
import {renderRss} from '../../../src/emitters/feeds/rss.js'
import {channel, entry} from './channel.js'

describe('renderRss', () => {
  it('should write channel fields, the self link and dates from `dateRfc822`', () => {
    const xml = renderRss(channel({hub: 'https://hub.example.org/', copyright: '© Desk', logo: 'https://news.example.org/logo.png'}))
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<rss version="2.0"[^>]* xmlns:media="http:\/\/search.yahoo.com\/mrss\/"/)
    expect(xml).toContain('<title>The Desk</title>')
    expect(xml).toContain('<link>https://news.example.org/</link>')
    expect(xml).toContain('<language>en</language>')
    expect(xml).toContain('<generator>Pressroom</generator>')
    expect(xml).toContain('<copyright>© Desk</copyright>')
    expect(xml).toContain('<lastBuildDate>Mon, 03 Mar 2025 09:30:00 +0000</lastBuildDate>')
    expect(xml).toContain('<atom:link href="https://news.example.org/feeds/rss.xml" rel="self" type="application/rss+xml"/>')
    expect(xml).toContain('<atom:link href="https://hub.example.org/" rel="hub"/>')
    expect(xml).toContain('<url>https://news.example.org/logo.png</url>')
  })

  it('should write an item with a permalink guid, RFC 822 `pubDate`, `dc:creator` and categories', () => {
    const xml = renderRss(channel({entries: [entry({authors: ['Ada', 'Ben'], tags: ['News', 'a<b&c']})]}))
    expect(xml).toContain('<guid isPermaLink="true">https://news.example.org/story.html</guid>')
    expect(xml).toContain('<pubDate>Mon, 03 Mar 2025 09:30:00 +0000</pubDate>')
    expect(xml).toContain('<dc:creator>Ada</dc:creator>')
    expect(xml).toContain('<dc:creator>Ben</dc:creator>')
    expect(xml).toContain('<category>a&lt;b&amp;c</category>')
    expect(xml).not.toContain('<author>')
    expect(xml).not.toContain('atom:updated')
  })

  it('should add `atom:updated` to an updated entry', () => {
    const xml = renderRss(channel({entries: [entry({updated: new Date('2025-03-04T00:00:00Z'), wasUpdated: true})]}))
    expect(xml).toContain('<pubDate>Mon, 03 Mar 2025 09:30:00 +0000</pubDate>')
    expect(xml).toContain('<atom:updated>2025-03-04T00:00:00.000Z</atom:updated>')
  })

  it('should escape every `]]>` of the title, summary and content', () => {
    const xml = renderRss(channel({entries: [entry({title: 'a]]>b]]>c', summary: 'd]]>e]]>f', contentHtml: '<p>g]]>h]]>i</p>'})]}))
    expect(xml).toContain('<title><![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>c]]></title>')
    expect(xml).toContain('<description><![CDATA[d]]&gt;e]]&gt;f]]></description>')
    expect(xml).toContain('<content:encoded><![CDATA[<p>g]]]]><![CDATA[>h]]]]><![CDATA[>i</p>]]></content:encoded>')
  })

  it('should strip control characters from config text too', () => {
    const xml = renderRss(channel({title: 'The\u0001 Desk\u000B', description: 'x\uFFFE'}))
    expect(xml).not.toMatch(/[\u0001\u000B\uFFFE\uFFFF]/)
    expect(xml).toContain('<title>The Desk</title>')
  })

  it('should keep a literal `&amp;` in a title (xml-js would collapse it)', () => {
    expect(renderRss(channel({title: 'Q&amp;A'}))).toContain('<title>Q&amp;amp;A</title>')
  })

  it('should write a local lead image as enclosure and `media:content` with type and length', () => {
    const image = {url: 'https://news.example.org/assets/a.png', alt: 'Alt & text', credit: 'AFP', mediaType: 'image/png', length: 118, width: 16, height: 8}
    const xml = renderRss(channel({entries: [entry({image})]}))
    expect(xml).toContain('<enclosure length="118" type="image/png" url="https://news.example.org/assets/a.png"/>')
    expect(xml).toContain('<media:content url="https://news.example.org/assets/a.png" medium="image" type="image/png" fileSize="118" width="16" height="8">')
    expect(xml).toContain('<media:description type="plain">Alt &amp; text</media:description>')
    expect(xml).toContain('<media:credit>AFP</media:credit>')
  })

  it('should write a remote lead image as `media:content` with its URL only, and no enclosure', () => {
    const xml = renderRss(channel({entries: [entry({image: {url: 'https://cdn.example.org/p.jpg?a=1&b=2', alt: ''}})]}))
    expect(xml).toContain('<media:content url="https://cdn.example.org/p.jpg?a=1&amp;b=2" medium="image"/>')
    expect(xml).not.toContain('<enclosure')
  })

  it('should describe a lead image by its caption, else its alt text', () => {
    const xml = renderRss(channel({entries: [entry({image: {url: 'https://cdn.example.org/p.jpg', alt: 'A crane', caption: 'Work resumes at the port.'}})]}))
    expect(xml).toContain('<media:description type="plain">Work resumes at the port.</media:description>')
    expect(xml).not.toContain('A crane')
  })

  it('should carry the caption and credit of a photo not supplied in the item itself', () => {
    const xml = renderRss(channel({entries: [entry({photo: {caption: 'The minister in Erbil.', credit: 'AFP'}})]}))
    expect(xml).not.toContain('<media:content')
    expect(xml).toMatch(/<item>[^]*<media:description type="plain">The minister in Erbil\.<\/media:description>\s*<media:credit>AFP<\/media:credit>[^]*<\/item>/)
  })

  it('should fall back to the title when the description is empty', () => {
    expect(renderRss(channel({description: ''}))).toContain('<description>The Desk</description>')
  })
})
