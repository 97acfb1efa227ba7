/**
 * Options of the newsletter emitter, as a zod schema: `defineConfig` types
 * `builtins.newsletter` from it, `loadConfig` validates it (the command
 * line's `--since` too) and `pressroom check` reads the measure from it. Kept
 * apart from the emitter so that reading the configuration never loads the
 * emitter.
 */
import * as z from 'zod'

/** Defaults that others read too (`pressroom check` checks lines against the measure). */
export const newsletterDefaults = {
  /** Measure of the text in display columns. */
  width: 72,
  /** `List-Unsubscribe` and the unsubscribe line without `unsubscribeUrl`: a mail sender's merge tag replaces it. */
  unsubscribePlaceholder: '%UNSUBSCRIBE_URL%'
} as const

const template = z.string().min(1)

/**
 * A handler, as far as the configuration can tell: its exact type (`Handler`
 * of the newsletter emitter) takes the renderer's state, whose types reach back
 * to the configuration's; the emitter's own `NewsletterOptions` types it exactly.
 */
type HandlerFunction = (...args: never[]) => unknown

/** Schema of {@link NewsletterOptions}. */
export const newsletterOptions = z.strictObject({
  /** Articles in the edition, newest first (default: `10`; with `since`: all since). */
  limit: z.int().positive().exactOptional(),
  /** Only articles published on or after this ISO date (e.g. `2024-05-01`) (optional). */
  since: z
    .string()
    .refine((value) => !Number.isNaN(Date.parse(value)), {message: 'expected an ISO date such as `2024-05-01`'})
    .exactOptional(),
  /** Measure of the text in display columns (default: `72`; at least 20). */
  width: z.int().min(20).exactOptional(),
  /**
   * One-click unsubscribe link, `https:` only (RFC 8058): gives `List-Unsubscribe`
   * and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`. Without it the
   * placeholder `%UNSUBSCRIBE_URL%` stays for your mail sender's merge tag, and
   * the build warns (`newsletter-no-unsubscribe`).
   */
  unsubscribeUrl: z.url({protocol: /^https$/, message: 'expected an `https:` URL (RFC 8058 one-click unsubscribe), such as `https://example.org/unsubscribe`'}).exactOptional(),
  /** Unsubscribe by mail as well, `mailto:` address (e.g. `mailto:unsubscribe@example.org`) (optional). */
  unsubscribeMailto: z.string().regex(/^mailto:[^@\s<>,]+@[^@\s<>,]+$/, {message: 'expected a `mailto:` address such as `mailto:unsubscribe@example.org`'}).exactOptional(),
  /** `From` of the message (default: `"<site.author>" <newsletter@<site host>>`). */
  from: z.string().min(1).exactOptional(),
  /** `To` of the message (default: `subscribers@<site host>`). */
  to: z.string().min(1).exactOptional(),
  /** Edition template (default: `default.newsletter.txt.liquid`). */
  template: template.exactOptional(),
  /** Article template (default: `default.newsletter-article.txt.liquid`). */
  articleTemplate: template.exactOptional(),
  /** HTML part template (default: `default.newsletter.html.liquid`). */
  htmlTemplate: template.exactOptional(),
  /** Handlers overriding or adding to the default ones (optional). */
  handlers: z.record(z.string(), z.custom<HandlerFunction>((value) => typeof value === 'function', {message: 'expected a handler function'})).exactOptional()
})

/** Options of the newsletter emitter as the configuration types them (see `NewsletterOptions` of the emitter for `handlers`). */
export type NewsletterConfigOptions = z.input<typeof newsletterOptions>
