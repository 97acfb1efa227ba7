import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {tagSlug} from '../../../src/emitters/feeds/tag-slug.js'

describe('tagSlug', () => {
  it('should lower-case and hyphenate', () => {
    expect(tagSlug('Middle East')).toBe('middle-east')
    expect(tagSlug('  C++ & Rust!  ')).toBe('c-rust')
  })

  it('should keep letters of any script with their marks', () => {
    expect(tagSlug('الأمن')).toBe('الأمن')
    expect(tagSlug('Ünïcode Straße')).toBe('ünïcode-straße')
    expect(tagSlug('हिन्दी')).toBe('हिन्दी')
  })

  it('should never give `/`, `.`, `..` or control characters', () => {
    expect(tagSlug('../../etc/passwd')).toBe('etc-passwd')
    expect(tagSlug('a\u0000b\u0001c')).toBe('a-b-c')
    expect(tagSlug('...')).toBe('')
  })

  it('should give only letters, marks, digits and single inner hyphens for any input', () => {
    fc.assert(
      fc.property(fc.string({unit: 'grapheme', maxLength: 120}), (tag) => {
        const slug = tagSlug(tag)
        expect(slug).toMatch(/^(?:[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:-[\p{L}\p{M}\p{N}]+)*)?$/u)
        expect(Array.from(slug).length).toBeLessThanOrEqual(80)
      })
    )
  })
})
