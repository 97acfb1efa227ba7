/**
 * `pressroom check` on ninjs and sitemaps: the files the emitters write pass,
 * and each kind of mistake a partner's or search engine's ingest would refuse
 * is reported with its rule.
 */
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {checkOutput} from '../../src/check/index.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-check-syndication-'))
})

afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

const ninjsSample = path.join(import.meta.dirname, '../emitters/ninjs/sample/iraq-security-agreement.json')

async function check(files: Record<string, string>): Promise<string[]> {
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text)
  const report = await checkOutput(dir)
  return report.files.flatMap((file) => file.messages.filter((message) => message.ruleId !== 'manifest-missing').map((message) => `${file.path}: ${message.ruleId}: ${message.reason}`))
}

const urlset = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${body}</urlset>\n`

describe('check: ninjs', () => {
  it('should accept a ninjs file the emitter wrote and report what breaks the 3.1 schema', async () => {
    const good = await readFile(ninjsSample, 'utf8')
    const bad = JSON.parse(good) as Record<string, unknown>
    delete bad['uri']
    bad['type'] = 'story'
    const messages = await check({'good.json': good, 'bad.json': JSON.stringify(bad)})
    expect(messages.sort()).toEqual([
      "bad.json: ninjs-schema: Unexpected ninjs 3.1 at `/`: must have required property 'uri' (missingProperty: \"uri\")",
      expect.stringMatching(/^bad\.json: ninjs-schema: Unexpected ninjs 3\.1 at `\/type`: must be equal to one of the allowed values \(allowedValues: \[.*"text".*\]\)$/)
    ])
  })
})

describe('check: sitemaps', () => {
  it('should accept absolute URLs, W3C dates and complete news entries', async () => {
    const news = '<url><loc>https://n.example/a.html</loc><news:news><news:publication><news:name>N</news:name><news:language>en</news:language></news:publication><news:publication_date>2024-05-01T09:00:00Z</news:publication_date><news:title>A</news:title></news:news></url>'
    expect(await check({'sitemap.xml': urlset('<url><loc>https://n.example/</loc><lastmod>2024-05-01</lastmod></url>'), 'news-sitemap.xml': urlset(news)})).toEqual([])
  })

  it('should report relative locations, bad dates and incomplete news entries', async () => {
    const body = '<url><loc>a.html</loc><lastmod>May 1</lastmod></url><url><loc>https://n.example/b.html</loc><news:news><news:publication><news:name>N</news:name></news:publication><news:publication_date>yesterday</news:publication_date></news:news></url>'
    expect(await check({'sitemap.xml': urlset(body)})).toEqual([
      'sitemap.xml: sitemap-invalid: Unexpected sitemap content in entry 1: expected an absolute http(s) `loc`, found `a.html`',
      'sitemap.xml: sitemap-invalid: Unexpected sitemap content in entry 1: expected a W3C Datetime `lastmod`, found `May 1`',
      'sitemap.xml: sitemap-invalid: Unexpected sitemap content in entry 2: missing `news:publication/news:language`',
      'sitemap.xml: sitemap-invalid: Unexpected sitemap content in entry 2: expected a W3C Datetime `news:publication_date`, found `yesterday`',
      'sitemap.xml: sitemap-invalid: Unexpected sitemap content in entry 2: missing `news:title`'
    ])
  })
})
