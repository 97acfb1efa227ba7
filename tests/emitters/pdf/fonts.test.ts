import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../../../src/config.js'
import {BoundedCache} from '../../../src/emitters/pdf/cache.js'
import {num} from '../../../src/emitters/pdf/draw.js'
import {findFont, layoutOf, loadFont, measure} from '../../../src/emitters/pdf/fonts.js'
import {root} from '../../helpers/article.js'

const config = resolveConfig({}, root)

function fontOf(name: string) {
  const file = findFont(config, name)
  if (!file) throw new Error(`no ${name}`)
  return loadFont(file)
}

describe('layout cache', () => {
  it('should give what fontkit gives, frozen', () => {
    const font = fontOf('DejaVuSans.ttf')
    for (const text of ['Hello', 'هەولێر', 'office', 'Hello']) {
      const cached = layoutOf(font, text)
      const fresh = font.original.layout(text)
      expect(cached.glyphs.map((glyph) => glyph.id)).toEqual(fresh.glyphs.map((glyph) => glyph.id))
      expect(cached.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset])).toEqual(
        fresh.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset])
      )
      expect(cached.advanceWidth).toBe(fresh.advanceWidth)
      expect(Object.isFrozen(cached.positions[0])).toBe(true)
      expect(measure(font, text)).toBe(fresh.advanceWidth / font.original.unitsPerEm)
    }
    expect(layoutOf(font, 'Hello')).toBe(layoutOf(font, 'Hello'))
  })
})

describe('BoundedCache', () => {
  it('should stay under twice its limit and keep what is used', () => {
    const cache = new BoundedCache<number, number>(100)
    for (let index = 0; index < 1000; index++) {
      cache.set(index, index * 2)
      // A key used all along survives every generation.
      expect(cache.get(0) ?? (cache.set(0, 0), 0)).toBe(0)
      expect(cache.size).toBeLessThanOrEqual(200)
    }
    expect(cache.get(999)).toBe(1998)
    expect(cache.get(0)).toBe(0)
    expect(cache.get(1)).toBeUndefined()
    cache.clear()
    expect(cache.size).toBe(0)
  })
})

describe('num', () => {
  const reference = (value: number) => String(Math.round(value * 1000) / 1000)

  it('should write numbers as String(Math.round(value * 1000) / 1000)', () => {
    for (const value of [0, -0, 0.0004, -0.0004, 0.0005, -0.0005, 1.5, -1.5, 0.1, 0.25, 12.345, -12.3456, 595.28, 841.89, 1e15, -1e17, Number.NaN, 0.9995, -0.9995, 2.0005]) {
      expect(num(value)).toBe(reference(value))
    }
    fc.assert(fc.property(fc.double({min: -1e6, max: 1e6, noNaN: true}), (value) => num(value) === reference(value)), {numRuns: 20_000})
    fc.assert(fc.property(fc.integer({min: -1e9, max: 1e9}), (value) => num(value / 1000) === reference(value / 1000)), {numRuns: 20_000})
  })
})

describe('shape', () => {
  it('should join the pieces of a word around characters it drops', async () => {
    const {createFontSet} = await import('../../../src/emitters/pdf/fonts.js')
    const {loadTheme} = await import('../../../src/emitters/pdf/theme.js')
    const {shape} = await import('../../../src/emitters/pdf/layout.js')
    const fonts = createFontSet(loadTheme(config), config)
    const style = {family: 'serif' as const, bold: false, italic: false, size: 10, color: '#000000'}
    const texts = (text: string) =>
      shape([{text, style}], fonts, {dir: 'ltr'}).flatMap((item) => (item.kind === 'word' ? item.segments.map((s) => s.text) : ['|']))
    expect(texts('ab\u200Ecd ef')).toEqual(['abcd', '|', 'ef'])
    expect(texts('in\u00ADfor\u00ADma\u200Etion')).toEqual(['in', 'for', 'mation'])
    expect(texts('a\u202Ab\u202Cc')).toEqual(['abc'])
  })
})
