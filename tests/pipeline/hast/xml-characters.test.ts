import {describe, expect, it} from 'vitest'
import {
  illegalCharacters,
  removeIllegal,
  removeXmlIllegal,
  stripIllegal,
  xmlIllegalCharacters
} from '../../../src/pipeline/hast/xml-characters.js'

/** Whether XML 1.0's `Char` production allows a code point. */
function xmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
}

describe('xmlIllegalCharacters', () => {
  it('should match exactly the code points outside XML 1.0 `Char` (BMP)', () => {
    const pattern = new RegExp(xmlIllegalCharacters.source, 'u')
    const wrong: string[] = []
    for (let code = 0; code <= 0xffff; code++) {
      if (pattern.test(String.fromCharCode(code)) === xmlChar(code)) wrong.push(code.toString(16))
    }
    expect(wrong).toEqual([])
  })

  it('should keep paired surrogates and remove lone ones', () => {
    expect(removeXmlIllegal('a\uD800b\uDC00c😀d')).toBe('abc😀d')
  })

  it('should keep what XML allows but HTML does not (C1 controls, U+FDD0)', () => {
    expect(removeXmlIllegal('a\u0085b\uFDD0c\u007Fd')).toBe('a\u0085b\uFDD0c\u007Fd')
  })
})

describe('illegalCharacters', () => {
  it('should hold every XML-illegal character', () => {
    const pattern = new RegExp(illegalCharacters.source, 'u')
    const missing: string[] = []
    for (let code = 0; code <= 0xffff; code++) {
      if (!xmlChar(code) && !pattern.test(String.fromCharCode(code))) missing.push(code.toString(16))
    }
    expect(missing).toEqual([])
  })

  it('should also hold DEL, C1 controls and every noncharacter', () => {
    for (const character of ['\u007F', '\u0085', '\u009F', '\uFDD0', '\uFDEF', '\u{1FFFE}', '\u{10FFFF}']) {
      expect(removeIllegal(`a${character}b`)).toBe('ab')
    }
  })
})

describe('removeIllegal', () => {
  it('should remove C0 controls but tab, line feed and carriage return', () => {
    expect(removeIllegal('a\u0001b\u000Bc\u001Fd\te\nf\rg')).toBe('abcd\te\nf\rg')
  })

  it('should remove U+FFFE, U+FFFF and lone surrogates but keep astral characters', () => {
    expect(removeIllegal('a\uFFFEb\uFFFFc\uD800d\uDC00e😀f')).toBe('abcde😀f')
  })

  it('should keep Arabic text and its marks intact', () => {
    const arabic = 'نصٌّ عربيّ مع تشكيل\u200F'
    expect(removeIllegal(arabic)).toBe(arabic)
  })
})

describe('stripIllegal', () => {
  it('should count what it removes and give the first', () => {
    expect(stripIllegal('a\u0000b\u0007c')).toEqual({text: 'abc', removed: 2, first: '\u0000'})
  })

  it('should give the text unchanged when there is nothing to remove', () => {
    expect(stripIllegal('abc')).toEqual({text: 'abc', removed: 0})
  })
})
