/**
 * WebSub publishing (`pressroom build --ping`) against a local hub: an HTTP
 * server on 127.0.0.1 (never any other address) that records what it gets,
 * closed after each test. Every wait is bounded by a short timeout.
 */
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {mkdtemp, mkdir, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {main} from '../src/cli.js'
import {changedFeeds, pingHub, type PingManifest} from '../src/websub.js'

interface Hub {
  url: string
  requests: Array<{method: string; type: string; body: URLSearchParams}>
  server: Server
}

let hubs: Hub[] = []
let folders: string[] = []

/** Start a hub on 127.0.0.1 answering with `respond` (default: 204). */
async function startHub(respond: (request: IncomingMessage, response: ServerResponse, count: number) => void = (_, response) => response.writeHead(204).end()): Promise<Hub> {
  const hub: Hub = {url: '', requests: [], server: createServer()}
  hub.server.on('request', (request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      hub.requests.push({method: request.method ?? '', type: request.headers['content-type'] ?? '', body: new URLSearchParams(Buffer.concat(chunks).toString('utf8'))})
      respond(request, response, hub.requests.length)
    })
  })
  await new Promise<void>((resolve) => hub.server.listen(0, '127.0.0.1', resolve))
  hub.url = `http://127.0.0.1:${(hub.server.address() as AddressInfo).port}/hub`
  hubs.push(hub)
  return hub
}

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

afterEach(async () => {
  for (const hub of hubs) {
    hub.server.closeAllConnections()
    await new Promise<void>((resolve) => hub.server.close(() => resolve()))
  }
  hubs = []
  for (const folder of folders) await rm(folder, {recursive: true, force: true})
  folders = []
  vi.restoreAllMocks()
})

const topics = ['https://news.example.org/feeds/rss.xml', 'https://news.example.org/feeds/atom.xml']

describe('pingHub', () => {
  it('should POST `hub.mode=publish` once per feed', async () => {
    const hub = await startHub()
    const results = await pingHub({hub: hub.url, topics})
    expect(results).toEqual(topics.map((topic) => ({topic, ok: true, status: 204, attempts: 1})))
    expect(hub.requests.map((request) => [request.method, request.type, request.body.get('hub.mode'), request.body.getAll('hub.url')])).toEqual(
      topics.map((topic) => ['POST', 'application/x-www-form-urlencoded', 'publish', [topic]])
    )
  })

  it('should try again once after a server error', async () => {
    const hub = await startHub((_, response, count) => response.writeHead(count === 1 ? 503 : 202).end())
    const [result] = await pingHub({hub: hub.url, topics: [topics[0]!], delay: 10})
    expect(result).toEqual({topic: topics[0], ok: true, status: 202, attempts: 2})
    expect(hub.requests.length).toBe(2)
  })

  it('should not try again when the hub refuses the request', async () => {
    const hub = await startHub((_, response) => response.writeHead(400).end('bad topic'))
    const [result] = await pingHub({hub: hub.url, topics: [topics[0]!], delay: 10})
    expect(result).toEqual({topic: topics[0], ok: false, status: 400, error: 'HTTP 400', attempts: 1})
  })

  it('should give up on a hub that does not answer, within the timeout and one retry', async () => {
    const hub = await startHub(() => {}) // never answers
    const started = performance.now()
    const [result] = await pingHub({hub: hub.url, topics: [topics[0]!], timeout: 200, delay: 10})
    expect(result).toEqual({topic: topics[0], ok: false, error: 'no answer in time', attempts: 2})
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it('should report an unreachable hub without throwing', async () => {
    const port = await closedPort()
    const [result] = await pingHub({hub: `http://127.0.0.1:${port}/`, topics: [topics[0]!], timeout: 1000, delay: 10})
    expect(result).toMatchObject({ok: false, error: 'ECONNREFUSED', attempts: 2})
  })
})

describe('changedFeeds', () => {
  const manifest = (files: Record<string, [string, string]>): PingManifest => ({
    collections: Object.fromEntries(Object.entries(files).map(([label, [file, sha256]]) => [label, {path: file, emitter: label === 'index' ? 'html' : 'feeds', sha256}]))
  })
  const after = manifest({rss: ['feeds/rss.xml', 'a'], atom: ['feeds/atom.xml', 'b'], json: ['feeds/feed.json', 'c'], index: ['index.html', 'd']})

  it('should name every feed of a first build, as absolute URLs', () => {
    expect(changedFeeds(undefined, after, 'https://example.org/desk/')).toEqual([
      'https://example.org/desk/feeds/atom.xml',
      'https://example.org/desk/feeds/feed.json',
      'https://example.org/desk/feeds/rss.xml'
    ])
  })

  it('should name only the feeds whose bytes changed', () => {
    const before = manifest({rss: ['feeds/rss.xml', 'a'], atom: ['feeds/atom.xml', 'old'], json: ['feeds/feed.json', 'c'], index: ['index.html', 'old']})
    expect(changedFeeds(before, after, 'https://example.org/')).toEqual(['https://example.org/feeds/atom.xml'])
    expect(changedFeeds(after, after, 'https://example.org/')).toEqual([])
  })
})

describe('pressroom build --ping', () => {
  /** A site of one article, without the slow emitters, whose hub is `hub`. */
  async function site(hub: string | undefined): Promise<{config: string; input: string}> {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'pressroom-websub-'))
    folders.push(folder)
    const input = path.join(folder, 'input')
    await mkdir(input)
    await writeFile(path.join(input, 'story.md'), '---\ntitle: Story\ndate: 2025-03-03\n---\n\nFirst version.\n')
    const config = path.join(folder, 'pressroom.config.json')
    await writeFile(
      config,
      JSON.stringify({
        site: {title: 'Desk', url: 'https://news.example.org/', ...(hub ? {hub} : {})},
        input,
        output: path.join(folder, 'output'),
        cache: path.join(folder, 'cache'),
        builtins: {pdf: false, epub: false, newsletter: {unsubscribeUrl: 'https://news.example.org/unsubscribe'}}
      })
    )
    return {config, input}
  }

  function run(config: string, ...flags: string[]): Promise<number> {
    return main(['node', 'pressroom', 'build', '-c', config, '--workers', '0', '--no-progress', '--quiet', ...flags])
  }

  function quiet(): string[] {
    const lines: string[] = []
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line))
    vi.spyOn(console, 'warn').mockImplementation((line: string) => void lines.push(line))
    vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line))
    return lines
  }

  it('should ping once per changed feed, and not for unchanged ones', async () => {
    const hub = await startHub()
    const {config, input} = await site(hub.url)
    const lines = quiet()
    const pinged = () => hub.requests.map((request) => request.body.get('hub.url')).sort()
    const feeds = ['https://news.example.org/feeds/atom.xml', 'https://news.example.org/feeds/feed.json', 'https://news.example.org/feeds/rss.xml']

    expect(await run(config, '--ping')).toBe(0)
    expect(pinged()).toEqual(feeds)

    hub.requests.length = 0
    expect(await run(config, '--ping')).toBe(0)
    expect(pinged()).toEqual([])

    await writeFile(path.join(input, 'story.md'), '---\ntitle: Story\ndate: 2025-03-03\n---\n\nSecond version.\n')
    expect(await run(config)).toBe(0)
    expect(hub.requests).toEqual([]) // no ping without `--ping`

    await writeFile(path.join(input, 'story.md'), '---\ntitle: Story\ndate: 2025-03-03\n---\n\nThird version.\n')
    expect(await run(config, '--ping')).toBe(0)
    expect(pinged()).toEqual(feeds)
    expect(lines).toContain(`WebSub: 3 of 3 changed feeds announced to ${hub.url}`)
  })

  it('should keep stdout to the JSON document with `--reporter json`', async () => {
    const hub = await startHub()
    const {config} = await site(hub.url)
    const out: string[] = []
    const err: string[] = []
    vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line))
    vi.spyOn(console, 'warn').mockImplementation((line: string) => void err.push(line))
    vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line))
    expect(await run(config, '--ping', '--reporter', 'json')).toBe(0)
    expect(() => JSON.parse(out.join('\n')) as unknown).not.toThrow()
    expect(err).toContain(`WebSub: 3 of 3 changed feeds announced to ${hub.url}`)
  })

  it('should not fail the build when the hub is unreachable', async () => {
    const port = await closedPort()
    const hub = `http://127.0.0.1:${port}/`
    const {config} = await site(hub)
    const lines = quiet()
    expect(await run(config, '--ping', '--strict')).toBe(0)
    const warnings = lines.filter((line) => line.includes('[websub-ping-failed]'))
    expect(warnings.length).toBe(3)
    expect(warnings[0]).toMatch(/^warning .*pressroom\.config\.json:1:1: Cannot notify WebSub hub `http:\/\/127\.0\.0\.1:\d+\/` of `https:\/\/news\.example\.org\/feeds\/atom\.xml` \(ECONNREFUSED\)/)
  })

  it('should ping from the merge of shard builds, and refuse `--ping` on a shard', async () => {
    const hub = await startHub()
    const {config} = await site(hub.url)
    const lines = quiet()
    const shard = (k: number) => main(['node', 'pressroom', 'build', '-c', config, '--workers', '0', '--no-progress', '--quiet', '--shard', `${k}/2`])
    expect(await main(['node', 'pressroom', 'build', '-c', config, '--workers', '0', '--no-progress', '--quiet', '--shard', '1/2', '--ping'])).toBe(2)
    expect(lines.some((line) => line.includes('pass it to `pressroom merge`'))).toBe(true)
    expect(await shard(1)).toBe(0)
    expect(await shard(2)).toBe(0)
    expect(hub.requests).toEqual([])
    expect(await main(['node', 'pressroom', 'merge', '-c', config, '--quiet', '--ping'])).toBe(0)
    expect(hub.requests.map((request) => request.body.get('hub.url')).sort()).toEqual([
      'https://news.example.org/feeds/atom.xml',
      'https://news.example.org/feeds/feed.json',
      'https://news.example.org/feeds/rss.xml'
    ])
    hub.requests.length = 0
    expect(await main(['node', 'pressroom', 'merge', '-c', config, '--quiet', '--ping'])).toBe(0)
    expect(hub.requests).toEqual([])
  })

  it('should say so when no hub is set', async () => {
    const {config} = await site(undefined)
    const lines = quiet()
    expect(await run(config, '--ping')).toBe(0)
    expect(lines.some((line) => line.includes('[websub-no-hub]'))).toBe(true)
  })
})
