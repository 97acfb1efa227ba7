/**
 * `pressroom watch` in a real browser (Chromium, headless, through
 * playwright-core): an open page reloads after an input file changes, shows a
 * failed build's errors over the last good version, and no output file holds
 * the reload script. Not part of `npm test` (Node only): `npm run test:browser`.
 */
import {mkdtemp, mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {chromium, type Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {resolveConfig} from '../../src/config.js'
import {listFiles} from '../../src/util/list-files.js'
import {watch, type Watcher} from '../../src/build/watch.js'

let dir: string
let browser: Browser
let watcher: Watcher

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-browser-watch-'))
  await mkdir(path.join(dir, 'input'))
  await writeFile(path.join(dir, 'input/a.md'), '---\ntitle: A\ndate: 2024-01-01\n---\n\nFirst body.\n')
  const config = resolveConfig({site: {title: 'Live', url: 'https://live.example/'}, builtins: {pdf: false, epub: false, newsletter: false, ninjs: false, sitemaps: false}}, dir)
  watcher = await watch({config, port: 0, debounce: 50, onError() {}})
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  })
})

afterAll(async () => {
  await browser?.close()
  await watcher?.close()
  await rm(dir, {recursive: true, force: true})
})

describe('pressroom watch in a browser', () => {
  it('should reload an open page when its article changes, and show a failed build as an overlay', async () => {
    const page = await browser.newPage()
    // The page listens once the event stream's headers arrived.
    const listening = () => page.waitForResponse((response) => response.url().endsWith('/__pressroom/events'), {timeout: 15_000})
    let connected = listening()
    await page.goto(new URL('a.html', watcher.url).href)
    expect(await page.textContent('body')).toContain('First body.')
    await connected

    connected = listening()
    const reloaded = page.waitForEvent('load', {timeout: 15_000})
    await writeFile(path.join(dir, 'input/a.md'), '---\ntitle: A\ndate: 2024-01-01\n---\n\nSecond body.\n')
    await reloaded
    await page.waitForFunction("document.body.textContent.includes('Second body.')", undefined, {timeout: 15_000})

    await connected
    await writeFile(path.join(dir, 'input/a.md'), '---\ntitle: [broken\n---\n\nText.\n')
    const overlay = await page.waitForSelector('#pressroom-build-error', {timeout: 15_000})
    expect(await overlay.textContent()).toMatch(/last good version[\s\S]*a\.md:\d+:\d+: .*\[front-matter-syntax\]/)
    expect(await page.textContent('main')).toContain('Second body.')

    const fixed = page.waitForEvent('load', {timeout: 15_000})
    await writeFile(path.join(dir, 'input/a.md'), '---\ntitle: A\ndate: 2024-01-01\n---\n\nThird body.\n')
    await fixed
    await page.waitForFunction("document.body.textContent.includes('Third body.')", undefined, {timeout: 15_000})
    expect(await page.$('#pressroom-build-error')).toBeNull()

    const output = path.join(dir, 'output')
    for (const file of await listFiles(output)) expect(await readFile(path.join(output, file), 'utf8'), file).not.toContain('__pressroom')
  }, 60_000)
})
