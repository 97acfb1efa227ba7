import {describe, expect, it} from 'vitest'
import {body} from './render.js'

describe('pre', () => {
  it('should indent code four spaces and never wrap it', () => {
    const long = 'x'.repeat(100)
    expect(body('```\nif (a) {\n  ' + long + '\n}\n```')).toBe(`    if (a) {\n      ${long}\n    }`)
  })
})
