/**
 * The shortcode layer's parts: arguments, tokens, cross-reference tables.
 */
import {describe, expect, it} from 'vitest'
import {parseArgs} from '../../../src/readers/shortcodes/args.js'
import {permalinkTarget, refTargets, resolveRefs} from '../../../src/readers/shortcodes/refs.js'
import {mayHaveShortcodes, tokenize} from '../../../src/readers/shortcodes/tokenize.js'

describe('parseArgs', () => {
  it('should read named, quoted arguments (Hugo)', () => {
    expect(parseArgs('src="2015/10/html.png" alt="USDA Digital Strategy HTML"')).toEqual({
      positional: [],
      named: {src: '2015/10/html.png', alt: 'USDA Digital Strategy HTML'}
    })
  })

  it('should read positional arguments, quoted or bare (Liquid, Hugo)', () => {
    expect(parseArgs('"assets/a.png" \'An "image"\' 12 `tick`')).toEqual({positional: ['assets/a.png', 'An "image"', '12', 'tick'], named: {}})
  })

  it('should read `key=value` and `key: value` with commas (Jekyll, Eleventy)', () => {
    expect(parseArgs('"linked-figure.html",\n  image: "/a.jpg",\n  alt: "A, B" width=3')).toEqual({
      positional: ['linked-figure.html'],
      named: {image: '/a.jpg', alt: 'A, B', width: '3'}
    })
  })

  it('should keep escaped quotes and survive an unclosed one', () => {
    expect(parseArgs('text="say \\"hi\\""').named).toEqual({text: 'say "hi"'})
    expect(parseArgs('alt="open').named).toEqual({alt: 'open'})
    expect(parseArgs('= : ,')).toEqual({positional: [], named: {}})
  })
})

describe('tokenize', () => {
  it('should find Hugo, Hugo Markdown and Liquid tags with offsets', () => {
    const text = 'a {{< img src="x" >}} b {{% note %}}c{{% /note %}} {%- image "y" -%} {% endraw %}'
    const {tags} = tokenize(text)
    expect(tags.map((tag) => [tag.syntax, tag.name, tag.closing, tag.args, text.slice(tag.start, tag.end)])).toEqual([
      ['hugo', 'img', false, 'src="x"', '{{< img src="x" >}}'],
      ['hugo-markdown', 'note', false, '', '{{% note %}}'],
      ['hugo-markdown', 'note', true, '', '{{% /note %}}'],
      ['liquid', 'image', false, '"y"', '{%- image "y" -%}'],
      ['liquid', 'raw', true, '', '{% endraw %}']
    ])
  })

  it('should not end a tag at a closer inside quotes', () => {
    const {tags} = tokenize('{{< quote-block text="a >}} b" cite="c" >}}')
    expect(tags[0]?.args).toBe('text="a >}} b" cite="c"')
  })

  it('should skip excluded ranges but for raw markers', () => {
    const text = '`{{< x >}}` {% raw %}'
    expect(tokenize(text, [[0, 11], [12, 21]]).tags.map((tag) => tag.name)).toEqual(['raw'])
  })

  it('should report Hugo openers that never close, and find `{% endraw %}` after `{{`', () => {
    expect(tokenize('a {{< b').unclosed).toEqual([2])
    expect(tokenize('{% raw %}{{{% endraw %} }}').tags.map((tag) => [tag.name, tag.closing])).toEqual([['raw', false], ['raw', true]])
  })

  it('should read Liquid outputs of a site path', () => {
    const {tags} = tokenize('[a]({{ "/2014/05/29/x/" | url }}) {{ site.baseurl }} {{ other }}')
    expect(tags.map((tag) => [tag.name, tag.args])).toEqual([['liquid-url', '"/2014/05/29/x/"'], ['liquid-url', '""']])
  })

  it('should tell texts without shortcodes', () => {
    expect(mayHaveShortcodes('Plain {text} and {{ x }}.')).toBe(false)
    expect(mayHaveShortcodes('{% x %}')).toBe(true)
  })
})

describe('refs', () => {
  const articles = [
    {path: 'digitalgov/2013-04-19-social-media-metrics.md', slug: 'social-media-metrics'},
    {path: 'communities/social-media.md', slug: 'socialgov'},
    {path: '18f/2014-05-29-announcing.md', slug: 'announcing'}
  ]
  const page = (slug: string) => `${slug}.html`

  it('should resolve by path, path suffix, file name, dated name and slug', () => {
    expect(
      resolveRefs(['communities/social-media.md', '/communities/social-media/', 'social-media', '2013-04-19-social-media-metrics.md', 'social-media-metrics', '2014-05-29-announcing', 'nowhere.md'], articles, page)
    ).toEqual({
      'communities/social-media.md': 'socialgov.html',
      '/communities/social-media/': 'socialgov.html',
      'social-media': 'socialgov.html',
      '2013-04-19-social-media-metrics.md': 'social-media-metrics.html',
      'social-media-metrics': 'social-media-metrics.html',
      '2014-05-29-announcing': 'announcing.html'
    })
  })

  it('should list the targets a text names, Jekyll permalinks as posts', () => {
    expect(refTargets('[a]({{< ref "x.md#sec" >}}) {% post_url 2010-01-01-y %} [b]({{ "/2014/05/29/announcing/" | url }}) `{{< youtube z >}}`')).toEqual(['x.md', '2010-01-01-y', '2014-05-29-announcing'])
    expect(permalinkTarget('/about/')).toBe('/about/')
  })
})
