/**
 * JSON Feed 1.1, written here: `feed` 6.0 declares version 1 and uses the
 * deprecated `author`. Keys are in a fixed order, so the bytes are stable.
 */
import {dateRfc3339} from './dates.js'
import type {FeedChannel, FeedEntry} from './model.js'

/** JSON Feed version URL. */
export const jsonFeedVersion = 'https://jsonfeed.org/version/1.1'

/**
 * Write a channel as JSON Feed 1.1.
 *
 * @param channel
 *   Feed model.
 * @returns
 *   JSON document (two-space indent, final newline).
 */
export function renderJsonFeed(channel: FeedChannel): string {
  const feed: Record<string, unknown> = {
    version: jsonFeedVersion,
    title: channel.title,
    home_page_url: channel.home,
    feed_url: channel.self.json
  }
  if (channel.description) feed['description'] = channel.description
  if (channel.icon) feed['icon'] = channel.icon
  if (channel.icon) feed['favicon'] = channel.icon
  feed['authors'] = [{name: channel.author}]
  feed['language'] = channel.language
  if (channel.hub) feed['hubs'] = [{type: 'WebSub', url: channel.hub}]
  feed['items'] = channel.entries.map((entry) => item(entry))
  return JSON.stringify(feed, null, 2) + '\n'
}

/**
 * One JSON Feed item.
 *
 * @param entry
 *   Entry.
 * @returns
 *   Item object.
 */
function item(entry: FeedEntry): Record<string, unknown> {
  const result: Record<string, unknown> = {id: entry.id, url: entry.url}
  if (entry.externalUrl) result['external_url'] = entry.externalUrl
  result['title'] = entry.title
  result['content_html'] = entry.contentHtml
  if (entry.summary) result['summary'] = entry.summary
  if (entry.image) result['image'] = entry.image.url
  // JSON Feed has no caption field: an extension (`_` names are the spec's extension point).
  if (entry.photo) result['_photo'] = entry.photo
  result['date_published'] = dateRfc3339(entry.published)
  result['date_modified'] = dateRfc3339(entry.updated)
  result['authors'] = entry.authors.map((name) => ({name}))
  if (entry.tags.length > 0) result['tags'] = entry.tags
  result['language'] = entry.lang
  return result
}
