/**
 * Helpers of the newsletter tests: read articles (wire copy too), emit
 * editions, and check plain text for the rules every output must follow.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Root} from 'hast'
import {toText} from 'hast-util-to-text'
import {visit} from 'unist-util-visit'
import {createArticle} from '../../../src/readers/index.js'
import type {ResolvedConfig} from '../../../src/config.js'
import {createEmitContext} from '../../../src/emitters/context.js'
import {htmlEmitter} from '../../../src/emitters/html/index.js'
import {newsletterEmitter, type NewsletterOptions} from '../../../src/emitters/newsletter/index.js'
import {displayWidth} from '../../../src/emitters/newsletter/width.js'
import type {Article, EmitContext, OutputFile} from '../../../src/types.js'
import {root, testConfig} from '../../helpers/article.js'
import {inOrderRatio, words} from '../../helpers/words.js'

/**
 * Read an article from a file.
 *
 * @param source
 *   File on disk.
 * @param virtual
 *   Path the reader sees (its extension picks the reader).
 * @returns
 *   Article.
 * @throws
 *   When the article cannot be read.
 */
export function readArticle(source: string, virtual: string): Article {
  const result = createArticle({path: virtual, contents: readFileSync(source, 'utf8')}, testConfig())
  if (!result.ok) throw new Error(result.file.messages.map(String).join('\n'))
  return result.article
}

/** The seed wire copy. */
export function seedArticle(): Article {
  return readArticle(path.resolve(root, 'tests/corpus/seed-article.txt'), 'input/seed.txt')
}

/** A context as the build makes it, with the HTML and newsletter emitters. */
export function contextFor(articles: Article[], options: NewsletterOptions = {}, config: ResolvedConfig = testConfig()): EmitContext {
  return createEmitContext({config, emitters: [htmlEmitter(), newsletterEmitter(options)], articles})
}

/** Text of one article (`newsletter/<slug>.txt`). */
export async function articleText(article: Article, options: NewsletterOptions = {}): Promise<string> {
  const emitter = newsletterEmitter(options)
  const files = await emitter.article!(article, contextFor([article], options))
  return String(files[0]!.contents)
}

/** Edition files (`edition.txt`, `edition.eml`). */
export async function edition(articles: Article[], options: NewsletterOptions = {}): Promise<{text: string; eml: Uint8Array; files: OutputFile[]}> {
  const emitter = newsletterEmitter(options)
  const files = await emitter.collection!(articles, contextFor(articles, options))
  const text = files.find((file) => file.path === 'newsletter/edition.txt')!.contents as string
  const eml = files.find((file) => file.path === 'newsletter/edition.eml')!.contents as Uint8Array
  return {text, eml, files}
}

/** Prefixes a line may start with before its content: indentation, quote markers, list markers, link labels. */
const linePrefix = /^(?:[ ]*>)*[ ]*(?:(?:\*|\d+\.|\[\d+\])[ ]+)?/

/** A URL, alone. */
const loneUrl = /^(?:https?|mailto|tel|ftp):\S+$|^%[A-Z_]+%$/

/**
 * Problems of a plain text: lines wider than `width` (except a lone URL, or a
 * lone unbreakable token when `tokens` is set), trailing spaces, HTML tags or
 * entities, Markdown syntax, CR, invalid UTF-16/UTF-8.
 *
 * @param text
 *   Text.
 * @param width
 *   Measure (default: 72).
 * @param options
 *   `tokens`: accept any lone token (not only URLs); `code`: skip lines
 *   indented four or more spaces (code is never wrapped).
 * @returns
 *   Problems, `[]` when none.
 */
export function problems(text: string, width = 72, options: {tokens?: boolean; code?: boolean} = {}): string[] {
  const found: string[] = []
  if (text.includes('\r')) found.push('CR found: use LF line endings')
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) found.push('lone surrogate: invalid UTF-8')
  if (Buffer.from(text, 'utf8').toString('utf8') !== text) found.push('UTF-8 round trip differs')
  if (!text.endsWith('\n') || text.endsWith('\n\n')) found.push('expected exactly one final line feed')
  text.split('\n').forEach((line, index) => {
    const where = `line ${index + 1}: ${JSON.stringify(line)}`
    if (/[ \t]$/.test(line)) found.push(`trailing space, ${where}`)
    if (/<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/i.test(line)) found.push(`HTML tag, ${where}`)
    if (/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(line)) found.push(`HTML entity, ${where}`)
    if (/\*\*|__|`|^#{1,6}\s|\]\(|!\[/.test(line)) found.push(`Markdown syntax, ${where}`)
    if (displayWidth(line) > width) {
      const content = line.replace(linePrefix, '')
      const code = options.code && /^(?:[ ]*>)*[ ]{4}/.test(line)
      const lone = loneUrl.test(content) || (options.tokens === true && !/\s/.test(content))
      if (!code && !lone) found.push(`wider than ${width} (${displayWidth(line)}), ${where}`)
    }
  })
  return found
}

/**
 * Fraction of the HTML body's words found in order in a text:
 * `inOrderRatio(words(toText(hast)), words(text))`, with one adjustment:
 *
 * - a footnote reference is separated from the word before it: `toText`
 *   glues `2019<sup>1</sup>` into the non-word `20191`.
 *
 * @param tree
 *   Body tree (`article.hast`).
 * @param text
 *   Plain text.
 * @returns
 *   Ratio, 0..1.
 */
export function wordOrder(tree: Root, text: string): number {
  const copy = structuredClone(tree)
  visit(copy, 'element', (node) => {
    if (node.tagName === 'a' && node.properties['dataFootnoteRef'] !== undefined) node.children.unshift({type: 'text', value: ' '})
  })
  const expected = words(toText(copy))
  const actual = words(text)
  return inOrderRatio(expected, actual)
}
