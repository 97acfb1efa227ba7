/**
 * What a reader gives: the body as an mdast tree, the front matter it found
 * and what it recovered from the text itself. Metadata resolution, assets and
 * normalization are shared by every reader (`readers/index.ts`).
 */
import type {Root as MdastRoot} from 'mdast'
import type {VFile} from 'vfile'
import type {ResolvedConfig} from '../config.js'
import type {FrontMatter} from './front-matter.js'
import type {Recovered} from './meta.js'

/** Result of a reader; `undefined` when the source cannot be read (the reason is a message on the file). */
export interface ReaderOutput {
  mdast: MdastRoot
  frontMatter?: FrontMatter
  recovered: Recovered
}

/** What a reader may use besides the text: the configuration and what the build knows of the other articles. */
export interface ReaderContext {
  config: ResolvedConfig
  /** Absolute folder of the source. */
  sourceDir: string
  /** Cross-reference targets this article names → URL (see `readers/shortcodes/refs.ts`). */
  refs?: Record<string, string>
}

/** A reader: decoded text in, tree and front matter out. It sets `file.value` to the text positions refer to. */
export interface Reader {
  /** File extensions it reads, lower case with the dot. */
  extensions: readonly string[]
  read(text: string, file: VFile, context?: ReaderContext): ReaderOutput | undefined
}
