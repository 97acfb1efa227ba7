import fc from 'fast-check'
import iconv from 'iconv-lite'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {decode, scanUtf8} from '../../src/readers/decode.js'

function run(bytes: Uint8Array | string) {
  const file = new VFile({path: 'input/a.md'})
  const text = decode(bytes, file)
  return {text, messages: file.messages.map((message) => ({rule: message.ruleId, line: message.line, column: message.column, reason: message.reason}))}
}

describe('decode', () => {
  it('should read UTF-8 silently, without a BOM and with LF line ends', () => {
    expect(run(Buffer.from('\uFEFFcafé\r\nsecond\rthird'))).toEqual({text: 'café\nsecond\nthird', messages: []})
  })

  it('should read a Windows-1252 file as Windows-1252, with a warning at the first non-UTF-8 byte', () => {
    const bytes = iconv.encode('Title line\nThe “café” costs 5€ – cheap.\n', 'windows-1252')
    const {text, messages} = run(bytes)
    expect(text).toBe('Title line\nThe “café” costs 5€ – cheap.\n')
    expect(messages).toEqual([{rule: 'legacy-encoding', line: 2, column: 5, reason: expect.stringMatching(/Windows-1252.*offset 15/)}])
  })

  it('should keep UTF-8 with one damaged byte as UTF-8 (not Windows-1252 mojibake)', () => {
    const bytes = Buffer.concat([Buffer.from('هەولێر، کوردستان\nline '), Buffer.from([0xe9]), Buffer.from(' end')])
    const {text, messages} = run(bytes)
    expect(text).toBe('هەولێر، کوردستان\nline \uFFFD end')
    expect(messages).toEqual([{rule: 'invalid-utf8', line: 2, column: 6, reason: expect.stringMatching(/offset 37/)}])
  })

  it('should report each byte no decoding explains, with its place', () => {
    // 0x81 and 0x8d mean nothing in Windows-1252 either.
    const bytes = Buffer.concat([Buffer.from('a'), Buffer.from([0x81]), Buffer.from('\nb'), Buffer.from([0x8d])])
    const {text, messages} = run(bytes)
    expect(text).toBe('a\uFFFD\nb\uFFFD')
    expect(messages.map((message) => [message.rule, message.line, message.column])).toEqual([
      ['invalid-utf8', 1, 2],
      ['invalid-utf8', 2, 2]
    ])
  })

  it('should sum up past twenty broken sequences', () => {
    const bytes = Buffer.from(Array.from({length: 30}, () => [0x61, 0x81]).flat())
    const {messages} = run(bytes)
    expect(messages).toHaveLength(21)
    expect(messages[20]).toMatchObject({rule: 'invalid-utf8', line: 1, column: 42, reason: expect.stringMatching(/offset 41 and 9 more/)})
  })

  it('should read UTF-16 with a byte-order mark, in both byte orders', () => {
    expect(run(Buffer.from('\uFEFFÜnïcödé\r\nزمان', 'utf16le'))).toEqual({text: 'Ünïcödé\nزمان', messages: []})
    expect(run(iconv.encode('Ünïcödé\nزمان', 'utf-16be', {addBOM: true}))).toEqual({text: 'Ünïcödé\nزمان', messages: []})
  })

  it('should find the same broken sequences as the WHATWG decoder replaces', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 64}), (bytes) => {
        const replaced = [...new TextDecoder('utf-8').decode(bytes)].filter((character) => character === '\uFFFD').length
        expect(scanUtf8(bytes).invalid).toHaveLength(replaced - countGenuineReplacement(bytes))
      }),
      {numRuns: 2000}
    )
  })
})

/** U+FFFD characters written as valid UTF-8 (EF BF BD) in the input itself. */
function countGenuineReplacement(bytes: Uint8Array): number {
  let count = 0
  for (let index = 0; index + 2 < bytes.length; index++) {
    if (bytes[index] === 0xef && bytes[index + 1] === 0xbf && bytes[index + 2] === 0xbd) count++
  }
  return count
}
