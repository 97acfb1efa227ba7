import {describe, expect, it} from 'vitest'
import {body, render} from './render.js'

describe('a', () => {
  it('should write `text [n]` and list the absolute URL', () => {
    const result = render('See [the report](/reports/x.html) today.')
    expect(result.body).toBe('See the report [1] today.')
    expect(result.links).toEqual(['https://news.example.org/reports/x.html'])
  })

  it('should give the same URL the same number', () => {
    const result = render('[a](https://a.example/) [b](https://b.example/) [c](https://a.example/)')
    expect(result.body).toBe('a [1] b [2] c [1]')
    expect(result.links).toEqual(['https://a.example/', 'https://b.example/'])
  })

  it('should print a link whose text is its URL once, without a number', () => {
    const result = render('Go to <https://example.org/page> or <desk@example.org>.')
    expect(result.body).toBe('Go to https://example.org/page or desk@example.org.')
    expect(result.links).toEqual([])
  })

  it('should join adjacent links to the same URL', () => {
    const result = render('Mail <a href="mailto:calc@gsa.gov">calc@gsa.</a><a href="mailto:calc@gsa.gov">gov</a>.')
    expect(result.body).toBe('Mail calc@gsa.gov.')
  })

  it('should keep links within the page as plain text', () => {
    expect(body('Jump [down](#later).')).toBe('Jump down.')
  })
})
