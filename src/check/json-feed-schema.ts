/**
 * A schema of JSON Feed 1.1 (https://jsonfeed.org/version/1.1), as zod 4.
 *
 * It follows the spec's required fields and types, and adds what feed
 * readers rely on: dates are RFC 3339, URLs absolute, each item has
 * `content_html` or `content_text`. Unknown keys pass (extensions start with
 * `_`, and readers ignore the rest). `z.toJSONSchema(jsonFeedSchema)` gives
 * the same schema as JSON Schema.
 */
import * as z from 'zod'
import {isRfc3339} from './dates.js'

const url = z.string().refine((value) => URL.canParse(value), {message: 'Expected an absolute URL'})
const date = z.string().refine(isRfc3339, {message: 'Expected an RFC 3339 date such as `2025-03-03T09:30:00Z`'})

/** An author (`authors[]`): at least one of `name`, `url`, `avatar`. */
export const jsonFeedAuthorSchema = z
  .looseObject({name: z.string().optional(), url: url.optional(), avatar: url.optional()})
  .refine((author) => author.name !== undefined || author.url !== undefined || author.avatar !== undefined, {
    message: 'Expected at least one of `name`, `url`, `avatar`'
  })

/** An attachment (`items[].attachments[]`). */
export const jsonFeedAttachmentSchema = z.looseObject({
  url,
  mime_type: z.string().min(1),
  title: z.string().optional(),
  size_in_bytes: z.number().int().nonnegative().optional(),
  duration_in_seconds: z.number().nonnegative().optional()
})

/** An item (`items[]`). */
export const jsonFeedItemSchema = z
  .looseObject({
    id: z.string().min(1),
    url: url.optional(),
    external_url: url.optional(),
    title: z.string().optional(),
    content_html: z.string().optional(),
    content_text: z.string().optional(),
    summary: z.string().optional(),
    image: url.optional(),
    banner_image: url.optional(),
    date_published: date.optional(),
    date_modified: date.optional(),
    authors: z.array(jsonFeedAuthorSchema).min(1).optional(),
    tags: z.array(z.string()).optional(),
    language: z.string().min(1).optional(),
    attachments: z.array(jsonFeedAttachmentSchema).optional()
  })
  .refine((item) => item.content_html !== undefined || item.content_text !== undefined, {
    message: 'Expected `content_html` or `content_text`'
  })

/** A JSON Feed 1.1 document. */
export const jsonFeedSchema = z.looseObject({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  home_page_url: url.optional(),
  feed_url: url.optional(),
  description: z.string().optional(),
  user_comment: z.string().optional(),
  next_url: url.optional(),
  icon: url.optional(),
  favicon: url.optional(),
  authors: z.array(jsonFeedAuthorSchema).min(1).optional(),
  language: z.string().min(1).optional(),
  expired: z.boolean().optional(),
  hubs: z.array(z.looseObject({type: z.string().min(1), url})).optional(),
  items: z.array(jsonFeedItemSchema)
})

/** A JSON Feed 1.1 document, as typed by {@link jsonFeedSchema}. */
export type JsonFeed = z.infer<typeof jsonFeedSchema>
