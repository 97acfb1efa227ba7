import {simpleParser} from 'mailparser'
import {beforeAll, describe, expect, it} from 'vitest'
import type {Article} from '../../../src/types.js'
import {articleFrom} from '../../helpers/article.js'
import {edition, seedArticle} from './helpers.js'

let articles: Article[]

beforeAll(() => {
  articles = [
    articleFrom('---\ntitle: Second & last <news>\ndate: 2024-05-02\nauthors: [Ann]\n---\n\nSee [the report](/reports/2024.html) and ![chart](https://example.org/c.png).\n\n<script>alert(1)</script>\n\n中文文本没有空格所以需要在汉字之间换行。👩‍👩‍👧‍👦\n', {path: 'input/second.md'}),
    seedArticle()
  ]
})

describe('edition.eml', () => {
  it('should parse into a text/plain and a text/html part, the text being the edition', async () => {
    const {text, eml} = await edition(articles)
    const mail = await simpleParser(Buffer.from(eml))
    expect(mail.text).toBe(text)
    expect(typeof mail.html).toBe('string')
    const html = mail.html as string
    expect(html).toContain('https://news.example.org/reports/2024.html')
    expect(html).toContain('Iraq is currently reviewing a new security')
    expect(html).not.toMatch(/<script/i)
    expect(mail.subject).toBe('The Pressroom Test — May 2, 2024')
    expect(mail.date?.toISOString()).toBe('2024-05-02T00:00:00.000Z')
    expect(mail.messageId).toMatch(/^<[\da-f]{32}\.newsletter@news\.example\.org>$/)
    expect(mail.headerLines.find((line) => line.key === 'list-unsubscribe')?.line).toBe('List-Unsubscribe: <%UNSUBSCRIBE_URL%>')
    expect(mail.from?.value[0]).toMatchObject({name: 'Desk', address: 'newsletter@news.example.org'})
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined).toBe('subscribers@news.example.org')
    expect(String(mail.headers.get('content-type') && (mail.headers.get('content-type') as {value: string}).value)).toBe('multipart/alternative')
  })

  it('should be byte-reproducible, with CRLF line endings and no clock or random values', async () => {
    const first = await edition(articles)
    const second = await edition(articles)
    expect(Buffer.from(first.eml).equals(Buffer.from(second.eml))).toBe(true)
    const raw = Buffer.from(first.eml).toString('utf8')
    expect(raw).toMatch(/^Date: Thu, 02 May 2024 00:00:00 \+0000\r$/m)
    expect(raw.replace(/\r\n/g, '')).not.toContain('\n')
    expect(raw).toMatch(/boundary="--_Pressroom-[\da-f]{16}-Part_1"/)
  })

  it('should change the Message-ID when the content changes', async () => {
    const a = await simpleParser(Buffer.from((await edition(articles)).eml))
    const b = await simpleParser(Buffer.from((await edition(articles.slice(1))).eml))
    expect(a.messageId).not.toBe(b.messageId)
  })

  it('should use the `from`, `to` and `unsubscribeUrl` options', async () => {
    const {eml, text} = await edition(articles, {
      from: 'Editors <editors@example.org>',
      to: 'undisclosed-recipients:;',
      unsubscribeUrl: 'https://example.org/u?id={{id}}'
    })
    const mail = await simpleParser(Buffer.from(eml))
    expect(mail.from?.value[0]).toMatchObject({name: 'Editors', address: 'editors@example.org'})
    expect(mail.headers.get('list')).toMatchObject({unsubscribe: {url: 'https://example.org/u?id={{id}}'}})
    expect(text).toContain('Unsubscribe: https://example.org/u?id={{id}}')
  })

  it('should give RFC 8058 one-click unsubscribe headers with an https URL and a mailto form', async () => {
    const {eml} = await edition(articles, {unsubscribeUrl: 'https://lists.example.org/u/abc', unsubscribeMailto: 'mailto:leave@example.org'})
    const mail = await simpleParser(Buffer.from(eml))
    // Unfolded (RFC 5322 folds long header lines).
    const line = (key: string) => mail.headerLines.find((header) => header.key === key)?.line.replace(/\r?\n[ \t]+/g, ' ')
    expect(line('list-unsubscribe')).toBe('List-Unsubscribe: <https://lists.example.org/u/abc>, <mailto:leave@example.org>')
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
    expect(mail.headers.get('list')).toMatchObject({unsubscribe: {url: 'https://lists.example.org/u/abc', mail: 'leave@example.org'}})
  })

  it('should keep the placeholder, without `List-Unsubscribe-Post`, when no URL is set', async () => {
    const {eml} = await edition(articles)
    const mail = await simpleParser(Buffer.from(eml))
    expect(mail.headerLines.some((header) => header.key === 'list-unsubscribe-post')).toBe(false)
    expect(mail.headerLines.find((header) => header.key === 'list-unsubscribe')?.line).toBe('List-Unsubscribe: <%UNSUBSCRIBE_URL%>')
  })

  it('should refuse an unsubscribe URL that is not https', async () => {
    await expect(edition(articles, {unsubscribeUrl: 'http://example.org/u'})).rejects.toThrow(/https:/)
    await expect(edition(articles, {unsubscribeUrl: '%UNSUBSCRIBE_URL%'})).rejects.toThrow(/https:/)
    await expect(edition(articles, {unsubscribeMailto: 'leave@example.org'})).rejects.toThrow(/mailto:/)
  })
})
