import {describe, expect, it} from 'vitest'
import {checkHtml, localTarget, urlProblem} from '../../src/check/html.js'
import {contextOf, fileAt, idsOf, messagesOf} from './helpers.js'

const files = new Set(['a.html', 'index.html', 'style.css', 'assets/map.png', 'feeds/rss.xml', 'guide/index.html'])

function page(body = '<h1>Title</h1><p><a href="index.html">Home</a> <img src="assets/map.png" alt="Map"></p>', head = '<title>Page</title>', html = '<html lang="en">'): string {
  return `<!DOCTYPE html>\n${html}\n<head>\n<meta charset="utf-8">\n${head}\n<link rel="stylesheet" href="style.css">\n<script type="application/ld+json">{"@type": "NewsArticle"}</script>\n</head>\n<body>\n${body}\n</body>\n</html>\n`
}

function check(text: string, path = 'a.html'): string[] {
  const file = fileAt(path)
  checkHtml(file, text, contextOf(files))
  return idsOf(file)
}

describe('html', () => {
  it('should accept a clean page', () => {
    const file = fileAt('a.html')
    checkHtml(file, page(), contextOf(files))
    expect(messagesOf(file)).toEqual([])
  })

  it('should report parse errors', () => {
    expect(check(page().replace('<!DOCTYPE html>\n', ''))).toEqual(['html-parse-error'])
    expect(check(page('<h1 id="a" id="b">Title</h1>'))).toEqual(['html-parse-error'])
  })

  it('should report scripts other than JSON-LD', () => {
    expect(check(page('<h1>T</h1><script>alert(1)</script>'))).toEqual(['html-script'])
    expect(check(page('<h1>T</h1><script type="module" src="https://x.example/a.js"></script>'))).toEqual(['html-script'])
  })

  it('should report event handlers and `javascript:` URLs', () => {
    expect(check(page('<h1 onclick="x()">T</h1>'))).toEqual(['html-event-handler'])
    expect(check(page('<h1>T</h1><a href=" JavaScript:x()">x</a>'))).toEqual(['html-javascript-url'])
  })

  it('should report zero or two `<h1>`', () => {
    expect(check(page('<h2>T</h2>'))).toEqual(['html-h1-count'])
    expect(check(page('<h1>T</h1><h1>U</h1>'))).toEqual(['html-h1-count'])
  })

  it('should report a missing `lang` and an empty `<title>`', () => {
    expect(check(page(undefined, undefined, '<html>'))).toEqual(['html-missing-lang'])
    expect(check(page(undefined, '<title> </title>'))).toEqual(['html-missing-title'])
  })

  it('should report an image without `alt` (an empty one is fine)', () => {
    expect(check(page('<h1>T</h1><img src="assets/map.png">'))).toEqual(['html-img-missing-alt'])
    expect(check(page('<h1>T</h1><img src="assets/map.png" alt="">'))).toEqual([])
  })

  it('should report local links to missing files, not remote or fragment links', () => {
    expect(check(page('<h1>T</h1><a href="gone.html#x">x</a><img src="assets/nope.png" alt="">'))).toEqual(['html-broken-link', 'html-broken-link'])
    expect(check(page('<h1>T</h1><a href="https://x.example/">x</a><a href="#top">t</a><a href="mailto:a@b.example">m</a><a href="guide/?x=1">i</a><a href="/feeds/rss.xml">f</a>'))).toEqual([])
  })

  it('should report an invalid URL on its element, and check the rest of the page', () => {
    const file = fileAt('a.html')
    const body = '<h1>T</h1>\n<p><a href="https:%5Cevil.example">a</a> <a href="https://user:pw@example.org/">b</a>\n<a href="http://evil.example\\@good.example/">c</a> <a href="https:evil.example">d</a> <a href="gone.html">e</a></p>'
    checkHtml(file, page(body), contextOf(files))
    expect(messagesOf(file)).toEqual([
      // On an https page, `https:…` without `//` is a path of the page's site.
      'a.html:11: Unexpected invalid URL `https:%5Cevil.example`: it has no `//` after its scheme [html-invalid-url]',
      'a.html:11: Unexpected invalid URL `https://user:pw@example.org/`: it holds a user name or password [html-invalid-url]',
      'a.html:12: Unexpected invalid URL `http://evil.example\\@good.example/`: it has a `\\` browsers read as `/` [html-invalid-url]',
      'a.html:12: Unexpected invalid URL `https:evil.example`: it has no `//` after its scheme [html-invalid-url]',
      'a.html:12: Cannot find local target `gone.html` in the output folder [html-broken-link]'
    ])
    expect(localTarget('a.html', 'https:%5Cevil.example')).toBeUndefined()
    expect(urlProblem('http://[::1')).toBe('a browser cannot read it')
    expect(urlProblem('//u@cdn.example/x')).toBe('it holds a user name or password')
    expect([urlProblem('https://example.org/a\\b?q=\\'), urlProblem('mailto:a\\b@example.org'), urlProblem('a%5Cb'), urlProblem('#x')]).toEqual(['it has a `\\` browsers read as `/`', undefined, undefined, undefined])
  })

  it('should resolve local targets against the page', () => {
    expect(localTarget('guide/index.html', '../style.css')).toBe('style.css')
    expect(localTarget('a.html', '/feeds/rss.xml')).toBe('feeds/rss.xml')
    expect(localTarget('a.html', 'guide/')).toBe('guide/index.html')
    expect(localTarget('a.html', 'map%20big.png')).toBe('map big.png')
    expect(localTarget('a.html', '//cdn.example/x.js')).toBeUndefined()
    expect(localTarget('a.html', '#x')).toBeUndefined()
  })
})
