/**
 * `pressroom init [dir]`: a site that builds at once — a typed
 * `pressroom.config.ts` listing every option with a comment, one Markdown
 * and one wire-copy example in `input/`, and a `.gitignore` — written only
 * when none of these files exists (nothing is ever overwritten).
 */
import {existsSync} from 'node:fs'
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {configNames} from '../config.js'
import {canonicalLanguage} from '../locale.js'
import {markdownExample, wireExample} from './examples.js'

/** What `init` fills in; each unset one stays a marked placeholder. */
export interface InitOptions {
  title?: string | undefined
  url?: string | undefined
  lang?: string | undefined
  author?: string | undefined
}

/** A refused `init`: the files that exist (exit code 2). */
export class InitConflictError extends Error {
  override name = 'InitConflictError'
  constructor(readonly files: string[]) {
    super(`Refused to overwrite ${files.map((file) => `\`${file}\``).join(', ')}; nothing was written: remove ${files.length === 1 ? 'it' : 'them'} or run \`pressroom init\` in an empty folder`)
  }
}

/** A flag `init` cannot use (exit code 2). */
export class InitUsageError extends Error {
  override name = 'InitUsageError'
}

/**
 * The files of a new site, by path relative to its folder.
 *
 * @param options
 *   Title, URL, language, author (optional).
 * @returns
 *   Path → contents.
 * @throws {InitUsageError}
 *   For a URL that is not http(s) or a malformed language tag.
 */
export function siteFiles(options: InitOptions = {}): Record<string, string> {
  if (options.url !== undefined) {
    let url: URL | undefined
    try {
      url = new URL(options.url)
    } catch {
      url = undefined
    }
    if (!url || !/^https?:$/.test(url.protocol)) throw new InitUsageError(`Expected \`--url\` to be an http(s) URL such as \`https://news.example.org/\`, not \`${options.url}\``)
  }
  // A tag the configuration accepts (`Intl` reads it), with a language code of two or three letters.
  if (options.lang !== undefined && (!/^[A-Za-z]{2,3}([-_][A-Za-z\d]{2,8})*$/.test(options.lang) || canonicalLanguage(options.lang) === undefined)) {
    throw new InitUsageError(`Expected \`--lang\` to be a language tag such as \`en\` or \`pt-BR\`, not \`${options.lang}\``)
  }
  for (const key of ['title', 'author'] as const) {
    if (options[key] !== undefined && options[key]!.trim() === '') throw new InitUsageError(`Expected a non-empty \`--${key}\``)
  }
  return {
    'pressroom.config.ts': configText(options),
    'input/welcome.md': markdownExample(options.author),
    'input/harbor-light.txt': wireExample(),
    '.gitignore': '# Written by `pressroom build`: rebuilt from input/ at any time.\n/output/\n/.pressroom-cache/\nnode_modules/\n'
  }
}

/**
 * Write a new site into `dir`, refusing when any of its files exists.
 *
 * @param dir
 *   Folder of the site (made when missing).
 * @param options
 *   Title, URL, language, author.
 * @returns
 *   The paths written, relative to `dir`.
 * @throws {InitConflictError}
 *   Naming every file that exists; nothing is written then.
 */
export async function initSite(dir: string, options: InitOptions = {}): Promise<string[]> {
  const files = siteFiles(options)
  // Another configuration file would be read instead of (or before) ours.
  const existing = [...new Set([...configNames, ...Object.keys(files)])].filter((name) => existsSync(path.join(dir, name)))
  if (existing.length > 0) throw new InitConflictError(existing.map((name) => path.join(path.relative(process.cwd(), dir), name)))
  for (const [name, contents] of Object.entries(files)) {
    const target = path.join(dir, name)
    await mkdir(path.dirname(target), {recursive: true})
    // `wx`: a file that appeared since the check is still not overwritten.
    await writeFile(target, contents, {flag: 'wx'})
  }
  return Object.keys(files)
}

/** A TypeScript string literal. */
function literal(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

/**
 * The configuration file: every option, the unset ones commented out with
 * their defaults, placeholders marked `TODO`.
 */
function configText(options: InitOptions): string {
  const title = options.title === undefined
    ? `title: 'My Publication', // TODO: the name of your publication (\`pressroom init --title\`)`
    : `title: ${literal(options.title)},`
  const url = options.url === undefined
    ? `// TODO: the address the site is published at, ending in \`/\`. Until it is\n    // set, every build warns (missing-site-url) and links point at https://example.com/.\n    // url: 'https://news.example.org/',`
    : `url: ${literal(options.url.endsWith('/') ? options.url : `${options.url}/`)},`
  const language = `language: ${literal(options.lang === undefined ? 'en' : canonicalLanguage(options.lang)!)},${options.lang === undefined ? ' // TODO: the language most articles are written in (`--lang`)' : ''}`
  const author = options.author === undefined
    ? `// author: 'Newsroom', // TODO: default byline and feed author (default: \`title\`; \`--author\`)`
    : `author: ${literal(options.author)},`
  return `/**
 * Pressroom configuration, read by \`npx pressroom build\` and \`watch\`.
 * Every option is listed: those commented out show their default. Relative
 * paths are resolved from the folder you run \`pressroom\` in.
 */
import {defineConfig} from 'pressroom'

export default defineConfig({
  site: {
    // Name of the publication: page titles, feeds, the newsletter's subject.
    ${title}
    // Public address of the site: feeds, canonical links, Open Graph, JSON-LD
    // and sitemaps are absolute URLs on it.
    ${url}
    // BCP 47 tag of the articles' language (an article's front matter \`lang\` wins).
    ${language}
    // Default byline and feed author.
    ${author}
    // Publisher in JSON-LD, EPUB and ninjs (default: \`title\`).
    // publisher: 'Newsroom',
    // One sentence about the site: index page, feeds (default: none).
    // description: '',
    // Copyright line of feeds and the EPUB (default: none).
    // copyright: '© Newsroom',
    // Icon and logo URLs for feeds and JSON-LD (default: none).
    // icon: 'https://news.example.org/icon.png',
    // logo: 'https://news.example.org/logo.png',
    // WebSub hub that \`pressroom build --ping\` notifies (default: none).
    // hub: 'https://pubsubhubbub.appspot.com/'
  },

  // Folder of articles: Markdown (.md) and plain-text wire copy (.txt).
  // input: 'input',
  // Folder written by the build (never put it inside \`input\`).
  // output: 'output',
  // Your templates, used before the built-in ones (\`pressroom templates eject\` copies them here).
  // templates: 'templates',
  // Incremental build cache.
  // cache: '.pressroom-cache',
  // Which files of \`input\` are articles, and which are not.
  // include: ['**/*.md', '**/*.txt'],
  // exclude: ['**/README.md', '**/node_modules/**', '**/.*/**'],
  // Build articles with \`draft: true\` too.
  // drafts: false,

  // Built-in formats: \`false\` turns one off, an object sets its options.
  builtins: {
    // html: {template: 'default.html.liquid', indexTemplate: 'default.index.html.liquid', indexLimit: undefined},
    // pdf: {pageSize: 'A4', compress: true, theme: {}},
    // epub: {editionSize: 10},
    // feeds: {limit: 20, perTag: false},
    // ninjs: {limit: 20, width: 72},
    // sitemaps: {news: true, robots: true},
    newsletter: {
      // TODO: your mail sender's one-click unsubscribe link (https only, RFC 8058).
      // Without it the edition's List-Unsubscribe is the placeholder
      // %UNSUBSCRIBE_URL% for your sender's merge tag, and every build warns.
      // unsubscribeUrl: 'https://news.example.org/unsubscribe',
      // unsubscribeMailto: 'mailto:unsubscribe@news.example.org',
      // limit: 10, width: 72, since: '2025-01-01',
      // from: 'Newsroom <newsletter@news.example.org>', to: 'subscribers@news.example.org'
    }
  }

  // Your own emitters (objects made by a factory) and shortcode handlers:
  // emitters: [],
  // shortcodes: {}
})
`
}
