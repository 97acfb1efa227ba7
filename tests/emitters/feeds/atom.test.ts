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

  it('should carry each entry\'s photo as Media RSS, in its own entry, and declare the namespace only then', () => {
    expect(renderAtom(channel({entries: [entry()]}))).not.toContain('media')
    const image = {url: 'https://news.example.org/assets/a.png', alt: 'A crane', caption: 'Work <resumes> at the port.', credit: 'AFP', mediaType: 'image/png', length: 118, width: 16, height: 8}
    const xml = renderAtom(channel({entries: [
      entry({title: 'First', image}),
      entry({title: 'Second', url: 'https://news.example.org/second.html', photo: {caption: 'The minister in Erbil.', credit: 'Reuters'}}),
      entry({title: 'Third', url: 'https://news.example.org/third.html', contentHtml: '<p>Ends with </entry> as text.</p>'})
    ]}))
    expect(xml).toMatch(/^<\?xml[^>]*>\n<feed [^>]*xmlns:media="http:\/\/search\.yahoo\.com\/mrss\/"/)
    const entries = xml.split('<entry>').slice(1)
    expect(entries[0]).toContain('<media:content url="https://news.example.org/assets/a.png" medium="image" type="image/png" fileSize="118" width="16" height="8"><media:description type="plain">Work &lt;resumes&gt; at the port.</media:description><media:credit>AFP</media:credit></media:content>\n    </entry>')
    expect(entries[1]).toContain('<media:description type="plain">The minister in Erbil.</media:description><media:credit>Reuters</media:credit>\n    </entry>')
    expect(entries[1]).not.toContain('media:content')
    expect(entries[2]).not.toContain('media:')
  })
})
