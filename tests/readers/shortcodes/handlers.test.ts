/**
 * Shortcodes as articles use them: every family becomes content (checked on
 * the HTML tree every emitter renders), code is left alone, and what cannot
 * be expanded is reported at its line and column.
 */
import {mkdtempSync, rmSync, writeFileSync, mkdirSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {toHtml} from 'hast-util-to-html'
import {afterAll, describe, expect, it} from 'vitest'
import {createArticle} from '../../../src/readers/index.js'
import {testConfig} from '../../helpers/article.js'
import type {UserConfig} from '../../../src/config.js'

function run(body: string, options: {refs?: Record<string, string>; config?: UserConfig; path?: string} = {}) {
  const text = `---\ntitle: T\ndate: 2024-01-01\n---\n${body}`
  const result = createArticle({path: options.path ?? 'input/test.md', contents: text, ...(options.refs ? {refs: options.refs} : {})}, testConfig(options.config))
  const file = result.ok ? result.article.file : result.file
  return {
    ok: result.ok,
    html: result.ok ? toHtml(result.article.hast) : '',
    messages: file.messages.filter((m) => m.ruleId !== 'template-syntax').map((m) => `${m.line}:${m.column} ${m.ruleId}`)
  }
}

describe('built-in shortcodes', () => {
  it('should turn image shortcodes into figures (missing files: the usual warning)', () => {
    const {html, messages} = run('{{< legacy-img src="2015/10/html.png" alt="USDA HTML" caption="The page" >}}\n\n{% image_with_class "assets/x.jpg" "width-80px" "A drawing" %}\n')
    expect(html).toBe('<figure><span>[USDA HTML]</span><figcaption>The page</figcaption></figure>\n<figure><span>[A drawing]</span></figure>')
    expect(messages).toEqual(['5:1 missing-image', '7:1 missing-image'])
  })

  it('should embed an image shortcode whose file exists', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-sc-'))
    mkdirSync(path.join(dir, 'input', 'img'), {recursive: true})
    // A 1×1 PNG.
    writeFileSync(path.join(dir, 'input', 'img', 'dot.png'), Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'))
    const result = createArticle({path: path.join(dir, 'input', 'a.md'), contents: '---\ntitle: T\ndate: 2024-01-01\n---\n{{< img src="img/dot" alt="Dot" >}}\n'}, testConfig({input: path.join(dir, 'input')}))
    rmSync(dir, {recursive: true, force: true})
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(toHtml(result.article.hast)).toMatch(/^<figure><img src="assets\/[\da-f]{10}-dot\.png" alt="Dot" width="1" height="1"><\/figure>$/)
    expect(result.article.assets).toHaveLength(1)
  })

  it('should find images in the input root and the configured images folders, never outside them', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-sc-'))
    mkdirSync(path.join(dir, 'input', 'posts'), {recursive: true})
    mkdirSync(path.join(dir, 'static', '2015', '10'), {recursive: true})
    mkdirSync(path.join(dir, 'input', 'shared'), {recursive: true})
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
    writeFileSync(path.join(dir, 'static', '2015', '10', 'html.png'), png)
    writeFileSync(path.join(dir, 'input', 'shared', 'logo.png'), png)
    writeFileSync(path.join(dir, 'secret.png'), png)
    const body = '---\ntitle: T\ndate: 2024-01-01\n---\n{{< legacy-img src="2015/10/html.png" alt="Hugo static" >}}\n\n![In input](shared/logo.png)\n\n![Rooted](/2015/10/html.png)\n\n![Escape](../../secret.png)\n'
    const read = (images?: string) =>
      createArticle({path: path.join(dir, 'input', 'posts', 'a.md'), contents: body}, testConfig({input: path.join(dir, 'input'), ...(images ? {images: path.join(dir, images)} : {})}))
    const without = read()
    const withStatic = read('static')
    rmSync(dir, {recursive: true, force: true})
    if (!without.ok || !withStatic.ok) throw new Error('expected articles')
    const srcs = (article: typeof without.article) => [...toHtml(article.hast).matchAll(/<img src="([^"]+)"/g)].map((match) => match[1]!.replace(/[\da-f]{10}-/, ''))
    // Without an images folder only the file under input/ is found.
    expect(srcs(without.article)).toEqual(['assets/logo.png'])
    expect(without.article.file.messages.filter((m) => m.ruleId === 'missing-image')).toHaveLength(3)
    // With it, the Hugo path and the rooted path are found too; `../../secret.png` stays out.
    expect(srcs(withStatic.article)).toEqual(['assets/html.png', 'assets/logo.png', 'assets/html.png'])
    expect(withStatic.article.file.messages.filter((m) => m.ruleId === 'missing-image').map((m) => m.line)).toEqual([11])
  })

  it('should make video a titled link and a post on X a quoted link', () => {
    const {html} = run('{{< youtube id="5vyAlqOEsuM" title="SocialGov" >}}\n\n{{< vimeo 123 >}}\n\n{{< tweet user="NIH" id="656" >}}\n')
    expect(html).toBe(
      '<p><a href="https://www.youtube.com/watch?v=5vyAlqOEsuM">SocialGov (video)</a></p>\n<p><a href="https://vimeo.com/123">Video on Vimeo</a></p>\n<blockquote>\n<p><a href="https://x.com/NIH/status/656">Post by @NIH on X</a></p>\n</blockquote>'
    )
    expect(html).not.toMatch(/iframe|script/)
  })

  it('should resolve refs in link destinations, keep the text of broken ones and warn', () => {
    const {html, messages} = run('See [the community]({{< ref "communities/social-media.md" >}}), [the top](#top) [up]({{< relref "#prep" >}}) and [gone]({{< ref "/topics/x" >}}).\n', {
      refs: {'communities/social-media.md': 'socialgov.html'}
    })
    expect(html).toBe('<p>See <a href="socialgov.html">the community</a>, <a href="#top">the top</a> <a href="#prep">up</a> and gone.</p>')
    expect(messages).toEqual(['5:121 broken-ref'])
  })

  it('should wrap callouts in blockquotes, with Markdown and nested shortcodes inside', () => {
    const {html} = run('Before.\n{{< note >}}**Connect** now.\n\nSecond {{< highlight >}}marked{{< /highlight >}}.\n{{< /note >}}\nAfter.\n\n{{< quote-block text="Ask &#91;well&#93;." cite="Deming" >}}\n')
    expect(html).toBe(
      '<p>Before.</p>\n<blockquote>\n<p><strong>Connect</strong> now.</p>\n<p>Second <mark>marked</mark>.</p>\n</blockquote>\n<p>After.</p>\n<blockquote>\n<p>Ask [well].</p>\n<p>— Deming</p>\n</blockquote>'
    )
  })

  it('should leave code alone but remove raw markers', () => {
    const {html, messages} = run('Show `{{< youtube x >}}` and {% raw %}{{ page.title }}{% endraw %}.\n\n```\n{{< note >}}kept{{< /note >}}\n{% raw %}{{ x }}{% endraw %}\n```\n')
    expect(html).toBe('<p>Show <code>{{&#x3C; youtube x >}}</code> and {{ page.title }}.</p>\n<pre><code>{{&#x3C; note >}}kept{{&#x3C; /note >}}\n{{ x }}\n</code></pre>')
    expect(messages).toEqual([])
  })

  it('should warn about unknown shortcodes and includes, keeping their inner text, never their braces', () => {
    const {html, messages} = run('A {{< mystery a="b" >}}inner *text*{{< /mystery >}} and {% include "x.html" %} end {{< /stray >}}.\n')
    expect(html).toBe('<p>A inner <em>text</em> and  end .</p>')
    expect(messages.sort()).toEqual(['5:3 unknown-shortcode', '5:57 unknown-shortcode', '5:84 unknown-shortcode'])
  })

  it('should expand shortcodes in raw HTML attributes and blocks', () => {
    const {html} = run('<a href="{{< legacy-file "2014/07/x.xlsx" >}}">sheet</a>\n\n<div>\n\t{{< tweet user="a" id="1" >}}\n</div>\n')
    expect(html).toContain('<a href="2014/07/x.xlsx">sheet</a>')
    expect(html).toContain('<a href="https://x.com/a/status/1">Post by @a on X</a>')
    expect(html).not.toContain('{{')
  })

  it('should keep positions of the rest of the article', () => {
    const {messages} = run('{{< note >}}x{{< /note >}} {{< note >}}y{{< /note >}}\n\n![](missing.png)\n')
    expect(messages).toEqual(['7:1 missing-image'])
  })
})

describe('heading attributes', () => {
  it('should set the id and drop the braces', () => {
    const {html} = run('## Prepare Your Content {#prepare}\n\n### Two {#two .wide}\n\n### Three {.only-class}\n\n[Go](#prepare)\n')
    expect(html).toBe('<h2 id="prepare">Prepare Your Content</h2>\n<h3 id="two">Two</h3>\n<h3 id="three">Three</h3>\n<p><a href="#prepare">Go</a></p>')
  })
})

describe('publisher-defined shortcodes', () => {
  it('should run handlers from the configuration (Markdown, mdast or hast results)', () => {
    const config: UserConfig = {
      shortcodes: {
        note: (args, body) => `**${args.named['title'] ?? 'Note'}:** ${body?.trim() ?? ''}`,
        year: () => ({type: 'text', value: '2024'}),
        badge: (args) => ({type: 'element', tagName: 'strong', properties: {}, children: [{type: 'text', value: args.positional[0] ?? ''}]}),
        boom: () => {
          throw new Error('no')
        }
      }
    }
    const {html, messages} = run('{{< note title="Tip" >}}Read *this*.{{< /note >}}\n\nIn {{< year >}}, {{< badge "new" >}}.{{< boom >}}\n', {config})
    expect(html).toBe('<p><strong>Tip:</strong> Read <em>this</em>.</p>\n<p>In 2024, <strong>new</strong>.</p>')
    expect(messages).toEqual(['7:38 shortcode-failed'])
  })

  it('should report what the Markdown of a handler contains at the shortcode that returned it', () => {
    const config: UserConfig = {shortcodes: {card: () => 'Intro {{< nope >}} and [x]({{< ref "missing.md" >}}).'}}
    const {html, messages} = run('First line.\n\nSee {{< card >}} here.\n', {config})
    expect(html).toBe('<p>First line.</p>\n<p>See Intro  and x. here.</p>')
    // Both at the `{{< card >}}` (line 7, column 5), not at the start of the file.
    expect(messages).toEqual(['7:5 unknown-shortcode', '7:5 broken-ref'])
  })
})

afterAll(() => undefined)

describe('refs in definitions', () => {
  it('should link references through a resolved definition and unlink them for a broken one', () => {
    const {html, messages} = run('[Sub][a] and [Gone][b].\n\n[a]: {{< ref "x.md" >}} "Title"\n[b]: {{< ref "/about/subscribe.md" >}}\n', {refs: {'x.md': 'x.html'}})
    expect(html).toBe('<p><a href="x.html" title="Title">Sub</a> and Gone.</p>')
    expect(messages).toEqual(['8:6 broken-ref'])
  })
})
