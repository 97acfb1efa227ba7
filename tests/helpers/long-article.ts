/**
 * A long generated article (about 1 MB of Markdown) for the EPUB split:
 * sections under `##` headings, a footnote referenced from the first and a
 * late section and defined at the end, and links to headings in other
 * sections. Deterministic: the same text every time.
 */

/** Markdown of the long article: `sections` sections of `paragraphs` paragraphs. */
export function longArticleMarkdown(sections = 48, paragraphs = 20): string {
  const out: string[] = ['---', 'title: The long report on every bridge in the province', 'date: 2025-03-01', 'authors: [Dilan Ahmed, Sam Carter]', 'description: A generated article long enough to be split into several content documents.', '---', '']
  for (let section = 1; section <= sections; section++) {
    out.push(`## Section ${section}`, '')
    for (let paragraph = 1; paragraph <= paragraphs; paragraph++) {
      const words: string[] = []
      for (let word = 0; word < 160; word++) words.push(`s${section}p${paragraph}w${word}`)
      let text = words.join(' ') + '.'
      if (section === 1 && paragraph === 1) text += ' The method is described in a note.[^method] See also [the last section](#section-' + sections + ').'
      if (section === sections - 1 && paragraph === 2) text += ' As the note says.[^method] Back to [the first section](#section-1).'
      out.push(text, '')
    }
  }
  out.push('[^method]: Every bridge was inspected twice; see [section 2](#section-2).', '')
  return out.join('\n')
}
