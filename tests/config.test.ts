import {existsSync} from 'node:fs'
import {mkdtemp, mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {build} from '../src/build/index.js'
import {ConfigError, defineConfig, loadConfig, resolveConfig, type UserConfig} from '../src/config.js'
import {builtinNames, resolveEmitters, UnknownEmitterError} from '../src/emitters/index.js'
import {root} from './helpers/article.js'

let dir: string

/** Run command lines in `folder` (as its current folder); their exit codes and what they printed to stderr. */
async function cliIn(folder: string, ...commands: string[][]): Promise<{codes: number[]; errors: string}> {
  const {main} = await import('../src/cli.js')
  const cwd = process.cwd()
  const errors: string[] = []
  const codes: number[] = []
  const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line))
  try {
    process.chdir(folder)
    for (const args of commands) codes.push(await main(['node', 'pressroom', ...args]))
  } finally {
    process.chdir(cwd)
    spy.mockRestore()
  }
  return {codes, errors: errors.join('\n')}
}

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

  it('should refuse a language that is not a BCP 47 tag, and canonicalize one that is', async () => {
    const messageOf = (user: UserConfig) => {
      try {
        resolveConfig(user, dir)
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`
      }
      return ''
    }
    expect(messageOf({site: {language: 'english language'}})).toBe('ConfigError: config: site.language: expected a BCP 47 language tag such as `en`, `pt-BR` or `ckb`')
    expect(messageOf({site: {language: ''}})).toMatch(/site\.language: expected a BCP 47/)
    expect(messageOf({languages: {'input/sorani/**': 'en-a'}})).toMatch(/languages\.input\/sorani\/\*\*: expected a BCP 47/)
    const config = resolveConfig({site: {language: 'en_us'}, languages: {'input/sorani/**': 'CKB', 'input/serbian/**': 'sr_latn'}}, dir)
    expect(config.site.language).toBe('en-US')
    expect(config.languages).toEqual({'input/sorani/**': 'ckb', 'input/serbian/**': 'sr-Latn'})
    await writeFile(path.join(dir, 'pressroom.config.json'), JSON.stringify({site: {language: 'english language'}}))
    const {codes, errors} = await cliIn(dir, ['build', '--workers', '0'])
    expect(codes).toEqual([2])
    expect(errors).toMatch(/site\.language: expected a BCP 47 language tag/)
    expect(existsSync(path.join(dir, 'output'))).toBe(false)
  })

  it('should reject an emitter that is not an object with a name', async () => {
    await writeFile(path.join(dir, 'pressroom.config.mjs'), 'export default {emitters: [() => ({name: "x"})]}\n')
    await expect(loadConfig({root: dir})).rejects.toThrow(/call the factory/)
  })

  it('should type `builtins` from the emitters\' option schemas', () => {
    // @ts-expect-error: not a page size.
    const wrongSize = defineConfig({builtins: {pdf: {pageSize: 'Tabloid-ish'}}})
    // @ts-expect-error: a misspelt option.
    const misspelt = defineConfig({builtins: {newsletter: {widht: 80}}})
    // @ts-expect-error: no such built-in.
    const unknown = defineConfig({builtins: {docx: {}}})
    const good = defineConfig({builtins: {pdf: {pageSize: 'Letter', compress: false}, epub: false, newsletter: {width: 80}}})
    expect([wrongSize, misspelt, unknown, good]).toHaveLength(4)
    expect(builtinNames).toEqual(['html', 'pdf', 'epub', 'feeds', 'newsletter', 'ninjs', 'sitemaps'])
  })

  it('should reject a wrong built-in option with its key', async () => {
    await writeFile(path.join(dir, 'pressroom.config.json'), JSON.stringify({builtins: {pdf: {pageSize: 'Tabloid-ish'}}}))
    await expect(loadConfig({root: dir})).rejects.toThrow(ConfigError)
    await expect(loadConfig({root: dir})).rejects.toThrow(/: builtins\.pdf\.pageSize: /)
    const wrong = (builtins: unknown) => () => resolveConfig({builtins} as never, dir)
    expect(wrong({newsletter: {width: 0}})).toThrow(/builtins\.newsletter\.width: /)
    expect(wrong({newsletter: {since: 'yesterday'}})).toThrow(/builtins\.newsletter\.since: expected an ISO date/)
    expect(wrong({feeds: {limit: 2.5}})).toThrow(/builtins\.feeds\.limit: /)
    expect(wrong({epub: {editionsize: 3}})).toThrow(/builtins\.epub\.editionsize: Unknown key; did you mean `editionSize`\?/)
    expect(wrong({docx: {}})).toThrow(/builtins\.docx: Unknown key; expected one of `html`, `pdf`/)
    expect(wrong({html: true})).toThrow(/builtins\.html: /)
  })

  it('should merge overrides into a built-in\'s options (as `--since` does)', async () => {
    await writeFile(path.join(dir, 'pressroom.config.json'), JSON.stringify({builtins: {newsletter: {width: 80}, epub: false}}))
    const config = await loadConfig({root: dir, overrides: {builtins: {newsletter: {since: '2024-05-01'}, epub: {editionSize: 3}}}})
    expect(config.builtins).toEqual({newsletter: {width: 80, since: '2024-05-01'}, epub: false})
    await expect(loadConfig({root: dir, overrides: {builtins: {newsletter: {since: 'soon'}}}})).rejects.toThrow(/builtins\.newsletter\.since/)
  })

  it('should exit with code 2 before building on a wrong built-in option', async () => {
    await writeFile(path.join(dir, 'pressroom.config.json'), JSON.stringify({builtins: {pdf: {pageSize: 'Tabloid-ish'}}}))
    const {codes, errors} = await cliIn(dir, ['build', '--workers', '0'], ['build', '--workers', '0', '--since', 'soon'])
    expect(codes).toEqual([2, 2])
    expect(errors).toMatch(/builtins\.pdf\.pageSize/)
    expect(existsSync(path.join(dir, 'output'))).toBe(false)
  })

  it('should refuse an unknown emitter name in --only', async () => {
    const config = await loadConfig({root: dir})
    expect(() => resolveEmitters(config, ['html', 'docx'])).toThrow(UnknownEmitterError)
  })
})

describe('unknown configuration keys', () => {
  it('should name each unknown key with the known one it is closest to', () => {
    const messageOf = (user: unknown) => {
      try {
        resolveConfig(user as UserConfig, '/tmp')
      } catch (error) {
        return (error as Error).message
      }
      return ''
    }
    expect(messageOf({site: {tilte: 'x'}})).toBe('config: site.tilte: Unknown key; did you mean `title`?')
    expect(messageOf({builtins: {pdf: {pagesize: 'A4'}}})).toBe('config: builtins.pdf.pagesize: Unknown key; did you mean `pageSize`?')
    expect(messageOf({builtins: {pfd: {}}})).toBe('config: builtins.pfd: Unknown key; did you mean `pdf`?')
    expect(messageOf({site: {zzzzzzzz: 1}})).toMatch(/^config: site\.zzzzzzzz: Unknown key; expected one of `title`, `url`/)
  })
})
