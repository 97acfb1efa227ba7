import {execFileSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {addRootAttributes, cdata, escapeHtml, escapeXml} from '../../../src/emitters/feeds/xml.js'

describe('escapeXml', () => {
  it('should escape the five XML specials', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;')
  })

  it('should keep a literal `&amp;` as text (escaped once more)', () => {
    expect(escapeXml('Q&amp;A')).toBe('Q&amp;amp;A')
  })

  it('should remove illegal characters', () => {
    expect(escapeXml('a\u0001]]>')).toBe('a]]&gt;')
  })
})

describe('escapeHtml', () => {
  it('should escape text so that HTML reads it back unchanged', () => {
    expect(escapeHtml('Use <c> & "d"')).toBe('Use &lt;c&gt; &amp; &quot;d&quot;')
  })
})

describe('cdata', () => {
  it('should wrap text in a CDATA section', () => {
    expect(cdata('<p>x</p>')).toBe('<![CDATA[<p>x</p>]]>')
  })

  it('should split every `]]>`, not only the first', () => {
    expect(cdata('a]]>b]]>c]]>')).toBe('<![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>c]]]]><![CDATA[>]]>')
  })

  it('should give a well-formed document that reads back as the text', () => {
    const text = 'one ]]> two ]]> <![CDATA[ three ]]>'
    const xml = `<?xml version="1.0"?><x>${cdata(text)}</x>`
    let parsed: string
    try {
      parsed = execFileSync('xmllint', ['--xpath', 'string(/x)', '-'], {input: xml, encoding: 'utf8'})
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return // xmllint missing: checked in conformance
      throw error
    }
    expect(parsed.replace(/\n$/, '')).toBe(text)
  })
})

describe('addRootAttributes', () => {
  it('should add missing attributes to the root start tag', () => {
    expect(addRootAttributes('<?xml version="1.0"?>\n<rss version="2.0">\n<channel/></rss>', 'rss', {'xmlns:media': 'http://search.yahoo.com/mrss/'}))
      .toBe('<?xml version="1.0"?>\n<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">\n<channel/></rss>')
  })

  it('should not repeat an attribute that is already there', () => {
    expect(addRootAttributes('<feed xml:lang="en"><x/></feed>', 'feed', {'xml:lang': 'ar'})).toBe('<feed xml:lang="en"><x/></feed>')
  })

  it('should escape values', () => {
    expect(addRootAttributes('<feed>', 'feed', {'xml:lang': 'a"<'})).toBe('<feed xml:lang="a&quot;&lt;">')
  })

  it('should not take an element whose name only starts with the root name', () => {
    expect(addRootAttributes('<rssx/><rss>', 'rss', {a: 'b'})).toBe('<rssx/><rss a="b">')
  })

  it('should throw when there is no such root', () => {
    expect(() => addRootAttributes('<feed/>', 'rss', {})).toThrow(/`addRootAttributes`/)
  })
})
