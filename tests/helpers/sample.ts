/**
 * The shipped sample (`input/`, `pressroom.config.json`) read as `build`
 * reads it — newest first — for emitters' golden files.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {loadConfig, type ResolvedConfig} from '../../src/config.js'
import {createArticle} from '../../src/readers/index.js'
import type {Article} from '../../src/types.js'
import {root} from './article.js'

/**
 * Read the sample's articles.
 *
 * @returns
 *   Its configuration and articles, newest first.
 */
export async function sampleArticles(): Promise<{config: ResolvedConfig; articles: Article[]}> {
  const config = await loadConfig({root})
  const names = readdirSync(config.input).filter((name) => /\.(md|txt)$/.test(name)).sort()
  const articles: Article[] = []
  for (const name of names) {
    const result = createArticle({path: `input/${name}`, contents: readFileSync(path.join(config.input, name))}, config)
    if (!result.ok) throw new Error(result.file.messages.map(String).join('\n'))
    articles.push(result.article)
  }
  articles.sort((a, b) => b.meta.date.localeCompare(a.meta.date) || a.meta.slug.localeCompare(b.meta.slug))
  return {config, articles}
}
