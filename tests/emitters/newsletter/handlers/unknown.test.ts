import type {Nodes, Root} from 'hast'
import {describe, expect, it} from 'vitest'
import {renderTree} from './render.js'

describe('unknown', () => {
  it('should keep the text of an unknown element and report it', () => {
    const tree: Root = {
      type: 'root',
      children: [{type: 'element', tagName: 'marquee', properties: {}, children: [{type: 'text', value: 'Breaking news'}]}]
    }
    const reports: Array<[string, Nodes]> = []
    const result = renderTree(tree, {warn: (reason, node) => reports.push([reason, node])})
    expect(result.body).toBe('Breaking news')
    expect(reports).toHaveLength(1)
    expect(reports[0]![0]).toBe('Emitter `newsletter` has no handler for `<marquee>`; its text is kept')
  })

  it('should let users override a handler', () => {
    const tree: Root = {type: 'root', children: [{type: 'element', tagName: 'p', properties: {}, children: [{type: 'text', value: 'x'}]}]}
    const result = renderTree(tree, {handlers: {p: () => ({type: 'block', lines: ['custom']})}})
    expect(result.body).toBe('custom')
  })
})
