/**
 * Deterministic generator of realistic articles for the benchmark: front
 * matter, 600–1,500 words, headings, lists, links, a blockquote and an image.
 * The same `n` and `seed` always give the same files.
 */
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import zlib from 'node:zlib'

const words = (
  'government ministry security agreement region council budget election water energy border trade school hospital ' +
  'road reform report policy minister citizens city province parliament court market farmers prices health data ' +
  'public service digital access research community development investment infrastructure transport housing ' +
  'the a of to and in for on with by from at as is was are were be has have said will would could also new more'
).split(' ')
const places = ['ERBIL', 'BAGHDAD', 'SULAIMANI', 'DUHOK', 'WASHINGTON', 'ANKARA', 'MOSUL', 'KIRKUK']
const agencies = ['Kurdistan24', 'AP', 'Reuters', 'AFP']

/** A small seeded pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function sentence(next: () => number, min = 8, max = 22): string {
  const length = min + Math.floor(next() * (max - min))
  const list = Array.from({length}, () => words[Math.floor(next() * words.length)]!)
  const text = list.join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1) + '.'
}

function paragraph(next: () => number): string {
  return Array.from({length: 3 + Math.floor(next() * 4)}, () => sentence(next)).join(' ')
}

/** A tiny PNG (solid colour), shared by all generated articles. */
function png(): Buffer {
  const width = 64
  const height = 32
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x5a)])
  const raw = Buffer.concat(Array.from({length: height}, () => row))
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body) >>> 0)
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

/** Markdown of article `index`. */
export function article(index: number, seed = 1): string {
  const next = random(seed * 100_003 + index)
  const title = sentence(next, 5, 10).slice(0, -1)
  const day = new Date(Date.UTC(2020, 0, 1) + index * 3_600_000 * 7)
  const place = places[index % places.length]!
  const agency = agencies[index % agencies.length]!
  const parts: string[] = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `date: ${day.toISOString()}`,
    `authors: [${JSON.stringify('Reporter ' + (index % 17))}]`,
    `tags: [${['politics', 'economy', 'security', 'culture'][index % 4]}, region-${index % 5}]`,
    `description: ${JSON.stringify(sentence(next, 12, 20))}`,
    'image: images/photo.png',
    `image_alt: ${JSON.stringify('Photo for article ' + index)}`,
    'image_caption: A generated photo caption.',
    `image_credit: ${agency}`,
    '---',
    '',
    `${place} (${agency}) – ${paragraph(next)}`,
    ''
  ]
  let count = 0
  const target = 600 + Math.floor(next() * 900)
  let section = 0
  while (count < target) {
    if (section < 4 && next() < 0.25) {
      parts.push(`## ${sentence(next, 3, 7).slice(0, -1)}`, '')
      section++
    }
    const roll = next()
    let block: string
    if (roll < 0.08) block = Array.from({length: 3 + Math.floor(next() * 3)}, () => `- ${sentence(next, 4, 10)}`).join('\n')
    else if (roll < 0.12) block = `> ${sentence(next)} ${sentence(next)}`
    else block = paragraph(next).replace(/ (report|policy|data)\b/, ` [$1](https://example.org/${index}/$1)`)
    parts.push(block, '')
    count += block.split(/\s+/).length
  }
  return parts.join('\n')
}

/**
 * Write `n` articles (and their shared image) into `dir`.
 *
 * @returns
 *   The paths written.
 */
export async function generate(dir: string, n: number, seed = 1): Promise<string[]> {
  await mkdir(path.join(dir, 'images'), {recursive: true})
  await writeFile(path.join(dir, 'images/photo.png'), png())
  const files: string[] = []
  for (let index = 0; index < n; index++) {
    const file = path.join(dir, `article-${String(index).padStart(5, '0')}.md`)
    await writeFile(file, article(index, seed))
    files.push(file)
  }
  return files
}
