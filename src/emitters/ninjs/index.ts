/**
 * The ninjs emitter: each article as an IPTC ninjs 3.1 news item
 * (`ninjs/<slug>.json`) and the latest ones listed in `ninjs/index.json` — the
 * JSON format news agencies and their syndication partners exchange.
 *
 * The item is built in `./document.ts`; here are the files and the options.
 */
import type {Article, Emitter} from '../../types.js'
import {articleKeys} from '../collection-key.js'
import {toNinjs, toNinjsIndex} from './document.js'
import {ninjsOptions, type NinjsOptions} from './options.js'

export type {NinjsOptions} from './options.js'
export type {NinjsItem} from './document.js'

/** Path of the index. */
const indexPath = 'ninjs/index.json'

/**
 * Create the ninjs emitter.
 *
 * @param options
 *   Index size and plain-text measure (optional).
 * @returns
 *   Emitter.
 * @throws {TypeError}
 *   When an option has the wrong type.
 */
export function ninjsEmitter(options: NinjsOptions = {}): Emitter {
  const parsed = ninjsOptions.safeParse(options)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new TypeError(`Expected valid options in \`ninjsEmitter\`: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}`)
  }
  const limit = parsed.data.limit ?? 20
  const width = parsed.data.width ?? 72
  return {
    name: 'ninjs',
    outputs: {
      ninjs: {name: 'IPTC ninjs', mediaType: 'application/json', data: true},
      'ninjs-index': {name: 'IPTC ninjs (latest)', mediaType: 'application/json', data: true}
    },
    paths: (article) => ({ninjs: articlePath(article)}),
    collectionPaths: () => ({'ninjs-index': indexPath}),
    // The index reads the latest `limit` articles (their metadata only, but
    // their keys stand for it).
    collectionKey: (articles) => articleKeys(articles.slice(0, limit)),
    article(article, ctx) {
      return [{path: articlePath(article), contents: json(toNinjs(article, ctx, {width}))}]
    },
    collection(articles, ctx) {
      return [{path: indexPath, contents: json(toNinjsIndex(articles.slice(0, limit), ctx, articlePath))}]
    }
  }
}

function articlePath(article: Article): string {
  return `ninjs/${article.meta.slug}.json`
}

/** JSON as written: two-space indent, one final line feed. */
function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n'
}
