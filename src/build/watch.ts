/**
 * `pressroom watch`: rebuild as files change (chokidar), incrementally (only
 * changed articles are rebuilt; collections follow), and serve the output
 * folder on localhost for preview (sirv), with live reload
 * (`live-reload.ts`): open pages reload after each good build, and show the
 * errors of a failed one over the last good version.
 */
import http from 'node:http'
import chokidar from 'chokidar'
import sirv from 'sirv'
import {formatMessage} from '../diagnostics.js'
import {UnknownEmitterError} from '../emitters/builtins.js'
import {build, type BuildResult} from './index.js'
import {createLiveReload} from './live-reload.js'
import {ConfigError, type ResolvedConfig} from '../config.js'

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
  /** Called when a build throws (the last good files are still served; default: print to stderr). */
  onError?: (error: unknown, changed: string[]) => void
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
  const live = createLiveReload(config.output)
  // Every build, the first included, runs through here: a build that throws
  // (a template that does not parse, a folder gone) is reported and the next
  // change builds again; the files of the last good build stay served.
  const rebuild = async (changed: string[], first = false) => {
    try {
      const result = await build(buildOptions)
      options.onBuild?.(result, changed)
      if (result.errors > 0) live.fail(errorText(result))
      else live.reload()
    } catch (error) {
      // A mistaken command line or configuration is refused before serving.
      if (first && (error instanceof ConfigError || error instanceof UnknownEmitterError)) throw error
      if (options.onError) options.onError(error, changed)
      else console.error(`error ${(error as Error).message ?? String(error)}`)
      live.fail((error as Error).message ?? String(error))
    }
  }
  let running: Promise<void> = rebuild([], true)
  await running

  const serve = sirv(config.output, {dev: true, etag: true})
  const server = http.createServer((request, response) => {
    live.handle(request, response).then(
      (handled) => {
        if (handled) return
        serve(request, response, () => {
          response.statusCode = 404
          response.end('Not found')
        })
      },
      (error: unknown) => {
        response.statusCode = 500
        response.end(String(error))
      }
    )
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 4321, options.host ?? '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port ?? 4321
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/`

  // The configuration is read once: restart `watch` after changing it.
  // One watcher a folder: with a folder that does not exist yet (no
  // `templates/`) among its paths, chokidar's `ready` came before the input
  // folder was watched, and a change right after start was lost. Alone, a
  // missing folder is still picked up when it is made.
  const watchers = [config.input, config.templates].map((folder) =>
    chokidar.watch(folder, {ignoreInitial: true, ignored: (file) => file.startsWith(config.output) || file.startsWith(config.cache)})
  )
  let changed = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  const schedule = (file: string) => {
    changed.add(file)
    clearTimeout(timer)
    timer = setTimeout(() => {
      const batch = [...changed]
      changed = new Set()
      running = running.then(() => rebuild(batch))
    }, options.debounce ?? 150)
  }
  for (const watcher of watchers) watcher.on('add', schedule).on('change', schedule).on('unlink', schedule)
  await Promise.all(watchers.map((watcher) => new Promise<void>((resolve) => watcher.once('ready', () => resolve()))))

  return {
    url,
    async idle() {
      await new Promise((resolve) => setTimeout(resolve, (options.debounce ?? 150) + 50))
      await running
    },
    async close() {
      clearTimeout(timer)
      await Promise.all(watchers.map((watcher) => watcher.close()))
      live.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await running
    }
  }
}

/** The errors of a build, one `file:line:column: reason [rule]` per line. */
function errorText(result: BuildResult): string {
  return result.files
    .flatMap((file) => file.messages.filter((message) => message.fatal === true).map((message) => formatMessage(message, file.path)))
    .join('\n')
}
