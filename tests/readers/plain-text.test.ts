import {describe, expect, it} from 'vitest'
import {stripMarkup} from '../../src/readers/plain-text.js'
import {articleFrom} from '../helpers/article.js'

describe('stripMarkup', () => {
  it('should leave text without markup alone', () => {
    const text = 'AT&T and 3 < 4, see <https://example.org> or <desk@example.org>'
    expect(stripMarkup(text)).toEqual({text, tags: false})
  })

  it('should give the text a browser shows', () => {
    expect(stripMarkup('<em>Breaking</em>: Q&amp;A')).toEqual({text: 'Breaking: Q&A', tags: true})
    expect(stripMarkup('Before <img src=x onerror=alert(1)> after')).toEqual({text: 'Before after', tags: true})
    expect(stripMarkup('<script>alert(1)</script>')).toEqual({text: '', tags: true})
  })

  it('should keep a word in angle brackets that names no HTML element (a title about code)', () => {
    expect(stripMarkup('Use <c> tags & keep them')).toEqual({text: 'Use <c> tags & keep them', tags: false})
  })

  it('should decode character references quietly', () => {
    expect(stripMarkup('USDA&rsquo;s Ask Karen &#8211; Q&amp;A')).toEqual({text: 'USDA’s Ask Karen – Q&A', tags: false})
    expect(stripMarkup('3 &lt; 4 &amp;&amp; AT&amp;T &lt;c&gt; &amp;lt;img&amp;gt;')).toEqual({text: '3 < 4 && AT&T <c> &lt;img&gt;', tags: false})
  })

  it('should decode character references before looking for tags, so that encoded markup is removed too', () => {
    expect(stripMarkup('&lt;img src=x onerror=alert(1)&gt;')).toEqual({text: '', tags: true})
    expect(stripMarkup('Before &lt;b&gt;bold&lt;/b&gt; &amp; after')).toEqual({text: 'Before bold & after', tags: true})
    expect(stripMarkup('&#60;script&#62;alert(1)&#60;/script&#62;Title')).toEqual({text: 'Title', tags: true})
    expect(stripMarkup('<b>&lt;img src=x onerror=alert(1)&gt;</b> text')).toEqual({text: 'text', tags: true})
    expect(stripMarkup('<xmp><img src=x onerror=alert(1)></xmp>Title')).toEqual({text: 'Title', tags: true})
  })
})

describe('plain-text fields of an article', () => {
  it('should remove entity-encoded markup from a title, with a warning at its key', () => {
    const article = articleFrom('---\ntitle: "&lt;img src=x onerror=alert(1)&gt;Council &amp; budget"\ndate: 2024-01-01\n---\n\nBody.\n')
    expect(article.meta.title).toBe('Council & budget')
    expect(article.file.messages.map((message) => [message.line, message.column, message.ruleId])).toEqual([[2, 8, 'markup-in-field']])
  })


  it('should strip markup from title, standfirst, authors, tags and image texts, with a warning at each key', () => {
    const article = articleFrom(
      [
        '---',
        'title: "<b>Council</b> &amp; budget"',
        'description: "Deck <img src=x onerror=alert(1)> text"',
        'author: ["<i>Jane Doe</i>", "Ahmed Rasheed"]',
        'tags: ["<script>x</script>", "Roads &amp; schools"]',
        'image: {src: "https://example.org/a.jpg", caption: "<b>Caption</b>", credit: "AFP <br>"}',
        'date: 2025-01-01',
        '---',
        '',
        'Body.'
      ].join('\n')
    )
    expect(article.meta).toMatchObject({
      title: 'Council & budget',
      description: 'Deck text',
      authors: ['Jane Doe', 'Ahmed Rasheed'],
      tags: ['Roads & schools'],
      image: {caption: 'Caption', credit: 'AFP'}
    })
    const warnings = article.file.messages.filter((message) => message.ruleId === 'markup-in-field')
    expect(warnings.map((message) => [message.line, message.reason.match(/`(\w+)`/)?.[1]])).toEqual([
      [2, 'title'],
      [4, 'author'],
      [5, 'tags'],
      [3, 'description'],
      [6, 'image'],
      [6, 'image']
    ])
  })
})
