/**
 * Configuration: `defineConfig` (an identity helper for typing, as Vite and
 * Astro), the schema that validates it, and `loadConfig`, which finds
 * `pressroom.config.{ts,mts,js,mjs,json}` and resolves defaults.
 */
import {existsSync} from 'node:fs'
import {readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {closest, distance} from 'fastest-levenshtein'
import * as z from 'zod'
import {builtinsSchema, mergeBuiltins} from './emitters/builtins.js'
import {canonicalLanguage} from './locale.js'
import {runtimeImport} from './runtime-import.js'
import type {ShortcodeHandler} from './shortcode-types.js'
import type {Emitter, ResolvedConfig, SiteConfig, UserConfig} from './types.js'

export type {BuiltinOptions} from './emitters/builtins.js'
export type {ResolvedConfig, SiteConfig, UserConfig} from './types.js'

/**
 * Type a configuration. Returns its argument unchanged.
 *
 * @param config
 *   Configuration.
 * @returns
 *   The same configuration.
 */
export function defineConfig(config: UserConfig): UserConfig {
  return config
}

const emitterSchema = z.custom<Emitter>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as {name?: unknown}).name === 'string',
  {message: 'expected an emitter object with a `name` (call the factory: `myEmitter()`)'}
)

/** A BCP 47 language tag (`en`, `pt-BR`, `ckb`; `en_US` is read as `en-US`), canonicalized by {@link resolveConfig}. */
const languageTag = z.string().refine((tag) => canonicalLanguage(tag) !== undefined, 'expected a BCP 47 language tag such as `en`, `pt-BR` or `ckb`')

const configSchema = z.strictObject({
  site: z
    .strictObject({
      title: z.string().min(1).optional(),
      url: z.url({protocol: /^https?$/}).optional(),
      description: z.string().optional(),
      language: languageTag.optional(),
      author: z.string().optional(),
      publisher: z.string().optional(),
      copyright: z.string().optional(),
      icon: z.string().optional(),
      favicon: z.string().optional(),
      logo: z.string().optional(),
      hub: z.url().optional()
    })
    .optional(),
  input: z.string().min(1).optional(),
  output: z.string().min(1).optional(),
  templates: z.string().min(1).optional(),
  images: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
  builtins: builtinsSchema.optional(),
  emitters: z.array(emitterSchema).optional(),
  include: z.array(z.string()).optional(),
  exclude: z.array(z.string()).optional(),
  drafts: z.boolean().optional(),
  languages: z.record(z.string().min(1), languageTag).optional(),
  cache: z.string().min(1).optional(),
  shortcodes: z.record(z.string(), z.custom<ShortcodeHandler>((value) => typeof value === 'function', {message: 'expected a function `(args, body, ctx) => …`'})).optional()
})

/** A configuration problem: the CLI exits with code 2. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/**
 * Folder of the installed package (holds `templates/` and `package.json`): the
 * nearest folder up from this module with a `package.json`, whether it runs
 * from `src/`, `dist/` or the bundled command line in `dist/bundle/`.
 */
export const packageRoot = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)))

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir
    if (path.dirname(dir) === dir) return path.resolve(from, '..')
  }
}

/** The `site.url` used when none is configured (the build warns: `missing-site-url`). */
export const placeholderSiteUrl = 'https://example.com/'

/** The configuration files `loadConfig` looks for, in this order. */
export const configNames = [
  'pressroom.config.ts',
  'pressroom.config.mts',
  'pressroom.config.js',
  'pressroom.config.mjs',
  'pressroom.config.json'
]

/**
 * Find, load and resolve the configuration.
 *
 * @param options
 *   `root` (default: cwd), an explicit `configFile`, and `overrides` applied
 *   on top (CLI flags).
 * @returns
 *   Resolved configuration.
 * @throws {ConfigError}
 *   When the file cannot be loaded or is invalid.
 */
export async function loadConfig(
  options: {root?: string; configFile?: string; overrides?: UserConfig} = {}
): Promise<ResolvedConfig> {
  const root = path.resolve(options.root ?? process.cwd())
  let file = options.configFile ? path.resolve(root, options.configFile) : undefined
  if (file && !existsSync(file)) throw new ConfigError(`Cannot find config file \`${file}\``)
  if (!file) file = configNames.map((name) => path.join(root, name)).find((p) => existsSync(p))
  let user: unknown = {}
  if (file) user = await importConfig(file)
  return resolveConfig(mergeUser(user as UserConfig, options.overrides ?? {}), root, file)
}

async function importConfig(file: string): Promise<unknown> {
  try {
    if (file.endsWith('.json')) return JSON.parse(await readFile(file, 'utf8'))
    return unwrapDefault((await importBundled(file)).default)
  } catch (error) {
    throw new ConfigError(`Cannot load config file \`${file}\`: ${(error as Error).message}`, {cause: error})
  }
}

/** Where a configuration bundled by the command line finds Pressroom's API (see {@link provideApi}). */
const apiKey = Symbol.for('pressroom.api')
let apiProvider: (() => Promise<Record<string, unknown>>) | undefined

/**
 * Let configurations that `import … from 'pressroom'` use the API already
 * loaded in this process (the command line's bundle) instead of loading the
 * library's ~300 modules a second time.
 *
 * @param provider
 *   Gives the module namespace of Pressroom's public API.
 */
export function provideApi(provider: () => Promise<Record<string, unknown>>): void {
  apiProvider = provider
}

/**
 * Load a JavaScript or TypeScript configuration as Vite loads its own: esbuild
 * bundles the file with its local imports (packages stay imports, `pressroom`
 * the API of this process when there is one), the result is written beside
 * the file, so that it resolves packages and relative paths as the file does,
 * imported once and removed. (tsx, used before, ran every module the
 * configuration imports through its loader thread, which was slow.)
 */
async function importBundled(file: string): Promise<{default?: unknown}> {
  const esbuild = await runtimeImport<typeof import('esbuild')>('esbuild')
  const provider = apiProvider
  const shared: import('esbuild').Plugin = {
    name: 'pressroom-api',
    setup(build) {
      if (!provider) return
      build.onResolve({filter: /^pressroom$/}, () => ({path: 'pressroom', namespace: 'pressroom-api'}))
      build.onLoad({filter: /.*/, namespace: 'pressroom-api'}, async () => {
        const api = await provider()
        ;(globalThis as Record<symbol, unknown>)[apiKey] = api
        const names = Object.keys(api).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default')
        return {contents: `const api = globalThis[Symbol.for('pressroom.api')];\n${names.map((name) => `export const ${name} = api.${name};`).join('\n')}\n`, loader: 'js'}
      })
    }
  }
  const result = await esbuild.build({
    entryPoints: [file],
    absWorkingDir: path.dirname(file),
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'silent',
    plugins: [shared]
  })
  const code = result.outputFiles[0]?.text ?? ''
  const temp = `${file}.timestamp-${Date.now()}-${Math.random().toString(36).slice(2)}.mjs`
  await writeFile(temp, code)
  try {
    return await runtimeImport<{default?: unknown}>(pathToFileURL(temp).href)
  } finally {
    await rm(temp, {force: true})
  }
}

/** A TypeScript config compiled to CommonJS nests `export default` once more. */
function unwrapDefault(value: unknown): unknown {
  let current = value
  while (
    current && typeof current === 'object' && 'default' in current &&
    Object.keys(current).every((key) => key === 'default' || key === '__esModule')
  ) {
    current = (current as {default: unknown}).default
  }
  return current ?? {}
}

/**
 * The problems to show for a failed parse. A union (`false` or the options
 * of a built-in) that fails as a whole names no key: show the problems of
 * the member the value was meant for (the one that did not fail on its kind),
 * so that `builtins.pdf.pageSize: …` names the key.
 */
function problemsOf(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): Array<{path: PropertyKey[]; message: string}> {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path]
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const meant = issue.errors.filter(
        (errors) => !errors.every((inner) => (inner.code === 'invalid_type' || inner.code === 'invalid_value') && inner.path.length === 0)
      )
      if (meant.length === 1) return problemsOf(meant[0]!, path)
    }
    if (issue.code === 'unrecognized_keys') {
      // As Vite and Astro do: name each unknown key and the known one it is closest to.
      const known = keysAt(configSchema, path)
      return issue.keys.map((key) => {
        const near = known.length > 0 ? closest(key, known) : undefined
        const hint = near && distance(key, near) <= Math.max(2, Math.floor(near.length / 3)) ? `; did you mean \`${near}\`?` : known.length > 0 ? `; expected one of ${known.map((name) => `\`${name}\``).join(', ')}` : ''
        return {path: [...path, key], message: `Unknown key${hint}`}
      })
    }
    return [{path, message: issue.message}]
  })
}

/**
 * The keys an object schema allows at a path of the configuration (through
 * optional wrappers and the `false | options` unions of `builtins`).
 */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema
  for (const segment of [...path, undefined]) {
    current = objectOf(current)
    if (!current) return []
    if (segment === undefined) return Object.keys((current as z.ZodObject).shape)
    current = (current as z.ZodObject).shape[String(segment)] as z.ZodType | undefined
  }
  return []
}

/** The object schema inside optional and union wrappers, if there is one. */
function objectOf(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema
  for (let depth = 0; current && depth < 8; depth++) {
    if (current instanceof z.ZodObject) return current
    if (current instanceof z.ZodUnion) current = (current.options as z.ZodType[]).find((option) => objectOf(option) !== undefined)
    else if ('unwrap' in current && typeof current.unwrap === 'function') current = (current as z.ZodOptional<z.ZodType>).unwrap()
    else return undefined
  }
  return undefined
}

function mergeUser(base: UserConfig, overrides: UserConfig): UserConfig {
  const merged: UserConfig = {...base, ...overrides}
  if (base.site || overrides.site) merged.site = {...base.site, ...overrides.site}
  if (base.builtins || overrides.builtins) merged.builtins = mergeBuiltins(base.builtins ?? {}, overrides.builtins ?? {})
  return merged
}

/**
 * Validate a user configuration and fill in defaults.
 *
 * @param user
 *   Configuration as written.
 * @param root
 *   Folder relative paths are resolved against.
 * @param configFile
 *   Where it came from (optional, for messages).
 * @returns
 *   Resolved configuration.
 */
export function resolveConfig(user: UserConfig, root: string, configFile?: string): ResolvedConfig {
  const parsed = configSchema.safeParse(user)
  if (!parsed.success) {
    const where = configFile ? path.relative(process.cwd(), configFile) || configFile : 'config'
    const lines = problemsOf(parsed.error.issues).map((issue) => `${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
    throw new ConfigError(lines.join('\n'))
  }
  const value = parsed.data
  let url = value.site?.url ?? placeholderSiteUrl
  if (!url.endsWith('/')) url += '/'
  const site: SiteConfig = {
    title: value.site?.title ?? 'Pressroom',
    url,
    description: value.site?.description ?? '',
    language: canonicalLanguage(value.site?.language ?? 'en')!,
    author: value.site?.author ?? value.site?.title ?? 'Pressroom',
    publisher: value.site?.publisher ?? value.site?.title ?? 'Pressroom'
  }
  for (const key of ['copyright', 'icon', 'favicon', 'logo', 'hub'] as const) {
    const v = value.site?.[key]
    if (v !== undefined) site[key] = v
  }
  const resolved: ResolvedConfig = {
    site,
    root,
    input: path.resolve(root, value.input ?? 'input'),
    output: path.resolve(root, value.output ?? 'output'),
    images: (typeof value.images === 'string' ? [value.images] : value.images ?? []).map((folder) => path.resolve(root, folder)),
    templates: path.resolve(root, value.templates ?? 'templates'),
    builtinTemplates: path.join(packageRoot, 'templates'),
    builtins: value.builtins ?? {},
    emitters: value.emitters ?? [],
    include: value.include ?? ['**/*.md', '**/*.txt'],
    exclude: value.exclude ?? ['**/README.md', '**/node_modules/**', '**/.*/**'],
    drafts: value.drafts ?? false,
    cache: path.resolve(root, value.cache ?? '.pressroom-cache'),
    user
  }
  if (configFile) resolved.configFile = configFile
  if (value.shortcodes) resolved.shortcodes = value.shortcodes
  if (value.languages) resolved.languages = Object.fromEntries(Object.entries(value.languages).map(([glob, lang]) => [glob, canonicalLanguage(lang)!]))
  return resolved
}
