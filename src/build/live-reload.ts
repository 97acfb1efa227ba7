/**
 * Live reload for `pressroom watch`: a server-sent-events channel
 * (`/__pressroom/events`), a small client script (`/__pressroom/live.js`)
 * that the watch server adds to the HTML pages it serves — in the response
 * only, never in the files of the output folder — and an overlay with the
 * errors of a failed build. Pages of other formats (PDF, feeds, plain text)
 * are shown in an HTML wrapper (`/__pressroom/view/<path>`) that reloads too.
 *
 * Hand-written rather than a dependency (livereload, browser-sync): the
 * protocol is `EventSource`, built into browsers, and the whole client is a
 * dozen lines; those packages bring a WebSocket server and their own file
 * watcher, which `watch` already has (chokidar).
 */
import {readFile, stat} from 'node:fs/promises'
import type http from 'node:http'
import path from 'node:path'

/** The prefix of the watch server's own URLs, answered before the output folder's files. */
export const livePrefix = '/__pressroom/'

/** The tag added to served HTML pages. */
export const liveScriptTag = `<script src="${livePrefix}live.js"></script>`

/**
 * The client: reload on `reload`, show an overlay on `build-error`, and
 * reconnect (the browser's `EventSource` does) when `watch` restarts.
 */
const clientScript = `// Pressroom watch: live reload (served by \`pressroom watch\` only).
(() => {
  const id = 'pressroom-build-error'
  const source = new EventSource('${livePrefix}events')
  source.addEventListener('reload', () => location.reload())
  source.addEventListener('build-ok', () => document.getElementById(id)?.remove())
  source.addEventListener('build-error', (event) => {
    const {text} = JSON.parse(event.data)
    let box = document.getElementById(id)
    if (!box) {
      box = document.createElement('div')
      box.id = id
      box.setAttribute('role', 'alert')
      box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;margin:0;padding:1em 1.25em;background:#2b0b0b;color:#ffd7d7;font:14px/1.45 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;border-top:4px solid #e5484d'
      document.body.append(box)
    }
    box.textContent = 'pressroom watch: the last build failed; this is the last good version.\\n\\n' + text
  })
})()
`

/** The server-sent-events channel and what it last said. */
export interface LiveReload {
  /**
   * Answer a request for the watch server's own URLs, or an HTML page with
   * the script added.
   *
   * @returns
   *   Whether the request was answered (else the static server answers).
   */
  handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean>
  /** Tell every open page to reload (and forget the last error). */
  reload(): void
  /** Show a failed build's errors in every open page (and in pages opened later). */
  fail(text: string): void
  /** End every open stream. */
  close(): void
}

/**
 * Create the live-reload channel of an output folder.
 *
 * @param output
 *   The output folder served.
 * @returns
 *   The channel.
 */
export function createLiveReload(output: string): LiveReload {
  const clients = new Set<http.ServerResponse>()
  let error: string | undefined
  const send = (client: http.ServerResponse, event: string, data: unknown) => client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  const broadcast = (event: string, data: unknown) => {
    for (const client of clients) send(client, event, data)
  }

  return {
    async handle(request, response) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false
      let pathname: string
      try {
        pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
      } catch {
        return false
      }
      if (pathname === `${livePrefix}events`) {
        response.writeHead(200, {'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive'})
        response.write('retry: 500\n\n')
        clients.add(response)
        request.on('close', () => clients.delete(response))
        if (error !== undefined) send(response, 'build-error', {text: error})
        return true
      }
      if (pathname === `${livePrefix}live.js`) {
        response.writeHead(200, {'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store'})
        response.end(request.method === 'HEAD' ? undefined : clientScript)
        return true
      }
      if (pathname.startsWith(`${livePrefix}view/`)) {
        const target = pathname.slice(`${livePrefix}view/`.length)
        const file = await fileIn(output, target)
        if (!file) return false
        const html = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(target)} · pressroom watch</title>` +
          '<style>html,body,iframe{margin:0;border:0;width:100%;height:100%}</style></head>' +
          `<body><iframe src="/${escapeHtml(target.split('/').map(encodeURIComponent).join('/'))}" title="${escapeHtml(target)}"></iframe>${liveScriptTag}</body></html>\n`
        sendHtml(request, response, html)
        return true
      }
      const file = await htmlFileOf(output, pathname)
      if (!file) return false
      sendHtml(request, response, injectLiveScript(await readFile(file, 'utf8')))
      return true
    },
    reload() {
      error = undefined
      broadcast('build-ok', {})
      broadcast('reload', {})
    },
    fail(text) {
      error = text
      broadcast('build-error', {text})
    },
    close() {
      for (const client of clients) client.end()
      clients.clear()
    }
  }
}

/**
 * Add the live-reload script to an HTML page: before `</body>` (else at the end).
 *
 * @param html
 *   The page as written by the build.
 * @returns
 *   The page as the watch server serves it.
 */
export function injectLiveScript(html: string): string {
  const at = html.lastIndexOf('</body>')
  return at === -1 ? html + liveScriptTag : html.slice(0, at) + liveScriptTag + html.slice(at)
}

function sendHtml(request: http.IncomingMessage, response: http.ServerResponse, html: string): void {
  response.writeHead(200, {'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(html)})
  response.end(request.method === 'HEAD' ? undefined : html)
}

/** The HTML file a path names as sirv resolves it (`/`, `/a`, `/a.html`), inside the output folder only. */
async function htmlFileOf(output: string, pathname: string): Promise<string | undefined> {
  const candidates = pathname.endsWith('/')
    ? [`${pathname}index.html`]
    : /\.html?$/i.test(pathname)
      ? [pathname]
      : path.posix.extname(pathname) === ''
        ? [`${pathname}.html`, `${pathname}/index.html`]
        : []
  for (const candidate of candidates) {
    const file = await fileIn(output, candidate)
    if (file) return file
  }
  return undefined
}

/** A file of the output folder by URL path, or `undefined` (missing, a folder, or outside the folder). */
async function fileIn(output: string, urlPath: string): Promise<string | undefined> {
  const file = path.resolve(output, `.${path.posix.normalize(`/${urlPath}`)}`)
  const relative = path.relative(output, file)
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined
  const info = await stat(file).catch(() => undefined)
  return info?.isFile() ? file : undefined
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
