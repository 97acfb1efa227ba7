/**
 * Images, read and decoded once per process (pdfkit decodes an image again
 * for every document). JPEG and opaque PNG are cheap for pdfkit (it copies
 * their compressed data), so their bytes are cached; PNGs with an alpha
 * channel are split into colour and soft-mask streams here, once.
 */
import {readFileSync} from 'node:fs'
import {deflateSync, inflateSync} from 'node:zlib'

/** A decoded image ready to embed. */
export type CachedImage =
  | {kind: 'bytes'; width: number; height: number; data: Buffer}
  | {
      kind: 'split'
      width: number
      height: number
      colorSpace: 'DeviceRGB' | 'DeviceGray'
      /** Deflated colour samples. */
      data: Buffer
      /** Deflated alpha samples. */
      alpha: Buffer
    }

const cache = new Map<string, CachedImage | Error>()
/** Bytes held by the cache: bounded by size too, photos can be large. */
let cachedBytes = 0
const maxCachedBytes = 64 * 1024 * 1024

/**
 * Load an image file (JPEG or PNG) once per process.
 *
 * @param file
 *   Absolute path.
 * @returns
 *   The image, or an `Error` saying why it cannot be used.
 */
export function loadImage(file: string): CachedImage | Error {
  let image = cache.get(file)
  if (!image) {
    try {
      image = decode(readFileSync(file))
    } catch (error) {
      image = error instanceof Error ? error : new Error(String(error))
    }
    const bytes = image instanceof Error ? 0 : image.data.length + (image.kind === 'split' ? image.alpha.length : 0)
    if (cache.size > 500 || cachedBytes + bytes > maxCachedBytes) {
      cache.clear()
      cachedBytes = 0
    }
    cachedBytes += bytes
    cache.set(file, image)
  }
  return image
}

/**
 * Decode the header (and, for PNG with alpha, the pixels) of an image.
 *
 * @param data
 *   File contents.
 * @returns
 *   Cached image.
 */
export function decode(data: Buffer): CachedImage {
  if (data[0] === 0xff && data[1] === 0xd8) return {kind: 'bytes', ...jpegSize(data), data}
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return png(data)
  throw new Error('unsupported image format, use JPEG or PNG')
}

function jpegSize(data: Buffer): {width: number; height: number} {
  let offset = 2
  while (offset + 9 < data.length) {
    if (data[offset] !== 0xff) throw new Error('invalid JPEG marker')
    const marker = data[offset + 1] ?? 0
    const length = data.readUInt16BE(offset + 2)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return {height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7)}
    }
    offset += 2 + length
  }
  throw new Error('JPEG without a frame header')
}

function png(data: Buffer): CachedImage {
  let offset = 8
  let width = 0
  let height = 0
  let bits = 0
  let colorType = 0
  let interlace = 0
  const idat: Buffer[] = []
  while (offset + 8 <= data.length) {
    const length = data.readUInt32BE(offset)
    const type = data.toString('latin1', offset + 4, offset + 8)
    const body = data.subarray(offset + 8, offset + 8 + length)
    if (type === 'IHDR') {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      bits = body[8] ?? 0
      colorType = body[9] ?? 0
      interlace = body[12] ?? 0
    } else if (type === 'IDAT') {
      idat.push(body)
    } else if (type === 'IEND') {
      break
    }
    offset += 12 + length
  }
  if (width === 0 || height === 0 || idat.length === 0) throw new Error('invalid PNG')
  const hasAlpha = colorType === 4 || colorType === 6
  // pdfkit embeds opaque PNGs without decoding them; only alpha needs work.
  if (!hasAlpha || bits !== 8 || interlace !== 0) return {kind: 'bytes', width, height, data}
  const channels = colorType === 6 ? 4 : 2
  const raw = unfilter(inflateSync(Buffer.concat(idat)), width, height, channels)
  const colors = channels - 1
  const color = Buffer.alloc(width * height * colors)
  const alpha = Buffer.alloc(width * height)
  for (let pixel = 0, source = 0; pixel < width * height; pixel++) {
    for (let c = 0; c < colors; c++) color[pixel * colors + c] = raw[source++] ?? 0
    alpha[pixel] = raw[source++] ?? 255
  }
  return {
    kind: 'split',
    width,
    height,
    colorSpace: colors === 3 ? 'DeviceRGB' : 'DeviceGray',
    data: deflateSync(color),
    alpha: deflateSync(alpha)
  }
}

function unfilter(input: Buffer, width: number, height: number, bpp: number): Buffer {
  const stride = width * bpp
  const out = Buffer.alloc(stride * height)
  let source = 0
  for (let y = 0; y < height; y++) {
    const filter = input[source++] ?? 0
    const row = y * stride
    for (let x = 0; x < stride; x++) {
      const value = input[source++] ?? 0
      const left = x >= bpp ? out[row + x - bpp] ?? 0 : 0
      const up = y > 0 ? out[row - stride + x] ?? 0 : 0
      const upLeft = y > 0 && x >= bpp ? out[row - stride + x - bpp] ?? 0 : 0
      let predicted = 0
      if (filter === 1) predicted = left
      else if (filter === 2) predicted = up
      else if (filter === 3) predicted = (left + up) >> 1
      else if (filter === 4) {
        const p = left + up - upLeft
        const pa = Math.abs(p - left)
        const pb = Math.abs(p - up)
        const pc = Math.abs(p - upLeft)
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft
      }
      out[row + x] = (value + predicted) & 0xff
    }
  }
  return out
}
