/**
 * Options of the HTML emitter, as a zod schema: `defineConfig` types
 * `builtins.html` from it and `loadConfig` validates it. Kept apart from the
 * emitter so that reading the configuration never loads the emitter.
 */
import * as z from 'zod'

/** Schema of {@link HtmlOptions}. */
export const htmlOptions = z.strictObject({
  /** Article page template (default: `default.html.liquid`). */
  template: z.string().min(1).exactOptional(),
  /** Index page template (default: `default.index.html.liquid`). */
  indexTemplate: z.string().min(1).exactOptional(),
  /** Articles listed on the index page (default: all). */
  indexLimit: z.int().positive().exactOptional()
})

/** Options of the HTML emitter. */
export type HtmlOptions = z.input<typeof htmlOptions>
