import type {Element, Properties} from 'hast'
import {describe, expect, it} from 'vitest'
import {
  isUrlProperty,
  mapUrls,
  parseSrcset,
  stringifySrcset,
  urlAttributes,
  urlPropertiesOf,
  urlPropertyNames,
  urlsOf,
  urlsOfAttributes
} from '../../../src/pipeline/hast/url-attributes.js'

function el(tagName: string, properties: Properties): Element {
  return {type: 'element', tagName, properties, children: []}
}

describe('urlAttributes', () => {
  it('should name the URL attributes of HTML, with `srcset` and `poster`', () => {
    expect(urlPropertiesOf('img')).toEqual(expect.arrayContaining(['src', 'srcSet', 'longDesc']))
    expect(urlPropertiesOf('video')).toEqual(expect.arrayContaining(['src', 'poster']))
    expect(urlPropertiesOf('blockquote')).toEqual(['cite'])
    expect(urlPropertiesOf('a')).toEqual(['href'])
    expect(urlPropertiesOf('p')).toEqual([])
  })

  it('should give URL meaning per element', () => {
    expect(isUrlProperty('a', 'href')).toBe(true)
    expect(isUrlProperty('div', 'href')).toBe(false)
    expect(isUrlProperty('object', 'data')).toBe(true)
    expect(isUrlProperty('img', 'alt')).toBe(false)
  })

  it('should list every property name once', () => {
    expect([...urlPropertyNames].sort()).toEqual(Object.keys(urlAttributes).sort())
    expect(urlPropertyNames.has('formAction')).toBe(true)
  })
})

describe('parseSrcset', () => {
  it('should read a string and a list of candidates alike', () => {
    const expected = [
      {url: 'a.png', descriptors: ['1x']},
      {url: 'b.png', descriptors: ['2x']}
    ]
    expect(parseSrcset('a.png 1x, b.png 2x')).toEqual(expected)
    expect(parseSrcset(['a.png 1x', ' b.png 2x '])).toEqual(expected)
  })

  it('should keep a candidate without descriptor and skip empty ones', () => {
    expect(parseSrcset(['a.png', ''])).toEqual([{url: 'a.png', descriptors: []}])
  })

  it('should write what it read', () => {
    expect(stringifySrcset(parseSrcset('a.png 480w, b.png 960w'))).toBe('a.png 480w, b.png 960w')
  })
})

describe('urlsOf', () => {
  it('should list every URL, `srcset` candidates one by one', () => {
    expect(urlsOf(el('img', {src: 'a.png', srcSet: ['a.png 1x', 'b.png 2x'] as never, alt: 'x'}))).toEqual(['a.png', 'a.png', 'b.png'])
    expect(urlsOf(el('video', {poster: 'p.jpg', src: 'v.mp4'}))).toEqual(['p.jpg', 'v.mp4'])
  })

  it('should ignore URL-like properties on elements where they mean nothing', () => {
    expect(urlsOf(el('span', {href: 'x.html', src: 'y.png'}))).toEqual([])
  })

  it('should read HTML attribute names (as an XML parser gives them)', () => {
    expect(urlsOfAttributes('img', {src: 'a.png', srcset: 'b.png 2x', longdesc: 'd.html', alt: 'x'}).sort()).toEqual(['a.png', 'b.png', 'd.html'])
    expect(urlsOfAttributes('button', {formaction: 'go'})).toEqual(['go'])
  })
})

describe('mapUrls', () => {
  it('should rewrite each URL and remove those mapped to `undefined`', () => {
    const node = el('img', {src: 'bad', srcSet: 'a.png 1x, bad 2x', alt: 'x'})
    mapUrls(node, (url) => (url === 'bad' ? undefined : '/' + url))
    expect(node.properties).toEqual({srcSet: '/a.png 1x', alt: 'x'})
  })

  it('should remove a `srcset` left without candidates', () => {
    const node = el('source', {srcSet: ['bad 1x'] as never})
    mapUrls(node, () => undefined)
    expect(node.properties).toEqual({})
  })

  it('should tell which property a URL comes from', () => {
    const seen: string[] = []
    mapUrls(el('video', {src: 'v.mp4', poster: 'p.jpg'}), (url, property) => {
      seen.push(property)
      return url
    })
    expect(seen.sort()).toEqual(['poster', 'src'])
  })
})
