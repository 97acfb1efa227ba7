/**
 * Pressroom's public API.
 */
export {createArticle, type ArticleResult, type ArticleSource} from './readers/index.js'
export {checkOutput} from './check/index.js'
export {build, merge, findInputs, type BuildOptions, type BuildResult, type Manifest, type ManifestFile} from './build/index.js'
export {defineConfig, loadConfig, resolveConfig, ConfigError, type ResolvedConfig, type SiteConfig, type UserConfig} from './config.js'
export type {ShortcodeArgs, ShortcodeContext, ShortcodeHandler, ShortcodeResult} from './shortcode-types.js'
export {absoluteUrl, buildDateOf, createEmitContext} from './emitters/context.js'
export {diagnostics, formatMessage, report, type Diagnostic, type Severity} from './diagnostics.js'
export {builtinEmitters, resolveEmitters, UnknownEmitterError} from './emitters/index.js'
export {articleKeys} from './emitters/collection-key.js'
export {htmlEmitter, type HtmlOptions} from './emitters/html/index.js'
export {pdfEmitter} from './emitters/pdf/index.js'
export {epubEmitter} from './emitters/epub/index.js'
export {feedsEmitter} from './emitters/feeds/index.js'
export {newsletterEmitter} from './emitters/newsletter/index.js'
export {processor} from './pipeline/processor.js'
export type * from './types.js'
