import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {accessibleTree} from '../../src/emitters/html/accessible.js'
import {articleFrom} from '../helpers/article.js'

describe('accessibleTree', () => {
  it('should name task-list checkboxes by their item, nested lists left out, without changing the article', () => {
    const article = articleFrom('---\ntitle: T\ndate: 2025-01-01\n---\n- [x] Write *the* emitter\n- [ ] Ship it\n  - [ ] Tag\n')
    const before = toHtml(article.hast)
    const html = toHtml(accessibleTree(article.hast))
    expect(html).toContain('<input type="checkbox" checked disabled aria-label="Write the emitter">')
    expect(html).toContain('<input type="checkbox" disabled aria-label="Ship it">')
    expect(html).toContain('<input type="checkbox" disabled aria-label="Tag">')
    expect(toHtml(article.hast)).toBe(before)
    expect(before).not.toContain('aria-label')
  })

  it('should let the keyboard reach code blocks and tables, which scroll inside their box', () => {
    const article = articleFrom('---\ntitle: T\ndate: 2025-01-01\n---\n```\ncode\n```\n\n| a |\n| - |\n| b |\n')
    const html = toHtml(accessibleTree(article.hast))
    expect(html).toMatch(/<pre tabindex="0">/)
    expect(html).toMatch(/<table tabindex="0">/)
  })
})
