import {describe, expect, it} from 'vitest'
import {createArticle} from '../../src/readers/index.js'
import {formatMessage} from '../../src/diagnostics.js'
import {testConfig} from '../helpers/article.js'

function read(text: string, path = 'input/x.md') {
  const result = createArticle({path, contents: text}, testConfig())
  const file = result.ok ? result.article.file : result.file
  return {result, lines: file.messages.map((message) => formatMessage(message, path))}
}

describe('front matter', () => {
  it('should report an invalid field with file, line, column and rule id', () => {
    const {result, lines} = read('---\ndate: 2024-01-02\ntitle: 42\n---\n\nBody.\n')
    expect(result.ok).toBe(false)
    expect(lines).toContain('input/x.md:3:8: title: expected a string [front-matter]')
  })

  it('should report a list where a string is expected', () => {
    const {lines} = read('---\ntitle:\n  - a\n  - b\n---\nBody.\n')
    expect(lines[0]).toMatch(/^input\/x\.md:3:3: title: expected a string \[front-matter\]$/)
  })

  it('should read YAML 1.2 front matter into metadata', () => {
    const {result} = read(
      '---\ntitle: "Hello: world"\ndate: 2015-03-19 10:00:00 -4\nauthors: [ana, bo]\ntopics: [a, b, a]\nsummary: Short.\nlang: ckb\n---\nBody.\n'
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.article.meta).toMatchObject({
      title: 'Hello: world',
      date: '2015-03-19T14:00:00.000Z',
      authors: ['ana', 'bo'],
      tags: ['a', 'b'],
      description: 'Short.',
      lang: 'ckb',
      dir: 'rtl'
    })
  })

  it('should read invalid YAML 1.2 leniently with a warning, as gray-matter does', () => {
    const {result, lines} = read('---\ntitle: "A title that\ncontinues unindented"\ndate: 2015-07-15\n---\nBody.\n')
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.article.meta.title).toBe('A title that continues unindented')
    expect(lines.some((line) => line.endsWith('[front-matter-lenient]') && line.startsWith('input/x.md:2:'))).toBe(true)
  })

  it('should keep the last of duplicate keys with a warning', () => {
    const {result, lines} = read('---\ntitle: T\ndate: 2015-01-01\nexpirydate: 2016-01-01\nexpirydate: 2017-01-01\n---\nBody.\n')
    expect(result.ok).toBe(true)
    expect(lines.some((line) => /^input\/x\.md:5:\d+: .*`expirydate`.*\[front-matter-duplicate-key\]$/.test(line))).toBe(true)
  })

  it('should fail on front matter without a closing fence', () => {
    const {result, lines} = read('---\ntitle: T\n\nBody.\n')
    expect(result.ok).toBe(false)
    expect(lines).toEqual(['input/x.md:1:1: Unexpected front matter without closing `---`, add a line `---` after the last field [front-matter-unclosed]'])
  })

  it('should accept a blank line before the opening fence with a warning', () => {
    const {result, lines} = read('\n---\ntitle: T\ndate: 2021-04-06\n---\n\nBody with **bold**.\n')
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.article.meta.title).toBe('T')
      expect(result.article.mdast.children[0]?.position?.start.line).toBe(7)
    }
    expect(lines.some((line) => line.endsWith('[front-matter-leading-blank]'))).toBe(true)
  })

  it('should warn on unknown keys and ignore known keys of other generators', () => {
    const {result, lines} = read('---\ntitle: T\ndate: 2020-01-01\nlayout: post\nweight: 3\ncolour: red\n---\nBody.\n')
    expect(result.ok).toBe(true)
    expect(lines).toEqual(['input/x.md:6:9: Unknown front matter key `colour` is ignored; check its spelling or remove it [front-matter-unknown-key]'])
  })

  it('should treat empty values as absent', () => {
    const {result} = read('---\ntitle: T\ndate: 2020-01-01\ndeck:\nprimary_image:\n---\nBody.\n')
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.article.meta.image).toBeUndefined()
  })

  it('should take the date from a YYYY-MM-DD- file name, and the slug from the rest', () => {
    const {result} = read('---\ntitle: T\n---\nBody.\n', 'input/2016-10-11-my-post.md')
    expect(result.ok && result.article.meta).toMatchObject({date: '2016-10-11T00:00:00.000Z', slug: 'my-post'})
  })

  it('should fall back to SOURCE_DATE_EPOCH and warn when there is no date', () => {
    const before = process.env['SOURCE_DATE_EPOCH']
    process.env['SOURCE_DATE_EPOCH'] = '1700000000'
    try {
      const {result, lines} = read('---\ntitle: T\n---\nBody.\n')
      expect(result.ok && result.article.meta.date).toBe('2023-11-14T22:13:20.000Z')
      expect(lines.some((line) => line.includes('SOURCE_DATE_EPOCH') && line.endsWith('[missing-date]'))).toBe(true)
    } finally {
      if (before === undefined) delete process.env['SOURCE_DATE_EPOCH']
      else process.env['SOURCE_DATE_EPOCH'] = before
    }
  })

  it('should use a leading # heading as the title when front matter has none', () => {
    const {result, lines} = read('# The real title\n\nBody.\n', 'input/2020-01-01-x.md')
    expect(result.ok && result.article.meta.title).toBe('The real title')
    expect(result.ok && result.article.mdast.children.map((node) => node.type)).toEqual(['paragraph'])
    expect(lines).toEqual([])
  })

  it('should derive a title from the file name with a warning when there is none', () => {
    const {result, lines} = read('Just a body.\n', 'input/2020-01-01-no-title-here.md')
    expect(result.ok && result.article.meta.title).toBe('No title here')
    expect(lines.some((line) => line.endsWith('[missing-title]'))).toBe(true)
  })

  it('should make unsafe slugs safe', () => {
    const {result, lines} = read('---\ntitle: T\ndate: 2020-01-01\nslug: ../../etc/pass\u0000wd\n---\nBody.\n')
    expect(result.ok && result.article.meta.slug).toBe('etc-passwd')
    expect(lines.some((line) => line.endsWith('[unsafe-slug]'))).toBe(true)
  })

  it('should refuse a slug without letters or digits', () => {
    const {result, lines} = read('---\ntitle: T\ndate: 2020-01-01\nslug: "../.."\n---\nBody.\n')
    expect(result.ok).toBe(false)
    expect(lines.some((line) => line.startsWith('input/x.md:4:7:') && line.endsWith('[empty-slug]'))).toBe(true)
  })

  it('should keep a year below 100 as written, in strict and lenient YAML and in file names', () => {
    const strict = read('---\ntitle: T\ndate: 0024-05-01\n---\nBody.\n')
    expect(strict.result.ok && strict.result.article.meta.date).toBe('0024-05-01T00:00:00.000Z')
    const lenient = read('---\ntitle: "A title that\ncontinues unindented"\ndate: 0024-05-01\nupdated: 0024-05-02 10:00:00 -4\n---\nBody.\n')
    expect(lenient.lines.some((line) => line.endsWith('[front-matter-lenient]'))).toBe(true)
    expect(lenient.result.ok && lenient.result.article.meta).toMatchObject({date: '0024-05-01T00:00:00.000Z', updated: '0024-05-02T14:00:00.000Z'})
    const named = read('---\ntitle: T\n---\nBody.\n', 'input/0099-12-31-x.md')
    expect(named.result.ok && named.result.article.meta).toMatchObject({date: '0099-12-31T00:00:00.000Z', slug: 'x'})
  })

  it('should reject the year 0 as an invalid date at its position', () => {
    const {result, lines} = read('---\ntitle: T\ndate: 0000-06-01\n---\nBody.\n')
    expect(result.ok).toBe(false)
    expect(lines[0]).toMatch(/^input\/x\.md:3:7: date: expected a date .*0001 to 9999.*`0000-06-01`.* \[invalid-date\]$/)
  })

  it('should reject an impossible zone offset as an invalid date at its position, failing the article', () => {
    const {result, lines} = read('---\ntitle: T\ndate: "2024-01-01T00:00:00+99:99"\n---\nBody.\n')
    expect(result.ok).toBe(false)
    expect(lines).toEqual([
      'input/x.md:3:7: date: expected a date such as `2024-05-01` or `2024-05-01T09:30:00Z` (a year from 0001 to 9999, an offset within ±14:00), not `2024-01-01T00:00:00+99:99` [invalid-date]'
    ])
  })

  it('should keep a canonical URL only as an absolute http(s) URL, percent-encoded as the URL parser writes it', () => {
    const canonical = (value: string, key = 'canonical') => {
      const {result, lines} = read(`---\ntitle: T\ndate: 2024-01-01\n${key}: ${JSON.stringify(value)}\n---\nBody.\n`)
      return {canonical: result.ok ? result.article.meta.canonical : 'failed', lines}
    }
    expect(canonical('https://example.org/"><script>alert(1)</script>')).toEqual({canonical: 'https://example.org/%22%3E%3Cscript%3Ealert(1)%3C/script%3E', lines: []})
    expect(canonical('HTTPS://Bücher.Example/ناو?q=a b', 'source_url')).toEqual({
      canonical: 'https://xn--bcher-kva.example/%D9%86%D8%A7%D9%88?q=a%20b',
      lines: []
    })
    expect(canonical('https://example.org')).toEqual({canonical: 'https://example.org/', lines: []})
    expect(canonical('javascript:alert(1)')).toEqual({
      canonical: undefined,
      lines: ['input/x.md:4:12: Removed unsafe URL `javascript:alert(1)` of `canonical`; use an absolute http(s) URL [unsafe-url]']
    })
    expect(canonical('ftp://example.org/x').lines).toEqual(['input/x.md:4:12: Removed unsafe URL `ftp://example.org/x` of `canonical`; use an absolute http(s) URL [unsafe-url]'])
    expect(canonical('https://editor:secret@example.org/story', 'canonical_url')).toEqual({
      canonical: undefined,
      lines: ['input/x.md:4:16: Removed invalid URL `https://editor:secret@example.org/story` of `canonical_url`; use an absolute http(s) URL without a user name or password [invalid-url]']
    })
    for (const value of ['https://exa mple.org/', 'https://example.org:99999/', 'http://', '/2024/story', 'mailto:desk@example.org']) {
      const {canonical: kept, lines} = canonical(value)
      expect(kept, value).toBeUndefined()
      expect(lines, value).toEqual([expect.stringMatching(/^input\/x\.md:4:12: Removed invalid URL .* of `canonical`.*\[invalid-url\]$/)])
    }
  })

  it('should write a language tag in its canonical form, the same for every format', () => {
    const langOf = (value: string, key = 'lang') => {
      const {result, lines} = read(`---\ntitle: T\ndate: 2024-01-01\n${key}: ${JSON.stringify(value)}\n---\nBody.\n`)
      return {lang: result.ok ? result.article.meta.lang : 'failed', lines}
    }
    expect(langOf('en_US')).toEqual({lang: 'en-US', lines: []})
    expect(langOf('EN-gb', 'language')).toEqual({lang: 'en-GB', lines: []})
    expect(langOf('zh-hant-tw')).toEqual({lang: 'zh-Hant-TW', lines: []})
    expect(langOf('ckb')).toEqual({lang: 'ckb', lines: []})
    expect(langOf('ku_arab_iq-u-NU-arab')).toEqual({lang: 'ku-Arab-IQ-u-nu-arab', lines: []})
    // Subtags are kept: not CLDR's aliases (Intl's `ku` for `kmr`), so a catalog named after the tag is found.
    expect(langOf('kmr')).toEqual({lang: 'kmr', lines: []})
  })

  it('should ignore a language that is not a BCP 47 tag with a warning at its position, as if none were given', () => {
    const {result, lines} = read('---\ntitle: T\ndate: 2024-01-01\nlang: "english language"\n---\nBody.\n')
    expect(result.ok && result.article.meta).toMatchObject({lang: 'en', dir: 'ltr'})
    expect(lines).toEqual(['input/x.md:4:7: lang: expected a BCP 47 language tag such as `en`, `pt-BR` or `ckb`, not `english language`; used `en` [invalid-language]'])
    const sorani = read('---\ntitle: سەرۆکی هەرێمی کوردستان\ndate: 2024-01-01\nlanguage: ku_Arab_IQ_x\n---\nسەرۆکی هەرێمی کوردستان پێشوازی لە شاندێکی حکومەتی عێراق کرد و باسی پەیوەندییەکانی نێوان هەولێر و بەغدا کرا.\n')
    expect(sorani.result.ok && sorani.result.article.meta).toMatchObject({lang: 'ckb', dir: 'rtl'})
    expect(sorani.lines.some((line) => line.startsWith('input/x.md:4:11: language: expected a BCP 47 language tag') && line.endsWith('used `ckb` [invalid-language]'))).toBe(true)
  })

  it('should reject an invalid date with its position', () => {
    const {result, lines} = read('---\ntitle: T\ndate: yesterday\n---\nBody.\n')
    expect(result.ok).toBe(false)
    expect(lines[0]).toMatch(/^input\/x\.md:3:7: date: expected a date .* \[invalid-date\]$/)
  })
})
