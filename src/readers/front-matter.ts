/**
 * Front matter: YAML 1.2 first (the `yaml` package, with positions), and a
 * lenient YAML 1.1 reading (js-yaml 3, what gray-matter — and so Eleventy and
 * Jekyll-era content — uses) when strict parsing fails but the lenient one
 * succeeds. Content migrated from other tools then builds with a warning.
 */
import {createRequire} from 'node:module'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {LineCounter, parseDocument, isMap, isScalar, type YAMLError} from 'yaml'
import {diagnostics, report} from '../diagnostics.js'
import {codePoint} from '../pipeline/characters.js'
import {stripIllegal} from '../pipeline/hast/xml-characters.js'

// js-yaml is loaded only when strict parsing fails: loading it also loads
// esprima (for its `!!js/function` type, unused by `safeLoad`), a cost every
// fresh process would pay otherwise.
const require = createRequire(import.meta.url)
let lenient: {yaml: typeof import('js-yaml'); schema: import('js-yaml').Schema} | undefined

/**
 * Read YAML 1.1 as js-yaml does, but leave timestamps as written, as the
 * strict reading does: js-yaml makes `0024-05-01` a date of 1924 (`Date.UTC`
 * reads the years 0 to 99 so), `parseDate` keeps the year.
 *
 * @param text
 *   YAML.
 * @returns
 *   Its value.
 * @throws
 *   js-yaml's `YAMLException` when the text is not YAML 1.1 either.
 */
function loadLenient(text: string): unknown {
  if (!lenient) {
    const yaml = require('js-yaml') as typeof import('js-yaml')
    const tag = 'tag:yaml.org,2002:timestamp'
    const implicit = ((yaml.DEFAULT_SAFE_SCHEMA as import('js-yaml').SchemaDefinition).implicit ?? []) as Array<import('js-yaml').Type & {tag?: string}>
    const timestamp = implicit.find((type) => type.tag === tag)
    const asText = timestamp && new yaml.Type(tag, {kind: 'scalar', resolve: (data: unknown) => timestamp.resolve(data), construct: (data: unknown) => data})
    lenient = {yaml, schema: asText ? new yaml.Schema({include: [yaml.DEFAULT_SAFE_SCHEMA], implicit: [asText]}) : yaml.DEFAULT_SAFE_SCHEMA}
  }
  return lenient.yaml.safeLoad(text, {schema: lenient.schema})
}

/** Parsed front matter. */
export interface FrontMatter {
  data: Record<string, unknown>
  /** Position of each top-level key's value (or key, when the value is empty). */
  positions: Map<string, Point>
  /** Position of the first line of YAML (the line after `---`). */
  start: Point
}

/**
 * Parse YAML front matter, reporting problems on `file`.
 *
 * @param text
 *   The YAML between the fences.
 * @param start
 *   Where `text` starts in the file (1-based line and column).
 * @param file
 *   File to report on.
 * @returns
 *   Front matter, or `undefined` when it is unreadable (an error was reported).
 */
export function parseFrontMatter(text: string, start: Point, file: VFile): FrontMatter | undefined {
  const source = 'pressroom:front-matter'
  const lineCounter = new LineCounter()
  let doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true})
  const toPoint = (offset: number): Point => {
    const {line, col} = lineCounter.linePos(offset)
    return {line: start.line + line - 1, column: line === 1 ? start.column + col - 1 : col}
  }
  const at = (error: YAMLError): Point => toPoint(error.pos[0])

  let data: unknown
  const errors = doc.errors
  if (errors.length > 0 && errors.every((error) => error.code === 'DUPLICATE_KEY')) {
    for (const error of errors) {
      report(file, diagnostics.frontMatterDuplicateKey, [duplicateKeyName(text, error) ?? 'key'], {place: at(error), source})
    }
    const lenientCounter = new LineCounter()
    doc = parseDocument(text, {lineCounter: lenientCounter, prettyErrors: false, uniqueKeys: false})
    data = doc.toJS()
  } else if (errors.length > 0) {
    const first = errors[0]!
    const why = first.message.split('\n')[0] ?? first.code
    try {
      data = loadLenient(text)
      report(file, diagnostics.frontMatterLenient, [why.replace(/ at line \d+, column \d+.*$/, '')], {place: at(first), source})
    } catch {
      report(file, diagnostics.frontMatterSyntax, [why.replace(/ at line \d+, column \d+.*$/, '')], {place: at(first), source})
      return undefined
    }
  } else {
    data = doc.toJS()
  }

  if (data === null || data === undefined) data = {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    report(file, diagnostics.frontMatterNotMap, [], {place: start, source})
    return undefined
  }

  // YAML escapes (`"\u0000"`) can make characters XML forbids: remove them.
  let removed = 0
  let firstIllegal = ''
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const stripped = stripIllegal(value)
      if (stripped.removed > 0) {
        removed += stripped.removed
        firstIllegal ||= stripped.first!
      }
      return stripped.text
    }
    if (Array.isArray(value)) return value.map(clean)
    if (value && typeof value === 'object' && !(value instanceof Date)) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, clean(inner)]))
    }
    return value
  }
  data = clean(data)
  if (removed > 0) report(file, diagnostics.xmlIllegalCharacter, [removed, codePoint(firstIllegal)], {place: start, source})

  const positions = new Map<string, Point>()
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined
      if (key === undefined) continue
      const node = (pair.value as {range?: [number, number, number]} | null)?.range ? pair.value : pair.key
      const range = (node as {range?: [number, number, number]} | null)?.range
      if (range) positions.set(key, toPoint(range[0]))
    }
  }
  return {data: data as Record<string, unknown>, positions, start}
}

function duplicateKeyName(text: string, error: YAMLError): string | undefined {
  const rest = text.slice(error.pos[0])
  return /^\s*["']?([^"':\n]+)["']?\s*:/.exec(rest)?.[1]
}

/**
 * Split a leading `---` fenced block off plain text (wire copy). Fences are
 * `---` lines; the closing fence may also be `...`.
 *
 * @param text
 *   Whole file, LF line endings.
 * @returns
 *   YAML text and the 1-based line it starts on plus the body and the line it
 *   starts on; `unclosed` when an opening fence has no closing one.
 */
export function splitFrontMatter(
  text: string
): {yaml?: string; yamlLine: number; body: string; bodyLine: number; unclosed?: boolean} {
  const lines = text.split('\n')
  if (lines[0]?.trimEnd() !== '---') return {yamlLine: 0, body: text, bodyLine: 1}
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!.trimEnd()
    if (line === '---' || line === '...') {
      return {
        yaml: lines.slice(1, index).join('\n'),
        yamlLine: 2,
        body: lines.slice(index + 1).join('\n'),
        bodyLine: index + 2
      }
    }
  }
  return {yamlLine: 0, body: text, bodyLine: 1, unclosed: true}
}
