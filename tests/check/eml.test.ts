import {describe, expect, it} from 'vitest'
import {checkEml} from '../../src/check/eml.js'
import {fileAt, idsOf, messagesOf} from './helpers.js'

function eml(options: {headers?: string; type?: string; parts?: string[]} = {}): string {
  const boundary = '--_b_1'
  const parts = options.parts ?? ['text/plain; charset=utf-8', 'text/html; charset=utf-8']
  const lines = [
    options.headers ?? 'From: Desk <news@t.example>\r\nTo: all@t.example\r\nSubject: =?UTF-8?Q?Hi_=E2=80=94?=\r\nDate: Mon, 03 Mar 2025 09:30:00 +0000\r\nMIME-Version: 1.0',
    `Content-Type: ${options.type ?? 'multipart/alternative'};\r\n boundary="${boundary}"`,
    ''
  ]
  for (const part of parts) lines.push(`--${boundary}`, `Content-Type: ${part}`, 'Content-Transfer-Encoding: quoted-printable', '', 'Hello =E2=80=94 world', '')
  lines.push(`--${boundary}--`, '')
  return lines.join('\r\n')
}

function check(text: string): string[] {
  const file = fileAt('newsletter/edition.eml')
  checkEml(file, text)
  return idsOf(file)
}

describe('eml', () => {
  it('should accept a multipart/alternative message with text and HTML', () => {
    const file = fileAt('newsletter/edition.eml')
    checkEml(file, eml())
    expect(messagesOf(file)).toEqual([])
  })

  it('should find the alternative inside a multipart/mixed', () => {
    const inner = eml({headers: 'X-Inner: 1'}).replace(/_b_1/g, '_b_2')
    const outer = [
      'From: a@t.example',
      'Date: Mon, 03 Mar 2025 09:30:00 +0000',
      'Content-Type: multipart/mixed; boundary=outer',
      '',
      '--outer',
      inner.replace('X-Inner: 1\r\n', ''),
      '--outer',
      'Content-Type: image/png',
      '',
      'AAAA',
      '--outer--',
      ''
    ].join('\r\n')
    expect(check(outer)).toEqual([])
  })

  it('should report a missing part or a single-part message', () => {
    expect(check(eml({parts: ['text/plain']}))).toEqual(['eml-not-alternative'])
    expect(check('From: a@t.example\r\nDate: Mon, 03 Mar 2025 09:30:00 +0000\r\nContent-Type: text/plain\r\n\r\nHi\r\n')).toEqual(['eml-not-alternative'])
  })

  it('should report missing `From` and `Date` and a bad date', () => {
    expect(check(eml({headers: 'Subject: x'}))).toEqual(['eml-missing-header', 'eml-missing-header'])
    expect(check(eml({headers: 'From: a@t.example\r\nDate: 2025-03-03'}))).toEqual(['eml-invalid'])
  })

  it('should report broken header syntax, raw non-ASCII headers, a missing boundary', () => {
    expect(check(eml({headers: 'From: a@t.example\r\nDate: Mon, 03 Mar 2025 09:30:00 +0000\r\nnot a header'}))).toEqual(['eml-invalid'])
    expect(check(eml({headers: 'From: a@t.example\r\nDate: Mon, 03 Mar 2025 09:30:00 +0000\r\nSubject: Café'}))).toEqual(['eml-invalid'])
    expect(check(eml().replace(/;\r\n boundary="[^"]+"/, ''))).toContain('eml-invalid')
    expect(check(eml().replace('--_b_1--', ''))).toContain('eml-invalid')
  })

  it('should check RFC 8058 one-click unsubscribe headers', () => {
    const base = 'From: Desk <news@t.example>\r\nDate: Mon, 03 Mar 2025 09:30:00 +0000\r\nMIME-Version: 1.0'
    expect(check(eml({headers: `${base}\r\nList-Unsubscribe: <https://t.example/u>,\r\n <mailto:u@t.example>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click`}))).toEqual([])
    expect(check(eml({headers: `${base}\r\nList-Unsubscribe: <%UNSUBSCRIBE_URL%>`}))).toEqual([])
    expect(check(eml({headers: `${base}\r\nList-Unsubscribe: <mailto:u@t.example>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click`}))).toEqual(['eml-invalid'])
    expect(check(eml({headers: `${base}\r\nList-Unsubscribe: <https://t.example/u>\r\nList-Unsubscribe-Post: yes`}))).toEqual(['eml-invalid'])
  })
})
