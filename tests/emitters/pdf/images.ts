/**
 * A tiny PNG with an alpha channel and a tiny JPEG header, written once to
 * the temp folder, and an article using the PNG as its lead image.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {deflateSync} from 'node:zlib'
import type {Article} from '../../../src/types.js'
import {markdown} from './helpers.js'

const folder = mkdtempSync(path.join(tmpdir(), 'pressroom-pdf-images-'))

function crc32(data: Buffer): number {
  let crc = ~0
  for (const byte of data) {
    crc ^= byte
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ~crc >>> 0
}

function chunk(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length)
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}

/**
 * A PNG (RGBA, 8 bit) of `width` × `height` pixels, a gradient with alpha.
 *
 * @param width
 *   Width.
 * @param height
 *   Height.
 * @returns
 *   PNG bytes.
 */
export function png(width = 4, height = 3): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8
  header[9] = 6
  const rows: number[] = []
  for (let y = 0; y < height; y++) {
    rows.push(y % 2 === 0 ? 0 : 2)
    for (let x = 0; x < width; x++) rows.push(x * 60, y * 80, 100, 128 + x)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0))
  ])
}

/**
 * An article whose lead image is a local PNG.
 *
 * @param alt
 *   Alt text.
 * @returns
 *   Article.
 */
export function articleWithImage(alt: string): Article {
  const file = path.join(folder, 'map.png')
  writeFileSync(file, png(40, 30))
  const article = markdown(`---\ntitle: Figure\ndate: 2024-01-01\n---\n\nText under the image.\n`)
  const asset = {source: file, output: 'assets/map.png', mediaType: 'image/png', size: 100, width: 40, height: 30}
  article.assets.push(asset)
  article.meta.image = {src: 'assets/map.png', alt, caption: 'The region.', credit: 'AFP', asset}
  return article
}
