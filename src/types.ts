/**
 * The one model every reader produces and every emitter consumes — Pressroom's
 * equivalent of pandoc-types' `Definition.hs`.
 *
 * Readers (`src/readers/*`) turn bytes into an {@link Article}; emitters
 * (`src/emitters/*`) turn articles into files. Emitters never see the source
 * text and never parse again: they read `article.meta`, `article.hast`
 * (sanitized, normalized HTML tree) and, if they must, `article.mdast`.
 */
import type {Root as HastRoot} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import type {VFile} from 'vfile'
import type {BuiltinOptions} from './emitters/builtins.js'
import type {ShortcodeHandler} from './shortcode-types.js'
import type {Diagnostic} from './diagnostics.js'
import type {Translator} from './i18n/index.js'

/** Which reader produced an article (see the registry in `readers/index.ts`). */
export type ArticleFormat = 'markdown' | 'wire'

/** Text direction of an article. */
export type Direction = 'ltr' | 'rtl'

/** A local file an article refers to (lead image or body image). */
export interface Asset {
  /** Absolute path of the source file on disk. */
  source: string
  /** Path of the copy inside the output folder, POSIX, e.g. `assets/3f2a9c1e-map.png`. */
  output: string
  /** IANA media type, e.g. `image/png`. */
  mediaType: string
  /** Size in bytes. */
  size: number
  /** Intrinsic size in pixels, when the format tells it (PNG, JPEG, GIF, SVG with width/height). */
  width?: number
  height?: number
}

/** The lead (hero) image of an article. */
export interface LeadImage {
  /**
   * Where the image is, as an output-root-relative path (`assets/…`) for a
   * local file, or an absolute `http(s)` URL for a remote one. Absent when the
   * source gives only a caption (wire copy often does).
   */
  src?: string
  /** Alternative text; falls back to the caption. */
  alt: string
  caption?: string
  /** Photographer or agency, e.g. `AFP`. */
  credit?: string
  /** The local file, when `src` names one that exists. */
  asset?: Asset
}

/** A photo known only by its caption and credit (see `ArticleMeta.photos`). */
export interface CaptionedPhoto {
  caption?: string
  credit?: string
}

/** A dateline such as `ERBIL (Kurdistan24) –`. */
export interface Dateline {
  /** The place, as written, e.g. `ERBIL`. */
  place: string
  /** The agency in parentheses, e.g. `Kurdistan24`. */
  agency?: string
  /** The dateline as it is displayed, e.g. `ERBIL (Kurdistan24) –`. */
  text: string
  /** The date the dateline gives (`Washington, D.C., June 4, 2007 -`), ISO 8601. */
  date?: string
}

/** A media contact of a press release: its lines as written, and what was read from them. */
export interface Contact {
  /** The contact's lines as written (name, title, phone, e-mail). */
  lines: string[]
  name?: string
  emails: string[]
  phones: string[]
}

/** What a release's header block says about it (`FOR IMMEDIATE RELEASE`, `RELEASE: 07-44`, `Press Statement`). */
export interface ReleaseInfo {
  /** The header's lines as written, in order (shown above the headline). */
  lines: string[]
  /** Release number: `07-44` of `RELEASE: 07-44`. */
  number?: string
  /** Document type: `Press Statement`, `Readout`, `Media Advisory`. */
  documentType?: string
  /** Issuer: `Office of the Press Secretary`. */
  issuer?: string
}

/** Validated, typed metadata of an article. Dates are ISO 8601 strings (UTC). */
export interface ArticleMeta {
  title: string
  /** Safe, unique file-name stem: `[\p{L}\p{N}-]`, never `/`, `..` or control characters. */
  slug: string
  /** Publication date, ISO 8601. */
  date: string
  /** Last update, ISO 8601. */
  updated?: string
  /** Display names of the authors (may be empty). */
  authors: string[]
  /** Standfirst / deck / summary, plain text. */
  description?: string
  tags: string[]
  /** BCP 47 language tag. */
  lang: string
  dir: Direction
  image?: LeadImage
  /**
   * Photos the copy captions in its body but does not supply (wire copy's
   * `Crews at work. (AP Photo)` between paragraphs): caption and credit only.
   * No format draws them (no figure without its image); ninjs lists them as
   * associations, and the feeds carry the first when there is no lead image.
   */
  photos?: CaptionedPhoto[]
  dateline?: Dateline
  /** Media contacts of a press release (shown after the article, never in summaries). */
  contacts?: Contact[]
  /** What a press release's header block says (never in the standfirst or descriptions). */
  release?: ReleaseInfo
  /** Canonical URL of the article if it lives elsewhere first (cross-posts, wire source). */
  canonical?: string
  draft: boolean
}

/** Figures computed once during normalization. */
export interface ArticleStats {
  /** Words in the body (Unicode word segmentation). */
  words: number
  /** Estimated reading time in whole minutes (at least 1). */
  readingMinutes: number
}

/** A heading of the body, for tables of contents. */
export interface TocEntry {
  depth: number
  id: string
  text: string
}

/**
 * One normalized article. Produced once per source file; shared read-only by
 * all emitters.
 */
export interface Article {
  meta: ArticleMeta
  /** The Markdown tree (front matter removed, dateline split, headings levelled). */
  mdast: MdastRoot
  /**
   * The body as a sanitized HTML tree, derived from `mdast` once. URLs of
   * local assets are output-root-relative (`assets/…`); other relative URLs
   * are as the author wrote them (resolve them with `absoluteUrl`).
   */
  hast: HastRoot
  /** The source file with all messages about this article. `file.path` is relative to the cwd. */
  file: VFile
  /** Body outline (h2–h4). */
  toc: TocEntry[]
  /** First paragraph(s) of the body, plain text, at most ~300 characters. */
  excerpt: string
  stats: ArticleStats
  /** Local files referenced by the article (lead image first), to copy into the output. */
  assets: Asset[]
  /** Which reader produced the article. */
  format: ArticleFormat
  /**
   * Content key, set by the build: a hash of the source bytes and path, the
   * configuration, templates, emitters and Pressroom's version. Articles with
   * the same key have the same metadata and trees (see `collectionKey`).
   */
  key?: string
}

/** A file an emitter wants written, relative to the output folder (POSIX separators). */
export interface OutputFile {
  path: string
  /** Text (written as UTF-8) or bytes. */
  contents: string | Uint8Array
}

/** What an output is, as the emitter that writes it says: lets other formats link to it without knowing that emitter. */
export interface OutputDescription {
  /** Human name, e.g. `PDF` or `EPUB e-book`. */
  name: string
  /** IANA media type, e.g. `application/pdf`. */
  mediaType: string
  /** A feed of the site's articles, which pages announce to feed readers (`<link rel="alternate">`). */
  feed?: boolean
  /**
   * Data for machines (partners' systems, search engines), not a format a
   * reader opens: pages do not offer it among the article's formats.
   */
  data?: boolean
}

/** Where a reported problem is. */
export interface ReportPlace {
  /** The article it is about (default: the build). */
  article?: Article | undefined
  /** Node, position or point in the article. */
  place?: unknown
}

export type {Translator}

/** Information and services handed to every emitter hook. */
export interface EmitContext {
  config: ResolvedConfig
  /**
   * The build's reference time: `SOURCE_DATE_EPOCH` when set, otherwise the
   * newest article's date. Never the wall clock, so builds are reproducible.
   */
  buildDate: Date
  /** Absolute URL of an output-root-relative path, using `config.site.url`. */
  url(path: string): string
  /**
   * Per-article output paths of every active emitter, merged `paths()` maps,
   * e.g. `{html: 'iraq-security.html', pdf: 'pdf/iraq-security.pdf'}`.
   * Lets one format link to the others.
   */
  outputsOf(article: Article): Record<string, string>
  /** Collection outputs of every active emitter, merged `collectionPaths()` maps. */
  collectionOutputs(): Record<string, string>
  /** What the output with this label is, as its emitter describes it (`Emitter.outputs`). */
  describe(label: string): OutputDescription | undefined
  /**
   * The labels of a language (`templates/i18n/<lang>.json`, the publisher's
   * keys over the shipped ones, English for a missing key): an article's
   * hooks use the article's language, collections the site's.
   */
  translator(lang: string): Translator
  /** Render a template from `templates/` (LiquidJS); templates translate with the `t` filter. */
  render(template: string, context: Record<string, unknown>): Promise<string>
  /** Read a file from the templates folder (for CSS, fonts, themes). */
  readTemplateFile(name: string): Promise<Uint8Array>
  /** Absolute path of a file in the templates folder (user folder first, then the built-in one). */
  templatePath(name: string): string
  /**
   * A folder the build owns where an emitter may keep data across builds
   * (in a subfolder starting with its name, e.g. `pdf-shaping/`), such as a
   * cache held in the factory's closure. Only time may depend on it, never
   * the bytes of an output: it can be emptied at any time.
   */
  cacheDir: string
  /**
   * Report a catalog diagnostic (`diagnostics` of `pressroom`) about an
   * article, or the build when `article` is undefined, with the catalog's
   * severity: an `error` fails the article. It reports through `warn`.
   */
  report<Args extends unknown[]>(diagnostic: Diagnostic<Args>, args: Args, where?: ReportPlace): void
  /**
   * Report a problem in your own words about an article (or the build, when
   * `article` is undefined). It is a warning, unless `ruleId` is a catalog
   * rule: then it has the catalog's severity.
   */
  warn(reason: string, options: {ruleId: string; article?: Article; place?: unknown}): void
}

/**
 * An emitter: a factory's plain object, as a Rollup plugin.
 *
 * - `paths(article)` names the per-article files it will write (pure; lets
 *   other emitters link to them before anything is written);
 * - `article(article, ctx)` returns the files for one article;
 * - `collection(articles, ctx)` returns files built from all good articles
 *   (index page, feeds, edition), newest first.
 *
 * Hooks may be async. They must be pure and deterministic: return files,
 * never write them.
 */
export interface Emitter {
  /** Unique name, e.g. `html`; also the `--only` key and the manifest key. */
  name: string
  /**
   * Per-article files this emitter writes, label → output path, e.g.
   * `{pdf: 'pdf/my-slug.pdf'}`. Labels are unique across emitters (use the
   * emitter's name, or `name-something`).
   */
  paths?(article: Article, config: ResolvedConfig): Record<string, string>
  /** Collection files this emitter writes, label → output path, e.g. `{rss: 'feeds/rss.xml'}`. */
  collectionPaths?(config: ResolvedConfig): Record<string, string>
  /**
   * What its outputs are, by label (of `paths` and `collectionPaths`), e.g.
   * `{pdf: {name: 'PDF', mediaType: 'application/pdf'}}`: the HTML pages name
   * and link the other formats and feeds from this.
   */
  outputs?: Record<string, OutputDescription>
  article?(article: Article, ctx: EmitContext): OutputFile[] | Promise<OutputFile[]>
  collection?(articles: Article[], ctx: EmitContext): OutputFile[] | Promise<OutputFile[]>
  /**
   * What the collection files depend on, as JSON data: the `key` of each
   * article `collection` reads in full, and what it reads of the others (the
   * configuration, templates and build date are accounted for already). When
   * it equals the last build's, that build's collection reported nothing and
   * its files are still there, they are kept and `collection` is not called.
   * `undefined` (or no hook): `collection` is always called.
   */
  collectionKey?(articles: Article[], ctx: EmitContext): unknown
}

/** A factory creating an emitter from its options. */
export type EmitterFactory<Options = Record<string, unknown>> = (options?: Options) => Emitter

/** Site-wide settings. */
export interface SiteConfig {
  /** Publication name, e.g. `The Erbil Ledger`. */
  title: string
  /** Absolute base URL the output is served from, ending in `/`. */
  url: string
  description: string
  /** Default BCP 47 language of articles. */
  language: string
  /** Default author (person or organization). */
  author: string
  publisher: string
  copyright?: string
  /** Output-root-relative or absolute URL of a square icon. */
  icon?: string
  /**
   * Output-root-relative or absolute URL of the pages' favicon (default: a
   * monogram of the title, `favicon.svg`, written by the HTML emitter).
   */
  favicon?: string
  /** Output-root-relative or absolute URL of a logo. */
  logo?: string
  /** WebSub hub URL for feeds. */
  hub?: string
}

/** What a user writes in `pressroom.config.*`. */
export interface UserConfig {
  site?: Partial<SiteConfig>
  /** Folder of articles (default: `input`). */
  input?: string
  /** Folder of generated files (default: `output`). */
  output?: string
  /** Folder of templates overriding the built-in ones (default: `templates`). */
  templates?: string
  /**
   * Folders images are also looked up in, after the article's folder and the
   * input folder, in order (e.g. `static` for an archive from Hugo, whose
   * `{{< img src="2015/10/x.png" >}}` names a file under `static/`).
   */
  images?: string | string[]
  /**
   * Options for built-in emitters, or `false` to turn one off; each
   * built-in's options are checked against its schema (`emitters/<name>/options.ts`).
   */
  builtins?: BuiltinOptions
  /**
   * Extra emitters, as Rollup plugins. An emitter with a built-in's name
   * replaces the built-in.
   */
  emitters?: Emitter[]
  /** Glob patterns (relative to `input`) of articles to read (default: `**\/*.md`, `**\/*.txt`). */
  include?: string[]
  /** Glob patterns to skip (default: `**\/README.md`, `**\/node_modules/**`). */
  exclude?: string[]
  /** Build articles marked `draft: true` (default: `false`). */
  drafts?: boolean
  /**
   * Language of the articles whose path matches a glob (relative to the
   * project root, or to `input`), e.g. `{"input/sorani/**": "ckb"}`; the first
   * match wins. Front matter's `lang` wins over it; without either, the
   * language is guessed from the text.
   */
  languages?: Record<string, string>
  /** Folder of the incremental build cache (default: `.pressroom-cache`). */
  cache?: string
  /** Shortcodes by name (`{{< name >}}`, `{% name %}`); they replace built-in ones of the same name. */
  shortcodes?: Record<string, ShortcodeHandler>
}

/** Configuration after defaults and validation; paths are absolute. */
export interface ResolvedConfig {
  site: SiteConfig
  root: string
  input: string
  output: string
  /** Extra folders images are looked up in (absolute; see `UserConfig.images`). */
  images: string[]
  /** User templates folder (may not exist). */
  templates: string
  /** Built-in templates folder shipped with the package. */
  builtinTemplates: string
  builtins: BuiltinOptions
  emitters: Emitter[]
  include: string[]
  exclude: string[]
  drafts: boolean
  /** Language by glob of source paths (see {@link UserConfig.languages}). */
  languages?: Record<string, string>
  /** Absolute folder of the incremental build cache. */
  cache: string
  /** Publisher-defined shortcodes (see {@link ShortcodeHandler}). */
  shortcodes?: Record<string, ShortcodeHandler>
  /** Path of the config file, if any. */
  configFile?: string
  /** The configuration as written plus overrides, to recreate it in a worker thread. */
  user: UserConfig
}
