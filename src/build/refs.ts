/**
 * Cross-references (`{{< ref >}}`, `relref`, `post_url`) need every article of
 * the build, which a reader never sees: once the sources and slugs are known,
 * each article to build gets the table of the targets it names (only those,
 * so a worker is sent a few entries, not the whole archive).
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {ResolvedConfig} from '../config.js'
// Only the tokenizer: the build loads the Markdown parser when something must be built, not before.
import {refTargets, resolveRefs, type RefArticle} from '../readers/shortcodes/refs.js'

/**
 * The URL of an article's page: its HTML page beside the others (feeds, EPUB
 * and PDF make it absolute with `site.url`).
 */
const pageOf = (slug: string) => `${slug}.html`

/**
 * Give each task that cross-references other articles the URLs of its targets.
 *
 * @param tasks
 *   Articles to build (changed in place: `refs` is set when the article has any).
 * @param slugs
 *   Every article of the build: slug → source path as displayed (relative to the cwd).
 * @param config
 *   Resolved configuration.
 */
export function linkRefs(tasks: Array<{source: string; refs?: Record<string, string>}>, slugs: ReadonlyMap<string, string>, config: ResolvedConfig): void {
  let articles: RefArticle[] | undefined
  for (const task of tasks) {
    let text: string
    try {
      text = readFileSync(task.source, 'utf8')
    } catch {
      continue
    }
    const targets = refTargets(text)
    if (targets.length === 0) continue
    articles ??= [...slugs].map(([slug, display]) => ({slug, path: path.relative(config.input, path.resolve(display)).split(path.sep).join('/')}))
    task.refs = resolveRefs(targets, articles, pageOf)
  }
}
