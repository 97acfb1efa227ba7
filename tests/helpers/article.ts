/**
 * Build articles in tests without touching the disk.
 */
import path from 'node:path'
import {createArticle} from '../../src/readers/index.js'
import {resolveConfig, type ResolvedConfig, type UserConfig} from '../../src/config.js'
import type {Article} from '../../src/types.js'

/** Repository root. */
export const root = path.resolve(import.meta.dirname, '../..')
/** The corpora copied into the repository (real articles, the seed): tests never read outside it. */
export const corpus = path.resolve(root, 'tests/corpus')

/** A configuration rooted at the repository, with a fixed site. */
export function testConfig(overrides: UserConfig = {}): ResolvedConfig {
  return resolveConfig(
    {site: {title: 'The Pressroom Test', url: 'https://news.example.org/', author: 'Desk', ...overrides.site}, ...overrides, ...(overrides.site ? {} : {})},
    root
  )
}

/** Options of {@link articleFrom}. */
export interface ArticleFromOptions {
  /** Source path (default: `input/test.md`); its extension picks the reader. */
  path?: string
  config?: ResolvedConfig
}

/**
 * Normalize source text into an article; throws with the messages when it fails.
 *
 * @param text
 *   Markdown (with front matter) or wire copy (with `path: '….txt'`).
 * @param options
 *   Path and config (optional).
 * @returns
 *   The article.
 */
export function articleFrom(text: string, options: ArticleFromOptions = {}): Article {
  const result = createArticle({path: options.path ?? 'input/test.md', contents: text}, options.config ?? testConfig())
  if (!result.ok) throw new Error(result.file.messages.map(String).join('\n'))
  return result.article
}
