/**
 * Options of the ninjs emitter, as a zod schema (validated when the emitter
 * is created). Kept apart from the emitter so that reading a configuration
 * need not load it.
 */
import * as z from 'zod'

/** Schema of {@link NinjsOptions}. */
export const ninjsOptions = z.strictObject({
  /** Articles listed in `ninjs/index.json`, newest first (default: `20`). */
  limit: z.int().positive().exactOptional(),
  /** Measure of the `text/plain` body in display columns, as the newsletter's (default: `72`). */
  width: z.int().min(20).exactOptional()
})

/** Options of the ninjs emitter. */
export type NinjsOptions = z.input<typeof ninjsOptions>
