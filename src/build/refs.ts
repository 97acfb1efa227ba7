/**
 * Cross-references (`{{< ref >}}`, `relref`, `post_url`) need every article of
 * the build, which a reader never sees: once the sources and slugs are known,
 * each article to build gets the table of the targets it names (only those,
 * so a worker is sent a few entries, not the whole archive).
 *
 * The table an article was built with is kept in its record: an article the
 * cache would skip is built again when its targets now resolve differently
 * (a target renamed, removed or added), so no stale link survives.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {ResolvedConfig} from '../config.js'
// Only the tokenizer: the build loads the Markdown parser when something must be built, not before.
import {createRefResolver, refTargets, type RefArticle} from '../readers/shortcodes/refs.js'
import {contentKey, type Plan} from './plan.js'
import type {ArticleRefs} from './record.js'

/**
 * The URL of an article's page: its HTML page beside the others (feeds, EPUB
 * and PDF make it absolute with `site.url`).
 */
const pageOf = (slug: string) => `${slug}.html`

/**
 * Give each task that cross-references other articles the URLs of its
 * targets, and turn into tasks the cached articles whose targets moved.
 *
 * @param plan
 *   The build's plan (changed in place: tasks get `refs`; cached records
 *   whose links changed become tasks).
 * @param config
 *   Resolved configuration.
 * @param environment
 *   The environment key of this build (for the content key of a record made a task again).
 */
export function linkRefs(plan: Plan, config: ResolvedConfig, environment: string): void {
  let resolve: ((targets: readonly string[]) => Record<string, string>) | undefined
  const table = (targets: string[]): ArticleRefs => {
    resolve ??= createRefResolver(refArticles(plan, config), pageOf)
    return {targets, table: resolve(targets)}
  }
  for (const task of plan.tasks) {
    let text: string
    try {
      text = readFileSync(task.source, 'utf8')
    } catch {
      continue
    }
    const targets = refTargets(text)
    if (targets.length > 0) task.refs = table(targets)
  }
  const kept = []
  for (const record of plan.cached) {
    const refs = record.refs && table(record.refs.targets)
    if (!refs || sameTable(refs.table, record.refs!.table)) {
      kept.push(record)
      continue
    }
    const source = path.resolve(record.path)
    let bytes: Buffer
    try {
      bytes = readFileSync(source)
    } catch {
      kept.push(record)
      continue
    }
    plan.tasks.push({source, display: record.path, key: contentKey(environment, record.path, bytes), refs})
    // Its record keeps the source's stat, so the next build trusts it without hashing it again.
    if (record.source) plan.read.set(record.path, record.source)
  }
  plan.cached = kept
}

/** Every article of the build as a reference may name it (a shard build knows the other shards' slugs too, see `plan.ts`). */
function refArticles(plan: Plan, config: ResolvedConfig): RefArticle[] {
  const relative = (source: string) => path.relative(config.input, path.resolve(source)).split(path.sep).join('/')
  return [...plan.slugs].map(([slug, display]) => ({slug, path: relative(display)}))
}

/** Whether two target → URL tables are the same. */
function sameTable(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key])
}
