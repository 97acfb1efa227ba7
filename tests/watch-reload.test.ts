/**
 * Live reload of `pressroom watch`, without a browser: an `EventSource`-like
 * reader of the server-sent-events stream, the served pages and the files on
 * disk. (A real browser test: tests/browser/watch-reload.browser.test.ts.)
 */
import {mkdtemp, mkdir, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {resolveConfig} from '../src/config.js'
import {listFiles} from '../src/util/list-files.js'
import {watch, type Watcher} from '../src/build/watch.js'

let dir: string
let watcher: Watcher | undefined

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-live-'))
  await mkdir(path.join(dir, 'input'))
  await writeFile(path.join(dir, 'input/a.md'), '---\ntitle: A\ndate: 2024-01-01\n---\n\nFirst body.\n')
})

afterEach(async () => {
  await watcher?.close()
  watcher = undefined
  await rm(dir, {recursive: true, force: true})
})

function start(): Promise<Watcher> {
  const config = resolveConfig({site: {title: 'Live', url: 'https://live.example/'}, builtins: {pdf: false, epub: false, newsletter: false, ninjs: false, sitemaps: false}}, dir)
  return watch({config, port: 0, debounce: 50, onError() {}})
}

/** Server-sent events as they arrive: `next(name)` waits for the next event of that name. */
async function events(url: string) {
  const controller = new AbortController()
  const response = await fetch(new URL('__pressroom/events', url), {signal: controller.signal})
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  const seen: Array<{event: string; data: string}> = []
  let buffer = ''
  const pump = (async () => {
    try {
      for (;;) {
        const {value, done} = await reader.read()
        if (done) return
        buffer += value
        let end
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const event = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1] ?? ''
          if (event) seen.push({event, data})
        }
      }
    } catch {
      // Aborted.
    }
  })()
  return {
    seen,
    async next(name: string, after = 0): Promise<{event: string; data: string}> {
      for (let i = 0; i < 600; i++) {
        const found = seen.slice(after).find((item) => item.event === name)
        if (found) return found
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      throw new Error(`No \`${name}\` event; got ${JSON.stringify(seen)}`)
    },
    async close() {
      controller.abort()
      await pump
    }
  }
}

describe('pressroom watch live reload', () => {
  it('should add the script to served pages only, and send `reload` after an input changes', async () => {
    watcher = await start()
    const served = await (await fetch(new URL('a.html', watcher.url))).text()
    expect(served).toContain('<script src="/__pressroom/live.js"></script></body>')
    expect(await (await fetch(watcher.url)).text()).toContain('/__pressroom/live.js')
    const script = await fetch(new URL('__pressroom/live.js', watcher.url))
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(await script.text()).toContain("new EventSource('/__pressroom/events')")
    // Other formats are served as they are.
    expect(await (await fetch(new URL('style.css', watcher.url))).text()).not.toContain('__pressroom')

    const stream = await events(watcher.url)
    try {
      await writeFile(path.join(dir, 'input/a.md'), '---\ntitle: A\ndate: 2024-01-01\n---\n\nSecond body.\n')
      await stream.next('reload')
      expect(await (await fetch(new URL('a.html', watcher.url))).text()).toContain('Second body.')
    } finally {
      await stream.close()
    }
    // No file of the output folder has the script.
    const output = path.join(dir, 'output')
    for (const file of await listFiles(output)) expect(await readFile(path.join(output, file), 'utf8'), file).not.toContain('__pressroom')
  })

  it('should wrap other formats in a page that reloads', async () => {
    watcher = await start()
    const wrapper = await fetch(new URL('__pressroom/view/feeds/rss.xml', watcher.url))
    expect(wrapper.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await wrapper.text()
    expect(html).toContain('<iframe src="/feeds/rss.xml"')
    expect(html).toContain('/__pressroom/live.js')
    expect((await fetch(new URL('__pressroom/view/../../etc/passwd', watcher.url))).status).toBe(404)
  })

  it('should keep serving the last good build when a build fails, and show the errors', async () => {
    watcher = await start()
    const stream = await events(watcher.url)
    try {
      // A build that throws (it refuses to empty the site when the only
      // article is gone): the last good build is still served.
      await rm(path.join(dir, 'input/a.md'))
      const thrown = await stream.next('build-error')
      expect(JSON.parse(thrown.data).text).toContain('Expected articles in')
      expect(await (await fetch(new URL('a.html', watcher.url))).text()).toContain('First body.')

      // An article that fails: its last good page stays, the error goes to the pages.
      let count = stream.seen.length
      await writeFile(path.join(dir, 'input/a.md'), '---\ntitle: [broken\n---\n\nText.\n')
      const failed = await stream.next('build-error', count)
      expect(JSON.parse(failed.data).text).toMatch(/a\.md:\d+:\d+: .*\[front-matter-syntax\]/)
      const page = await fetch(new URL('a.html', watcher.url))
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('First body.')

      // Fixed: the pages reload (and lose the overlay).
      count = stream.seen.length
      await writeFile(path.join(dir, 'input/a.md'), '---\ntitle: A\ndate: 2024-01-01\n---\n\nFixed body.\n')
      await stream.next('reload', count)
      expect(await (await fetch(new URL('a.html', watcher.url))).text()).toContain('Fixed body.')
    } finally {
      await stream.close()
    }
  })

  it('should show the last error to a page opened after the failed build', async () => {
    watcher = await start()
    await writeFile(path.join(dir, 'input/a.md'), '---\ntitle: A\ndate: 2024-01-01\n---\n\n![](missing.png)\n\n<div>\n')
    await writeFile(path.join(dir, 'input/b.md'), '---\ntitle: [b\n---\n')
    await watcher.idle()
    for (let i = 0; i < 40; i++) await new Promise((resolve) => setTimeout(resolve, 50))
    await watcher.idle()
    const stream = await events(watcher.url)
    try {
      expect(JSON.parse((await stream.next('build-error')).data).text).toContain('[front-matter-syntax]')
    } finally {
      await stream.close()
    }
  })
})
