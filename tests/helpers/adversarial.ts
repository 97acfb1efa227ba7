/**
 * The adversarial input set: every kind of bad or unusual input a newsroom
 * meets, written into a folder. Used by the reliability tests and built by the
 * conformance suite, whose validators then check every output.
 */
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'

const fm = (title: string, extra = '') => `---\ntitle: ${JSON.stringify(title)}\ndate: 2024-06-01T08:00:00Z\n${extra}---\n\n`
const bigParagraph = 'The council met again on Monday to discuss the budget, the roads and the schools of the province. '

/** Inputs that must build (possibly with warnings). */
export const goodInputs: Record<string, string | Uint8Array> = {
  'bom.md': '\uFEFF' + fm('Byte order mark') + 'Text after a BOM.\n',
  'crlf.md': (fm('Windows line endings') + 'Line one\nline two.\n\n## Heading\n\nMore.\n').replace(/\n/g, '\r\n'),
  'lone-cr.md': (fm('Old Mac line endings') + 'Line one\nline two.\n\n- a\n- b\n').replace(/\n/g, '\r'),
  // 0x81 means nothing in Windows-1252 either: the bytes stay U+FFFD.
  'invalid-utf8.md': Buffer.concat([Buffer.from(fm('Invalid UTF-8') + 'Before '), Buffer.from([0xff, 0xfe, 0xc3, 0x81]), Buffer.from(' after.\n')]),
  'utf-16le.md': Buffer.from('\uFEFF' + fm('UTF-16, little-endian') + 'Ünïcödé text saved by Notepad.\n', 'utf16le'),
  'windows-1252.md': Buffer.concat([Buffer.from(fm('Windows-1252')), Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x35, 0x80, 0x2e, 0x0a])]),
  'unknown-key.md': fm('Unknown key', 'colour: red\n') + 'Body.\n',
  'no-title.md': '---\ndate: 2024-06-01\n---\n\nAn article without a title.\n',
  'huge.md': fm('A five megabyte article') + Array.from({length: 520}, (_, i) => `## Part ${i + 1}\n\n` + Array.from({length: 10}, () => bigParagraph.repeat(10)).join('\n\n')).join('\n\n') + '\n',
  'deep-nesting.md': fm('Nested 100 deep') + Array.from({length: 100}, (_, i) => '  '.repeat(i) + `- level ${i + 1}`).join('\n') + '\n\n' + Array.from({length: 100}, (_, i) => '>'.repeat(i + 1) + ` quote ${i + 1}`).join('\n') + '\n',
  'long-line.md': fm('A 10,000-character unbroken line') + 'x'.repeat(10_000) + '\n\nAnd a URL: https://example.org/' + 'a'.repeat(300) + '\n',
  'xml-illegal.md': fm('XML-illegal characters') + 'Bell \u0007, vertical tab \u000B, U+FFFE \uFFFE and NUL \u0000 inside.\n',
  'cdata-end.md': fm('Ends ]]> of CDATA ]]> twice', 'description: "A ]]> in the standfirst"\n') + 'Text ]]> and ]]> again.\n\n```\ncode ]]> and ]]> too\n```\n',
  'hostile-html.md': fm('Hostile HTML') +
    '<script>alert(1)</script>\n\n<p onmouseover="alert(1)" style="color:red">Hover <a href="javascript:alert(1)">me</a> ' +
    '<a href="JAVASCRIPT:alert(1)">or me</a> <a href="data:text/html,<script>alert(1)</script>">data</a></p>\n\n' +
    '<iframe src="https://evil.example/"></iframe><object data="x.swf"></object>\n\n<img src="x" onerror="alert(1)"><svg onload="alert(1)"></svg>\n\n' +
    '[link](javascript:alert(1)) [v](vbscript:msgbox) <a href="  java\tscript:alert(1)">tab</a>\n',
  // Valid once normalized: levels decided without the empty heading, the ids of footnotes and templates kept theirs,
  // raw HTML the Nu checker and EPUBCheck reject made valid, URLs as a browser reads them.
  'empty-heading.md': fm('Empty heading') + '#\n\n## Section\n\nText.\n\n# ![](missing.png)\n\n### Sub\n\nMore.\n',
  'clashing-ids.md': fm('Clashing ids') + 'Text[^1].\n\n[^1]: Note.\n\n<p id="fn-1">Not the note</p>\n\n<p id="footnote-label">x</p>\n\n<p id="feeds-label">y</p>\n\n<p id="article-title">z</p>\n',
  'invalid-html.md': fm('Invalid HTML') +
    '<details><p>a</p></details>\n\n<dl><dd>b</dd></dl>\n\n<time datetime="soon">c</time>\n\n<p dir="sideways" lang="not a tag">d</p>\n\n<li>e</li>\n\n' +
    '<ul><li value="2">f</li></ul>\n\n<table><tr><td colspan="0" rowspan="x">g</td><th scope="all">h</th></tr></table>\n\n<figure><p>i</p><figcaption>j</figcaption><p>k</p></figure>\n',
  'hostile-urls.md': fm('Hostile URLs') +
    '[a](https://user:pw@example.org/) [b](https:\\\\evil.example) <a href="http://evil.example\\@good.example/">c</a> <a href="https:evil.example">d</a> ' +
    '<a href="\\\\evil.example\\p">e</a> <img src="https://u:p@images.example.org/x.jpg" alt="f">\n',
  'escape-slug.md': fm('Escaping slug', 'slug: "../../../etc/passwd"\n') + 'Body.\n',
  'absolute-slug.md': fm('Absolute slug', 'slug: "/tmp/evil"\n') + 'Body.\n',
  'missing-image.md': fm('Missing image', 'image: images/nope.png\nimage_alt: Nothing\n') + '![A map](images/missing.png)\n',
  'remote-image.md': fm('Remote image') + '![Remote](https://images.example.org/photo.jpg)\n',
  'rtl.md': fm('هەولێر و کوردستان', 'lang: ckb\n') + 'هەولێر (Erbil) پایتەختی هەرێمی کوردستانە. ٢٠٢٤\n\n## بەشی دووەم\n\n- یەکەم\n- دووەم\n',
  'cjk-emoji.md': fm('中文 日本語 🎉', 'lang: zh\n') + '中文没有空格，日本語もスペースがありません。👩‍👩‍👧‍👦 🇮🇶 👍🏽 e\u0301 Z\u0324\u0354\u0367\u0311\u0313.\n',
  'wire.txt': 'Storm hits the coast\n\nResidents were told to stay indoors.\n\nA flooded street. (Photo: AP)\nA flooded street. (Photo: AP)\n\nBASRA (AP) – A storm hit the coast on Monday.\n\nWhat happens next\n\nOfficials will meet on Tuesday.\n'
}

/** Inputs that must fail alone, each with a positioned error. */
export const badInputs: Record<string, string | Uint8Array> = {
  'empty.md': '',
  'wrong-type.md': '---\ntitle: [1, 2]\ndate: 2024-06-01\n---\n\nBody.\n',
  'unclosed.md': '---\ntitle: Unclosed\ndate: 2024-06-01\n\nBody without a closing fence.\n',
  'bad-yaml.md': '---\ntitle: "unterminated\ndate: [2024\n---\n\nBody.\n',
  'bad-date.md': '---\ntitle: Bad date\ndate: 2024-02-30\n---\n\nBody.\n',
  'dup-a.md': '---\ntitle: Duplicate A\ndate: 2024-06-01\nslug: same-slug\n---\n\nA.\n',
  'dup-b.md': '---\ntitle: Duplicate B\ndate: 2024-06-02\nslug: same-slug\n---\n\nB.\n',
  'only-dots.md': '---\ntitle: Dots\ndate: 2024-06-01\nslug: "../.."\n---\n\nBody.\n'
}

/** Files that are expected to fail (`dup-b.md` loses to `dup-a.md`, first in path order). */
export const failing = Object.keys(badInputs).filter((name) => name !== 'dup-a.md')

/** Write the set into `dir` (created). */
export async function writeAdversarial(dir: string): Promise<void> {
  await mkdir(dir, {recursive: true})
  for (const [name, contents] of Object.entries({...goodInputs, ...badInputs})) await writeFile(path.join(dir, name), contents)
}
