import {describe, expect, it} from 'vitest'
import {render} from './render.js'

describe('section.footnotes, sup', () => {
  it('should mark references `[note n]` and move the notes after the body', () => {
    const result = render('Claim.[^a] Other.[^b]\n\n[^a]: First [source](https://example.org/s).\n[^b]: Second.')
    expect(result.body).toBe('Claim. [note 1] Other. [note 2]'.replace(/note /g, 'note\u00A0'))
    expect(result.notesLabel).toBe('Footnotes')
    expect(result.notes.map((note) => note.lines.join('\n'))).toEqual(['  1. First source [1].', '  2. Second.'])
    expect(result.links).toEqual(['https://example.org/s'])
  })
})
