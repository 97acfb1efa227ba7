import {describe, expect, it} from 'vitest'
import {decodeText} from '../../src/check/flag.js'
import {checkText} from '../../src/check/text.js'
import {fileAt, idsOf, messagesOf} from './helpers.js'

const good = [
  'The Pressroom Desk',
  '==================',
  '',
  'A short guide for reporters and editors on how a single article becomes',
  'a web page — «ساڵی نوێ» — and café prices at 5 < 6 and x > y.',
  '',
  '  1. Read it: https://desk.example.org/one-story-every-format.html',
  'https://desk.example.org/a/very/long/url/that/is/wider/than/seventy-two/columns/for/sure.html',
  '<https://desk.example.org/a/very/long/url/that/is/wider/than/seventy-two/columns.html>',
  'snake_case_name and 2 * 3 * 4 stay, as does a lone ` tick.',
  ''
].join('\n')

function check(text: string): string[] {
  const file = fileAt('newsletter/a.txt')
  checkText(file, text)
  return idsOf(file)
}

describe('text', () => {
  it('should accept clean plain text', () => {
    const file = fileAt('newsletter/a.txt')
    checkText(file, good)
    expect(messagesOf(file)).toEqual([])
  })

  it('should report invalid UTF-8 with its offset', () => {
    const file = fileAt('newsletter/a.txt')
    const text = decodeText(file, new Uint8Array([0x61, 0x62, 0xc3, 0x28, 0x63]))
    expect(text).toBe('ab\uFFFD(c')
    expect(idsOf(file)).toEqual(['invalid-utf8'])
    expect(file.messages[0]?.reason).toContain('offset 2')
  })

  it('should report CRLF line endings once', () => {
    expect(check('a\r\nb\r\n')).toEqual(['text-crlf'])
  })

  it('should report lines wider than 72 columns, counting wide characters twice', () => {
    expect(check('x'.repeat(73) + '\n')).toEqual(['text-line-too-wide'])
    expect(check('x'.repeat(72) + '\n')).toEqual([])
    expect(check('漢'.repeat(37) + '\n')).toEqual(['text-line-too-wide'])
    expect(check('See https://desk.example.org/' + 'a'.repeat(60) + '\n')).toEqual(['text-line-too-wide'])
  })

  it('should report trailing whitespace', () => {
    expect(check('a \nb\n')).toEqual(['text-trailing-space'])
    expect(check('a\t\n')).toEqual(['text-trailing-space'])
  })

  it('should report HTML tags and entities', () => {
    expect(check('a <strong>b</strong>\n')).toEqual(['text-html'])
    expect(check('AT&amp;T\n')).toEqual(['text-html'])
    expect(check('x &#8212; y\n')).toEqual(['text-html'])
    expect(check('AT&T & co; fine\n')).toEqual([])
  })

  it('should report Markdown leftovers', () => {
    expect(check('a **b** c\n')).toEqual(['text-markdown'])
    expect(check('a __b__ c\n')).toEqual(['text-markdown'])
    expect(check('run `npm ci` now\n')).toEqual(['text-markdown'])
    expect(check('see [x](https://x.example)\n')).toEqual(['text-markdown'])
  })

  it('should take code (four columns past its text) as written, and still check the text around it', () => {
    const code = `    <div class="x">**not bold**</div> ${'x'.repeat(80)}`
    // In the body, in a list item (past the item's text column), in a quote.
    expect(check(`Before:\n\n${code}\n\nAfter.\n`)).toEqual([])
    expect(check(`  * An item\n    its second line\n\n    ${code}\n`)).toEqual([])
    expect(check(`> Quoted:\n>\n> ${code}\n`)).toEqual([])
    // A list item's own lines are text, however indented.
    expect(check('  * An item\n    with <b>HTML</b>\n')).toEqual(['text-html'])
    expect(check('  * An item\n\n    A second <b>paragraph</b>\n')).toEqual(['text-html'])
    // After the list, text starts at column 0 again.
    expect(check('  * An item\n\nText <b>again</b>\n')).toEqual(['text-html'])
    // Code keeps no trailing whitespace either.
    expect(check('    code  \n')).toEqual(['text-trailing-space'])
  })
})
