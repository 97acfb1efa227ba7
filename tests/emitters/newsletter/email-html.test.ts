import type {Element, ElementContent, Properties, Root} from 'hast'
import {describe, expect, it} from 'vitest'
import {toEmailHtml} from '../../../src/emitters/newsletter/email-html.js'

const site = 'https://news.example.org/'
const page = 'https://news.example.org/story/'
const resolve = (reference: string) => (reference.startsWith('#') ? page + reference : new URL(reference, site).href)

function el(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return {type: 'element', tagName, properties, children}
}

function email(...children: ElementContent[]): string {
  const tree: Root = {type: 'root', children}
  return toEmailHtml(tree, {resolve})
}

describe('toEmailHtml', () => {
  it('should make `href`, `src` and `cite` absolute', () => {
    expect(email(el('a', {href: '/about/'}))).toBe('<a href="https://news.example.org/about/" style="color:#1a4f8b;"></a>')
    expect(email(el('blockquote', {cite: 'q.html'}))).toContain('cite="https://news.example.org/q.html"')
    expect(email(el('a', {href: '#fn-1'}))).toContain('href="https://news.example.org/story/#fn-1"')
  })

  // The fix: the e-mail HTML used to leave these relative.
  it('should make `srcset` and `poster` absolute', () => {
    expect(email(el('img', {src: 'a.png', srcSet: ['a.png 1x', 'b.png 2x'] as never, alt: ''}))).toContain(
      'srcset="https://news.example.org/a.png 1x, https://news.example.org/b.png 2x"'
    )
    expect(email(el('video', {poster: 'p.jpg'}))).toBe('<video poster="https://news.example.org/p.jpg"></video>')
  })

  it('should remove unsafe URLs', () => {
    expect(email(el('a', {href: 'javascript:alert(1)'}))).toBe('<a style="color:#1a4f8b;"></a>')
  })

  it('should inline styles and drop classes but a span’s', () => {
    expect(email(el('p', {className: ['lede']}, [el('span', {className: ['dateline']})]))).toBe(
      '<p style="margin:0 0 16px;"><span class="dateline"></span></p>'
    )
  })

  it('should not change the tree it is given', () => {
    const tree: Root = {type: 'root', children: [el('a', {href: 'x.html'})]}
    const before = structuredClone(tree)
    toEmailHtml(tree, {resolve})
    expect(tree).toEqual(before)
  })
})
