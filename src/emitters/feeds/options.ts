/**
 * Options of the feeds emitter, as a zod schema: `defineConfig` types
 * `builtins.feeds` from it and `loadConfig` validates it. Kept apart from the
 * emitter so that reading the configuration never loads the emitter.
 */
import * as z from 'zod'

/** Schema of {@link FeedsOptions}. */
export const feedsOptions = z.strictObject({
  /** Entries per feed, newest first (default: `20`). */
  limit: z.int().positive().exactOptional(),
  /**
   * Also write one set of feeds per tag, under `feeds/tags/<tag-slug>/`
   * (default: `false`). `true` makes a set for every tag of the articles;
   * a list makes a set for those tags only (and names them in
   * `collectionPaths`, which cannot know the articles' tags).
   */
  perTag: z.union([z.boolean(), z.array(z.string()).readonly()]).exactOptional()
})

/** Options of the feeds emitter. */
export type FeedsOptions = z.input<typeof feedsOptions>
