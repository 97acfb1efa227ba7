import {mkdtemp, mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {build} from '../src/build/index.js'
import {ConfigError, loadConfig} from '../src/config.js'
import {resolveEmitters, UnknownEmitterError} from '../src/emitters/index.js'
import {root} from './helpers/article.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-config-'))
  await mkdir(path.join(dir, 'input'))
  await writeFile(path.join(dir, 'input/hello.md'), '---\ntitle: Hello\ndate: 2024-05-01\n---\n\nHello **world**, twice: hello.\n')
})

afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

describe('config', () => {
  it('should register a custom emitter through pressroom.config.ts and write its output', async () => {
    await writeFile(
      path.join(dir, 'pressroom.config.ts'),
      `import {defineConfig} from ${JSON.stringify(path.join(root, 'src/config.ts'))}
import type {Emitter} from ${JSON.stringify(path.join(root, 'src/types.ts'))}

function wordCountEmitter(options: {suffix: string}): Emitter {
  return {
    name: 'wordcount',
    paths: (article) => ({wordcount: \`counts/\${article.meta.slug}\${options.suffix}\`}),
    article: (article) => [{path: \`counts/\${article.meta.slug}\${options.suffix}\`, contents: \`\${article.meta.title}: \${article.stats.words} words\\n\`}],
    collection: (articles) => [{path: 'counts/total.txt', contents: String(articles.length)}]
  }
}

export default defineConfig({
  site: {title: 'Config Test', url: 'https://config.example/'},
  builtins: {pdf: false, epub: false, newsletter: false, feeds: false, ninjs: false, sitemaps: false},
  emitters: [wordCountEmitter({suffix: '.count.txt'})]
})
`
    )
    const config = await loadConfig({root: dir})
    expect(resolveEmitters(config).map((emitter) => emitter.name)).toEqual(['html', 'wordcount'])
    const result = await build({config})
    expect(result.exitCode).toBe(0)
    expect(await readFile(path.join(dir, 'output/counts/hello.count.txt'), 'utf8')).toBe('Hello: 4 words\n')
    expect(await readFile(path.join(dir, 'output/counts/total.txt'), 'utf8')).toBe('1')
    const manifest = JSON.parse(await readFile(path.join(dir, 'output/manifest.json'), 'utf8'))
    expect(manifest.articles[0].outputs).toEqual({html: 'hello.html', wordcount: 'counts/hello.count.txt'})
    expect(manifest.collections['counts/total.txt'].emitter).toBe('wordcount')
    // The HTML page links the custom format.
    expect(await readFile(path.join(dir, 'output/hello.html'), 'utf8')).toContain('href="counts/hello.count.txt"')
  })

  it('should read pressroom.config.json', async () => {
    await writeFile(path.join(dir, 'pressroom.config.json'), JSON.stringify({site: {title: 'JSON', url: 'https://json.example'}, output: 'public'}))
    const config = await loadConfig({root: dir})
    expect(config.site).toMatchObject({title: 'JSON', url: 'https://json.example/'})
    expect(config.output).toBe(path.join(dir, 'public'))
  })

  it('should reject an invalid config with the field path', async () => {
    await writeFile(path.join(dir, 'pressroom.config.json'), JSON.stringify({site: {url: 'ftp://x'}, colour: 1}))
    await expect(loadConfig({root: dir})).rejects.toThrow(ConfigError)
    await expect(loadConfig({root: dir})).rejects.toThrow(/site\.url/)
  })

  it('should reject an emitter that is not an object with a name', async () => {
    await writeFile(path.join(dir, 'pressroom.config.mjs'), 'export default {emitters: [() => ({name: "x"})]}\n')
    await expect(loadConfig({root: dir})).rejects.toThrow(/call the factory/)
  })

  it('should refuse an unknown emitter name in --only', async () => {
    const config = await loadConfig({root: dir})
    expect(() => resolveEmitters(config, ['html', 'docx'])).toThrow(UnknownEmitterError)
  })
})
