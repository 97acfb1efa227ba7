import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Heading, List, Paragraph} from 'mdast'
import {toString} from 'mdast-util-to-string'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {readWireCopy} from '../../src/readers/wire/index.js'
import {articleFrom, corpus} from '../helpers/article.js'

const seed = readFileSync(path.join(corpus, 'seed-article.txt'), 'utf8')

describe('wire copy reader', () => {
  const article = articleFrom(seed, {path: 'input/seed.txt'})

  it('should recover the headline as the title', () => {
    expect(article.meta.title).toBe('Iraq Studies New Security Agreement with US Amid Regional Challenges')
    expect(article.format).toBe('wire')
  })

  it('should recover the standfirst', () => {
    expect(article.meta.description).toBe(
      'While details of the agreement remain undisclosed, the Iraqi Defense Minister emphasized that Iraq aims to establish a sustainable security partnership and intelligence cooperation to address ongoing threats, including the resurgence of ISIS.'
    )
  })

  it('should recover one caption with its credit, once', () => {
    expect(article.meta.image).toEqual({
      alt: 'Iraqi Minister of Defence Thabet al-Abbasi.',
      caption: 'Iraqi Minister of Defence Thabet al-Abbasi.',
      credit: 'AFP'
    })
    const text = toString(article.mdast)
    expect(text).not.toContain('Thabet al-Abbasi. (Photo')
    expect(article.file.messages.filter((m) => m.ruleId === 'duplicate-line')).toHaveLength(1)
  })

  it('should split the dateline from the lede', () => {
    expect(article.meta.dateline).toEqual({place: 'ERBIL', agency: 'Kurdistan24', text: 'ERBIL (Kurdistan24) –'})
    const lede = article.mdast.children[0] as Paragraph
    expect(lede.type).toBe('paragraph')
    expect(lede.children[0]).toMatchObject({type: 'text', value: 'ERBIL (Kurdistan24) –', data: {hName: 'span'}})
    expect(toString(lede)).toMatch(/^ERBIL \(Kurdistan24\) – Iraq is currently reviewing/)
  })

  it('should recover the three subheadings in order', () => {
    const headings = article.mdast.children.filter((node): node is Heading => node.type === 'heading')
    expect(headings.map((node) => [node.depth, toString(node)])).toEqual([
      [2, 'US-Iraq Security Agreement Under Review'],
      [2, 'ISIS Threat Remains in Key Iraqi Regions'],
      [2, 'Iraq-Turkey Security Cooperation Ongoing']
    ])
  })

  it('should recover every body paragraph', () => {
    const paragraphs = article.mdast.children.filter((node) => node.type === 'paragraph')
    expect(paragraphs).toHaveLength(16)
    expect(toString(paragraphs.at(-1)!)).toMatch(/^While discussions continue, Iraq remains focused/)
  })

  it('should keep source positions for messages', () => {
    const lede = article.mdast.children[0]!
    expect(lede.position?.start.line).toBe(8)
  })

  it('should yield the same kind of tree as the Markdown reader', () => {
    const markdown = articleFrom(
      '---\ntitle: Iraq Studies New Security Agreement\n---\n\nERBIL (Kurdistan24) – Iraq is reviewing.\n\n## US-Iraq Security Agreement Under Review\n\nSpeaking in an interview.\n',
      {path: 'input/x.md'}
    )
    const shape = (tree: typeof article.mdast) => tree.children.slice(0, 3).map((node) => node.type)
    expect(shape(markdown.mdast)).toEqual(shape(article.mdast))
    expect(markdown.meta.dateline?.place).toBe('ERBIL')
  })

  it('should read front matter in wire copy', () => {
    const withFm = articleFrom('---\ndate: 2025-02-25\nauthor: Kurdistan24\n---\n' + seed, {path: 'input/seed.txt'})
    expect(withFm.meta.date).toBe('2025-02-25T00:00:00.000Z')
    expect(withFm.meta.authors).toEqual(['Kurdistan24'])
    expect(withFm.mdast.children[0]!.position?.start.line).toBe(12)
  })

  it('should read other datelines and credits', () => {
    const other = articleFrom(
      'Talks resume in Baghdad\n\nA wounded man is helped. Photo: Reuters\n\nBAGHDAD, Iraq (AP) — Talks resumed on Monday.\n\nWhat comes next\n\nMore talks are planned.\n',
      {path: 'input/other.txt'}
    )
    expect(other.meta.title).toBe('Talks resume in Baghdad')
    expect(other.meta.image).toMatchObject({caption: 'A wounded man is helped.', credit: 'Reuters'})
    expect(other.meta.dateline).toMatchObject({place: 'BAGHDAD, Iraq', agency: 'AP'})
    expect(other.mdast.children.map((node) => node.type)).toEqual(['paragraph', 'heading', 'paragraph'])
  })

  it('should read datelines and credits in scripts without capitals (Sorani, Arabic)', () => {
    const sorani = articleFrom(
      '---\nlang: ckb\ndate: 2025-02-24\n---\nعێراق ڕێککەوتنێکی نوێ تاوتوێ دەکات\n\nوەزیری بەرگری. (وێنە: AFP)\n\nهەولێر (کوردستان24) – عێراق ئێستا پێداچوونەوە دەکات.\n\nهەڕەشەی داعش\n\nداعش هێشتا چالاکە.\n',
      {path: 'input/sorani.txt'}
    )
    expect(sorani.meta.dateline).toEqual({place: 'هەولێر', agency: 'کوردستان24', text: 'هەولێر (کوردستان24) –'})
    expect(sorani.meta.image).toMatchObject({caption: 'وەزیری بەرگری.', credit: 'AFP'})
    expect(sorani.mdast.children.map((node) => node.type)).toEqual(['paragraph', 'heading', 'paragraph'])
    const arabic = articleFrom('العراق يدرس اتفاقية\n\nأربيل، إقليم كوردستان (كوردستان24)- يدرس العراق الاتفاقية.\n\nوقال الوزير إن المفاوضات جارية؟\n\nالنهاية.\n', {path: 'input/arabic.txt'})
    expect(arabic.meta.dateline).toMatchObject({place: 'أربيل، إقليم كوردستان', agency: 'كوردستان24'})
    // A question is not a subheading.
    expect(arabic.mdast.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph', 'paragraph'])
    // Without an agency, or with a remark in parentheses, a line of such a script is not taken for a dateline.
    expect(articleFrom('سەردێڕ\n\nهەولێر – عێراق ئێستا.\n\nکۆتایی.\n', {path: 'input/plain.txt'}).meta.dateline).toBeUndefined()
    expect(articleFrom('عنوان\n\nالمتحدث (الذي رفض ذكر اسمه للصحفيين) - قال إن المحادثات مستمرة.\n\nالنهاية.\n', {path: 'input/remark.txt'}).meta.dateline).toBeUndefined()
  })

  it('should take the reporters and the writer of a closing credit as the authors, never its editors', () => {
    const story = (credit: string) =>
      articleFrom(`Turkey holds rates steady\n\nISTANBUL, Jan 23 (Reuters) - The central bank held its rate.\n\nEconomists had expected no change.\n\n${credit}\n`, {path: 'input/credit.txt'})
    expect(story('Reporting by Ezgi Erkoyun and Canan Sevgili; Writing by Daren Butler; Editing by Jonathan Spicer').meta.authors).toEqual([
      'Ezgi Erkoyun',
      'Canan Sevgili',
      'Daren Butler'
    ])
    expect(story('(Reporting by Jane Doe in Ankara; Additional reporting by Sam Roe; Editing by John Roe)').meta.authors).toEqual(['Jane Doe', 'Sam Roe'])
    expect(story('Writing by Ali Kucukgocmen; Editing by Jonathan Spicer').meta.authors).toEqual(['Ali Kucukgocmen'])
    // Each name once; the credit is still printed where the agency put it.
    const twice = story('Reporting by Jane Doe; Writing by Jane Doe; Editing by John Roe')
    expect(twice.meta.authors).toEqual(['Jane Doe'])
    expect(toString(twice.mdast)).toContain('Editing by John Roe')
  })

  it('should recover a byline as the authors, not the standfirst', () => {
    const reuters = articleFrom(
      'Oil prices climb as supply worries deepen\n\nBy Jane Smith and Ahmed Rasheed\n\nLONDON, Dec 3 (Reuters) - Oil prices rose on Tuesday.\n\nBrent was up.\n',
      {path: 'input/reuters.txt'}
    )
    expect(reuters.meta.authors).toEqual(['Jane Smith', 'Ahmed Rasheed'])
    expect(reuters.meta.description).toBeUndefined()
    expect(reuters.meta.dateline).toMatchObject({agency: 'Reuters'})
    // Without a dateline, right after the headline; front matter wins.
    const plain = articleFrom('Five things to know\n\nBy JOHN DOE, JANE ROE & Sam al-Amin\n\nThe budget runs to 400 pages.\n\nTaxes go up.\n', {path: 'input/plain.txt'})
    expect(plain.meta.authors).toEqual(['JOHN DOE', 'JANE ROE', 'Sam al-Amin'])
    expect(plain.mdast.children).toHaveLength(2)
    const given = articleFrom('---\nauthor: Desk\n---\nHeadline\n\nBy Jane Smith\n\nBody one.\n\nBody two.\n', {path: 'input/given.txt'})
    expect(given.meta.authors).toEqual(['Desk'])
    // A sentence that starts with "By" is body text.
    const sentence = articleFrom('Headline\n\nBy noon the talks had ended.\n\nMore text.\n', {path: 'input/sentence.txt'})
    expect(sentence.meta.authors).toEqual([])
    expect(sentence.mdast.children).toHaveLength(2)
  })

  it('should recover the date from a date line, and leave relative or ambiguous ones alone', () => {
    const dated = articleFrom('Ministers meet\n\nFebruary 24, 2025 11:29 GMT\n\nBy Kurdistan24\n\nERBIL (Kurdistan24) – Ministers met.\n\nMore.\n', {path: 'input/dated.txt'})
    expect(dated.meta.date).toBe('2025-02-24T11:29:00.000Z')
    expect(dated.meta.authors).toEqual(['Kurdistan24'])
    expect(dated.meta.description).toBeUndefined()
    expect(dated.file.messages.filter((message) => message.ruleId === 'missing-date')).toEqual([])
    const both = articleFrom('Budget passes\n\nPublished: 3 March 2025\nUpdated: 4 March 2025 10:00\n\nThe budget passed.\n\nMore.\n', {path: 'input/both.txt'})
    expect(both.meta.date).toBe('2025-03-03T00:00:00.000Z')
    expect(both.meta.updated).toBe('2025-03-04T10:00:00.000Z')
    expect(both.mdast.children).toHaveLength(2)
    // Front matter and the file name come first.
    expect(articleFrom('---\ndate: 2024-01-02\n---\nHeadline\n\nMarch 3, 2025\n\nBody one.\n\nBody two.\n', {path: 'input/given.txt'}).meta.date).toBe('2024-01-02T00:00:00.000Z')
    expect(articleFrom('Headline\n\nMarch 3, 2025\n\nBody one.\n\nBody two.\n', {path: 'input/2024-05-06-named.txt'}).meta.date).toBe('2024-05-06T00:00:00.000Z')
    for (const line of ['3 hours ago', '03/04/2025', 'March 2025', 'The 2025 budget']) {
      const other = articleFrom(`Headline\n\n${line}\n\nBody one.\n\nBody two.\n`, {path: 'input/other.txt'})
      expect(other.file.messages.some((message) => message.ruleId === 'missing-date')).toBe(true)
      expect(other.mdast.children).toHaveLength(3)
    }
  })

  it('should keep an agency credit whole and leave a caption without one alone', () => {
    const credit = (caption: string) =>
      articleFrom(`Headline\n\n${caption}\n\nERBIL (Kurdistan24) – Body.\n`, {path: 'input/credit.txt'}).meta.image
    expect(credit('Crews work in Des Moines. (AP Photo/Charlie Neibergall)')).toMatchObject({caption: 'Crews work in Des Moines.', credit: 'AP Photo/Charlie Neibergall'})
    expect(credit('Rubble in Mosul. (REUTERS/Thaier al-Sudani)')).toMatchObject({caption: 'Rubble in Mosul.', credit: 'REUTERS/Thaier al-Sudani'})
    expect(credit('Protesters in Paris. (Photo by John Moore/Getty Images)')).toMatchObject({caption: 'Protesters in Paris.', credit: 'John Moore/Getty Images'})
    expect(credit('The minister said (in Baghdad) that talks would go on.')).toBeUndefined()
  })

  it('should recover bulleted and numbered lists, one item a line', () => {
    const text = 'Key points\n\nBAGHDAD (Reuters) - The deal has three parts:\n\n- Salaries are paid monthly.\n- Oil exports\nresume in March.\n- A committee meets.\n\n• One typographic bullet\n\n3) Third\n4) Fourth\n\n- Not a list alone\n\nThe end.\n'
    const article = articleFrom(text, {path: 'input/lists.txt'})
    const [, bullets, single, numbered, alone] = article.mdast.children
    expect(bullets).toMatchObject({type: 'list', ordered: false, spread: false})
    expect((bullets as List).children.map((item) => toString(item))).toEqual(['Salaries are paid monthly.', 'Oil exports resume in March.', 'A committee meets.'])
    // Positions point at the item's text, after its marker.
    expect((bullets as List).children[0]!.children[0]!.position?.start).toMatchObject({line: 5, column: 3})
    expect(text.slice((bullets as List).children[0]!.children[0]!.position!.start.offset!).startsWith('Salaries')).toBe(true)
    expect(single).toMatchObject({type: 'list', ordered: false})
    expect(numbered).toMatchObject({type: 'list', ordered: true, start: 3})
    expect(toString(numbered!)).toBe('ThirdFourth')
    expect(alone).toMatchObject({type: 'paragraph'})
    const tags = article.hast.children.flatMap((node) => (node.type === 'element' ? [node.tagName] : []))
    expect(tags).toEqual(['p', 'ul', 'ul', 'ol', 'p', 'p'])
  })

  it('should turn a line of rules into a thematic break', () => {
    const ap = articleFrom('Storm hits\n\nDES MOINES, Iowa (AP) — Storms hit.\n\nNo deaths.\n\n___\n\nTom Brown contributed.\n\n* * *\n\nEnd.\n\n• • •\n\nAfter.\n', {path: 'input/ap.txt'})
    expect(ap.mdast.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph', 'thematicBreak', 'paragraph', 'thematicBreak', 'paragraph', 'thematicBreak', 'paragraph'])
    expect(ap.hast.children.some((node) => node.type === 'element' && node.tagName === 'hr')).toBe(true)
  })
})

describe('wire copy reader, any copy', () => {
  // Words of letters only, so no line is read as a dateline, credit, byline or date.
  const word = fc.stringMatching(/^[a-zà-ÿ]{1,10}$/)
  const line = fc.array(word, {minLength: 1, maxLength: 18}).map((words) => words.join(' '))
  const block = fc.oneof(
    line.map((text) => `${text}.`),
    line,
    fc.array(line, {minLength: 2, maxLength: 4}).map((items) => items.map((item) => `- ${item}`).join('\n')),
    fc.array(line, {minLength: 2, maxLength: 4}).map((items) => items.map((item, index) => `${index + 1}. ${item}`).join('\n')),
    fc.array(line, {minLength: 2, maxLength: 3}).map((lines) => lines.join('\n'))
  )
  const copy = fc.tuple(line, fc.array(block, {minLength: 1, maxLength: 10}))

  it('should keep every word of the copy, in order, and never throw', () => {
    fc.assert(
      fc.property(copy, ([headline, blocks]) => {
        // Each line made unique (a repeated line is removed by design).
        const tag = (index: number) => 'q' + [...index.toString(26)].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 26))).join('')
        let count = 0
        const text = `${headline}\n\n${blocks.join('\n\n')}\n`.replace(/^((?:- |\d+\. )?)(?=\S)/gm, (marker) => `${marker}${tag(count++)} `)
        const {tree, recovered} = readWireCopy(text, 1, 0, new VFile())
        const words = (value: string) => value.replace(/(^|\n)(?:- |\d+\. )/g, '$1').split(/\s+/).filter(Boolean)
        const given = words(text)
        const kept = [recovered.title ?? '', recovered.description ?? '', toString(tree, {includeImageAlt: false})].join(' ')
        // Blocks are joined without spaces by toString: compare the letters.
        expect(kept.replace(/\s+/g, '')).toBe(given.join(''))
        for (const node of tree.children) expect(['paragraph', 'heading', 'list']).toContain(node.type)
      }),
      {numRuns: 300}
    )
  })
})
