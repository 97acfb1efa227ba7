/**
 * Property: any text, with or without shortcode-like braces, is read without
 * throwing, and every word outside the markers is still in the article.
 */
import fc from 'fast-check'
import {toText} from 'hast-util-to-text'
import {describe, expect, it} from 'vitest'
import {createArticle} from '../../../src/readers/index.js'
import {testConfig} from '../../helpers/article.js'

const config = testConfig()
const word = fc.stringMatching(/^[a-z]{3,8}$/)
const marker = fc.constantFrom(
  '{{<', '>}}', '{{%', '%}}', '{%', '%}', '{{< note >}}', '{{< /note >}}', '{{% box %}}', '{{% /box %}}', '{% raw %}', '{% endraw %}',
  '{{< img src="a.png" alt="A" >}}', '{{< ref "x.md" >}}', '{% include "x.html" %}', '{{< youtube id="q" title="T" >}}', '{#id}', '"', "'", '`', '\n\n', '\n', ' '
)
const piece = fc.oneof({arbitrary: word, weight: 3}, {arbitrary: marker, weight: 2})

/** Words not between an opener (`{{<`, `{{%`, `{%`) and a closer: those may be a tag's name or arguments. */
function outside(pieces: string[]): string[] {
  const words: string[] = []
  let open = false
  for (const p of pieces) {
    if (p === '{{<' || p === '{{%' || p === '{%') open = true
    else if (p === '>}}' || p === '%}}' || p === '%}') open = false
    else if (/^[a-z]+$/.test(p) && !open) words.push(p)
  }
  return words
}

describe('shortcode layer (property)', () => {
  it('should never throw, and keep every word outside the markers', () => {
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 30}), (pieces) => {
        // Words alone on their side of the markers: separated by spaces so no marker glues to them.
        const body = pieces.map((p) => (/^[a-z]+$/.test(p) ? ` ${p} ` : p)).join('')
        const text = `---\ntitle: Property\ndate: 2024-01-01\n---\nstart ${body} end\n`
        const result = createArticle({path: 'input/p.md', contents: text}, config)
        expect(result.ok).toBe(true)
        if (!result.ok) return
        const out = toText(result.article.hast)
        // Words inside quotes may be arguments (an unknown shortcode's); only count the unquoted ones.
        if (!/["'`]/.test(body)) for (const w of outside(pieces)) expect(out).toContain(w)
        expect(out).toContain('start')
      }),
      {numRuns: 300}
    )
  }, 120_000)

  it('should never throw on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({maxLength: 200}), (body) => {
        createArticle({path: 'input/p.md', contents: `---\ntitle: P\ndate: 2024-01-01\n---\n${body}{{< x`}, config)
      }),
      {numRuns: 300}
    )
  }, 120_000)
})
