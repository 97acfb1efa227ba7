import {describe, expect, it} from 'vitest'
import {createSlots} from '../../../src/emitters/feeds/slots.js'

describe('createSlots', () => {
  it('should give tokens free of `&`, `<`, `>`, `"` and `]]>`', () => {
    const slots = createSlots()
    const token = slots.put('Tom & <Jerry> "]]>"')
    expect(token).not.toMatch(/[&<>"]|]]>/)
  })

  it('should write a bare token (text or attribute) as escaped text', () => {
    const slots = createSlots()
    const a = slots.put('Q&amp;A <c>')
    const b = slots.put('x"y')
    expect(slots.fill(`<t>${a}</t><u v="${b}"/>`)).toBe('<t>Q&amp;amp;A &lt;c&gt;</t><u v="x&quot;y"/>')
  })

  it('should write a token alone in a CDATA section as a CDATA section with every `]]>` split', () => {
    const slots = createSlots()
    const token = slots.put('a]]>b]]>c')
    expect(slots.fill(`<t><![CDATA[${token}]]></t>`)).toBe('<t><![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>c]]></t>')
  })

  it('should remove XML-illegal characters from values', () => {
    const slots = createSlots()
    const token = slots.put('a\u0001b\uFFFEc')
    expect(slots.fill(`<t>${token}</t>`)).toBe('<t>abc</t>')
  })

  it('should not be fooled by values that look like tokens', () => {
    const slots = createSlots()
    const first = slots.put('one')
    const second = slots.put('\uFFFF0\uFFFF')
    expect(slots.fill(`${first}|${second}`)).toBe('one|0')
  })

  it('should throw when a token was changed', () => {
    const slots = createSlots()
    const token = slots.put('x')
    expect(() => slots.fill(token.slice(0, -1))).toThrow(/slot token left/)
    expect(() => slots.fill('\uFFFF7\uFFFF')).toThrow(/Unknown slot/)
  })
})
