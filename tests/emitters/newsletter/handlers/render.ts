/**
 * Render Markdown to the newsletter's plain text body, for handler tests.
 */
import type {Root} from 'hast'
import {toPlainText, type ToPlainTextOptions, type PlainText} from '../../../../src/emitters/plain-text.js'
import {articleFrom} from '../../../helpers/article.js'

/**
 * Body, notes and links of a Markdown body.
 *
 * @param markdown
 *   Markdown (no front matter needed).
 * @param options
 *   Options of `toPlainText` (default width 72, links resolved against `https://news.example.org/`).
 * @returns
 *   Plain text parts.
 */
export function render(markdown: string, options: ToPlainTextOptions = {}): PlainText {
  const article = articleFrom(`---\ntitle: Test\ndate: 2024-01-01\n---\n\n${markdown}\n`)
  return renderTree(article.hast, options)
}

/** Same, from a tree. */
export function renderTree(tree: Root, options: ToPlainTextOptions = {}): PlainText {
  return toPlainText(tree, {resolve: (href) => new URL(href, 'https://news.example.org/').href, ...options})
}

/** Body text of Markdown. */
export function body(markdown: string, options: ToPlainTextOptions = {}): string {
  return render(markdown, options).body
}
