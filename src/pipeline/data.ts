/**
 * Typed per-file data shared by the normalization plugins, by augmenting
 * vfile's `DataMap` (as unified packages do) instead of casting.
 */
import type {ResolvedConfig} from '../config.js'
import type {ArticleMeta, Asset, ArticleStats, TocEntry} from '../types.js'

/** What the pipeline needs to know about the article being normalized. */
export interface PressroomData {
  meta: ArticleMeta
  config: ResolvedConfig
  /** Absolute folder of the source file (relative URLs resolve against it). */
  sourceDir: string
  /** Which reader produced the tree. */
  format: 'markdown' | 'wire'
  assets: Asset[]
  toc: TocEntry[]
  stats: ArticleStats
  excerpt: string
}

declare module 'vfile' {
  interface DataMap {
    pressroom: PressroomData
  }
}
