/**
 * Calling a handler: its context (body parsing, link targets, images,
 * warnings at the shortcode), and its result — Markdown text, mdast or a hast
 * element — turned into mdast nodes.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import type {Element as HastElement} from 'hast'
import {toHtml} from 'hast-util-to-html'
import type {RootContent} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {diagnostics, report} from '../../diagnostics.js'
import {isRemote} from '../../pipeline/assets.js'
import type {ShortcodeArgs, ShortcodeContext, ShortcodeHandler, ShortcodeResult} from '../../shortcode-types.js'
import {placeAll, type LineIndex} from './positions.js'
import type {Tag} from './tokenize.js'

/** Options of `parseWithShortcodes`. */
export interface ShortcodeOptions {
  /** Handlers by name (built-ins and the publisher's). */
  handlers: Record<string, ShortcodeHandler>
  /** Link targets of this build: path as written in a `ref` → URL (see `build/refs.ts`). */
  refs?: Record<string, string>
  /** Folder of the article, the input root and the configured image folders, for image paths. */
  sourceDir?: string
  input?: string
  images?: readonly string[]
}

/** One shortcode to expand. */
export interface Call {
  id: number
  tag: Tag
  args: ShortcodeArgs
  /** From the opening tag to the closing one (or the end of a single tag). */
  position: Position
  /** Between the tags of a pair: the text and its offset in the source. */
  body?: {text: string; offset: number}
  depth: number
  result?: {nodes: RootContent[]; url?: string; text: string}
}

/** State of one article's expansion. */
export interface LayerContext {
  file: VFile
  options: ShortcodeOptions
  lines: LineIndex
  source: string
  calls: Call[]
  /** Identifiers of definitions removed because their `ref` is broken. */
  unlinked: Set<string>
  parse(text: string, base: number, depth: number): {children: RootContent[]}
}

/** What built-in handlers get besides the public context. */
export interface BuiltinContext extends ShortcodeContext {
  /** The body parsed as Markdown (shortcodes included), with source positions; empty for a single tag. */
  body(): RootContent[]
  /** The URL of an article of this build that a `ref` names (by source path, file name or slug), or of an anchor; `undefined` when none. */
  ref(target: string): string | undefined
  /** The path to give an image: the first candidate that exists (article folder, input root), else as written. */
  image(src: string): string
  /** Report with a catalog entry at the shortcode. */
  report(entry: 'brokenRef' | 'unknownShortcode', value: string): void
  /** How the tag is written in messages. */
  display: string
}

const imageExtensions = ['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp']

/**
 * Run the handler of a call (the publisher's, else the built-in, else the
 * unknown one) and give its nodes.
 *
 * @param layer
 *   Expansion state.
 * @param call
 *   The call.
 * @returns
 *   mdast nodes (possibly none).
 */
export function callHandler(layer: LayerContext, call: Call): RootContent[] {
  const {file, options} = layer
  const place = call.position.start
  const name = call.tag.name
  const display = call.tag.syntax === 'hugo' ? `{{< ${name} >}}` : call.tag.syntax === 'hugo-markdown' ? `{{% ${name} %}}` : `{% ${name} %}`
  const markdown = (text: string): RootContent[] => {
    const before = file.messages.length
    const tree = layer.parse(text, 0, call.depth + 1)
    // Text that is not in the source sits at the shortcode, and so do the
    // messages about it (shortcodes in a handler's Markdown, say).
    for (const node of tree.children) placeAll(node, call.position, true)
    for (const message of file.messages.slice(before)) placeMessage(message, call.position)
    return tree.children
  }
  const ctx: BuiltinContext = {
    name,
    path: file.path,
    place: {line: place.line, column: place.column},
    display,
    markdown,
    warn(reason) {
      report(file, diagnostics.shortcodeWarning, [name, reason], {place: call.position, source: 'pressroom:shortcodes'})
    },
    report(entry, value) {
      report(file, diagnostics[entry], [value], {place: call.position, source: 'pressroom:shortcodes'})
    },
    body() {
      if (!call.body) return []
      return layer.parse(call.body.text, call.body.offset, call.depth + 1).children
    },
    ref(target) {
      const [where = '', anchor] = target.trim().split('#', 2) as [string, string | undefined]
      const hash = anchor ? `#${anchor}` : ''
      if (where === '') return hash || undefined
      const url = options.refs?.[where]
      return url === undefined ? undefined : url + hash
    },
    image(src) {
      if (isRemote(src) || !options.sourceDir || !options.input) return src
      const clean = src.replace(/[?#].*$/, '')
      const bases = [clean, clean.startsWith('/') ? clean : `/${clean}`]
      const candidates = path.extname(clean) ? bases : bases.flatMap((base) => imageExtensions.map((extension) => base + extension))
      for (const candidate of candidates) {
        const absolute = candidate.startsWith('/') ? path.join(options.input, candidate) : path.resolve(options.sourceDir, candidate)
        if (existsSync(absolute)) return candidate
      }
      // Then the configured image folders (a rooted path is looked up there too, see `pipeline/assets.ts`).
      for (const candidate of candidates) {
        const rooted = candidate.startsWith('/') ? candidate : `/${candidate}`
        if ((options.images ?? []).some((root) => existsSync(path.join(root, rooted)))) return rooted
      }
      return src
    }
  }
  const handler = options.handlers[name] ?? options.handlers[name.toLowerCase()]
  if (!handler) {
    ctx.report('unknownShortcode', display)
    return unwrapLone(ctx.body())
  }
  let result: ShortcodeResult
  try {
    result = handler(call.args, call.body?.text, ctx)
  } catch (error) {
    report(file, diagnostics.shortcodeFailed, [name, (error as Error).message], {place: call.position, cause: error, source: 'pressroom:shortcodes'})
    return []
  }
  return toNodes(result, markdown)
}

/** Move a message to a place (its `line`, `column` and `name` follow). */
function placeMessage(message: VFileMessage, place: Position): void {
  message.place = {start: {...place.start}, end: {...place.end}}
  message.line = place.start.line
  message.column = place.start.column
  message.name = `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
}

/** A handler's result as mdast nodes: a lone paragraph gives its inline content, so inline shortcodes stay inline. */
function toNodes(result: ShortcodeResult, markdown: (text: string) => RootContent[]): RootContent[] {
  if (result === undefined || result === null) return []
  let nodes: RootContent[]
  if (typeof result === 'string') nodes = markdown(result)
  else if (Array.isArray(result)) nodes = result
  else if (isHast(result)) nodes = [{type: 'html', value: toHtml(result)}]
  else nodes = [result as RootContent]
  return unwrapLone(nodes)
}

/** A lone paragraph gives its inline content (an inline shortcode stays in its sentence; at block level it is wrapped again). */
function unwrapLone(nodes: RootContent[]): RootContent[] {
  const only = nodes[0]
  if (nodes.length === 1 && only?.type === 'paragraph' && !only.data?.hName) return only.children
  return nodes
}

function isHast(value: object): value is HastElement {
  return (value as {type?: unknown}).type === 'element' && 'tagName' in value
}
