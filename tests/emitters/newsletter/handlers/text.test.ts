import {describe, expect, it} from 'vitest'
import {body} from './render.js'

describe('text, br, hr, phrasing', () => {
  it('should drop inline markup, keeping its text', () => {
    expect(body('**bold** _em_ `code` ~~del~~ H<sub>2</sub>O')).toBe('bold em code del H2O')
  })

  it('should keep hard line breaks', () => {
    expect(body('one  \ntwo')).toBe('one\ntwo')
  })

  it('should write a thematic break as a centered `* * *`', () => {
    expect(body('a\n\n---\n\nb', {width: 11})).toBe('a\n\n   * * *\n\nb')
  })

  it('should decode entities and keep right-to-left text in logical order', () => {
    expect(body('AT&amp;T &lt;tag&gt; مرحبا بالعالم')).toBe('AT&T <tag> مرحبا بالعالم')
  })
})
