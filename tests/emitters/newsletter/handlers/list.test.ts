import {describe, expect, it} from 'vitest'
import {body} from './render.js'

describe('ul, ol', () => {
  it('should write bullets with a hanging indent, nested deeper', () => {
    expect(body('- one two three four\n  - nested', {width: 20})).toBe('  * one two three\n    four\n      * nested')
  })

  it('should number from `start`, right-aligning the numbers', () => {
    expect(body('9. nine\n10. ten')).toBe('   9. nine\n  10. ten')
  })

  it('should separate the items of a loose list by a blank line', () => {
    expect(body('- a\n\n- b')).toBe('  * a\n\n  * b')
  })

  it('should write task list checkboxes', () => {
    expect(body('- [x] done\n- [ ] todo')).toBe('  * [x] done\n  * [ ] todo')
  })
})
