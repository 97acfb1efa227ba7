import {describe, expect, it} from 'vitest'
import {checkFeedXml} from '../../src/check/feeds.js'
import {fileAt, idsOf, messagesOf} from './helpers.js'

const item = `<item>
  <title>One</title>
  <link>https://t.example/one.html</link>
  <guid isPermaLink="true">https://t.example/one.html</guid>
  <pubDate>Mon, 03 Mar 2025 09:30:00 +0000</pubDate>
  <description><![CDATA[<p><a href="https://t.example/x.html">x</a> <img src="https://t.example/a.png" alt=""></p>]]></description>
</item>`

function rss(items = item, channel = '<title>T</title><link>https://t.example/</link><description>D</description>'): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>${channel}${items}</channel></rss>`
}

const entry = `<entry>
  <id>https://t.example/one.html</id>
  <title>One</title>
  <updated>2025-03-03T09:30:00.000Z</updated>
  <link href="https://t.example/one.html"/>
  <content type="html">&lt;p&gt;&lt;a href="https://t.example/x.html"&gt;x&lt;/a&gt;&lt;/p&gt;</content>
</entry>`

function atom(entries = entry, head = '<id>https://t.example/feeds/atom.xml</id><title>T</title><updated>2025-03-03T09:30:00Z</updated><author><name>A</name></author><link rel="alternate" href="https://t.example/"/>'): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">${head}${entries}</feed>`
}

function check(text: string): string[] {
  const file = fileAt('feeds/x.xml')
  checkFeedXml(file, text)
  return idsOf(file)
}

describe('rss', () => {
  it('should accept a complete feed', () => {
    const file = fileAt('feeds/rss.xml')
    checkFeedXml(file, rss())
    expect(messagesOf(file)).toEqual([])
  })

  it('should report missing channel fields', () => {
    expect(check(rss(item, '<title>T</title><link>https://t.example/</link>'))).toEqual(['rss-missing-field'])
  })

  it('should report missing item fields', () => {
    expect(check(rss(item.replace(/<guid[^]*?<\/guid>/, '')))).toEqual(['rss-item-missing-field'])
    expect(check(rss(item.replace(/<title>.*<\/title>/, '').replace(/<description>[^]*<\/description>/, '')))).toEqual(['rss-item-missing-field'])
    expect(check(rss(item.replace(/<pubDate>.*<\/pubDate>/, '')))).toEqual(['rss-item-missing-field'])
  })

  it('should report a `pubDate` that is not RFC 822', () => {
    expect(check(rss(item.replace('Mon, 03 Mar 2025 09:30:00 +0000', '2025-03-03T09:30:00Z')))).toEqual(['rss-invalid-date'])
  })

  it('should report relative URLs in content and links', () => {
    expect(check(rss(item.replace('https://t.example/a.png', 'assets/a.png')))).toEqual(['feed-relative-url'])
    expect(check(rss(item.replace('<link>https://t.example/one.html</link>', '<link>one.html</link>')))).toEqual(['feed-relative-url'])
  })

  it('should report scripts and `javascript:` once each', () => {
    expect(check(rss(item.replace('<p>', '<p><script>alert(1)</script>')))).toEqual(['feed-script'])
    expect(check(rss(item.replace('https://t.example/x.html', 'javascript:alert(1)')))).toEqual(['feed-javascript-url'])
    // Escaped HTML hides `<script` from a text search; the content check finds it.
    expect(check(rss(item.replace(/<description>[^]*<\/description>/, '<description>&lt;script&gt;x&lt;/script&gt;</description>')))).toEqual(['feed-script'])
  })

  it('should report XML that is not well-formed or has illegal characters', () => {
    expect(check(rss().replace('</channel>', ''))).toEqual(['xml-not-well-formed'])
    expect(check(rss(item.replace('One', 'O\u000Bne')))).toEqual(['xml-not-well-formed'])
  })
})

describe('atom', () => {
  it('should accept a complete feed (a link without `rel` is alternate)', () => {
    const file = fileAt('feeds/atom.xml')
    checkFeedXml(file, atom())
    expect(messagesOf(file)).toEqual([])
  })

  it('should report missing feed and entry fields', () => {
    expect(check(atom(entry, '<title>T</title><updated>2025-03-03T09:30:00Z</updated><author><name>A</name></author><link href="https://t.example/"/>'))).toEqual(['atom-missing-field'])
    expect(check(atom(entry.replace(/<updated>.*<\/updated>/, '')))).toEqual(['atom-missing-field'])
  })

  it('should report dates that are not RFC 3339', () => {
    expect(check(atom(entry.replace('2025-03-03T09:30:00.000Z', 'Mon, 03 Mar 2025 09:30:00 +0000')))).toEqual(['atom-invalid-date'])
  })

  it('should report an entry without author when the feed has none', () => {
    const head = '<id>https://t.example/feeds/atom.xml</id><title>T</title><updated>2025-03-03T09:30:00Z</updated><link href="https://t.example/"/>'
    expect(check(atom(entry, head))).toEqual(['atom-missing-author'])
    expect(check(atom(entry.replace('<title>', '<author><name>B</name></author><title>'), head))).toEqual([])
  })

  it('should report a missing alternate link', () => {
    expect(check(atom(entry.replace('<link href', '<link rel="self" href')))).toEqual(['atom-missing-alternate'])
  })

  it('should report relative URLs and scripts in escaped and XHTML content', () => {
    expect(check(atom(entry.replace('https://t.example/x.html', '/x.html')))).toEqual(['feed-relative-url'])
    const xhtml = entry.replace(/<content[^]*<\/content>/, '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><img src="a.png" alt=""/><script>x</script></div></content>')
    expect(check(atom(xhtml))).toEqual(['feed-script', 'feed-relative-url'])
  })

  it('should warn about a feed that is neither RSS nor Atom', () => {
    expect(check('<opml version="2.0"/>')).toEqual(['feed-unknown-format'])
  })
})
