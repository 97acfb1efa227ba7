/**
 * `pressroom watch`: rebuild as files change (chokidar), incrementally (only
 * changed articles are rebuilt; collections follow), and serve the output
 * folder on localhost for preview (sirv).
 */
import http from 'node:http'
import chokidar from 'chokidar'
import sirv from 'sirv'
import {build, type BuildResult} from './index.js'
import type {ResolvedConfig} from '../config.js'

/** Options of {@link watch}. */
export interface WatchOptions {
  config: ResolvedConfig
  only?: readonly string[]
  /** Port to serve on (default: 4321; `0` picks a free one). */
  port?: number
  /** Host to bind (default: `127.0.0.1`). */
  host?: string
  /** Quiet period before a rebuild, in ms (default: 150). */
  debounce?: number
  /** Called after every build. */
  onBuild?: (result: BuildResult, changed: string[]) => void
}

/** A running watcher. */
export interface Watcher {
  /** `http://host:port/` of the preview server. */
  url: string
  /** Resolves when the build in progress (if any) is done. */
  idle(): Promise<void>
  close(): Promise<void>
}

/**
 * Build once, then rebuild on every change and serve the output.
 *
 * @param options
 *   Configuration, port and callbacks.
 * @returns
 *   The watcher.
 */
export async function watch(options: WatchOptions): Promise<Watcher> {
  const {config} = options
  const buildOptions = {config, ...(options.only ? {only: options.only} : {})}
  let running: Promise<void> = build(buildOptions).then((result) => options.onBuild?.(result, []))
  await running

  const serve = sirv(config.output, {dev: true, etag: true})
  const server = http.createServer((request, response) => serve(request, response, () => {
    response.statusCode = 404
    response.end('Not found')
  }))
  await new Promise<void>((resolve) => server.listen(options.port ?? 4321, options.host ?? '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port ?? 4321
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/`

  // The configuration is read once: restart `watch` after changing it.
  const watched = [config.input, config.templates]
  const watcher = chokidar.watch(watched, {ignoreInitial: true, ignored: (file) => file.startsWith(config.output) || file.startsWith(config.cache)})
  let changed = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  const schedule = (file: string) => {
    changed.add(file)
    clearTimeout(timer)
    timer = setTimeout(() => {
      const batch = [...changed]
      changed = new Set()
      running = running.then(() => build(buildOptions)).then((result) => options.onBuild?.(result, batch))
    }, options.debounce ?? 150)
  }
  watcher.on('add', schedule).on('change', schedule).on('unlink', schedule)
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))

  return {
    url,
    async idle() {
      await new Promise((resolve) => setTimeout(resolve, (options.debounce ?? 150) + 50))
      await running
    },
    async close() {
      clearTimeout(timer)
      await watcher.close()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await running
    }
  }
}
