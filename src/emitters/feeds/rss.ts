/**
 * RSS 2.0, written by `feed` 6.0 with author text passed through slots (see
 * `slots.ts`), plus what `feed` lacks: RFC 822 dates from our helper,
 * `dc:creator` (RSS `author` must be an e-mail address), `atom:updated`,
 * Media RSS `media:content`, and the namespaces they need.
 */
import {Feed, type Extension, type Item} from 'feed'
import {dateRfc3339, dateRfc822} from './dates.js'
import type {FeedChannel, FeedEntry} from './model.js'
import {namespaces} from './namespaces.js'
import {createSlots, type Slots} from './slots.js'
import {addRootAttributes, escapeHtml} from './xml.js'

/**
 * Write a channel as RSS 2.0.
 *
 * @param channel
 *   Feed model.
 * @returns
 *   XML document.
 */
export function renderRss(channel: FeedChannel): string {
  const slots = createSlots()
  const feed = new Feed({
    title: slots.put(channel.title),
    // RSS requires a description; fall back to the title.
    description: slots.put(channel.description || channel.title),
    id: channel.id,
    link: channel.home,
    language: slots.put(channel.language),
    updated: channel.updated,
    generator: slots.put(channel.generator),
    feedLinks: {rss: channel.self.rss},
    ...(channel.hub ? {hub: channel.hub} : {}),
    ...(channel.logo ?? channel.icon ? {image: channel.logo ?? channel.icon} : {}),
    ...(channel.copyright ? {copyright: slots.put(channel.copyright)} : {})
  })
  // `feed` formats dates with `toUTCString`; an extension under the same key
  // replaces its value in place, so the date comes from our tested helper.
  feed.addExtension({name: 'lastBuildDate', objects: {_text: dateRfc822(channel.updated)}})
  for (const entry of channel.entries) feed.addItem(item(entry, slots))
  const xml = addRootAttributes(feed.rss2(), 'rss', {
    'xmlns:atom': namespaces.atom,
    'xmlns:content': namespaces.content,
    'xmlns:dc': namespaces.dc,
    'xmlns:media': namespaces.media
  })
  return slots.fill(xml)
}

/**
 * One RSS item.
 *
 * @param entry
 *   Entry.
 * @param slots
 *   Slots of the document.
 * @returns
 *   `feed` item.
 */
function item(entry: FeedEntry, slots: Slots): Item {
  const extensions: Extension[] = [
    {name: 'pubDate', objects: {_text: dateRfc822(entry.published)}},
    // xml-js writes a list as repeated elements, one `dc:creator` per author;
    // `feed` types `objects` as a record but passes it through unchanged.
    {name: 'dc:creator', objects: entry.authors.map((name) => ({_text: slots.put(name)})) as unknown as Record<string, unknown>}
  ]
  if (entry.wasUpdated) extensions.push({name: 'atom:updated', objects: {_text: dateRfc3339(entry.updated)}})
  const image = entry.image
  if (image) extensions.push({name: 'media:content', objects: mediaContent(image, slots)})
  else if (entry.photo) {
    // A photo known by its caption only: Media RSS allows `media:description`
    // and `media:credit` directly in the item.
    if (entry.photo.caption) extensions.push({name: 'media:description', objects: {_attributes: {type: 'plain'}, _text: slots.put(entry.photo.caption)}})
    if (entry.photo.credit) extensions.push({name: 'media:credit', objects: {_text: slots.put(entry.photo.credit)}})
  }
  // No `id` or `guid`: then `feed` writes the link as `<guid isPermaLink="true">`.
  const result: Item = {
    title: slots.put(entry.title),
    link: entry.url,
    date: entry.updated,
    published: entry.published,
    content: slots.put(entry.contentHtml),
    category: entry.tags.map((tag) => ({name: slots.put(tag)})),
    extensions
  }
  // RSS `description` is HTML: escape the plain-text summary.
  if (entry.summary) result.description = slots.put(escapeHtml(entry.summary))
  // An enclosure must give its length: only local files have one.
  if (image?.mediaType && image.length !== undefined) {
    result.enclosure = {url: image.url, type: image.mediaType, length: image.length}
  }
  return result
}

/**
 * Media RSS `media:content` of a lead image (URL only for a remote image).
 *
 * @param image
 *   Lead image.
 * @param slots
 *   Slots of the document.
 * @returns
 *   xml-js compact object.
 */
function mediaContent(image: NonNullable<FeedEntry['image']>, slots: Slots): Record<string, unknown> {
  const attributes: Record<string, string | number> = {url: slots.put(image.url), medium: 'image'}
  if (image.mediaType) attributes['type'] = slots.put(image.mediaType)
  if (image.length !== undefined) attributes['fileSize'] = image.length
  if (image.width !== undefined) attributes['width'] = image.width
  if (image.height !== undefined) attributes['height'] = image.height
  const objects: Record<string, unknown> = {_attributes: attributes}
  // The caption describes the photo for every reader; the alt text when there is none.
  const description = image.caption ?? image.alt
  if (description) objects['media:description'] = {_attributes: {type: 'plain'}, _text: slots.put(description)}
  if (image.credit) objects['media:credit'] = {_text: slots.put(image.credit)}
  return objects
}
