/**
 * Property: whatever the copy, every word of it is kept — in the tree or in
 * what the reader recovered (release header, headline, standfirst, caption,
 * byline, contacts) — except end marks, which are not printed, and date
 * lines, which are shown as a formatted date.
 */
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {readWireCopy} from '../../../src/readers/wire/index.js'
import {words} from '../../helpers/words.js'

/** Every text value of a tree, each its own string (no two words glued together). */
function textsOf(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return []
  const {value, children} = node as {value?: unknown; children?: unknown[]}
  return [...(typeof value === 'string' ? [value] : []), ...(children ?? []).flatMap(textsOf)]
}

/** Lines of real house styles, mixed with ordinary prose. */
const styled = fc.constantFrom(
  'FOR IMMEDIATE RELEASE', 'RELEASE: 07-44', 'Press Statement', 'Office of the Press Secretary', 'Washington, DC',
  'John Kirby, Spokesperson', 'Media contact:', 'Jane Doe', '202-555-0143', 'jane.doe@example.org', 'https://example.org/a',
  'WASHINGTON (AP) — The talks went on.', 'Washington, D.C., June 4, 2007 - NASA said so.', '-- first item', '-- second item',
  'Reporting by Jane Doe; Editing by John Roe', 'Art: Rana Saleh and Omar Khalid', 'Crews at work. (AP Photo/Jane Doe)',
  'Key Findings Of The Report', 'booster – n. an extra dose', 'By Sam al-Amin', 'Pictured: traders in the market'
)
const word = fc.stringMatching(/^[a-z]{1,8}$/)
const prose = fc.array(word, {minLength: 1, maxLength: 14}).map((list) => list.join(' '))
const line = fc.oneof(styled, prose, prose.map((text) => `${text}.`))
const block = fc.array(line, {minLength: 1, maxLength: 4}).map((lines) => lines.join('\n'))

describe('wire reader, no word lost', () => {
  it('should keep every word of any copy', () => {
    fc.assert(
      fc.property(fc.array(block, {minLength: 1, maxLength: 12}), (blocks) => {
        const text = blocks.join('\n\n') + '\n'
        const {tree, recovered} = readWireCopy(text, 1, 0, new VFile())
        const kept = new Set(words([
          ...(recovered.release?.lines ?? []), recovered.title ?? '', recovered.description ?? '',
          recovered.image?.caption ?? '', recovered.image?.credit ?? '',
          ...(recovered.photos ?? []).flatMap((photo) => [photo.caption ?? '', photo.credit ?? '']), (recovered.authors ?? []).join(' '),
          ...textsOf(tree), ...(recovered.contacts ?? []).flatMap((contact) => contact.lines)
        ].join('\n')))
        // Repeated lines are dropped by design (with a message); the byline's `By`, list markers, credit labels and the
        // contact block's label (the page prints its own "Media contacts" heading) are not words of the story.
        const given = words(text.replace(/^(?:by |-- )/gim, '').replace(/\(AP Photo\//g, '(').replace(/^Media contact:$/gm, '')).filter((item) => !['by', 'photo', 'art'].includes(item))
        expect(given.filter((item) => !kept.has(item))).toEqual([])
      }),
      {numRuns: 300}
    )
  })
})
