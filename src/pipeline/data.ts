/**
 * Typed per-file data shared by the normalization plugins, by augmenting
 * vfile's `DataMap` (as unified packages do) instead of casting.
 */
import type {ResolvedConfig} from '../config.js'
import type {Article} from '../types.js'

/**
 * What the pipeline reads and fills in about the article being normalized:
 * every field of the {@link Article} but its trees, its file and its key (so a
 * new field of `Article` is set here by its producer, with nothing restated),
 * plus what normalization needs to know.
 */
export type PressroomData = Omit<Article, 'mdast' | 'hast' | 'file' | 'key'> & {
  config: ResolvedConfig
  /** Absolute folder of the source file (relative URLs resolve against it). */
  sourceDir: string
}

declare module 'vfile' {
  interface DataMap {
    pressroom: PressroomData
  }
}
