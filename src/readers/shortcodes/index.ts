/**
 * Shortcodes of Hugo, Jekyll and Eleventy in Markdown articles: tokenized
 * (`tokenize.ts`), their arguments parsed (`args.ts`), each handed to a
 * handler (`builtins.ts`, or the publisher's from `defineConfig({shortcodes})`)
 * and the result put into the tree (`expand.ts`).
 */
export {parseArgs} from './args.js'
export {builtinShortcodes} from './builtins.js'
export {parseWithShortcodes, type ShortcodeOptions} from './expand.js'
export {refTargets, resolveRefs, type RefArticle} from './refs.js'
export {mayHaveShortcodes, tokenize, type Tag} from './tokenize.js'
