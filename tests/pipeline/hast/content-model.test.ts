import {describe, expect, it} from 'vitest'
import {
  blockElements,
  blockPartElements,
  headingElements,
  phrasingContainers,
  phrasingElements,
  transparentElements
} from '../../../src/pipeline/hast/content-model.js'

describe('content model', () => {
  it('should keep phrasing and block elements apart', () => {
    expect([...phrasingElements].filter((name) => blockElements.has(name) || blockPartElements.has(name))).toEqual([])
    expect([...blockElements].filter((name) => blockPartElements.has(name))).toEqual([])
  })

  it('should hold paragraphs, headings and `pre` to phrasing content, not lists or quotes', () => {
    for (const name of ['p', 'pre', 'summary', ...headingElements, 'em', 'span']) expect(phrasingContainers.has(name), name).toBe(true)
    for (const name of ['div', 'li', 'blockquote', 'ul', 'td']) expect(phrasingContainers.has(name), name).toBe(false)
  })

  it('should count ruby’s parts with ruby', () => {
    for (const name of ['ruby', 'rt', 'rp']) expect(phrasingElements.has(name), name).toBe(true)
  })

  it('should know transparent elements are phrasing too', () => {
    expect([...transparentElements].filter((name) => !phrasingElements.has(name))).toEqual([])
  })

  it('should make every heading a block', () => {
    expect([...headingElements].every((name) => blockElements.has(name))).toBe(true)
  })
})
