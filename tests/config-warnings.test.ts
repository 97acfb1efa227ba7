/**
 * What the configuration must not leave unset is said once per build:
 * `missing-site-url` and `newsletter-no-unsubscribe`, on the build's own file,
 * cached build or not; `--strict` fails on them.
 */
import {mkdtemp, mkdir, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {build, type BuildResult} from '../src/build/index.js'
import {ConfigError, resolveConfig, type UserConfig} from '../src/config.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-config-warnings-'))
  await mkdir(path.join(dir, 'input'))
  for (const name of ['a', 'b']) await writeFile(path.join(dir, 'input', `${name}.md`), `---\ntitle: ${name}\ndate: 2024-01-0${name === 'a' ? 1 : 2}\n---\n\nText.\n`)
})

afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

const htmlAndNewsletter: NonNullable<UserConfig['builtins']> = {pdf: false, epub: false, feeds: false, ninjs: false, sitemaps: false}

function rules(result: BuildResult): string[] {
  return result.files.flatMap((file) => file.messages.map((message) => `${file.path}: ${message.ruleId}`))
}

describe('configuration warnings', () => {
  it('should warn once per build, naming the placeholder, when `site.url` is unset', async () => {
    const config = resolveConfig({site: {title: 'T'}, builtins: {...htmlAndNewsletter, newsletter: false}}, dir)
    for (let round = 0; round < 2; round++) {
      // The second build takes everything from the cache and still says it.
      const result = await build({config, workers: 0})
      const found = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'missing-site-url')
      expect(found).toHaveLength(1)
      expect(found[0]!.reason).toContain('`https://example.com/`')
      expect(found[0]!.reason).toContain('`site.url`')
      expect(found[0]!.fatal).toBe(false)
      expect(result.exitCode).toBe(0)
    }
    expect((await build({config, workers: 0, strict: true})).exitCode).toBe(1)
  })

  it('should not warn with `site.url` set', async () => {
    const config = resolveConfig({site: {title: 'T', url: 'https://t.example/'}, builtins: {...htmlAndNewsletter, newsletter: false}}, dir)
    const result = await build({config, workers: 0, strict: true})
    expect(rules(result)).toEqual([])
    expect(result.exitCode).toBe(0)
  })

  it('should warn once about a newsletter without a one-click unsubscribe URL', async () => {
    const without = resolveConfig({site: {title: 'T', url: 'https://t.example/'}, builtins: htmlAndNewsletter}, dir)
    const result = await build({config: without, workers: 0})
    const found = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'newsletter-no-unsubscribe')
    expect(found).toHaveLength(1)
    expect(found[0]!.reason).toMatch(/`%UNSUBSCRIBE_URL%`.*RFC 8058.*reject or bin/)
    const withUrl = resolveConfig({site: {title: 'T', url: 'https://t.example/'}, builtins: {...htmlAndNewsletter, newsletter: {unsubscribeUrl: 'https://t.example/unsubscribe'}}}, dir)
    expect(rules(await build({config: withUrl, workers: 0}))).toEqual([])
  })

  it('should refuse an unsubscribe URL that is not https, and a mailto that is not one', () => {
    expect(() => resolveConfig({builtins: {newsletter: {unsubscribeUrl: 'http://t.example/u'}}}, dir)).toThrow(ConfigError)
    expect(() => resolveConfig({builtins: {newsletter: {unsubscribeUrl: '%UNSUBSCRIBE_URL%'}}}, dir)).toThrow(/builtins\.newsletter\.unsubscribeUrl: expected an `https:` URL/)
    expect(() => resolveConfig({builtins: {newsletter: {unsubscribeMailto: 'leave@t.example'}}}, dir)).toThrow(/unsubscribeMailto: expected a `mailto:` address/)
    expect(() => resolveConfig({builtins: {newsletter: {unsubscribeUrl: 'https://t.example/u', unsubscribeMailto: 'mailto:leave@t.example'}}}, dir)).not.toThrow()
  })
})
