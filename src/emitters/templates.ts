/**
 * The template engine: LiquidJS (the Jekyll/Shopify language publishers know,
 * no arbitrary JavaScript, output escaped by default). Templates are looked up
 * in the user's `templates/` folder first, then in the built-in one, so a
 * publisher overrides one file without copying the rest.
 */
import {statSync, type Stats} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {Liquid} from 'liquidjs'
import type {ResolvedConfig} from '../config.js'
import {createTranslator, type MessageValues, type Translator} from '../i18n/index.js'

/** Rendering and lookup of template files. */
export interface Templates {
  render(name: string, context: Record<string, unknown>): Promise<string>
  read(name: string): Promise<Uint8Array>
  path(name: string): string
}

/**
 * Create the template engine for a configuration. Parsed templates, and the
 * files read through it, are cached for the life of the engine.
 *
 * @param config
 *   Resolved configuration (`templates` and `builtinTemplates` folders).
 * @returns
 *   Template services.
 */
export function createTemplates(config: Pick<ResolvedConfig, 'templates' | 'builtinTemplates'>): Templates {
  const roots = [config.templates, config.builtinTemplates].filter(
    (dir, index, all) => all.indexOf(dir) === index
  )
  const engine = new Liquid({
    root: roots,
    partials: roots,
    extname: '.liquid',
    outputEscape: 'escape',
    strictFilters: true,
    cache: true,
    // `{{ x | raw }}` is the one way to print trusted HTML (the sanitized body).
    ownPropertyOnly: true
  })
  engine.registerFilter('raw', {handler: (value: unknown) => value, raw: true})
  engine.registerFilter('json_ld', {
    // JSON inside <script type="application/ld+json">: `</` must not close the element.
    handler: (value: unknown) => JSON.stringify(value, null, 2).replace(/</g, '\\u003c'),
    raw: true
  })

  // `{{ 'article.tags' | t }}`: a label in the language of the context's
  // `lang`; `{{ 'article.readingTime' | t: minutes: readingMinutes }}` gives
  // the message its values; a first plain argument names another language
  // (`{{ 'article.readOnWeb' | t: article.lang }}`).
  const translators = new Map<string, Translator>()
  engine.registerFilter('t', function (this: {context: {getSync(path: string[]): unknown}}, key: unknown, ...args: unknown[]) {
    let lang = this.context.getSync(['lang'])
    const values: MessageValues = {}
    for (const arg of args) {
      if (Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string') {
        const value: unknown = arg[1]
        values[arg[0]] = typeof value === 'number' || value instanceof Date ? value : String(value ?? '')
      } else if (typeof arg === 'string' && arg) lang = arg
    }
    const tag = typeof lang === 'string' && lang ? lang : 'en'
    let translator = translators.get(tag)
    if (!translator) {
      translator = createTranslator(config, tag)
      translators.set(tag, translator)
    }
    return translator.t(String(key), values)
  })

  const files = new Map<string, Promise<Buffer>>()

  function resolve(name: string): string {
    const found = findTemplateFile(config, name)
    if (!found) throw new Error(`Cannot find template \`${name}\` in ${roots.join(' or ')}`)
    return found.file
  }

  return {
    async render(name, context) {
      // Synchronously: no filter or tag here is async, and LiquidJS's async
      // renderer awaits every node, which costs on large indexes.
      return engine.renderFileSync(name, context)
    },
    read(name) {
      // Files, as parsed templates, are read once for the life of the engine
      // (an EPUB's stylesheet was read again for every book).
      let file = files.get(name)
      if (!file) {
        file = (async () => readFile(resolve(name)))()
        files.set(name, file)
        file.catch(() => files.delete(name))
      }
      return file
    },
    path: resolve
  }
}

/**
 * A file of the templates folders, the user's first, with its `stat`; or
 * `undefined` when neither has it.
 */
export function findTemplateFile(config: Pick<ResolvedConfig, 'templates' | 'builtinTemplates'>, name: string): {file: string; stat: Stats} | undefined {
  for (const root of [config.templates, config.builtinTemplates]) {
    const file = path.join(root, name)
    const stat = statSync(file, {throwIfNoEntry: false})
    if (stat?.isFile()) return {file, stat}
  }
  return undefined
}
