import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {Element, ElementContent, Properties, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {toAbsoluteUrls, withAbsoluteUrls} from '../../../src/pipeline/hast/absolute-urls.js'
import {articleFrom, corpus} from '../../helpers/article.js'

const site = 'https://news.example.org/desk/'
const page = 'https://news.example.org/desk/story.html'
const resolve = (reference: string) => new URL(reference, /^[#?]/.test(reference) ? page : site).href

function el(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return {type: 'element', tagName, properties, children}
}

function html(...children: ElementContent[]): string {
  return toHtml(toAbsoluteUrls({type: 'root', children}, resolve))
}

describe('toAbsoluteUrls', () => {
  it('should make relative `href`s absolute against the site', () => {
    expect(html(el('a', {href: 'other.html'}))).toBe('<a href="https://news.example.org/desk/other.html"></a>')
    expect(html(el('a', {href: '/about/'}))).toBe('<a href="https://news.example.org/about/"></a>')
    expect(html(el('a', {href: '../up.html'}))).toBe('<a href="https://news.example.org/up.html"></a>')
  })

  it('should resolve output-root-relative asset `src`s', () => {
    expect(html(el('img', {src: 'assets/ab12-map.png', alt: 'Map'}))).toBe(
      '<img src="https://news.example.org/desk/assets/ab12-map.png" alt="Map">'
    )
  })

  it('should resolve fragments through the resolver (the article page)', () => {
    expect(html(el('a', {href: '#fn-1'}))).toBe('<a href="https://news.example.org/desk/story.html#fn-1"></a>')
  })

  it('should keep absolute http(s), mailto and tel URLs', () => {
    expect(html(el('a', {href: 'https://example.com/a?b=c&d=e'}))).toBe('<a href="https://example.com/a?b=c&#x26;d=e"></a>')
    expect(html(el('a', {href: 'mailto:desk@example.org'}))).toBe('<a href="mailto:desk@example.org"></a>')
    expect(html(el('a', {href: 'tel:+9647500000000'}))).toBe('<a href="tel:+9647500000000"></a>')
  })

  it('should make `srcset`, `poster` and `cite` absolute', () => {
    expect(html(el('img', {src: 'a.png', srcSet: 'a.png 1x, b.png 2x'}))).toBe(
      '<img src="https://news.example.org/desk/a.png" srcset="https://news.example.org/desk/a.png 1x, https://news.example.org/desk/b.png 2x">'
    )
    // `hast-util-from-html` gives a list for comma-separated properties.
    expect(html(el('img', {srcSet: ['a.png 480w', 'b.png 960w'] as never}))).toBe(
      '<img srcset="https://news.example.org/desk/a.png 480w, https://news.example.org/desk/b.png 960w">'
    )
    expect(html(el('video', {poster: 'p.jpg', src: 'v.mp4'}))).toBe(
      '<video poster="https://news.example.org/desk/p.jpg" src="https://news.example.org/desk/v.mp4"></video>'
    )
    expect(html(el('blockquote', {cite: 'q.html'}))).toBe('<blockquote cite="https://news.example.org/desk/q.html"></blockquote>')
  })

  it('should percent-encode spaces and non-ASCII characters', () => {
    expect(html(el('a', {href: 'عربي/a b.html'}))).toBe(
      '<a href="https://news.example.org/desk/%D8%B9%D8%B1%D8%A8%D9%8A/a%20b.html"></a>'
    )
  })

  it('should remove `javascript:`, `data:` and other unsafe URLs', () => {
    expect(html(el('a', {href: 'javascript:alert(1)'}, [{type: 'text', value: 'x'}]))).toBe('<a>x</a>')
    expect(html(el('a', {href: ' JaVa\tScRiPt:alert(1)'}))).toBe('<a></a>')
    expect(html(el('img', {src: 'data:image/png;base64,AAAA'}))).toBe('<img>')
    expect(html(el('img', {src: 'x.png', srcSet: 'javascript:x 1x, y.png 2x'}))).toBe(
      '<img src="https://news.example.org/desk/x.png" srcset="https://news.example.org/desk/y.png 2x">'
    )
  })

  it('should remove URLs the resolver cannot make absolute', () => {
    const tree: Root = {type: 'root', children: [el('a', {href: 'x.html'})]}
    expect(toHtml(toAbsoluteUrls(tree, (reference) => reference))).toBe('<a></a>')
  })

  it('should not change the tree it is given', () => {
    const tree: Root = {type: 'root', children: [el('a', {href: 'x.html'})]}
    const before = structuredClone(tree)
    toAbsoluteUrls(tree, resolve)
    expect(tree).toEqual(before)
  })
})

describe('withAbsoluteUrls', () => {
  it('should give what `toAbsoluteUrls` gives, sharing the nodes without URLs and changing nothing', () => {
    const inner = el('p', {}, [{type: 'text', value: 'Read '}, el('a', {href: 'other.html'}, [{type: 'text', value: 'this'}])])
    const plain = el('p', {className: ['lede']}, [{type: 'text', value: 'No links.'}])
    const tree: Root = {type: 'root', children: [plain, el('div', {}, [inner, el('img', {src: 'javascript:alert(1)', alt: 'x'})])]}
    const before = structuredClone(tree)
    const result = withAbsoluteUrls(tree, resolve)
    expect(toHtml(result)).toBe(toHtml(toAbsoluteUrls(tree, resolve)))
    expect(toHtml(result)).toBe('<p class="lede">No links.</p><div><p>Read <a href="https://news.example.org/desk/other.html">this</a></p><img alt="x"></div>')
    expect(tree).toEqual(before)
    expect(result.children[0]).toBe(plain)
    expect(result.children[1]).not.toBe(tree.children[1])
  })

  it('should serialize every corpus article as `toAbsoluteUrls` does', () => {
    const files = readdirSync(path.join(corpus, 'articles'), {recursive: true, encoding: 'utf8'}).filter((name) => /\.(md|txt)$/.test(name)).slice(0, 60)
    expect(files.length).toBeGreaterThan(10)
    for (const name of files) {
      const article = articleFrom(readFileSync(path.join(corpus, 'articles', name), 'utf8'), {path: `input/${name}`})
      expect(toHtml(withAbsoluteUrls(article.hast, resolve)), name).toBe(toHtml(toAbsoluteUrls(article.hast, resolve)))
    }
  })
})
