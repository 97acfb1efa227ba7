/**
 * WebSub publishing (https://www.w3.org/TR/websub/): after a build, tell the
 * hub (`site.hub`) which feeds changed, so subscribers get them without
 * polling. Used by `pressroom build --ping`; never part of the build itself,
 * and never a reason for it to fail: a hub that is down costs a warning.
 *
 * The request is the one hubs accept from publishers (PubSubHubbub 0.4, which
 * WebSub leaves to hubs): `POST` of `hub.mode=publish&hub.url=<feed>`, one per
 * feed.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {diagnostics, report} from './diagnostics.js'

/** A file of a manifest, as far as the ping reads it. */
export interface PingFile {
  path: string
  emitter: string
  sha256: string
}

/** The part of `manifest.json` the ping reads. */
export interface PingManifest {
  collections: Record<string, PingFile>
}

/** Options of {@link pingHub}. */
export interface PingOptions {
  /** Hub URL (`site.hub`). */
  hub: string
  /** Absolute URLs of the feeds that changed. */
  topics: readonly string[]
  /** Milliseconds to wait for each request (default: `5000`). */
  timeout?: number
  /** Tries after the first one failed for a network error or a 5xx (default: `1`). */
  retries?: number
  /** Milliseconds between tries (default: `500`). */
  delay?: number
}

/** What happened to one feed. */
export interface PingResult {
  topic: string
  ok: boolean
  /** HTTP status of the last answer, if any. */
  status?: number
  /** Why it failed. */
  error?: string
  /** Requests made. */
  attempts: number
}

/**
 * The feeds of a build that changed since the last one: collection files of
 * the `feeds` emitter whose hash differs from the previous manifest's (all of
 * them when there is none).
 *
 * @param before
 *   Manifest of the previous build (`undefined` for a first build).
 * @param after
 *   Manifest of this build.
 * @param siteUrl
 *   Site URL the paths are relative to.
 * @returns
 *   Absolute URLs of the changed feeds, sorted.
 */
export function changedFeeds(before: PingManifest | undefined, after: PingManifest, siteUrl: string): string[] {
  const previous = new Map(Object.values(before?.collections ?? {}).map((file) => [file.path, file.sha256]))
  const topics = new Set<string>()
  for (const file of Object.values(after.collections)) {
    if (file.emitter !== 'feeds' || previous.get(file.path) === file.sha256) continue
    topics.add(new URL(file.path, siteUrl).href)
  }
  return [...topics].sort()
}

/**
 * Notify a hub of changed feeds, one request per feed, with a timeout and a
 * retry. Never throws: failures are in the results.
 *
 * @param options
 *   Hub, feeds, timeout and retries.
 * @returns
 *   One result per feed, in order.
 */
export async function pingHub(options: PingOptions): Promise<PingResult[]> {
  const results: PingResult[] = []
  for (const topic of options.topics) results.push(await pingOne(topic, options))
  return results
}

async function pingOne(topic: string, options: PingOptions): Promise<PingResult> {
  const tries = 1 + Math.max(0, options.retries ?? 1)
  const result: PingResult = {topic, ok: false, attempts: 0}
  for (let attempt = 1; attempt <= tries; attempt++) {
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, options.delay ?? 500))
    result.attempts = attempt
    try {
      const response = await fetch(options.hub, {
        method: 'POST',
        headers: {'content-type': 'application/x-www-form-urlencoded'},
        body: new URLSearchParams({'hub.mode': 'publish', 'hub.url': topic}).toString(),
        signal: AbortSignal.timeout(options.timeout ?? 5000),
        redirect: 'follow'
      })
      // Drain the answer so the connection is released.
      await response.arrayBuffer().catch(() => undefined)
      result.status = response.status
      if (response.ok) {
        result.ok = true
        delete result.error
        return result
      }
      result.error = `HTTP ${response.status}`
      // A 4xx is the hub refusing the request: asking again will not help.
      if (response.status < 500) return result
    } catch (error) {
      result.error = describe(error)
    }
  }
  return result
}

/** A network error in words: the cause's code when fetch hides it. */
function describe(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'no answer in time'
    const cause = (error as {cause?: {code?: unknown; message?: unknown}}).cause
    if (cause && typeof cause.code === 'string') return cause.code
    if (cause && typeof cause.message === 'string') return cause.message
    return error.message
  }
  return String(error)
}

/**
 * Read the manifest a previous build left in an output folder.
 *
 * @param output
 *   Output folder.
 * @returns
 *   Manifest, or `undefined` when there is none (or it cannot be read).
 */
export async function readPreviousManifest(output: string): Promise<PingManifest | undefined> {
  try {
    const value = JSON.parse(await readFile(path.join(output, 'manifest.json'), 'utf8')) as Partial<PingManifest>
    return value && typeof value.collections === 'object' && value.collections !== null ? (value as PingManifest) : undefined
  } catch {
    return undefined
  }
}

/** Options of {@link pingChangedFeeds}. */
export interface PingChangedOptions extends Omit<PingOptions, 'topics' | 'hub'> {
  /** Hub URL (`site.hub`); nothing is sent without one. */
  hub: string | undefined
  siteUrl: string
  before: PingManifest | undefined
  after: PingManifest
  /** Where messages are attached: the configuration file, which names the hub (default: `pressroom.config`). */
  configFile?: string
}

/**
 * Notify the hub of every feed that changed between two builds, and report
 * each failure as a `websub-ping-failed` warning.
 *
 * @param options
 *   Hub, site URL, both manifests, timeout and retries.
 * @returns
 *   The results and a file with the warnings.
 */
export async function pingChangedFeeds(options: PingChangedOptions): Promise<{results: PingResult[]; file: VFile}> {
  const file = new VFile({path: options.configFile ? path.relative(process.cwd(), options.configFile) || options.configFile : 'pressroom.config'})
  if (!options.hub) {
    report(file, diagnostics.websubNoHub, [], {source: 'pressroom:websub'})
    return {results: [], file}
  }
  const topics = changedFeeds(options.before, options.after, options.siteUrl)
  const settings: PingOptions = {hub: options.hub, topics}
  if (options.timeout !== undefined) settings.timeout = options.timeout
  if (options.retries !== undefined) settings.retries = options.retries
  if (options.delay !== undefined) settings.delay = options.delay
  const results = await pingHub(settings)
  for (const result of results) {
    if (!result.ok) report(file, diagnostics.websubPingFailed, [options.hub, result.topic, result.error ?? 'unknown error'], {source: 'pressroom:websub'})
  }
  return {results, file}
}
