/**
 * Readings → mdast and what the copy says about itself (`Recovered`): the
 * headline, standfirst, byline, dates, captions, contacts and the release
 * header go to metadata; the body's blocks become the same nodes the
 * Markdown reader yields. Captions and credits inside the body name photos
 * the copy does not carry: they go to the metadata (`photos`), never to the
 * body, so no format draws a figure without its image.
 */
import type {Heading, List, ListItem, Paragraph, Root, RootContent, Text} from 'mdast'
import {matchDateline} from '../../pipeline/dateline.js'
import type {Contact, ReleaseInfo} from '../../types.js'
import type {Recovered} from '../meta.js'
import {joinLines, spanOf, type Line} from './blocks.js'
import type {Reading} from './classify.js'
import * as f from './features.js'

/**
 * Build the tree and the recovered fields from the readings.
 *
 * @param readings
 *   Readings in order (from `classify`).
 * @returns
 *   Tree and recovered fields.
 */
export function buildTree(readings: Reading[]): {tree: Root; recovered: Recovered} {
  const recovered: Recovered = {}
  const children: RootContent[] = []
  const standfirst: string[] = []
  const contacts: Contact[] = []
  const release: ReleaseInfo = {lines: []}
  let reporters: string[] | undefined
  // How many body blocks preceded the last body caption (a credit right after it is its credit).
  let photoAfter = -1
  for (const reading of readings) {
    const position = spanOf(reading.lines)
    const text = (): Text => ({type: 'text', value: reading.text, position})
    switch (reading.kind) {
      case 'headline':
        recovered.title = reading.text
        break
      case 'standfirst':
        standfirst.push(reading.text)
        break
      case 'header':
        release.lines.push(reading.text)
        if (reading.value !== undefined) {
          if (reading.field === 'number') release.number ??= reading.value
          if (reading.field === 'type') release.documentType ??= reading.value
          if (reading.field === 'issuer') release.issuer ??= reading.value
        }
        break
      case 'contacts':
        contacts.push(...contactsOf(reading.lines))
        break
      case 'byline':
        if (reading.authors && !recovered.authors) recovered.authors = reading.authors
        // A name with its title (`John Kirby, Spokesperson`), a title under a name: shown with the release header.
        if (reading.rule !== 'by-line' || recovered.authors !== reading.authors) release.lines.push(reading.text)
        break
      case 'date line':
        if (reading.date && !recovered[reading.date.kind]) recovered[reading.date.kind] = reading.date.iso
        else children.push(paragraph(reading, position))
        break
      case 'end mark':
        break
      case 'caption':
      case 'credit':
        if (reading.rule === 'closing-credit') {
          reporters ??= reading.authors
          children.push(paragraph(reading, position))
        } else if (reading.kind === 'credit' && children.length === 0 && recovered.image?.caption && recovered.image.credit === reading.image?.credit) {
          // The lead caption's credit line: already in the image.
        } else if (reading.kind === 'caption' && !recovered.image && children.length === 0 && reading.image?.caption) {
          recovered.image = reading.image.credit ? {caption: reading.image.caption, credit: reading.image.credit, place: position} : {caption: reading.image.caption, place: position}
        } else {
          // No figure without its image: a body caption (with its credit) is
          // a photo the copy refers to but does not carry, kept in the metadata.
          const photos = (recovered.photos ??= [])
          const last = photos.at(-1)
          const credit = reading.image?.credit
          if (reading.kind === 'credit' && last && photoAfter === children.length && (last.credit === undefined || last.credit === credit)) {
            // The credit of the caption just read (classify may have given it to the caption already).
            if (credit) last.credit = credit
          } else {
            const caption = reading.kind === 'caption' ? (reading.image?.caption ?? reading.text) : undefined
            photos.push({...(caption ? {caption} : {}), ...(credit ? {credit} : {}), place: position})
          }
          photoAfter = children.length
        }
        break
      case 'break':
        children.push({type: 'thematicBreak', position})
        break
      case 'list':
        children.push(listOf(reading.lines) ?? paragraph(reading, position))
        break
      case 'subheading': {
        const heading: Heading = {type: 'heading', depth: 2, children: [text()], position}
        children.push(heading)
        break
      }
      default:
        children.push(paragraph(reading, position))
    }
  }
  if (standfirst.length > 0) recovered.description = standfirst.join(' ')
  if (!recovered.authors && reporters && reporters.length > 0) recovered.authors = reporters
  if (contacts.length > 0) recovered.contacts = contacts
  if (release.lines.length > 0) recovered.release = release
  const dateline = readings.find((reading) => reading.kind === 'dateline')
  const datelineDate = dateline ? matchDateline(dateline.text, {loose: true})?.date : undefined
  if (datelineDate) recovered.datelineDate = datelineDate
  const tree: Root = {type: 'root', children}
  const lines = readings.flatMap((reading) => reading.lines).sort((a, b) => a.offset - b.offset)
  if (lines.length > 0) tree.position = spanOf(lines)
  return {tree, recovered}
}

function paragraph(reading: Reading, position: ReturnType<typeof spanOf>): Paragraph {
  return {type: 'paragraph', children: [{type: 'text', value: reading.text, position}], position}
}

/**
 * The contacts of a contacts block: a new contact at each name (or each
 * label), with the phones and e-mail addresses under it.
 */
function contactsOf(lines: Line[]): Contact[] {
  const contacts: Contact[] = []
  let current: Contact | undefined
  for (const line of lines) {
    let text = line.text
    const label = f.contactLabelOf(text)
    if (label) text = label.rest
    const name = text.split(/\s*[,|–—]\s*/)[0]!.trim()
    const startsContact = label !== undefined || (f.isName(name) && (current?.name !== undefined || current?.emails.length || current?.phones.length))
    if (!current || (startsContact && current.lines.length > (label ? 0 : 1))) {
      current = {lines: [], emails: [], phones: []}
      contacts.push(current)
    }
    current.lines.push(line.text)
    if (!current.name && f.isName(name)) current.name = name
    current.emails.push(...f.emailsOf(text))
    current.phones.push(...f.phonesOf(text.replace(/[\w.+-]+@\S+/g, '')))
  }
  return contacts
}

/**
 * A block whose lines are list items: two or more bulleted (`-`, `--`, `*`,
 * `•`, `–`) or numbered lines (one is enough with a typographic bullet, `•`),
 * a line without a marker continuing the item before it.
 */
function listOf(lines: Line[]): List | undefined {
  const first = lines[0]!.text
  const ordered = !f.bulletPattern.test(first)
  const pattern = ordered ? f.numberPattern : f.bulletPattern
  const opening = pattern.exec(first)
  if (!opening) return undefined
  const items: Array<{lines: Line[]; shift: number}> = []
  for (const line of lines) {
    const marker = pattern.exec(line.text)
    if (marker && (ordered || marker[1] === opening[1])) {
      const shift = marker[0].length
      items.push({lines: [{...line, text: line.text.slice(shift), offset: line.offset + shift}], shift})
    } else {
      items.at(-1)!.lines.push(line)
    }
  }
  if (items.length < 2 && !/[•▪·]/u.test(opening[1]!)) return undefined
  const children = items.map(({lines: itemLines, shift}): ListItem => {
    const span = spanOf(itemLines)
    // The item's text begins after its marker.
    const text = {...span, start: {...span.start, column: span.start.column + shift}}
    const paragraph: Paragraph = {type: 'paragraph', children: [{type: 'text', value: joinLines(itemLines), position: text}], position: text}
    return {type: 'listItem', spread: false, children: [paragraph], position: {...span, start: {...span.start, offset: span.start.offset! - shift}}}
  })
  const list: List = {type: 'list', ordered, spread: false, children, position: spanOf(lines)}
  if (ordered) list.start = Number(opening[1])
  return list
}
