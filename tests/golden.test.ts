/**
 * Golden files per fixture: `tests/fixtures/<case>/input.{md,txt}` is built
 * and compared with `expected/index.html` (the article page) and
 * `expected/messages.json` (diagnostics). `UPDATE=1` rewrites them.
 * Emitter-specific goldens (PDF, EPUB, feeds, newsletter) live beside these
 * and are checked by their emitters' tests.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {createArticle} from '../src/article.js'
import {resolveConfig} from '../src/config.js'
import {createEmitContext} from '../src/context.js'
import {formatMessage} from '../src/diagnostics.js'
import {htmlEmitter} from '../src/emitters/html.js'
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
      const emitter = htmlEmitter()
      const ctx = createEmitContext({config, emitters: [emitter], articles: [result.article]})
      const [page] = await emitter.article!(result.article, ctx)
      await golden(path.join(dir, 'expected/index.html'), String(page!.contents))
    })
  }
})
