import {describe, expect, it} from 'vitest'
import {body} from './render.js'

describe('h2–h6', () => {
  it('should underline headings to their display width, `-` for h2 and `.` below', () => {
    expect(body('## Hello *world*\n\n### 東京')).toBe('Hello world\n-----------\n\n東京\n....')
  })
})
