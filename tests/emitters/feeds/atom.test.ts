import {describe, expect, it} from 'vitest'
import {renderAtom} from '../../../src/emitters/feeds/atom.js'
import {channel, entry} from './channel.js'

describe('renderAtom', () => {
  it('should write feed id, title, updated, author, links and `xml:lang`', () => {
    const xml = renderAtom(channel({hub: 'https://hub.example.org/', icon: 'https://news.example.org/icon.png', logo: 'https://news.example.org/logo.png', copyright: '© Desk'}))
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">')
    expect(xml).toContain('<id>https://news.example.org/feeds/atom.xml</id>')
    expect(xml).toContain('<title>The Desk</title>')
    expect(xml).toContain('<updated>2025-03-03T09:30:00.000Z</updated>')
    expect(xml).toMatch(/<author>\s*<name>Desk<\/name>\s*<\/author>/)
    expect(xml).toContain('<link rel="alternate" href="https://news.example.org/"/>')
    expect(xml).toContain('<link rel="self" href="https://news.example.org/feeds/atom.xml"/>')
    expect(xml).toContain('<link rel="hub" href="https://hub.example.org/"/>')
    expect(xml).toContain('<icon>https://news.example.org/icon.png</icon>')
    expect(xml).toContain('<logo>https://news.example.org/logo.png</logo>')
    expect(xml).toContain('<rights>© Desk</rights>')
    expect(xml).toContain('<subtitle>News from the desk.</subtitle>')
  })

  it('should write entry titles as text, so `<c>` survives', () => {
    const xml = renderAtom(channel({entries: [entry({title: 'Use <c> tags'})]}))
    expect(xml).toContain('<title type="text"><![CDATA[Use <c> tags]]></title>')
    expect(xml).not.toContain('type="html"><![CDATA[Use')
  })

  it('should write RFC 3339 `published` and `updated`, authors and categories per entry', () => {
    const xml = renderAtom(channel({entries: [entry({updated: new Date('2025-03-04T00:00:00Z'), authors: ['Ada', 'Ben'], tags: ['a"b<c']})]}))
    expect(xml).toContain('<published>2025-03-03T09:30:00.000Z</published>')
    expect(xml).toContain('<updated>2025-03-04T00:00:00.000Z</updated>')
    expect(xml).toMatch(/<author>\s*<name>Ada<\/name>\s*<\/author>\s*<author>\s*<name>Ben<\/name>/)
    expect(xml).toContain('<category term="a&quot;b&lt;c"/>')
    expect(xml).toContain('<id>https://news.example.org/story.html</id>')
  })

  it('should escape every `]]>` and keep the HTML summary escaped', () => {
    const xml = renderAtom(channel({entries: [entry({title: 'a]]>b]]>', summary: '<c> ]]>', contentHtml: '<pre>x]]>y]]></pre>'})]}))
    expect(xml).toContain('<title type="text"><![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>]]></title>')
    expect(xml).toContain('<summary type="html"><![CDATA[&lt;c&gt; ]]&gt;]]></summary>')
    expect(xml).toContain('<content type="html"><![CDATA[<pre>x]]]]><![CDATA[>y]]]]><![CDATA[></pre>]]></content>')
  })

  it('should not change an entry title when content holds `<title type="html">`', () => {
    const xml = renderAtom(channel({entries: [entry({contentHtml: '<title type="html">x</title>'})]}))
    expect(xml).toContain('<![CDATA[<title type="html">x</title>]]>')
  })
})
