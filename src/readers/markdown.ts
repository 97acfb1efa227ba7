/**
 * The Markdown reader: CommonMark + GFM with YAML front matter, parsed by the
 * normalization processor's own parser (remark-parse), so positions in
 * messages are the source's.
 */
import type {Yaml} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {diagnostics, report} from '../diagnostics.js'
import {parseFrontMatter, type FrontMatter} from './front-matter.js'
import type {Recovered} from './meta.js'
import {builtinShortcodes, parseWithShortcodes} from './shortcodes/index.js'
import type {Reader, ReaderContext, ReaderOutput} from './types.js'

export const markdownReader: Reader = {
  extensions: ['.md', '.markdown'],
  read: readMarkdown
}

/**
 * Read a Markdown article.
 *
 * @param text
 *   Decoded source.
 * @param file
 *   File that receives the messages (and the text).
 * @param context
 *   Configuration (publisher-defined shortcodes) and cross-reference targets.
 * @returns
 *   Tree, front matter and the title taken from a leading `# Title`.
 */
function readMarkdown(text: string, file: VFile, context?: ReaderContext): ReaderOutput | undefined {
  // A blank line before the opening fence (seen in real Hugo content): move
  // it after the closing fence so body positions stay right.
  let shift = 0
  const leading = /^((?:[ \t]*\n)+)(---[ \t]*\n[\s\S]*?\n---[ \t]*(?:\n|$))/.exec(text)
  if (leading) {
    shift = leading[1]!.split('\n').length - 1
    text = leading[2]! + leading[1]! + text.slice(leading[0].length)
    report(file, diagnostics.frontMatterLeadingBlank, [], {place: {line: shift + 1, column: 1}})
  }
  file.value = text
  // Shortcodes (Hugo, Jekyll, Eleventy) become content while parsing.
  const mdast = parseWithShortcodes(text, file, {
    handlers: {...builtinShortcodes, ...context?.config.shortcodes},
    ...(context?.refs ? {refs: context.refs} : {}),
    ...(context ? {sourceDir: context.sourceDir, input: context.config.input, images: context.config.images} : {})
  })
  let frontMatter: FrontMatter | undefined
  const recovered: Recovered = {}
  const yaml = mdast.children[0]?.type === 'yaml' ? (mdast.children[0] as Yaml) : undefined
  if (yaml) {
    mdast.children.shift()
    const line = (yaml.position?.start.line ?? 1) + 1 + shift
    frontMatter = parseFrontMatter(yaml.value, {line, column: 1}, file)
    if (!frontMatter) return undefined
  } else if (/^---[ \t]*\n/.test(text)) {
    report(file, diagnostics.frontMatterUnclosed, [], {place: {line: 1, column: 1}})
    return undefined
  }
  // A leading `# Title` is the title when the front matter has none (or the same).
  const first = mdast.children[0]
  if (first?.type === 'heading' && first.depth === 1) {
    // Without its attributes (`# Title {#top}`), which the heading-attributes plugin removes later.
    const heading = toString(first).replace(/\s*\{:?\s*(?:[#.][\w:.-]+\s*)+\}\s*$/, '').trim()
    const given = frontMatter?.data['title']
    if (heading && (given === undefined || (typeof given === 'string' && given.trim() === heading))) {
      recovered.title = heading
      mdast.children.shift()
    }
  }
  return frontMatter ? {mdast, frontMatter, recovered} : {mdast, recovered}
}
