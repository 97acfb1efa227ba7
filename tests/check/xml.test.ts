import {describe, expect, it} from 'vitest'
import {checkXmlCharacters, parseXml, textOf} from '../../src/check/xml.js'
import {fileAt, idsOf} from './helpers.js'

describe('xml', () => {
  it('should build a tree of a well-formed document, with namespaces', () => {
    const file = fileAt('a.xml')
    const root = parseXml(file, '<?xml version="1.0"?><r xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title> T </dc:title></r>')
    expect(idsOf(file)).toEqual([])
    expect(root?.children[0]?.uri).toBe('http://purl.org/dc/elements/1.1/')
    expect(textOf(root?.children[0])).toBe('T')
  })

  it('should report the first well-formedness error only, with its place', () => {
    const file = fileAt('a.xml')
    expect(parseXml(file, '<r>\n<a></b>\n<c></r>')).toBeUndefined()
    expect(idsOf(file)).toEqual(['xml-not-well-formed'])
    expect(file.messages[0]?.line).toBe(2)
  })

  it('should report an unbound namespace prefix and an undefined entity', () => {
    const prefix = fileAt('a.xml')
    parseXml(prefix, '<r><x:a/></r>')
    expect(idsOf(prefix)).toEqual(['xml-not-well-formed'])
    const entity = fileAt('b.xml')
    parseXml(entity, '<r>&nbsp;</r>')
    expect(idsOf(entity)).toEqual(['xml-not-well-formed'])
  })

  it('should report characters XML does not allow, once, not also as a syntax error', () => {
    const file = fileAt('a.xml')
    expect(parseXml(file, '<r>a\u0001b\uFFFE</r>')).toBeDefined()
    expect(idsOf(file)).toEqual(['xml-not-well-formed', 'xml-not-well-formed'])
    expect(file.messages[0]?.reason).toContain('U+0001')
  })

  it('should report a lone surrogate', () => {
    const file = fileAt('a.xml')
    expect(checkXmlCharacters(file, 'a\uD800b')).toBe(true)
    expect(checkXmlCharacters(fileAt('b.xml'), 'tab\there 😀')).toBe(false)
  })
})
