/**
 * The PDF theme: page size, margins, fonts, sizes and colours, read from
 * `templates/default.pdf-theme.json` (the user's templates folder first) and
 * merged with emitter options. Parsed once per process per file, and again
 * when the file changes (a `watch` building in this process sees an edit).
 */
import {readFileSync, statSync, type Stats} from 'node:fs'
import path from 'node:path'
import type {ResolvedConfig} from '../../config.js'
import {findTemplateFile} from '../templates.js'

/** Font family name of the theme (`serif`, `sans`, `mono`). */
export type FamilyName = 'serif' | 'sans' | 'mono'

/** Files of one family, by style. */
export interface FamilyFiles {
  regular: string
  bold: string
  italic: string
  boldItalic: string
}

/** A text style of the theme. */
export interface BlockStyle {
  family: FamilyName
  size: number
  lineHeight: number
  bold?: boolean
  italic?: boolean
  color?: string
  align?: 'start' | 'justify' | 'center'
  spaceBefore?: number
  spaceAfter?: number
  background?: string
  padding?: number
  border?: string
  headerBackground?: string
  offset?: number
}

/** How paragraphs are set by total fit (the theme's `justification`). */
export interface FitSettings {
  /** How much a space may grow, as a fraction of its width. */
  stretch: number
  /** How much a space may shrink (justified lines only), as a fraction of its width. */
  shrink: number
  /**
   * Largest adjustment ratio: no justified space is ever wider than
   * `1 + stretch × tolerance` times its natural width (the looseness bound).
   */
  tolerance: number
  /**
   * Largest adjustment ratio of the first pass, which tries without
   * hyphenation (TeX's `\pretolerance`); negative: no such pass.
   */
  pretolerance?: number
  /** Cost of a break at a hyphenation point (TeX `\hyphenpenalty`). */
  hyphenPenalty: number
  /** Most hyphenated lines in a row. */
  consecutiveHyphens: number
  /** Ragged lines: how short of the measure a line may end, in em of the text, times the tolerance. */
  raggedStretch: number
  /** Stretch added to each line in the emergency pass, in em of the text (TeX `\emergencystretch`). */
  emergencyStretch: number
}

/** The whole theme. */
export interface Theme {
  pageSize: 'A4' | 'Letter'
  margins: {top: number; bottom: number; left: number; right: number}
  fonts: {serif: FamilyFiles; sans: FamilyFiles; mono: FamilyFiles; fallback: string[]}
  body: BlockStyle
  title: BlockStyle
  standfirst: BlockStyle
  meta: BlockStyle
  headings: Record<'h2' | 'h3' | 'h4' | 'h5' | 'h6', BlockStyle>
  code: BlockStyle
  caption: BlockStyle
  table: BlockStyle
  footnotes: BlockStyle
  header: BlockStyle
  footer: BlockStyle
  colors: {text: string; link: string; rule: string; quoteRule: string}
  list: {indent: number; bullets: string[]}
  blockquote: {indent: number; ruleWidth: number}
  image: {maxHeightRatio: number}
  keep: {orphans: number; widows: number}
  /** Total-fit line breaking of paragraphs (`breakParagraph` in `line-breaking.ts`). */
  justification: FitSettings
  /** What closes the article on its last page: the end mark, then the source line and the tags. */
  end: {mark: string; style: BlockStyle}
  /**
   * English wording that replaces the catalog's for English articles (the
   * way before catalogs: `page`, `by`, `updated`, `links`, `image`, `source`,
   * `originallyPublished`, `tags`; see `labels.ts`). Other languages take
   * the catalogs (`templates/i18n/<lang>.json`).
   */
  labels?: Partial<Record<string, string>>
}

/** Page sizes in points. */
export const pageSizes: Record<Theme['pageSize'], [number, number]> = {
  A4: [595.28, 841.89],
  Letter: [612, 792]
}

const themeName = 'default.pdf-theme.json'
/** Parsed theme files by path, with the size and modification time they were read at. */
const cache = new Map<string, {stamp: string; theme: Theme}>()

/**
 * Resolve the theme of a build.
 *
 * @param config
 *   Resolved configuration (templates folders).
 * @param options
 *   Emitter options (optional): `pageSize` (`'A4'` or `'Letter'`) and `theme`
 *   (a partial theme merged on top).
 * @returns
 *   The theme.
 */
export function loadTheme(config: Pick<ResolvedConfig, 'templates' | 'builtinTemplates'>, options: PdfThemeOptions = {}): Theme {
  // Looked up for each article (a `stat` or two), so a file added or edited
  // while watching is seen.
  const found = findTemplateFile(config, themeName)
  if (!found) throw new Error(`Cannot find template \`${themeName}\` in ${config.templates} or ${config.builtinTemplates}`)
  let base = readTheme(found.file, found.stat)
  // A user's theme written for an older version lacks the newer settings
  // (`justification`, `end`): those come from the built-in theme.
  const builtin = path.join(config.builtinTemplates, themeName)
  if (found.file !== builtin) {
    const stat = statSync(builtin, {throwIfNoEntry: false})
    if (stat) {
      const defaults = readTheme(builtin, stat)
      for (const key of ['justification', 'end'] as const) {
        const own: unknown = base[key]
        if (!isPlain(own) || Object.keys(defaults[key]).some((name) => !(name in own))) {
          base = {...base, [key]: {...defaults[key], ...(isPlain(own) ? own : {})}}
        }
      }
    }
  }
  let theme = options.theme ? (merge(base, options.theme) as Theme) : base
  if (options.pageSize !== undefined) {
    const size = String(options.pageSize).toLowerCase() === 'letter' ? 'Letter' : 'A4'
    theme = {...theme, pageSize: size}
  }
  if (!(theme.pageSize in pageSizes)) theme = {...theme, pageSize: 'A4'}
  return theme
}

/** A theme file, parsed once per size and modification time. */
function readTheme(file: string, stat: Stats): Theme {
  const stamp = `${stat.size}:${stat.mtimeMs}`
  let entry = cache.get(file)
  if (entry?.stamp !== stamp) {
    entry = {stamp, theme: JSON.parse(readFileSync(file, 'utf8')) as Theme}
    cache.set(file, entry)
  }
  return entry.theme
}

/** Options of the PDF emitter that shape the theme. */
export interface PdfThemeOptions {
  /** `'A4'` (default) or `'Letter'`. */
  pageSize?: string
  /** Partial theme merged over `default.pdf-theme.json`. */
  theme?: Record<string, unknown>
}

function merge(base: unknown, over: unknown): unknown {
  if (isPlain(base) && isPlain(over)) {
    const out: Record<string, unknown> = {...base}
    for (const [key, value] of Object.entries(over)) out[key] = merge(base[key], value)
    return out
  }
  return over === undefined ? base : over
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
