import {describe, expect, it} from 'vitest'
import {body} from './render.js'

describe('table', () => {
  it('should align columns by display width, honouring alignment', () => {
    expect(body('| a | 数 |\n|---|--:|\n| 東京 | 1 |\n| b | 22 |')).toBe(
      ['a     数', '----  --', '東京   1', 'b     22'].join('\n')
    )
  })

  it('should write one record per row when too wide, after the column names', () => {
    const text = body('| Name | Note |\n|---|---|\n| A | ' + 'word '.repeat(20).trim() + ' |', {width: 40})
    expect(text.split('\n')[0]).toBe('Name | Note')
    expect(text).toContain('\nName: A\nNote: word word')
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(40)
  })
})
