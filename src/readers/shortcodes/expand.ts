/**
 * The shortcode layer of the Markdown reader. Before parsing, every shortcode
 * outside code is replaced by a token (`\uE000n\uE001`, private-use
 * characters micromark treats as letters), so that micromark reads what
 * surrounds it — a link destination `[x]({{< ref "a.md" >}})`, an HTML
 * attribute, a paragraph — as it would the output of the generator. After
 * parsing, each token is replaced by what its handler returns (mdast), and
 * the tree is made valid again: a block (a figure, a callout) inside a
 * paragraph splits it, a block inside a link or heading becomes its inline
 * content. Positions are mapped back to the source (`positions.ts`).
 */
import type {Html, Nodes, Paragraph, PhrasingContent, Root, RootContent} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {diagnostics, report} from '../../diagnostics.js'
import {processor} from '../../pipeline/processor.js'
import {parseArgs} from './args.js'
import {callHandler, type Call, type LayerContext, type ShortcodeOptions} from './call.js'
import {LineIndex, placeAll, remapPositions, type Edit} from './positions.js'
import {mayHaveShortcodes, tokenize, type Range, type Tag} from './tokenize.js'

export type {ShortcodeOptions}

const token = /\uE000(\d+)\uE001/g
const hasToken = (value: string) => value.includes('\uE000')
/** Shortcodes nested deeper than this are read as text (a guard against runaway input). */
const maxDepth = 16

const phrasingTypes = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'linkReference', 'image', 'imageReference', 'footnoteReference', 'html'])
const flowParents = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition'])

/**
 * Parse Markdown, expanding shortcodes.
 *
 * @param text
 *   The source (front matter included).
 * @param file
 *   File receiving the messages; positions are those of `text`.
 * @param options
 *   Handlers, link targets and folders.
 * @returns
 *   The mdast tree, as `processor.parse` gives it, with every shortcode replaced.
 */
export function parseWithShortcodes(text: string, file: VFile, options: ShortcodeOptions): Root {
  if (!mayHaveShortcodes(text)) return processor.parse(text)
  const layer: LayerContext = {file, options, lines: new LineIndex(text), source: text, calls: [], unlinked: new Set(), parse: (fragment, base, depth) => parseFragment(layer, fragment, base, depth)}
  return parseFragment(layer, text, 0, 0)
}

/** Parse a fragment of the source (the whole text, or a paired shortcode's body) starting at `base`. */
function parseFragment(layer: LayerContext, text: string, base: number, depth: number): Root {
  if (depth > maxDepth || !mayHaveShortcodes(text)) {
    const tree = processor.parse(text)
    remapPositions(tree, [], base, layer.lines)
    return tree
  }
  const {tags, unclosed} = tokenize(text, codeRanges(processor.parse(text)))
  const edits = plan(layer, text, base, tags, unclosed, depth)
  let rewritten = ''
  let last = 0
  const mapped: Edit[] = []
  for (const edit of edits) {
    rewritten += text.slice(last, edit.start)
    mapped.push({origStart: edit.start, origEnd: edit.end, newStart: rewritten.length, newEnd: rewritten.length + edit.replacement.length})
    rewritten += edit.replacement
    last = edit.end
  }
  rewritten += text.slice(last)
  const tree = processor.parse(rewritten)
  remapPositions(tree, mapped, base, layer.lines)
  substitute(layer, tree)
  if (depth === 0 && layer.unlinked.size > 0) unlinkReferences(tree, layer.unlinked)
  return tree
}

/** References to removed definitions become their text. */
function unlinkReferences(parent: Extract<Nodes, {children: unknown}>, identifiers: ReadonlySet<string>): void {
  const out: RootContent[] = []
  for (const child of parent.children as RootContent[]) {
    if ('children' in child) unlinkReferences(child, identifiers)
    if (child.type === 'linkReference' && identifiers.has(child.identifier)) out.push(...child.children)
    else out.push(child)
  }
  ;(parent as {children: RootContent[]}).children = out
}

/** Code, inline code and front matter: where shortcodes are shown, not run. */
function codeRanges(tree: Root): Range[] {
  const ranges: Array<[number, number]> = []
  const visit = (node: Nodes) => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'yaml') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined) ranges.push([start, end])
      return
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  return ranges.sort((a, b) => a[0] - b[0])
}

interface PlannedEdit {
  start: number
  end: number
  replacement: string
}

/** Decide what replaces each tag: a token for a call, the content for `raw`, nothing for strays. */
function plan(layer: LayerContext, text: string, base: number, tags: Tag[], unclosed: number[], depth: number): PlannedEdit[] {
  const edits: PlannedEdit[] = []
  const position = (start: number, end: number): Position => ({start: layer.lines.point(base + start), end: layer.lines.point(base + end)})
  for (let index = 0; index < tags.length; index++) {
    const tag = tags[index]!
    if (tag.closing) {
      // A closing tag with no opening (`{% endraw %}` left over, `{{< /x >}}` alone): its braces go.
      if (tag.name !== 'raw') report(layer.file, diagnostics.unknownShortcode, [display(tag)], {place: position(tag.start, tag.end), source: 'pressroom:shortcodes'})
      edits.push({start: tag.start, end: tag.end, replacement: ''})
      continue
    }
    const close = findClose(tags, index)
    if (tag.name === 'raw') {
      // Liquid's `raw`: the markers go, what they protect stays as written (and is read as Markdown, as it would be after Liquid).
      if (close === undefined) {
        edits.push({start: tag.start, end: tag.end, replacement: ''})
      } else {
        edits.push({start: tag.start, end: tags[close]!.end, replacement: text.slice(tag.end, tags[close]!.start)})
        index = close
      }
      continue
    }
    const end = close === undefined ? tag.end : tags[close]!.end
    const call: Call = {
      id: layer.calls.length,
      tag,
      args: parseArgs(tag.args),
      position: position(tag.start, end),
      depth
    }
    if (close !== undefined) {
      const closing = tags[close]!
      call.body = {text: text.slice(tag.end, closing.start), offset: base + tag.end}
      // Tags inside the body are expanded when the body is parsed.
      index = close
    }
    layer.calls.push(call)
    edits.push({start: tag.start, end, replacement: `\uE000${call.id}\uE001`})
  }
  for (const start of unclosed) {
    if (edits.some((edit) => start >= edit.start && start < edit.end)) continue
    const opener = text.slice(start, start + 3)
    report(layer.file, diagnostics.unclosedShortcode, [opener], {place: layer.lines.point(base + start), source: 'pressroom:shortcodes'})
    edits.push({start, end: start + 3, replacement: ''})
  }
  return edits.sort((a, b) => a.start - b.start)
}

/** Index of the tag closing `tags[index]`, counting nested tags of the same name. */
function findClose(tags: readonly Tag[], index: number): number | undefined {
  const open = tags[index]!
  const liquid = open.syntax === 'liquid'
  let depth = 0
  for (let next = index + 1; next < tags.length; next++) {
    const tag = tags[next]!
    if (tag.name !== open.name || (tag.syntax === 'liquid') !== liquid) continue
    if (!tag.closing) depth++
    else if (depth === 0) return next
    else depth--
  }
  return undefined
}

/** How a tag is named in messages, e.g. `{{< tweet >}}`, `{% include %}`. */
export function display(tag: Tag): string {
  const name = (tag.closing ? (tag.syntax === 'liquid' ? 'end' : '/') : '') + tag.name
  return tag.syntax === 'hugo' ? `{{< ${name} >}}` : tag.syntax === 'hugo-markdown' ? `{{% ${name} %}}` : tag.syntax === 'liquid-output' ? '{{ … }}' : `{% ${name} %}`
}

/** Replace the tokens of a parsed tree by the calls' results, then restore the content model. */
function substitute(layer: LayerContext, parent: Extract<Nodes, {children: unknown}>): void {
  const out: RootContent[] = []
  for (const child of parent.children as RootContent[]) {
    if ('children' in child) substitute(layer, child)
    if (child.type === 'link' || child.type === 'image' || child.type === 'definition') {
      if (hasToken(child.url)) {
        const url = replaceTokens(child.url, (call) => resultOf(layer, call).url)
        if (child.type === 'link' && url === undefined) {
          // A target nothing resolves (a broken `ref`): the link text stays, without a link.
          out.push(...child.children)
          continue
        }
        if (child.type === 'definition' && url === undefined) {
          // The same for `[text][label]` whose `[label]: {{< ref … >}}` is broken (see `unlinkReferences`).
          layer.unlinked.add(child.identifier)
          continue
        }
        child.url = url ?? ''
      }
      if (child.title && hasToken(child.title)) child.title = replaceTokens(child.title, (call) => resultOf(layer, call).text) ?? ''
      if (child.type === 'image' && hasToken(child.alt ?? '')) child.alt = replaceTokens(child.alt!, (call) => resultOf(layer, call).text) ?? ''
    }
    if ((child.type === 'text' || child.type === 'html') && hasToken(child.value)) {
      out.push(...splitValue(layer, child))
      continue
    }
    if ((child.type === 'code' || child.type === 'inlineCode' || child.type === 'yaml') && hasToken(child.value)) {
      // Code the first parse did not see as code: show the shortcode as written.
      child.value = child.value.replace(token, (_, id: string) => layer.source.slice(layer.calls[Number(id)]!.tag.start, layer.calls[Number(id)]!.tag.end))
    }
    out.push(child)
  }
  ;(parent as {children: RootContent[]}).children = restoreModel(parent.type, out)
}

/** Replace every token of a string; `undefined` when one of them gives `undefined`. */
function replaceTokens(value: string, of: (call: number) => string | undefined): string | undefined {
  let failed = false
  const result = value.replace(token, (_, id: string) => {
    const replacement = of(Number(id))
    if (replacement === undefined) failed = true
    return replacement ?? ''
  })
  return failed ? undefined : result
}

/** A text or HTML node split at its tokens, each token replaced by its call's nodes. */
function splitValue(layer: LayerContext, node: Extract<RootContent, {type: 'text' | 'html'}>): RootContent[] {
  const out: RootContent[] = []
  let last = 0
  let pending = ''
  const value = node.value
  const flush = (text: string) => {
    pending += text
  }
  const emit = () => {
    if (pending !== '') out.push({type: node.type, value: pending, position: node.position} as Text | Html)
    pending = ''
  }
  token.lastIndex = 0
  for (const match of value.matchAll(token)) {
    flush(value.slice(last, match.index))
    last = match.index + match[0].length
    const call = Number(match[1])
    if (node.type === 'html' && insideTag(value.slice(0, match.index))) {
      // In an attribute (`<a href="{{< legacy-file … >}}">`): its URL or text, escaped.
      const result = resultOf(layer, call)
      flush(escapeAttribute(result.url ?? result.text))
      continue
    }
    emit()
    out.push(...structuredClone(resultOf(layer, call).nodes))
  }
  flush(value.slice(last))
  emit()
  return out
}

type Text = Extract<RootContent, {type: 'text'}>

function insideTag(before: string): boolean {
  return before.lastIndexOf('<') > before.lastIndexOf('>')
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Run a call once; its nodes carry its position. */
function resultOf(layer: LayerContext, id: number): {nodes: RootContent[]; url?: string; text: string} {
  const call = layer.calls[id]!
  if (!call.result) {
    const nodes = callHandler(layer, call)
    for (const node of nodes) placeAll(node, call.position)
    call.result = {nodes, text: textOf(nodes)}
    const url = urlOf(nodes)
    if (url !== undefined) call.result.url = url
  }
  return call.result
}

/** The URL a result stands for in a link destination: its only link's, or its text when that is one word. */
function urlOf(nodes: readonly RootContent[]): string | undefined {
  if (nodes.length !== 1) return undefined
  const node = nodes[0]!
  if (node.type === 'link') return node.url
  if (node.type === 'paragraph') return urlOf(node.children)
  // A broken `ref` gives its target as text: in a destination it is no URL.
  if (node.type === 'text' && !node.data?.brokenRef && /^\S*$/.test(node.value.trim())) return node.value.trim()
  return undefined
}

function textOf(nodes: readonly RootContent[]): string {
  return nodes.map((node) => ('value' in node && node.type !== 'html' ? node.value : 'children' in node ? textOf(node.children as RootContent[]) : node.type === 'image' ? node.alt ?? '' : '')).join(' ').replace(/\s+/g, ' ').trim()
}

/**
 * Make children fit their parent again: blocks in a paragraph split it,
 * blocks in other inline containers become inline, inline nodes at block
 * level are wrapped in paragraphs.
 */
function restoreModel(type: string, children: RootContent[]): RootContent[] {
  if (flowParents.has(type)) {
    const out: RootContent[] = []
    let run: PhrasingContent[] = []
    const end = () => {
      const paragraph = paragraphOf(run)
      if (paragraph) out.push(paragraph)
      run = []
    }
    for (const child of children) {
      if (child.type === 'paragraph' && !child.data?.hName && child.children.some((c) => !phrasingTypes.has(c.type))) {
        end()
        out.push(...restoreModel('root', child.children as RootContent[]))
        continue
      }
      // Raw HTML at block level stays a block; inline nodes are gathered into a paragraph.
      if (phrasingTypes.has(child.type) && !(child.type === 'html' && run.length === 0)) run.push(child as PhrasingContent)
      else {
        end()
        out.push(child)
      }
    }
    end()
    return out
  }
  if (type === 'paragraph' || type === 'list' || type === 'table' || type === 'tableRow') return children
  // Inline containers (emphasis, link, heading, table cell): blocks flattened to their inline content.
  return children.flatMap((child) => (phrasingTypes.has(child.type) ? [child] : toPhrasing(child)))
}

/** A paragraph of inline nodes, trimmed at the edges; `undefined` when only space is left. */
function paragraphOf(run: PhrasingContent[]): Paragraph | undefined {
  while (run.length > 0 && isBlank(run[0]!)) run.shift()
  while (run.length > 0 && isBlank(run[run.length - 1]!)) run.pop()
  if (run.length === 0) return undefined
  const first = run[0]!
  const lastNode = run[run.length - 1]!
  if (first.type === 'text') first.value = first.value.replace(/^\s+/, '')
  if (lastNode.type === 'text') lastNode.value = lastNode.value.replace(/\s+$/, '')
  const paragraph: Paragraph = {type: 'paragraph', children: run}
  if (first.position && lastNode.position) paragraph.position = {start: first.position.start, end: lastNode.position.end}
  return paragraph
}

function isBlank(node: PhrasingContent): boolean {
  return node.type === 'break' || (node.type === 'text' && node.value.trim() === '')
}

/** The inline content of a block (a figure gives its image, a quote its text). */
function toPhrasing(node: RootContent): PhrasingContent[] {
  if (phrasingTypes.has(node.type)) return [node as PhrasingContent]
  if (node.type === 'paragraph' && node.data?.hName === 'figure') return node.children.filter((child) => child.type === 'image')
  if (node.type === 'code') return [{type: 'inlineCode', value: node.value, position: node.position}]
  if (!('children' in node)) return []
  const out: PhrasingContent[] = []
  for (const child of node.children as RootContent[]) {
    const inline = toPhrasing(child)
    if (inline.length === 0) continue
    if (out.length > 0) out.push({type: 'text', value: ' '})
    out.push(...inline)
  }
  return out
}
