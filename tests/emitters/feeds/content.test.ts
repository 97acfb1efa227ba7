import type {Element, ElementContent, Properties, Root} from 'hast'
import {describe, expect, it} from 'vitest'
import {feedContent, type FeedContentOptions} from '../../../src/emitters/feeds/content.js'

const options: FeedContentOptions = {
  resolve: (reference) => new URL(reference, 'https://news.example.org/').href,
  lang: 'en',
  dir: 'ltr',
  feedLanguage: 'en'
}

function el(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return {type: 'element', tagName, properties, children}
}

function root(...children: ElementContent[]): Root {
  return {type: 'root', children}
}

describe('feedContent', () => {
  it('should serialize the tree as HTML with absolute URLs', () => {
    expect(feedContent(root(el('p', {}, [el('a', {href: 'x.html'}, [{type: 'text', value: 'x'}])])), options)).toBe(
      '<p><a href="https://news.example.org/x.html">x</a></p>'
    )
  })

  it('should drop scripts, styles, iframes, comments and `on*` handlers even if the tree holds them', () => {
    const tree = root(
      el('script', {}, [{type: 'text', value: 'alert(1)'}]),
      el('style', {}, [{type: 'text', value: 'p{}'}]),
      el('iframe', {src: 'https://evil.example/'}),
      {type: 'comment', value: ' hidden '},
      el('p', {onClick: 'alert(2)', onmouseover: 'alert(3)'}, [{type: 'text', value: 'kept'}])
    )
    expect(feedContent(tree, options)).toBe('<p>kept</p>')
  })

  it('should drop raw HTML nodes', () => {
    const tree = {type: 'root', children: [{type: 'raw', value: '<script>alert(1)</script>'}, el('p', {}, [{type: 'text', value: 'ok'}])]} as Root
    expect(feedContent(tree, options)).toBe('<p>ok</p>')
  })

  it('should remove XML-illegal characters', () => {
    expect(feedContent(root(el('p', {}, [{type: 'text', value: 'a\u0001b\u000Bc\uFFFEd'}])), options)).toBe('<p>abcd</p>')
  })

  it('should keep `]]>` as text (CDATA safety is the writer’s job)', () => {
    expect(feedContent(root(el('p', {}, [{type: 'text', value: 'a ]]> b ]]> c'}])), options)).toBe('<p>a ]]> b ]]> c</p>')
  })

  it('should wrap right-to-left content in `<div lang dir>`', () => {
    const arabic = 'يراجع العراق اتفاقية أمنية جديدة، نصٌّ عربيّ'
    expect(feedContent(root(el('p', {}, [{type: 'text', value: arabic}])), {...options, lang: 'ar', dir: 'rtl'})).toBe(
      `<div lang="ar" dir="rtl"><p>${arabic}</p></div>`
    )
  })

  it('should wrap content in another language than the feed', () => {
    expect(feedContent(root(el('p', {}, [{type: 'text', value: 'Bonjour'}])), {...options, lang: 'fr'})).toBe(
      '<div lang="fr" dir="ltr"><p>Bonjour</p></div>'
    )
  })

  it('should not change the tree it is given', () => {
    const tree = root(el('script', {}), el('a', {href: 'x.html'}))
    const before = structuredClone(tree)
    feedContent(tree, options)
    expect(tree).toEqual(before)
  })
})
