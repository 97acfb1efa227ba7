/**
 * Atom 1.0 (RFC 4287), written by `feed` 6.0 with author text passed through
 * slots (see `slots.ts`). Two fixes on the serialized document, made before
 * any author text is in it: entry titles are plain text (`feed` declares them
 * HTML, so `Use <c> tags` would lose `<c>`), and the feed gets `xml:lang`.
 * `feed` writes no extension elements in Atom: the entries' Media RSS
 * elements (the photo, as in RSS) are added to the serialized document too.
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
  xml = addMedia(xml, channel.entries, slots)
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
  // (`image/jpg`, `image/svg`), which is wrong; `media:content` carries the image.
  return result
}

/** The Media RSS namespace. */
const mediaNamespace = 'http://search.yahoo.com/mrss/'

/**
 * Add each entry's photo as Media RSS elements, as RSS has them:
 * `media:content` for an image with a URL (its caption, else its alt text, as
 * `media:description`; its credit), else the caption and credit of a photo
 * the copy names but does not carry. Done before the slots are filled, so
 * the only `</entry>` in the document are the entries' own, in order.
 *
 * @param xml
 *   Serialized feed, slots not yet filled.
 * @param entries
 *   Entries, in document order.
 * @param slots
 *   Slots of the document.
 * @returns
 *   Document.
 */
function addMedia(xml: string, entries: readonly FeedEntry[], slots: Slots): string {
  const parts = xml.split('</entry>')
  if (parts.length !== entries.length + 1) throw new Error('Unexpected number of Atom entries in `addMedia`')
  let any = false
  for (const [index, entry] of entries.entries()) {
    const media = mediaOf(entry, slots)
    if (!media) continue
    any = true
    // Before the entry's end tag, on a line of its own, indented as its other children.
    const part = parts[index]!
    const end = /\n([ \t]*)$/.exec(part)
    parts[index] = end ? `${part.slice(0, end.index)}\n${end[1]}    ${media}${end[0]}` : part + media
  }
  const joined = parts.join('</entry>')
  return any ? addRootAttributes(joined, 'feed', {'xmlns:media': mediaNamespace}) : joined
}

function mediaOf(entry: FeedEntry, slots: Slots): string | undefined {
  const text = (name: string, value: string | undefined, attributes = '') =>
    value ? `<media:${name}${attributes}>${slots.put(value)}</media:${name}>` : ''
  const image = entry.image
  if (image) {
    const attributes = [
      `url="${slots.put(image.url)}"`,
      'medium="image"',
      ...(image.mediaType ? [`type="${slots.put(image.mediaType)}"`] : []),
      ...(image.length === undefined ? [] : [`fileSize="${image.length}"`]),
      ...(image.width === undefined ? [] : [`width="${image.width}"`]),
      ...(image.height === undefined ? [] : [`height="${image.height}"`])
    ].join(' ')
    const inner = text('description', image.caption ?? image.alt, ' type="plain"') + text('credit', image.credit)
    return inner ? `<media:content ${attributes}>${inner}</media:content>` : `<media:content ${attributes}/>`
  }
  const photo = entry.photo
  if (!photo) return undefined
  const inner = text('description', photo.caption, ' type="plain"') + text('credit', photo.credit)
  return inner || undefined
}
