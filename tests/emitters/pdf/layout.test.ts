import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../../../src/config.js'
import {createFontSet} from '../../../src/emitters/pdf/fonts.js'
import {hyphenatorFor} from '../../../src/emitters/pdf/hyphenate.js'
import {drawText, shape, visualOrder, type Segment, type TextStyle} from '../../../src/emitters/pdf/layout.js'
import {breakLines, breakParagraph} from '../../../src/emitters/pdf/line-breaking.js'
import {loadTheme} from '../../../src/emitters/pdf/theme.js'
import {root} from '../../helpers/article.js'

const config = resolveConfig({}, root)
const theme = loadTheme(config)
const fonts = createFontSet(theme, config)
const style: TextStyle = {family: 'serif', bold: false, italic: false, size: 10, color: '#000000'}
const mono: TextStyle = {...style, family: 'mono'}

function hyphen(s: TextStyle): Segment {
  const font = fonts.chain(s).fonts[0]
  if (!font) throw new Error('no font')
  return {kind: 'segment', text: '-', style: s, font, level: 0, width: 3}
}

function lineText(items: ReadonlyArray<{kind: string; text?: string}>): string {
  return items.map((item) => (item.kind === 'glue' ? ' ' : item.text)).join('')
}

describe('shape', () => {
  it('should split words at spaces and keep words together across styles', () => {
    const bold = {...style, bold: true}
    const items = shape(
      [
        {text: 'Hello wor', style},
        {text: 'ld again', style: bold}
      ],
      fonts,
      {dir: 'ltr'}
    )
    const words = items.filter((item) => item.kind === 'word')
    expect(words).toHaveLength(3)
    expect(words[1]?.kind === 'word' && words[1].segments.map((s) => s.text)).toEqual(['wor', 'ld'])
  })

  it('should give right-to-left text odd bidi levels', () => {
    const items = shape([{text: 'Erbil (هەولێر) is', style}], fonts, {dir: 'ltr'})
    const segments = items.flatMap((item) => (item.kind === 'word' ? item.segments : []))
    const arabic = segments.find((segment) => segment.text.includes('هەولێر'))
    expect(arabic?.level).toBe(1)
    expect(segments.find((segment) => segment.text === 'Erbil')?.level).toBe(0)
  })

  it('should pick the next font of the chain for characters the first lacks', () => {
    const items = shape([{text: 'سلاو', style}], fonts, {dir: 'rtl'})
    const segment = items[0]?.kind === 'word' ? items[0].segments[0] : undefined
    // DejaVu Serif has no Arabic: DejaVu Sans draws it.
    expect(segment?.font.key).toBe('DejaVuSans')
  })

  it('should draw a white square for each character no font has, and report them', () => {
    const missing: string[] = []
    const items = shape([{text: 'a中文b 語', style}], fonts, {dir: 'ltr', onMissing: (c) => missing.push(c)})
    expect(missing).toEqual(['中', '文', '語'])
    const text = items.map((item) => (item.kind === 'word' ? item.segments.map((s) => s.text).join('') : item.kind === 'glue' ? ' ' : '')).join('')
    expect(text).toBe('a\u25A1\u25A1b \u25A1')
  })

  it('should keep every space of code', () => {
    const items = shape([{text: 'a  b', style: mono}], fonts, {dir: 'ltr', preserveSpaces: true})
    expect(items.filter((item) => item.kind === 'glue')).toHaveLength(2)
  })
})

describe('breakLines', () => {
  it('should break only at spaces and soft hyphens, drawing a hyphen', () => {
    const hyphenate = hyphenatorFor('en')
    expect(hyphenate).toBeDefined()
    const text = (hyphenate ?? ((t: string) => t))('internationalization internationalization internationalization')
    const items = shape([{text, style}], fonts, {dir: 'ltr'})
    const lines = breakLines(items, {width: 150, hyphen})
    expect(lines.length).toBeGreaterThan(1)
    const first = lines[0]
    expect(first?.hyphenated).toBe(true)
    expect(lineText(first?.items ?? []).endsWith('-')).toBe(true)
    // Joined again, the lines give back the words.
    const joined = lines.map((line) => lineText(line.items).replace(/-$/, '')).join('')
    expect(joined.replace(/ /g, '')).toBe('internationalization'.repeat(3))
  })

  it('should never break code at soft hyphens', () => {
    const items = shape([{text: 'const internationalization = 1', style: mono}], fonts, {dir: 'ltr', preserveSpaces: true})
    const lines = breakLines(items, {width: 120, hyphen})
    expect(lines.every((line) => !line.hyphenated)).toBe(true)
  })

  it('should break a word wider than the line between characters', () => {
    const items = shape([{text: 'https://example.org/a/very/long/path/that/does/not/fit', style}], fonts, {dir: 'ltr'})
    const lines = breakLines(items, {width: 80, hyphen})
    expect(lines.length).toBeGreaterThan(2)
    expect(lines.map((line) => lineText(line.items)).join('')).toBe('https://example.org/a/very/long/path/that/does/not/fit')
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(80.01)
  })

  it('should break a string of any length without a space into full lines, losing nothing', () => {
    // Cut in the middle of grapheme clusters by no window: marks, emoji, alternating scripts.
    for (const text of ['x'.repeat(30_000), 'ab\u0301c'.repeat(5000), 'aب'.repeat(8000), 'x😀'.repeat(6000), ('[' + 'a'.repeat(11)).repeat(3000)]) {
      const items = shape([{text, style}], fonts, {dir: 'ltr'})
      const lines = breakLines(items, {width: 300, hyphen})
      const logical = lines.map((line) => line.items.map((item) => (item.kind === 'segment' ? item.text : '')).join(''))
      expect(logical.join('')).toBe(text)
      for (const line of lines) expect(line.width).toBeLessThanOrEqual(300.01)
      // Every line but the last is full: no line is cut early.
      const widths = lines.slice(0, -1).map((line) => line.width)
      expect(Math.min(...widths)).toBeGreaterThan(300 - 20)
      expect(lines.at(-1)?.last).toBe(true)
    }
  })

  it('should end a line at `<br>`', () => {
    const items = shape([{text: 'one\ntwo', style}], fonts, {dir: 'ltr'})
    const lines = breakLines(items, {width: 500, hyphen})
    expect(lines.map((line) => lineText(line.items))).toEqual(['one', 'two'])
    expect(lines[0]?.last).toBe(true)
  })
})

describe('breakParagraph', () => {
  const settings = theme.justification
  const english = hyphenatorFor('en') ?? ((text: string) => text)
  const text =
    'While details of the agreement remain undisclosed, the Iraqi Defense Minister emphasized that Iraq aims to establish a sustainable security partnership and intelligence cooperation to address ongoing threats, including the resurgence of ISIS. Iraq’s evolving security strategy underscores its commitment to maintaining stability amid persistent regional threats. The proposed US-Iraq security agreement, alongside Iraq’s border reinforcements and intelligence partnerships, signals Baghdad’s proactive approach in navigating complex geopolitical challenges.'
  const spaces = (line: ReturnType<typeof breakParagraph>[number]) =>
    line.items.reduce((sum, item) => sum + (item.kind === 'glue' ? item.width : 0), 0)

  it('should set justified lines within the looseness bound, at most two hyphens in a row, losing nothing', () => {
    for (const width of [180, 240, 300, 360]) {
      const items = shape([{text: english(text), style}], fonts, {dir: 'ltr'})
      const lines = breakParagraph(items, {width, hyphen, justify: true, settings})
      let run = 0
      for (const line of lines) {
        run = line.hyphenated ? run + 1 : 0
        expect(run).toBeLessThanOrEqual(settings.consecutiveHyphens)
        // What the spaces must grow (or shrink) by to fill the line.
        if (!line.last) expect(1 + (width - line.width) / spaces(line)).toBeGreaterThanOrEqual(1 - settings.shrink - 1e-9)
        if (line.last) expect(line.width).toBeLessThanOrEqual(width + 0.01)
      }
      expect(lines.at(-1)?.last).toBe(true)
      // Hyphenated lines joined at their hyphen, others at a space.
      const joined = lines.map((line) => (line.hyphenated ? lineText(line.items).slice(0, -1) : lineText(line.items) + ' ')).join('')
      expect(joined.trim()).toBe(text)
    }
  })

  it('should set ragged lines no wider than the measure, spaces never shrunk', () => {
    const items = shape([{text: english(text), style}], fonts, {dir: 'ltr'})
    const lines = breakParagraph(items, {width: 250, hyphen, justify: false, settings})
    expect(lines.length).toBeGreaterThan(5)
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(250.01)
  })

  it('should set a right-to-left paragraph, mixed with left-to-right runs, within the measure', () => {
    const sorani = 'هەولێر پایتەختی هەرێمی کوردستانە و Erbil (هەولێر) is the capital; حکومەتی هەرێم بودجەی ساڵی ٢٠٢٤ پەسەند کرد. '.repeat(4)
    const items = shape([{text: sorani, style}], fonts, {dir: 'rtl'})
    const lines = breakParagraph(items, {width: 200, hyphen, justify: true, settings})
    expect(lines.length).toBeGreaterThan(3)
    for (const line of lines) {
      expect(line.hyphenated).toBe(false)
      if (line.last) expect(line.width).toBeLessThanOrEqual(200.01)
      else expect(line.width - spaces(line) * settings.shrink).toBeLessThanOrEqual(200.01)
    }
    expect(lines.map((line) => lineText(line.items)).join(' ')).toBe(sorani.trim())
  })

  it('should keep mixed fonts and styles in one word, and break only between words', () => {
    const bold = {...style, bold: true}
    const italic = {...style, italic: true, size: 12}
    const items = shape(
      [
        {text: 'A paragraph with bo', style},
        {text: 'ld and ', style: bold},
        {text: 'larger italic words ', style: italic},
        {text: 'and the rest in roman type, long enough to need several lines here.', style}
      ],
      fonts,
      {dir: 'ltr'}
    )
    const lines = breakParagraph(items, {width: 150, hyphen, justify: true, settings})
    expect(lines.length).toBeGreaterThan(2)
    expect(lines.some((line) => lineText(line.items).includes('bold'))).toBe(true)
    expect(lines.map((line) => lineText(line.items)).join(' ')).toBe(
      'A paragraph with bold and larger italic words and the rest in roman type, long enough to need several lines here.'
    )
  })

  it('should cut words wider than the measure and never set a line wider than it', () => {
    for (const source of ['See https://example.org/a/very/long/path/that/does/not/fit/on/one/line/at/all for more.', 'x'.repeat(30_000), 'aب'.repeat(8000)]) {
      const items = shape([{text: source, style}], fonts, {dir: 'ltr'})
      const lines = breakParagraph(items, {width: 120, hyphen, justify: true, settings})
      for (const line of lines) expect(line.width - (line.last ? 0 : spaces(line) * settings.shrink)).toBeLessThanOrEqual(120.01)
      const segments = lines.map((line) => line.items.map((item) => (item.kind === 'segment' ? item.text : item.kind === 'glue' ? ' ' : '')).join(''))
      expect(segments.join('').replace(/ /g, '')).toBe(source.replace(/ /g, ''))
    }
  })

  it('should end lines at `<br>`, unjustified', () => {
    const items = shape([{text: 'one\ntwo\n\nthree', style}], fonts, {dir: 'ltr'})
    const lines = breakParagraph(items, {width: 500, hyphen, justify: true, settings})
    expect(lines.map((line) => lineText(line.items))).toEqual(['one', 'two', '', 'three'])
    expect(lines.every((line) => line.last)).toBe(true)
  })
})

describe('visualOrder', () => {
  it('should reverse right-to-left runs inside a left-to-right line', () => {
    const items = [
      {level: 0, id: 'a'},
      {level: 1, id: 'b'},
      {level: 1, id: 'c'},
      {level: 0, id: 'd'}
    ]
    expect(visualOrder(items).map((item) => item.id)).toEqual(['a', 'c', 'b', 'd'])
  })

  it('should keep left-to-right runs in order inside a right-to-left line', () => {
    const items = [
      {level: 1, id: 'a'},
      {level: 2, id: 'b'},
      {level: 2, id: 'c'},
      {level: 1, id: 'd'}
    ]
    expect(visualOrder(items).map((item) => item.id)).toEqual(['d', 'b', 'c', 'a'])
  })
})

describe('drawText', () => {
  it('should mirror brackets and reverse neutrals at odd levels', () => {
    const font = fonts.chain(style).fonts[0]
    if (!font) throw new Error('no font')
    const segment: Segment = {kind: 'segment', text: '(»', style, font, level: 1, width: 0}
    expect(drawText(segment)).toBe('«)')
  })

  it('should reverse Arabic-Indic digits, which fontkit would reverse again', () => {
    const font = fonts.chain(style).fonts[0]
    if (!font) throw new Error('no font')
    expect(drawText({kind: 'segment', text: '٢٠١٤', style, font, level: 2, width: 0})).toBe('٤١٠٢')
    expect(drawText({kind: 'segment', text: '2014', style, font, level: 2, width: 0})).toBe('2014')
  })
})

describe('hyphenatorFor', () => {
  it('should hyphenate English and Turkish with soft hyphens', () => {
    expect(hyphenatorFor('en-US')?.('hyphenation')).toContain('\u00AD')
    expect(hyphenatorFor('tr')?.('anlaşılabilirliğini')).toContain('\u00AD')
  })

  it('should have nothing for languages without patterns', () => {
    expect(hyphenatorFor('ckb')).toBeUndefined()
    expect(hyphenatorFor('ar')).toBeUndefined()
  })
})
