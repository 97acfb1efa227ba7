/**
 * The newsletter's hard limits: no line over 998 octets (RFC 5322 § 2.1.1),
 * whatever the tokens; tokens wider than the measure hard-broken, URLs kept
 * whole up to 998 octets; and however deep blocks nest, the text keeps 40
 * columns and no line is wider than the measure. Property tests run with a
 * fixed seed (fast-check), so a failure is reproducible.
 */
import type {Element, ElementContent, Root} from 'hast'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {createEmitContext} from '../../../src/emitters/context.js'
import {finish, newsletterEmitter} from '../../../src/emitters/newsletter/index.js'
import {displayWidth} from '../../../src/emitters/newsletter/width.js'
import {limitLineOctets, maxLineOctets, wrap} from '../../../src/emitters/newsletter/wrap.js'
import {articleFrom, testConfig} from '../../helpers/article.js'
import {renderTree} from './handlers/render.js'

const octets = (line: string) => Buffer.byteLength(line)
/** A URL as the wrapper sees one: a token holding `scheme://` (`(https://…)` too). */
const isUrl = (line: string) => !/\s/.test(line.trim()) && /[a-z][\w+.-]*:\/\//i.test(line)

/** Pieces tokens are made of: ASCII, accented Latin, Arabic, CJK, emoji, a combining mark, URL starts. */
const piece = fc.constantFrom('a', 'Z', '-', '/', 'é', 'ß', 'ك', '漢', 'か', '😀', '👩‍👩‍👧', 'e\u0301', 'https://x.example/', '.', '?q=1&')
const token = fc
  .tuple(fc.array(piece, {minLength: 1, maxLength: 40}), fc.integer({min: 1, max: 150}))
  .map(([pieces, repeat]) => pieces.join('').repeat(repeat))
const text = fc.array(token, {minLength: 1, maxLength: 6}).map((tokens) => tokens.join(' '))

describe('newsletter line limits', () => {
  it('should end no line in a space, a no-break space at the end of a paragraph included', () => {
    expect(wrap('The pandemic.\u00A0', 72)).toEqual(['The pandemic.'])
    expect(wrap('\u00A0 \u00A0', 72)).toEqual([])
    expect(wrap(`${'word '.repeat(13)}end.\u00A0 ${'more '.repeat(5)}`, 72)).toEqual([`${'word '.repeat(13)}end.`, 'more more more more more'])
    // Between words, a no-break space stays (it is what keeps them together).
    expect(wrap('10\u00A0km away', 72)).toEqual(['10\u00A0km away'])
  })

  it('should wrap any tokens within the measure, URLs up to 998 octets aside, never over 998 octets, words kept in order', () => {
    fc.assert(
      fc.property(text, fc.integer({min: 20, max: 120}), (input, width) => {
        const lines = wrap(input, width)
        for (const line of lines) {
          expect(octets(line)).toBeLessThanOrEqual(maxLineOctets)
          if (displayWidth(line) > width) {
            // Only a URL a mail line can hold stays whole and wider than the measure.
            expect(isUrl(line)).toBe(true)
          }
        }
        expect(lines.join('').replace(/\s+/g, '')).toBe(input.replace(/\s+/g, ''))
      }),
      {seed: 1812, numRuns: 80}
    )
  })

  it('should hard-break a 10,000-character token at the measure', () => {
    const lines = wrap(`Before ${'x'.repeat(10_000)} after.`, 72)
    expect(Math.max(...lines.map((line) => displayWidth(line)))).toBe(72)
    expect(lines[0]).toBe('Before')
    expect(lines.at(-1)).toMatch(/^x+ after\.$/)
    expect(lines.join('')).toContain('x'.repeat(72))
  })

  it('should count octets too: a wide measure of emoji sequences (18 octets for 2 columns) stays under 998', () => {
    const lines = wrap(`${'👩‍👩‍👧'.repeat(60)} aaaaaaaa`, 119)
    expect(Math.max(...lines.map(octets))).toBeLessThanOrEqual(998)
    expect(lines.join('').replace(/\s/g, '')).toBe(`${'👩‍👩‍👧'.repeat(60)}aaaaaaaa`)
  })

  it('should keep a URL whole up to 998 octets and break a longer one', () => {
    const short = `https://example.org/${'a'.repeat(900)}`
    expect(wrap(`See ${short} now`, 72)).toEqual(['See', short, 'now'])
    const long = `https://example.org/${'a'.repeat(5000)}`
    const lines = wrap(long, 72)
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.every((line) => displayWidth(line) <= 72)).toBe(true)
    expect(lines.join('')).toBe(long)
  })

  it('should cut any line over 998 octets between graphemes, multi-byte ones included', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'é', '漢', '😀', '👩‍👩‍👧', 'e\u0301', '\n'), {maxLength: 6000}), (chars) => {
        const input = chars.join('')
        const output = limitLineOctets(input)
        expect(output.replaceAll('\n', '')).toBe(input.replaceAll('\n', ''))
        for (const line of output.split('\n')) expect(octets(line)).toBeLessThanOrEqual(maxLineOctets)
        // No grapheme is cut: the ZWJ family and e + combining accent stay whole.
        expect(output).not.toMatch(/\n\u0301|\u200D\n|\n\u200D/)
      }),
      {seed: 998, numRuns: 100}
    )
    expect(finish(`${'code;'.repeat(1000)}\n`).split('\n').every((line) => octets(line) <= 998)).toBe(true)
  })

  it('should write an article with a 10,000-character token and a 5,000-character code line with no line over 998 octets', async () => {
    const config = testConfig()
    const article = articleFrom(
      `---\ntitle: ${'Headline'.repeat(200)}\ndate: 2025-01-01\n---\n${'W'.repeat(10_000)} and [a link](https://example.org/${'p'.repeat(3000)}).\n\n\`\`\`\n${'c'.repeat(5000)}\n\`\`\`\n`,
      {config}
    )
    const emitter = newsletterEmitter()
    const ctx = createEmitContext({config, emitters: [emitter], articles: [article]})
    const [file] = await emitter.article!(article, ctx)
    const lines = String(file!.contents).split('\n')
    expect(Math.max(...lines.map(octets))).toBeLessThanOrEqual(998)
    // The long word and the title are broken at the measure; only the code line is longer.
    const wide = lines.filter((line) => displayWidth(line) > 72)
    expect(wide.every((line) => /^ {4}c+$/.test(line) || /^c+$/.test(line))).toBe(true)
    const [edition] = await emitter.collection!([article], ctx)
    expect(Math.max(...String(edition!.contents).split('\n').map(octets))).toBeLessThanOrEqual(998)
  })
})

/** `depth` nested elements, the innermost holding `inner`; each level opens with `label`. */
function nest(depth: number, make: (children: ElementContent[]) => Element, label: (level: number) => ElementContent[], inner: ElementContent[]): Root {
  let content: ElementContent[] = inner
  for (let level = depth; level >= 1; level--) content = [make([...label(level), ...content])]
  return {type: 'root', children: content}
}

const element = (tagName: string, children: ElementContent[]): Element => ({type: 'element', tagName, properties: {}, children})
const words = (count: number) => Array.from({length: count}, (_, index) => `word${index}`).join(' ')
const paragraph = (value: string) => element('p', [{type: 'text', value}])

describe('newsletter nesting', () => {
  const kinds: Record<string, (children: ElementContent[]) => Element> = {
    'unordered lists': (children) => element('ul', [element('li', children)]),
    'ordered lists': (children) => ({...element('ol', [element('li', children)]), properties: {start: 9998}}),
    'block quotes': (children) => element('blockquote', children),
    'definition lists': (children) => element('dl', [element('dt', [{type: 'text', value: 'term'}]), element('dd', children)]),
    'quotes in lists': (children) => element('ul', [element('li', [element('blockquote', children)])])
  }

  for (const [name, make] of Object.entries(kinds)) {
    it(`should keep 40 columns of text and the measure in 100-deep ${name}`, () => {
      const tree = nest(100, make, (level) => [paragraph(`level${level}`)], [paragraph(words(80))])
      for (const width of [72, 100]) {
        const lines = renderTree(tree, {width}).body.split('\n')
        expect(Math.max(...lines.map((line) => displayWidth(line)))).toBeLessThanOrEqual(width)
        // The innermost paragraph: every word there, in order, on lines of at least 40 columns of text.
        const inner = lines.filter((line) => /word\d/.test(line))
        expect(inner.join(' ').match(/word\d+/g)).toEqual(words(80).split(' '))
        const textColumns = inner.slice(0, -1).map((line) => displayWidth(line.slice(line.search(/word\d/))))
        // A full line of text leaves less than one word (`word79 ` is 7 columns) of its 40 unused.
        expect(Math.min(...textColumns)).toBeGreaterThanOrEqual(40 - 7)
        // Every level is still written.
        expect(lines.filter((line) => /level\d/.test(line)).length).toBe(100)
      }
    })
  }

  it('should still indent shallow nesting in full', () => {
    const tree = nest(3, kinds['unordered lists']!, (level) => [{type: 'text', value: `level${level}`}], [])
    expect(renderTree(tree).body).toBe('  * level1\n      * level2\n          * level3')
  })
})
