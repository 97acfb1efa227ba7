/**
 * Cross-references between articles (`{{< ref "x.md" >}}`, `relref`,
 * Jekyll's `{% post_url 2015-01-06-name %}`). A reader sees one article, so
 * the build, which knows all of them, resolves the targets an article names
 * (`refTargets`, `resolveRefs`) and hands the article that table.
 */
import {tokenize} from './tokenize.js'

const refNames = new Set(['ref', 'relref', 'post_url', 'link', 'tmp', 'featured-resource', 'liquid-url'])

/**
 * The target a site path names: a Jekyll permalink `/2014/05/29/name/` is the
 * post `2014-05-29-name`; other paths are looked up as they are.
 *
 * @param sitePath
 *   Path as written.
 * @returns
 *   Target to look up.
 */
export function permalinkTarget(sitePath: string): string {
  const post = /^\/?(\d{4})\/(\d{2})\/(\d{2})\/([^/#?]+)\/?$/.exec(sitePath.split('#')[0]!)
  return post ? `${post[1]}-${post[2]}-${post[3]}-${post[4]}` : sitePath
}

/**
 * The targets (path part, without `#anchor`) the cross-references of a text name.
 *
 * @param text
 *   Markdown source.
 * @returns
 *   Targets as written, each once.
 */
export function refTargets(text: string): string[] {
  if (!/\bref\b|relref|post_url|\blink\b|\btmp\b|featured-resource|\|\s*url/.test(text)) return []
  const found = new Set<string>()
  for (const tag of tokenize(text).tags) {
    if (tag.closing || !refNames.has(tag.name)) continue
    const written = /^\s*(?:(?:path|link)\s*=\s*)?["'`]?([^"'`\s#]*)/.exec(tag.args)?.[1]
    const target = written && tag.name === 'liquid-url' ? permalinkTarget(written) : written
    if (target) found.add(target)
  }
  return [...found]
}

/** An article a reference may name. */
export interface RefArticle {
  /** Source path relative to the input folder, POSIX. */
  path: string
  slug: string
}

/**
 * Resolve targets against the articles of a build: by source path (with or
 * without extension and leading `/`), by path suffix (Hugo's
 * `section/name.md`), by file name (with or without a `YYYY-MM-DD-` date) and
 * by slug.
 *
 * @param targets
 *   Targets as written.
 * @param articles
 *   Articles of the build.
 * @param urlOf
 *   URL of an article's page, by slug.
 * @returns
 *   Target → URL, for the targets found.
 */
export function resolveRefs(targets: readonly string[], articles: readonly RefArticle[], urlOf: (slug: string) => string): Record<string, string> {
  return createRefResolver(articles, urlOf)(targets)
}

/**
 * Index the articles of a build once for {@link resolveRefs}: a build resolves
 * the references of many articles against the same table.
 *
 * @param articles
 *   Articles of the build.
 * @param urlOf
 *   URL of an article's page, by slug.
 * @returns
 *   Targets → (target → URL, for the targets found).
 */
export function createRefResolver(articles: readonly RefArticle[], urlOf: (slug: string) => string): (targets: readonly string[]) => Record<string, string> {
  const exact = new Map<string, string>()
  const bySuffix = new Map<string, string>()
  const byName = new Map<string, string>()
  const add = (map: Map<string, string>, key: string, slug: string) => {
    if (key && !map.has(key)) map.set(key, slug)
  }
  for (const article of articles) {
    const stem = article.path.replace(/\.[^./]+$/, '').toLowerCase()
    add(exact, stem, article.slug)
    for (let slash = stem.indexOf('/'); slash !== -1; slash = stem.indexOf('/', slash + 1)) add(bySuffix, stem.slice(slash + 1), article.slug)
    const name = stem.slice(stem.lastIndexOf('/') + 1)
    add(byName, name, article.slug)
    add(byName, name.replace(/^\d{4}-\d{2}-\d{2}-/, ''), article.slug)
    add(byName, article.slug.toLowerCase(), article.slug)
  }
  return (targets) => {
    const table: Record<string, string> = {}
    for (const target of targets) {
      const key = target.toLowerCase().replace(/^\.?\/+/, '').replace(/\/(index|_index)(\.[a-z]+)?$/, '').replace(/\/+$/, '').replace(/\.(md|markdown|html?)$/, '')
      if (!key) continue
      const name = key.slice(key.lastIndexOf('/') + 1)
      const slug = exact.get(key) ?? bySuffix.get(key) ?? byName.get(name) ?? byName.get(name.replace(/^\d{4}-\d{2}-\d{2}-/, ''))
      if (slug) table[target] = urlOf(slug)
    }
    return table
  }
}
