/**
 * The emit context handed to every emitter hook: configuration, the build's
 * reference time, URL helpers, the other emitters' output paths and what they
 * are, templates and a channel for problems (which keeps the catalog's
 * severity).
 */
import type {VFile} from 'vfile'
import {buildDateOf} from '../build-date.js'
import type {ResolvedConfig} from '../config.js'
import {diagnosticOf, diagnostics, report, toPlace} from '../diagnostics.js'
import {createTranslator, isEnglish, missingTranslations, type Translator} from '../i18n/index.js'
import {createTemplates, type Templates} from './templates.js'
import type {Article, EmitContext, Emitter, OutputDescription} from '../types.js'

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
  /**
   * Translators by language, shared by the contexts of one configuration
   * (a worker makes a context per article; making a translator, its number
   * format, and checking its catalogs cost about as much as a page's labels).
   * Created when absent.
   */
  translators?: Map<string, Translator>
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
  let descriptions: Map<string, OutputDescription> | undefined
  const translators = options.translators ?? new Map<string, Translator>()
  // The build's context (the one with the build's file) reports, once per
  // build, the labels each language of its articles lacks.
  if (options.buildFile) reportMissingTranslations(options.buildFile, config, options.articles)
  const context: EmitContext = {
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
    describe(label) {
      if (!descriptions) {
        descriptions = new Map()
        // The first emitter to describe a label wins, as in `outputsOf`'s order.
        for (const emitter of emitters) {
          for (const [key, description] of Object.entries(emitter.outputs ?? {})) if (!descriptions.has(key)) descriptions.set(key, description)
        }
      }
      return descriptions.get(label)
    },
    translator(lang) {
      let translator = translators.get(lang)
      if (!translator) {
        translator = createTranslator(config, lang)
        translators.set(lang, translator)
      }
      return translator
    },
    render: (name, context) => templates.render(name, context),
    readTemplateFile: (name) => templates.read(name),
    templatePath: (name) => templates.path(name),
    cacheDir: config.cache,
    // Through `warn`, the one channel: whoever wraps the context to watch
    // or silence what a hook reports (the build does) sees both.
    report(diagnostic, args, where = {}) {
      const reason = diagnostic.reason(...args)
      const options = {ruleId: diagnostic.ruleId, ...(where.article ? {article: where.article} : {}), place: where.place}
      ;(this ?? context).warn(reason, options)
    },
    warn(reason, {ruleId, article, place}) {
      const file = article?.file ?? options.buildFile
      if (!file) return
      const at = toPlace(place)
      const message = at
        ? file.message(reason, {place: at, ruleId, source: 'pressroom:emit'})
        : file.message(reason, {ruleId, source: 'pressroom:emit'})
      // A catalog rule keeps its severity whoever words it: an emitter cannot
      // turn `emitter-failed` into a warning.
      const diagnostic = diagnosticOf(ruleId)
      const severity = diagnostic?.severity ?? 'warning'
      message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
      if (diagnostic?.hint) message.note = diagnostic.hint
    }
  }
  return context
}

/**
 * Report the keys of the English catalog that the languages of the build
 * lack (`missing-translation`, one message per language and key),
 * or that a language has no catalog at all.
 */
function reportMissingTranslations(file: VFile, config: ResolvedConfig, articles: readonly Article[]): void {
  const languages = new Set([config.site.language, ...articles.map((article) => article.meta.lang)].map((lang) => lang.toLowerCase()))
  for (const lang of [...languages].sort()) {
    if (isEnglish(lang)) continue
    const missing = missingTranslations(config, lang)
    if (missing === undefined) report(file, diagnostics.missingTranslation, [lang, []], {source: 'pressroom:i18n'})
    else for (const key of missing) report(file, diagnostics.missingTranslation, [lang, [key]], {source: 'pressroom:i18n'})
  }
}
