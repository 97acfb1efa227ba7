import {describe, expect, it} from 'vitest'
import {decode} from '../../../src/emitters/pdf/images.js'
import {png} from './images.js'

describe('decode', () => {
  it('should split a PNG with alpha into colour and soft mask', () => {
    const image = decode(png(4, 3))
    expect(image.kind).toBe('split')
    expect(image.width).toBe(4)
    expect(image.height).toBe(3)
  })

  it('should read the size of a JPEG without decoding it', () => {
    // SOI, APP0 (length 16), SOF0 (8-bit, 20 × 10).
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
      0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x0a, 0x00, 0x14, 0x03, 0x01, 0x11, 0x00, 0x02, 0x11, 0x01,
      0x03, 0x11, 0x01, 0xff, 0xd9
    ])
    const image = decode(jpeg)
    expect(image).toMatchObject({kind: 'bytes', width: 20, height: 10})
  })

  it('should refuse other formats', () => {
    expect(() => decode(Buffer.from('GIF89a'))).toThrow(/unsupported image format/)
  })
})
