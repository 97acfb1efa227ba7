import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import type {Article} from '../../src/types.js'
import {articleFrom} from '../helpers/article.js'

const fm = '---\ntitle: T\ndate: 2024-01-01\n---\n\n'
const html = (body: string, path?: string) => {
  const article = articleFrom(fm + body, path ? {path} : {})
  return {article, html: toHtml(article.hast), rules: article.file.messages.map((message) => message.ruleId)}
}

describe('sanitize', () => {
  it('should remove scripts, event handlers, frames and styles, and say so', () => {
    const {html: out, rules} = html(
      '<script>alert(1)</script>\n\n<p onclick="x()" style="color:red">Hi <iframe src="https://evil.example"></iframe></p>\n\n<img src="x.png" onerror="alert(1)">\n'
    )
    expect(out).not.toMatch(/<script|onclick|onerror|<iframe|style=|alert/)
    expect(out).toContain('<p>Hi </p>')
    expect(rules.filter((rule) => rule === 'removed-html').length).toBeGreaterThanOrEqual(4)
  })

  it('should remove an input that is not a checkbox, and keep task-list checkboxes', () => {
    const {html: out, rules} = html('Send <input type="submit" value="Go"> or <INPUT> now.\n\n- [x] done\n')
    expect(out).toContain('<p>Send  or  now.</p>')
    expect(out).toMatch(/<li class="task-list-item"><input type="checkbox" checked disabled> done<\/li>/)
    expect(rules.filter((rule) => rule === 'removed-html')).toHaveLength(2)
  })

  it('should remove javascript:, vbscript: and data: URLs', () => {
    const {html: out, rules} = html(
      '[a](javascript:alert(1)) [b](vbscript:msgbox) <a href="data:text/html,x">c</a> <a href=" JaVaScRiPt:alert(1)">d</a> [e](https://ok.example/)\n'
    )
    expect(out).not.toMatch(/javascript|vbscript|data:/i)
    expect(out).toContain('href="https://ok.example/"')
    expect(rules).toContain('unsafe-url')
  })

  it('should read URLs as a browser does, without credentials, and say what changed', () => {
    const {html: out, article} = html(
      '[a](https://user:pw@example.org/) [b](https:\\\\evil.example) <a href="http://evil.example\\@good.example/">c</a> <a href="https:\\\\evil.example">d</a>\n\n' +
        '<a href="https:evil.example">e</a> <a href="https:///x.example/">f</a> <a href="a\\b.html?q=\\x">g</a> <a href="//u@cdn.example/x">h</a> [i](https://example.org)\n'
    )
    expect(out).toBe(
      '<p><a href="https://example.org/">a</a> <a>b</a> <a href="http://evil.example/@good.example/">c</a> <a href="https://evil.example">d</a></p>\n' +
        '<p><a>e</a> <a>f</a> <a href="a/b.html?q=%5Cx">g</a> <a href="//cdn.example/x">h</a> <a href="https://example.org">i</a></p>'
    )
    const urls = article.file.messages.filter((message) => message.ruleId === 'invalid-url')
    expect(urls.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([
      '6:1 Changed invalid URL `https://user:pw@example.org/` to `https://example.org/` (a URL may not hold a user name or password); fix the link',
      // Markdown has encoded the backslash: `https:` and no `//`.
      '6:35 Removed invalid URL `https:%5Cevil.example`; fix the link',
      '6:61 Changed invalid URL `http://evil.example\\@good.example/` to `http://evil.example/@good.example/` (browsers read `\\` as `/`); fix the link',
      '6:112 Changed invalid URL `https:\\\\evil.example` to `https://evil.example` (browsers read `\\` as `/`); fix the link',
      '8:1 Removed invalid URL `https:evil.example`; fix the link',
      '8:36 Removed invalid URL `https:///x.example/`; fix the link',
      '8:72 Changed invalid URL `a\\b.html?q=\\x` to `a/b.html?q=%5Cx` (browsers read `\\` as `/`); fix the link',
      '8:102 Changed invalid URL `//u@cdn.example/x` to `//cdn.example/x` (a URL may not hold a user name or password); fix the link'
    ])
  })

  it('should keep figure and figcaption, and footnote links', () => {
    const {html: out} = html('<figure><figcaption>Caption</figcaption></figure>\n\nText[^1].\n\n[^1]: Note.\n')
    expect(out).toContain('<figure><figcaption>Caption</figcaption></figure>')
    expect(out).toContain('href="#fn-1"')
    expect(out).toContain('id="fn-1"')
    expect(out).toContain('href="#fnref-1"')
  })
})

describe('valid raw HTML', () => {
  const removed = (article: Article) =>
    article.file.messages.filter((message) => message.ruleId === 'removed-html').map((message) => `${message.line}:${message.column} ${message.reason}`)

  it('should repair what the Nu checker and EPUBCheck reject, and say so where it was', () => {
    const {html: out, article} = html(
      '<details><p>a</p></details>\n\n<dl><dd>b</dd></dl>\n\n<time datetime="soon">c</time>\n\n<p dir="sideways" lang="not a tag">d</p>\n\n<li>e</li>\n'
    )
    expect(out).toBe('<div><p>a</p></div>\n<div><div>b</div></div>\n<p>c</p>\n<p>d</p>\n<div>e</div>')
    expect(removed(article)).toEqual([
      '6:1 Removed `<details>` without a `<summary>` from raw HTML; its content is kept, unfolded; add a `<summary>` first',
      '8:1 Removed `<dl>` whose terms (`<dt>`) and descriptions (`<dd>`) do not pair up from raw HTML; its content is kept, write each `<dt>` before its `<dd>`',
      '10:1 Removed `<time datetime="soon">` from raw HTML; its text is kept, give it a date such as `datetime="2024-05-01"`',
      '12:1 Removed `dir="sideways"` on `<p>` from raw HTML; it must be `ltr`, `rtl` or `auto`',
      '12:1 Removed `lang="not a tag"` on `<p>` from raw HTML; it must be a language tag such as `en` or `pt-BR`',
      '14:1 Removed `<li>` outside a list from raw HTML; its content is kept'
    ])
  })

  it('should keep what is valid as it is', () => {
    const valid =
      '<details open><summary>s</summary><p>a</p></details>\n\n<dl><dt>t</dt><dd>d</dd><dd>e</dd></dl>\n\n<dl><div><dt>t</dt><dd>d</dd></div></dl>\n\n' +
      '<p><time datetime="2024-05-01T09:30Z">then</time> <time>2024-05-01</time> <time datetime="PT2H">two hours</time> <del datetime="2024-05-01">x</del></p>\n\n' +
      '<p dir="RTL" lang="ckb-IQ">d</p>\n\n<p lang="">e</p>\n\n<ol start="3"><li value="7">f</li></ol>\n\n<figure><figcaption>c</figcaption><p>g</p></figure>\n'
    const {html: out, article} = html(valid)
    expect(removed(article)).toEqual([])
    expect(out).toBe(valid.trim().replace(/\n\n/g, '\n'))
  })

  it('should move a summary first, and make a second one, a stray term and a caption in the middle blocks', () => {
    const {html: out, article} = html(
      '<details><p>a</p><summary>s</summary><summary>t</summary></details>\n\n<div><dd>x</dd></div>\n\n<figure><p>x</p><figcaption>c</figcaption><p>y</p></figure>\n\n<ul><li value="2">z</li></ul>\n'
    )
    expect(out).toBe('<details><summary>s</summary><p>a</p><div>t</div></details>\n<div><div>x</div></div>\n<figure><p>x</p><div>c</div><p>y</p></figure>\n<ul><li>z</li></ul>')
    expect(removed(article).map((line) => line.replace(/ from raw HTML.*/, ''))).toEqual([
      '6:38 Removed `<summary>` that does not open a `<details>`',
      '8:6 Removed `<dd>` outside a `<dl>`',
      '10:17 Removed `<figcaption>` that is neither the first nor the last child of a `<figure>`',
      '12:5 Removed `value` on an `<li>` outside an `<ol>`'
    ])
  })

  it('should unwrap list items and terms inside phrasing, as other blocks', () => {
    const {html: out} = html('<h2>Title<li>a</li><li>b</li></h2>\n\n<table><tr><th><table><tr><td>x</td><td>y</td></tr></table></th></tr></table>\n')
    expect(out).toContain('>Title a b</h2>')
    expect(out).toContain('<th>x y</th>')
  })
})

describe('normalize', () => {
  it('should give every heading a unique id and shift levels below the title', () => {
    const {html: out, article} = html('# One\n\n## Two\n\n# One\n\n## 2024 plans\n')
    expect(out).toContain('<h2 id="one">One</h2>')
    expect(out).toContain('<h3 id="two">Two</h3>')
    expect(out).toContain('<h2 id="one-1">One</h2>')
    expect(out).toContain('<h3 id="h-2024-plans">2024 plans</h3>')
    expect(article.toc.map((entry) => entry.id)).toEqual(['one', 'two', 'one-1', 'h-2024-plans'])
  })

  it('should decide heading levels on the headings that remain, not on empty ones', () => {
    // An empty `#` (or one whose only image is missing) is removed: it shifts nothing.
    for (const empty of ['#', '# ![](missing.png)', '<h1><script>x</script></h1>']) {
      const {html: out} = html(`${empty}\n\n## Section\n\n### Sub\n\nText.\n`)
      expect(out, empty).toContain('<h2 id="section">Section</h2>')
      expect(out, empty).toContain('<h3 id="sub">Sub</h3>')
      expect(out, empty).not.toMatch(/<h1|<h4/)
    }
    // A heading kept by its missing image's alt text still counts.
    expect(html('# ![Map](missing.png)\n\n## Section\n').html).toContain('<h3 id="section">Section</h3>')
  })

  it('should shift raw HTML headings with the Markdown ones, and never the footnotes’ heading', () => {
    const {html: out} = html('<h1>Intro</h1>\n\n## Details\n\nText[^1].\n\n[^1]: Note.\n')
    expect(out).toContain('<h2 id="intro">Intro</h2>')
    expect(out).toContain('<h3 id="details">Details</h3>')
    expect(out).toContain('<h2 class="sr-only" id="footnote-label">Footnotes</h2>')
  })

  it('should keep the footnotes’ ids, and rename an author’s id that takes one', () => {
    const {html: out, article} = html('Text[^1].\n\n[^1]: Note.\n\n<p id="fn-1">Not the note</p>\n\n<p id="footnote-label">Nor the label</p>\n\n<p id="fn-1-1">Mine</p>\n')
    expect(out).toContain('<a href="#fn-1" id="fnref-1" data-footnote-ref="" aria-describedby="footnote-label">1</a>')
    expect(out).toContain('<h2 class="sr-only" id="footnote-label">Footnotes</h2>')
    expect(out).toContain('<li id="fn-1">')
    // Renamed to the first id free in the whole article.
    expect(out).toContain('<p id="fn-1-2">Not the note</p>')
    expect(out).toContain('<p id="footnote-label-1">Nor the label</p>')
    expect(out).toContain('<p id="fn-1-1">Mine</p>')
    const renamed = article.file.messages.filter((message) => message.ruleId === 'renamed-id')
    expect(renamed.map((message) => [message.line, message.column, message.reason])).toEqual([
      [10, 1, 'Id `fn-1` is taken by the footnotes; renamed it `fn-1-2` here (links to `#fn-1` go to the footnotes), choose another id'],
      [12, 1, 'Id `footnote-label` is taken by the footnotes; renamed it `footnote-label-1` here (links to `#footnote-label` go to the footnotes), choose another id']
    ])
  })

  it('should never give an article element an id the page templates use', () => {
    const {html: out, article} = html('<p id="feeds-label">x</p>\n\n## Feeds label\n\n## Title {#article-title}\n')
    expect(out).toContain('<p id="feeds-label-1">x</p>')
    expect(out).toContain('<h2 id="feeds-label-2">Feeds label</h2>')
    expect(out).toContain('<h2 id="article-title-1">Title</h2>')
    const renamed = article.file.messages.filter((message) => message.ruleId === 'renamed-id')
    expect(renamed.map((message) => [message.line, message.column, message.reason])).toEqual([
      [6, 1, 'Id `feeds-label` is taken by the page template; renamed it `feeds-label-1` here (links to `#feeds-label` go to the page template), choose another id'],
      [10, 1, 'Id `article-title` is taken by the page template; renamed it `article-title-1` here (links to `#article-title` go to the page template), choose another id']
    ])
  })

  it('should turn obsolete align into classes', () => {
    const {html: out} = html('| a | b |\n|:-:|--:|\n| 1 | 2 |\n')
    expect(out).not.toContain('align=')
    expect(out).toContain('class="align-center"')
    expect(out).toContain('class="align-right"')
  })

  it('should remove XML-illegal characters with a warning and its position', () => {
    const {article} = html('A\u0001B\u000BC\uFFFE and \u0085.\n')
    expect(toHtml(article.hast)).toContain('<p>ABC and .</p>')
    const message = article.file.messages.find((m) => m.ruleId === 'xml-illegal-character')
    expect(message?.reason).toMatch(/Removed 4 characters .* \(first: U\+0001\)/)
    expect([message?.line, message?.column]).toEqual([6, 2])
  })

  it('should count words and estimate reading time', () => {
    const {article} = html(Array.from({length: 460}, () => 'word').join(' ') + '\n')
    expect(article.stats).toEqual({words: 460, readingMinutes: 2})
  })

  it('should make an excerpt from the first paragraphs', () => {
    const {article} = html('First **para**.\n\n' + 'Long '.repeat(100) + '\n')
    expect(article.excerpt.startsWith('First para. Long Long')).toBe(true)
    expect(article.excerpt.endsWith('…')).toBe(true)
    expect(article.excerpt.length).toBeLessThanOrEqual(300)
  })

  it('should replace a missing local image by its alt text and warn', () => {
    const {html: out, rules} = html('![A map of Erbil](missing.png)\n')
    expect(out).toBe('<p><span>[A map of Erbil]</span></p>')
    expect(rules).toContain('missing-image')
  })

  it('should keep remote images for HTML with a warning, and never fetch them', () => {
    const {html: out, rules} = html('![Remote](https://cdn.example/x.png)\n')
    expect(out).toContain('<img src="https://cdn.example/x.png" alt="Remote">')
    expect(rules).toContain('remote-image')
  })

  it('should turn a local image into a content-addressed asset', () => {
    const article = articleFrom(fm + '![Chart](images/desk-output-by-format.png)\n', {path: 'input/x.md'})
    expect(article.assets).toHaveLength(1)
    expect(article.assets[0]).toMatchObject({mediaType: 'image/png', width: 480, height: 240})
    expect(article.assets[0]!.output).toMatch(/^assets\/[\da-f]{10}-desk-output-by-format\.png$/)
    expect(toHtml(article.hast)).toContain(`src="${article.assets[0]!.output}"`)
  })

  it('should never read images outside the input folder', () => {
    const {rules, article} = html('![x](../package.json) ![y](../../../../etc/passwd.png)\n', 'input/x.md')
    expect(article.assets).toEqual([])
    expect(rules.filter((rule) => rule === 'missing-image')).toHaveLength(2)
  })

  it('should percent-encode URLs so validators accept them', () => {
    const {html: out} = html('<a href="/a b/[c]?q=ä">x</a> [y](<foo bar>)\n')
    expect(out).toContain('href="/a%20b/%5Bc%5D?q=%C3%A4"')
    expect(out).toContain('href="foo%20bar"')
  })

  it('should split a dateline in a Markdown lede', () => {
    const {html: out, article} = html('WASHINGTON (AP) — The Senate voted.\n')
    expect(out).toBe('<p><span class="dateline">WASHINGTON (AP) —</span> The Senate voted.</p>')
    expect(article.meta.dateline?.agency).toBe('AP')
  })

  it('should survive lists and blockquotes nested 100 deep', () => {
    const deep = Array.from({length: 100}, (_, i) => '  '.repeat(i) + '- item ' + i).join('\n') + '\n\n' + '>'.repeat(100) + ' quote\n'
    const {html: out} = html(deep)
    expect(out).toContain('item 99')
    expect(out).toContain('quote')
  })
})

describe('countWords', async () => {
  const {countWords} = await import('../../src/pipeline/plugins/rehype-stats.js')
  it('should count words in any script', () => {
    expect(countWords("Al-Abbasi didn't visit the U.S. in 2024.")).toBe(7)
    expect(countWords('هەولێر پایتەختی هەرێمی کوردستانە')).toBe(4)
    expect(countWords('日本語のテキスト')).toBe(8)
    expect(countWords('café naïve e\u0301')).toBe(3)
    expect(countWords('— … ! 🎉')).toBe(0)
  })

  it('should count what its pattern matches (the scan stands for the regex)', async () => {
    const {countWordsByPattern} = await import('../../src/pipeline/plugins/rehype-stats.js')
    const fc = (await import('fast-check')).default
    // Letters, digits and marks of several scripts, ideographs and kana, the joiners, punctuation, astral characters and lone surrogates.
    const pieces = ['a', 'Z', '7', 'é', 'e\u0301', 'ß', 'ه', 'ێ', '٣', 'д', '日', 'の', 'テ', 'ー', '\u3099', "'", '’', '.', '-', '–', ' ', '\n', ',', '!', '🎉', '𝐀', '𠀀', '\uD800', '\uDC00', '_']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 40}), (parts) => {
        const text = parts.join('')
        expect(countWords(text)).toBe(countWordsByPattern(text))
      }),
      {numRuns: 3000}
    )
  })
})

describe('textForCount', async () => {
  const {countWords, textForCount} = await import('../../src/pipeline/plugins/rehype-stats.js')
  const {toText} = await import('hast-util-to-text')
  const {readdirSync, readFileSync} = await import('node:fs')
  const path = await import('node:path')
  const {root} = await import('../helpers/article.js')
  const same = (source: string, file = 'input/test.md') => {
    const {hast} = articleFrom(source, {path: file})
    return [countWords(textForCount(hast)), countWords(toText(hast))]
  }

  it('should give the word count of the rendered text, as hast-util-to-text does', () => {
    const [a, b] = same(fm + 'One <em>t</em>wo\u200Ethree\n\n| a | b |\n|---|---|\n| c | d |\n\nx<br>y\n\n```\nco\u200Ede\n```\n')
    // "One", then "two" + bidi mark + "three" as one word; the cells four; `x` and `y` two; in code the mark stays and splits.
    expect(a).toBe(10)
    expect(b).toBe(10)
  })

  it('should agree with hast-util-to-text on every fixture and a quarter of the corpus', () => {
    const files: string[] = []
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, {withFileTypes: true})) {
        const file = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(file)
        else if (/\.(md|txt)$/.test(entry.name) && !/expected|golden/.test(file)) files.push(file)
      }
    }
    walk(path.join(root, 'tests/fixtures'))
    const fixtures = files.length
    walk(path.join(root, 'tests/corpus'))
    let checked = 0
    for (const [index, file] of files.entries()) {
      if (index >= fixtures && index % 4) continue
      let counts: number[]
      try {
        counts = same(readFileSync(file, 'utf8'), path.relative(root, file))
      } catch {
        continue // A fixture made to fail.
      }
      expect(counts[0], file).toBe(counts[1])
      checked++
    }
    expect(checked).toBeGreaterThan(40)
  })

  it('should keep two words apart across a line break before a line ending in U+200B (hast-util-to-text joins them)', () => {
    expect(same(fm + 'one n\nword\u200B\n')).toEqual([3, 2])
  })

  it('should take a text node of bidi controls alone as a word break, as hast-util-to-text does', () => {
    expect(same(fm + '<span>a</span><span>\u200E</span><span>b</span> <code>c\u200Ed</code>\n\n<pre>e\u200Ef</pre>\n')).toEqual([5, 5])
  })

  it('should agree with hast-util-to-text on random Markdown and HTML', async () => {
    // No U+200B: hast-util-to-text drops a line break when the line *after* it
    // ends with U+200B (it tests the wrong end), joining two words there
    // (`n\nword\u200B` is one word to it); the count here keeps them apart.
    const fc = (await import('fast-check')).default
    const pieces = ['word', 'é', 'ه', '日本', "'", '.', '-', ' ', '\n', '\n\n', '*', '_', '`', '> ', '- ', '1. ', '# ', '    ', '```\n', '| a | b |\n|---|---|\n| c | d |\n', '<br>', '<em>', '</em>', '<div>', '</div>', '<p>', '</p>', '<span>', '</span>', '<pre>', '</pre>', '<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>', '<details><summary>s</summary>d</details>', '[l](https://x.example/)', '[^1]', '[^1]: n\n', '\u200E', '\u202B', '&nbsp;', '<!-- c -->']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 30}), (parts) => {
        const [a, b] = same(fm + parts.join(''))
        expect(a).toBe(b)
      }),
      {numRuns: 1000}
    )
  })
})
