/**
 * Global setup of the browser suite: build the shipped sample (with the
 * repository's own config) and every fixture into a temporary folder, serve
 * it with sirv on 127.0.0.1, and tell the test files where (`inject('site')`).
 * Nothing is fetched from the network; the folder is removed at the end.
 */
import {existsSync, readdirSync} from 'node:fs'
import {mkdtemp, rm} from 'node:fs/promises'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import os from 'node:os'
import path from 'node:path'
import sirv from 'sirv'
import type {TestProject} from 'vitest/node'
import {build} from '../../src/build/index.js'
import {loadConfig, resolveConfig} from '../../src/config.js'
import type {BrowserSite, SitePage} from './site.js'

const root = path.resolve(import.meta.dirname, '../..')

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env['SOURCE_DATE_EPOCH'] ??= '1740441600'
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-browser-'))
  const pages: SitePage[] = []
  const built = (result: Awaited<ReturnType<typeof build>>, prefix: string, label: string) => {
    if (result.failed > 0) throw new Error(`${label}: ${result.failed} article(s) failed to build`)
    for (const article of result.articles) {
      const page = `${article.meta.slug}.html`
      pages.push({name: `${label}/${page}`, path: `${prefix}/${page}`, seed: article.meta.slug === 'iraq-security-agreement' || label === 'fixture:seed'})
    }
  }

  // The sample, with the repository's own config: its index page and articles.
  const sample = await loadConfig({root, overrides: {output: path.join(dir, 'sample'), cache: path.join(dir, 'cache', 'sample')}})
  const sampleResult = await build({config: sample, workers: 0, cache: false})
  pages.push({name: 'sample/index.html', path: 'sample/index.html', seed: false})
  built(sampleResult, 'sample', 'sample')

  // Every fixture with an input, each as its own site: its article page.
  const fixtures = path.join(root, 'tests/fixtures')
  for (const name of readdirSync(fixtures).sort()) {
    const input = path.join(fixtures, name)
    if (!['input.md', 'input.txt'].some((file) => existsSync(path.join(input, file)))) continue
    const config = resolveConfig(
      {site: {title: `Fixture ${name}`, url: 'https://fixtures.example.org/'}, input, output: path.join(dir, 'fixtures', name), include: ['input.md', 'input.txt'], cache: path.join(dir, 'cache', name)},
      root
    )
    built(await build({config, workers: 0, cache: false}), `fixtures/${name}`, `fixture:${name}`)
  }

  const server = http.createServer(sirv(dir, {dev: true, etag: false}))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  const site: BrowserSite = {base: `http://127.0.0.1:${port}/`, pages, screenshots: path.join(root, 'output-browser/screenshots')}
  project.provide('site', site)

  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await rm(dir, {recursive: true, force: true})
  }
}
