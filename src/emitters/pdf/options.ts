/**
 * Options of the PDF emitter, as a zod schema: `defineConfig` types
 * `builtins.pdf` from it and `loadConfig` validates it. Kept apart from the
 * emitter so that reading the configuration never loads pdfkit.
 */
import * as z from 'zod'

/**
 * A handler, as far as the configuration can tell: its exact type (`Handler`
 * of the PDF emitter) takes the renderer's state, whose types reach back
 * to the configuration's; the emitter's own `PdfOptions` types it exactly.
 */
type HandlerFunction = (...args: never[]) => unknown

/** Schema of {@link PdfOptions}. */
export const pdfOptions = z.strictObject({
  /** Paper size (default: `'A4'`). */
  pageSize: z.enum(['A4', 'Letter']).exactOptional(),
  /** Partial theme merged over `templates/default.pdf-theme.json`. */
  theme: z.record(z.string(), z.unknown()).exactOptional(),
  /** Handlers by hast tag name (and `unknown`), merged over the defaults. */
  handlers: z.record(z.string(), z.custom<HandlerFunction>((value) => typeof value === 'function', {message: 'expected a handler function'})).exactOptional(),
  /** Compress content streams (default: `true`). */
  compress: z.boolean().exactOptional()
})

/** Options of the PDF emitter as the configuration types them (see `PdfOptions` of the emitter for `handlers`). */
export type PdfConfigOptions = z.input<typeof pdfOptions>
