import {describe, expect, it} from 'vitest'
import {body} from './render.js'

describe('img, figure', () => {
  it('should write `[Image: alt]`', () => {
    expect(body('![A map](https://example.org/m.png)')).toBe('[Image: A map]')
  })

  it('should write a figure’s caption under the image', () => {
    expect(body('<figure><img src="https://example.org/a.png" alt="Crowd"><figcaption>Sunday.</figcaption></figure>')).toBe('[Image: Crowd]\nSunday.')
  })
})
