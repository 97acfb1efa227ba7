/**
 * Options of the sitemaps emitter, as a zod schema (validated when the emitter
 * is created). Kept apart from the emitter so that reading a configuration
 * need not load it.
 */
import * as z from 'zod'

/** Schema of {@link SitemapsOptions}. */
export const sitemapsOptions = z.strictObject({
  /** Also write `news-sitemap.xml` for Google News (default: `true`). */
  news: z.boolean().exactOptional(),
  /** Also write `robots.txt` naming the sitemaps (default: `true`). */
  robots: z.boolean().exactOptional(),
  /** Publication name in the news sitemap, as Google News knows it (default: `site.title`). */
  publicationName: z.string().min(1).exactOptional()
})

/** Options of the sitemaps emitter. */
export type SitemapsOptions = z.input<typeof sitemapsOptions>
