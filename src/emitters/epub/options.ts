/**
 * Options of the EPUB emitter, as a zod schema: `defineConfig` types
 * `builtins.epub` from it and `loadConfig` validates it. Kept apart from the
 * emitter so that reading the configuration never loads the emitter.
 */
import * as z from 'zod'

/** Schema of {@link EpubOptions}. */
export const epubOptions = z.strictObject({
  /** Number of articles in the edition (default: `10`). */
  editionSize: z.int().positive().exactOptional(),
  /**
   * Who is responsible for the EPUB Accessibility conformance claim
   * (`a11y:certifiedBy`), or `false` to name nobody (default: the site's
   * publisher). The claim itself is made only when every image has alt text.
   */
  certifiedBy: z.union([z.string(), z.literal(false)]).exactOptional()
})

/** Options of the EPUB emitter. */
export type EpubOptions = z.input<typeof epubOptions>
