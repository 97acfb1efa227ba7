/**
 * Atom 1.0 (RFC 4287), written by `feed` 6.0 with author text passed through
 * slots (see `slots.ts`). Two fixes on the serialized document, made before
 * any author text is in it: entry titles are plain text (`feed` declares them
 * HTML, so `Use <c> tags` would lose `<c>`), and the feed gets `xml:lang`.
 */
import {Feed, type Item} from 'feed'
import type {FeedChannel, FeedEntry} from './model.js'
import {createSlots, type Slots} from './slots.js'
import {addRootAttributes, escapeHtml} from './xml.js'

/**
 * Write a channel as Atom 1.0.
 *
 * @param channel
 *   Feed model.
 * @returns
 *   XML document.
 */
export function renderAtom(channel: FeedChannel): string {
  const slots = createSlots()
  const feed = new Feed({
    title: slots.put(channel.title),
    id: channel.id,
    link: channel.home,
    updated: channel.updated,
    generator: slots.put(channel.generator),
    feedLinks: {atom: channel.self.atom},
    author: {name: slots.put(channel.author)},
    ...(channel.description ? {description: slots.put(channel.description)} : {}),
    ...(channel.hub ? {hub: channel.hub} : {}),
    ...(channel.logo ? {image: slots.put(channel.logo)} : {}),
    ...(channel.icon ? {favicon: slots.put(channel.icon)} : {}),
    ...(channel.copyright ? {copyright: slots.put(channel.copyright)} : {})
  })
  for (const entry of channel.entries) feed.addItem(item(entry, slots))
  // Only `feed`'s entry titles carry `type="html"`, and no author text is in
  // the document yet, so this cannot touch content.
  let xml = feed.atom1().replaceAll('<title type="html">', '<title type="text">')
  xml = addRootAttributes(xml, 'feed', {'xml:lang': channel.language})
  return slots.fill(xml)
}

/**
 * One Atom entry.
 *
 * @param entry
 *   Entry.
 * @param slots
 *   Slots of the document.
 * @returns
 *   `feed` item.
 */
function item(entry: FeedEntry, slots: Slots): Item {
  const result: Item = {
    title: slots.put(entry.title),
    // `id` defaults to the link: the article URL.
    link: entry.url,
    date: entry.updated,
    published: entry.published,
    content: slots.put(entry.contentHtml),
    // RFC 4287 requires an author per entry (or on the feed); entries always have one.
    author: entry.authors.map((name) => ({name: slots.put(name)})),
    category: entry.tags.map((tag) => ({term: slots.put(tag)}))
  }
  // Atom `summary` is declared HTML by `feed`: escape the plain-text summary.
  if (entry.summary) result.description = slots.put(escapeHtml(entry.summary))
  // No `enclosure`: `feed` derives its type from the file extension
  // (`image/jpg`, `image/svg`), which is wrong; RSS and JSON Feed carry the image.
  return result
}
