/**
 * The front-matter fields Pressroom reads (zod), under the names publishers
 * bring from Jekyll, Hugo and Eleventy (`excerpt`, `summary`, `deck`,
 * `topics`, `primary_image`, …), and the keys of those generators it knowingly
 * ignores. `meta.ts` maps them onto one model.
 */
import * as z from 'zod'

const text = z.string()
const textList = z.union([
  z.string(),
  z.array(z.union([z.string(), z.number(), z.looseObject({name: z.string()})]))
])
const dateish = z.union([z.string(), z.date()])
const imageObject = z.looseObject({
  src: z.string().optional(),
  url: z.string().optional(),
  uid: z.string().optional(),
  alt: z.string().optional(),
  caption: z.string().optional(),
  credit: z.string().optional()
})

/** Schema of the front matter fields Pressroom reads. Unknown keys pass (and warn). */
export const frontMatterSchema = z.looseObject({
  title: text.optional(),
  slug: z.union([z.string(), z.number()]).optional(),
  date: dateish.optional(),
  updated: dateish.optional(),
  lastmod: dateish.optional(),
  modified: dateish.optional(),
  author: textList.optional(),
  authors: textList.optional(),
  byline: text.optional(),
  description: text.optional(),
  // `false`: the text's standfirst is body text (wire copy).
  standfirst: z.union([text, z.literal(false)]).optional(),
  // `false`: no subheadings are read from wire copy.
  subheadings: z.boolean().optional(),
  deck: text.optional(),
  summary: text.optional(),
  excerpt: text.optional(),
  subtitle: text.optional(),
  tags: textList.optional(),
  topics: textList.optional(),
  categories: textList.optional(),
  keywords: textList.optional(),
  lang: text.optional(),
  language: text.optional(),
  dir: z.enum(['ltr', 'rtl']).optional(),
  image: z.union([z.string(), imageObject]).optional(),
  image_alt: text.optional(),
  image_caption: text.optional(),
  image_figcaption: text.optional(),
  image_credit: text.optional(),
  caption: text.optional(),
  credit: text.optional(),
  primary_image: z.union([z.string(), imageObject]).optional(),
  featured_image: z.union([z.string(), imageObject]).optional(),
  hero_image: z.union([z.string(), imageObject]).optional(),
  // `false`: no dateline is read from wire copy.
  dateline: z.union([text, z.literal(false)]).optional(),
  canonical: text.optional(),
  canonical_url: text.optional(),
  source_url: text.optional(),
  draft: z.boolean().optional()
})

export type FrontMatterFields = z.infer<typeof frontMatterSchema>

/** Keys other site generators use that Pressroom knowingly ignores (no warning). */
export const foreignKeys = new Set([
  'layout', 'permalink', 'redirect_from', 'redirect_to', 'aliases', 'weight', 'expirydate', 'expiryDate',
  'publishdate', 'publishDate', 'kicker', 'hero', 'tumblr_url', 'source', 'url', 'type', 'series', 'toc',
  'sitemap', 'menu', 'published', 'featured', 'excerpt_separator', 'comments', 'share', 'image_class',
  'hero_alt', 'hero_caption', 'eleventyExcludeFromCollections', 'eleventyNavigation', 'tag', 'github_repo',
  'headless', 'outputs', 'images', 'audio', 'videos', 'guid', 'id', 'uuid', 'collection', 'sidebar', 'nav',
  'header', 'footer', 'thumbnail', 'social_image', 'og_image', 'featured_image_alt', 'primary_image_alt',
  'subhead', 'hide_title', 'cta', 'event_organizer', 'event_platform', 'registration_url', 'end_date',
  'host', 'youtube_id', 'youtube_title', 'venue', 'captions', 'short_title', 'archive', 'deck_type'
])
