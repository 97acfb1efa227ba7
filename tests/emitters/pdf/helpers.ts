/**
 * Shared helpers of the PDF emitter tests: build an article from Markdown,
 * render it, and read the uncompressed PDF's text back.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {createEmitContext} from '../../../src/emitters/context.js'
import {pdfEmitter, type PdfOptions} from '../../../src/emitters/pdf/index.js'
import type {Article, EmitContext} from '../../../src/types.js'
import {articleFrom, root, testConfig} from '../../helpers/article.js'

/** Folder of the PDF fixtures. */
export const fixtures = path.join(root, 'tests/fixtures')

/** Names of the PDF fixtures (`tests/fixtures/pdf-*`). */
export const pdfFixtures = ['pdf-rtl', 'pdf-arabic', 'pdf-mixed', 'pdf-diacritics', 'pdf-table', 'pdf-lists']

/**
 * Read a fixture as an article.
 *
 * @param name
 *   Fixture folder name.
 * @returns
 *   Article.
 */
export function fixtureArticle(name: string): Article {
  const file = path.join(fixtures, name, 'input.md')
  return articleFrom(readFileSync(file, 'utf8'), {path: `input/${name}.md`, config: testConfig()})
}

/**
 * Render an article with the PDF emitter.
 *
 * @param article
 *   Article.
 * @param options
 *   Emitter options (optional).
 * @returns
 *   The PDF bytes and the context used.
 */
export async function renderArticle(
  article: Article,
  options: PdfOptions = {}
): Promise<{bytes: Uint8Array; ctx: EmitContext; path: string | undefined}> {
  const config = testConfig()
  const emitter = pdfEmitter(options)
  const ctx = createEmitContext({config, emitters: [emitter], articles: [article]})
  const files = (await emitter.article?.(article, ctx)) ?? []
  const file = files[0]
  return {bytes: (file?.contents as Uint8Array | undefined) ?? new Uint8Array(), ctx, path: file?.path}
}

/**
 * Build an article from Markdown.
 *
 * @param markdown
 *   Markdown with front matter.
 * @returns
 *   Article.
 */
export function markdown(markdown: string): Article {
  return articleFrom(markdown, {config: testConfig()})
}

/**
 * The PDF as Latin-1 text (for reading an uncompressed file's operators and
 * dictionaries).
 *
 * @param bytes
 *   PDF.
 * @returns
 *   Text.
 */
export function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1')
}
