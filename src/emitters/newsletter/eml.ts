/**
 * The edition as an RFC 5322 message (multipart/alternative: text/plain and
 * text/html, UTF-8), built with nodemailer's MailComposer and made
 * byte-reproducible: the `Date` is the build date, and the `Message-ID` and
 * the multipart boundaries derive from a hash of the content, never from the
 * clock or a random source.
 */
import {createHash} from 'node:crypto'
import MailComposer from 'nodemailer/lib/mail-composer'
import type {EmitContext} from '../../types.js'

/** A rendered edition, handed to the message builder. */
export interface Edition {
  /** Plain-text edition. */
  text: string
  /** Email-safe HTML edition. */
  html: string
  /** Display date of the edition. */
  date: string
}

/** Options of {@link toEml}. */
export interface EmlOptions {
  /** `From` (default: `"<site.author>" <newsletter@<site host>>`). */
  from: string | undefined
  /** `To` (default: `subscribers@<site host>`). */
  to: string | undefined
  /** Placeholder or https URL for `List-Unsubscribe`. */
  unsubscribeUrl: string
  /** Whether `unsubscribeUrl` is an https URL: adds `List-Unsubscribe-Post` (RFC 8058). */
  oneClick?: boolean
  /** A `mailto:` unsubscribe address, listed after the URL (optional). */
  unsubscribeMailto?: string | undefined
}

/**
 * Build the message.
 *
 * @param edition
 *   Rendered edition (text, HTML, display date).
 * @param ctx
 *   Emit context (site, build date).
 * @param options
 *   Addresses and unsubscribe link.
 * @returns
 *   The message, CRLF line endings.
 */
export async function toEml(edition: Edition, ctx: EmitContext, options: EmlOptions): Promise<Uint8Array> {
  const site = ctx.config.site
  const host = hostOf(site.url)
  const digest = createHash('sha256').update(edition.text).update('\0').update(edition.html).update('\0').update(host).digest('hex')
  const composer = new MailComposer({
    from: options.from ?? {name: site.author, address: `newsletter@${host}`},
    to: options.to ?? `subscribers@${host}`,
    subject: `${site.title} — ${edition.date}`,
    date: ctx.buildDate,
    messageId: `<${digest.slice(0, 32)}.newsletter@${host}>`,
    headers: unsubscribeHeaders(options, `${site.title} <newsletter.${host}>`),
    text: edition.text,
    html: edition.html,
    textEncoding: 'quoted-printable',
    baseBoundary: digest.slice(32, 48),
    boundaryPrefix: '--_Pressroom',
    newline: 'windows',
    disableFileAccess: true,
    disableUrlAccess: true
  })
  const message = await composer.compile().build()
  return new Uint8Array(message)
}

/**
 * `List-Unsubscribe` (RFC 2369: the https URL, then the `mailto:` form) and,
 * with an https URL, `List-Unsubscribe-Post: List-Unsubscribe=One-Click`
 * (RFC 8058), which large mailbox providers require of bulk senders.
 */
function unsubscribeHeaders(options: EmlOptions, listId: string): Record<string, string> {
  const targets = [options.unsubscribeUrl, ...(options.unsubscribeMailto ? [options.unsubscribeMailto] : [])]
  const headers: Record<string, string> = {'List-Unsubscribe': targets.map((target) => `<${target}>`).join(', ')}
  if (options.oneClick) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click'
  headers['List-Id'] = listId
  return headers
}

/**
 * Host of the site URL (`example.com` when it has none).
 */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname || 'example.com'
  } catch {
    return 'example.com'
  }
}
