import {describe, expect, it} from 'vitest'
import {body} from './render.js'

describe('blockquote', () => {
  it('should prefix every line with `> `, blank lines with `>`', () => {
    expect(body('> one two three\n>\n> four', {width: 10})).toBe('> one two\n> three\n>\n> four')
  })
})
