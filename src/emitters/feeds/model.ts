/**
 * The feed model: what RSS, Atom and JSON Feed have in common, computed once
 * from the articles (as Pandoc's `metaToContext`) so that each format's
 * writer only places it.
 */
import type {Direction} from '../../types.js'

/** The lead image of an entry. */
export interface FeedImage {
  /** Absolute URL. */
  url: string
  alt: string
  caption?: string
  credit?: string
  /** Media type, known for local files only. */
  mediaType?: string
  /** Size in bytes, known for local files only. */
  length?: number
  width?: number
  height?: number
}

/** One article as a feed entry. Text is plain text unless named `…Html`. */
export interface FeedEntry {
  /** Stable id: the article URL. */
  id: string
  /** Absolute URL of the article page. */
  url: string
  /** Canonical URL elsewhere (cross-posts, wire source), when different. */
  externalUrl?: string
  title: string
  /** Standfirst, or the excerpt (plain text). */
  summary?: string
  /** Sanitized body with absolute URLs. */
  contentHtml: string
  published: Date
  /** Last update (the publication date when never updated). */
  updated: Date
  /** Whether the article has its own update date. */
  wasUpdated: boolean
  /** Author names, never empty (falls back to `site.author`). */
  authors: string[]
  tags: string[]
  lang: string
  dir: Direction
  image?: FeedImage
  /**
   * Caption and credit of the entry's photo: the lead image's, or, when the
   * copy captions a photo it does not carry, that caption (every format
   * carries it although there is no image to show).
   */
  photo?: {caption?: string; credit?: string}
}

/** One feed (the main one or a tag's), in every format. */
export interface FeedChannel {
  title: string
  description: string
  /** Absolute URL of the site. */
  home: string
  /** Stable id (the Atom feed's URL). */
  id: string
  /** Absolute URLs of this feed in each format. */
  self: {rss: string; atom: string; json: string}
  /** Newest entry's update (never the clock). */
  updated: Date
  /** BCP 47 language of the feed. */
  language: string
  generator: string
  /** Feed-level author (`site.author`). */
  author: string
  /** Absolute URL of a square icon. */
  icon?: string
  /** Absolute URL of a logo. */
  logo?: string
  copyright?: string
  /** WebSub hub. */
  hub?: string
  /** Newest first. */
  entries: FeedEntry[]
}
