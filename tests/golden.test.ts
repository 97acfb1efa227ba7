/**
 * Golden files per fixture, one per output format (as Pandoc's
 * `writer.<format>`): `tests/fixtures/<case>/input.{md,txt}` is built and
 * compared with `expected/messages.json` (diagnostics), `index.html` (the
 * article page), `newsletter.txt`, `feed.json` (the feeds' content, as JSON
 * Feed) and `epub.json` (a projection of the book: files, package document,
 * navigation and text). `UPDATE=1` rewrites them. Emitters keep further
 * goldens of their own (`feeds-hostile/expected/rss.xml`, …).
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createArticle} from '../src/readers/index.js'
import {resolveConfig} from '../src/config.js'
import {createEmitContext} from '../src/emitters/context.js'
import {formatMessage} from '../src/diagnostics.js'
import {epubEmitter} from '../src/emitters/epub/index.js'
import {feedsEmitter} from '../src/emitters/feeds/index.js'
import {htmlEmitter} from '../src/emitters/html/index.js'
import {resolveEmitters} from '../src/emitters/index.js'
import {newsletterEmitter} from '../src/emitters/newsletter/index.js'
import {normalizeEpub} from './helpers/normalize-epub.js'
import {root} from './helpers/article.js'

const fixtures = path.join(root, 'tests/fixtures')
const update = Boolean(process.env['UPDATE'])

async function golden(file: string, actual: string) {
  if (update || !existsSync(file)) {
    await mkdir(path.dirname(file), {recursive: true})
    await writeFile(file, actual)
    return
  }
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

describe('golden fixtures', () => {
  const cases = readdirSync(fixtures).filter((name) => ['input.md', 'input.txt'].some((input) => existsSync(path.join(fixtures, name, input))))

  it('should have fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6)
  })

  for (const name of cases) {
    it(`should build \`${name}\` as expected`, async () => {
      const dir = path.join(fixtures, name)
      const input = ['input.md', 'input.txt'].find((file) => existsSync(path.join(dir, file)))!
      const config = resolveConfig({site: {title: 'Golden', url: 'https://golden.example/'}, input: dir}, root)
      const result = createArticle({path: `tests/fixtures/${name}/${input}`, contents: readFileSync(path.join(dir, input))}, config)
      const file = result.ok ? result.article.file : result.file
      const messages = file.messages.map((message) => ({
        line: formatMessage(message, file.path),
        severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
      }))
      await golden(path.join(dir, 'expected/messages.json'), JSON.stringify(messages, null, 2) + '\n')
      if (!result.ok) return
      const article = result.article
      const emitters = resolveEmitters(config, ['html', 'newsletter', 'feeds', 'epub'])
      const ctx = createEmitContext({config, emitters, articles: [article]})
      const [page] = await htmlEmitter().article!(article, ctx)
      await golden(path.join(dir, 'expected/index.html'), String(page!.contents))
      // `newsletter-*` fixtures have their newsletter golden written by the newsletter's own tests.
      if (!name.startsWith('newsletter-')) {
        const [text] = await newsletterEmitter().article!(article, ctx)
        await golden(path.join(dir, 'expected/newsletter.txt'), String(text!.contents))
      }
      const feeds = await feedsEmitter().collection!([article], ctx)
      await golden(path.join(dir, 'expected/feed.json'), String(feeds.find((file) => file.path.endsWith('feed.json'))!.contents))
      const [book] = await epubEmitter().article!(article, ctx)
      await golden(path.join(dir, 'expected/epub.json'), JSON.stringify(normalizeEpub(book!.contents as Uint8Array), null, 2) + '\n')
    })
  }
})
