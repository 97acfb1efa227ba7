/**
 * The emit context handed to every emitter hook: configuration, the build's
 * reference time, URL helpers, the other emitters' output paths, templates and
 * a warning channel.
 */
import type {VFile} from 'vfile'
import {buildDateOf} from '../build-date.js'
import type {ResolvedConfig} from '../config.js'
import {toPlace} from '../diagnostics.js'
import {createTemplates, type Templates} from './templates.js'
import type {Article, EmitContext, Emitter} from '../types.js'

/**
 * Join an output-root-relative path (or any URL reference) onto the site URL.
 * Absolute URLs are returned unchanged.
 *
 * @param base
 *   Site URL, ending in `/`.
 * @param reference
 *   Path such as `pdf/x.pdf`, `/about/` or `#top`.
 * @returns
 *   Absolute URL, or the reference itself when it cannot be resolved.
 */
export function absoluteUrl(base: string, reference: string): string {
  try {
    return new URL(reference, base).href
  } catch {
    return reference
  }
}

/** Options of {@link createEmitContext}. */
export interface EmitContextOptions {
  config: ResolvedConfig
  emitters: readonly Emitter[]
  articles: readonly Article[]
  /** Shared template engine (created when absent). */
  templates?: Templates
  /** Where build-level warnings go (default: dropped). */
  buildFile?: VFile
}

/**
 * Create the context emitters receive.
 *
 * @param options
 *   Configuration, active emitters and the build's articles.
 * @returns
 *   Emit context.
 */
export function createEmitContext(options: EmitContextOptions): EmitContext {
  const {config, emitters} = options
  const templates = options.templates ?? createTemplates(config)
  const buildDate = buildDateOf(options.articles)
  return {
    config,
    buildDate,
    url: (reference) => absoluteUrl(config.site.url, reference),
    outputsOf(article) {
      const all: Record<string, string> = {}
      for (const emitter of emitters) Object.assign(all, emitter.paths?.(article, config))
      return all
    },
    collectionOutputs() {
      const all: Record<string, string> = {}
      for (const emitter of emitters) Object.assign(all, emitter.collectionPaths?.(config))
      return all
    },
    render: (name, context) => templates.render(name, context),
    readTemplateFile: (name) => templates.read(name),
    templatePath: (name) => templates.path(name),
    cacheDir: config.cache,
    warn(reason, {ruleId, article, place}) {
      const file = article?.file ?? options.buildFile
      if (!file) return
      const where = toPlace(place)
      const message = where
        ? file.message(reason, {place: where, ruleId, source: 'pressroom:emit'})
        : file.message(reason, {ruleId, source: 'pressroom:emit'})
      message.fatal = false
    }
  }
}
