/**
 * The words GFM footnotes add (the `Footnotes` heading, the `Back to
 * reference 1` label of each back link) in the article's language, from the
 * message catalogs (`article.footnotes`, `article.footnoteBack`): every format
 * reads them from this tree.
 */
import type {Element, Root, RootContent} from 'hast'
import type {VFile} from 'vfile'
import {createTranslator} from '../../i18n/index.js'

export default function rehypeFootnoteLabels() {
  return function (tree: Root, file: VFile) {
    const data = file.data.pressroom
    if (!data) return
    let i18n: ReturnType<typeof createTranslator> | undefined
    const translator = () => (i18n ??= createTranslator(data.config, data.meta.lang))
    const visit = (node: Root | RootContent) => {
      if (node.type !== 'element' && node.type !== 'root') return
      if (node.type === 'element') relabel(node, translator)
      for (const child of node.children) visit(child)
    }
    visit(tree)
  }
}

function relabel(node: Element, translator: () => ReturnType<typeof createTranslator>): void {
  // remark-rehype writes `<h2 id="footnote-label" class="sr-only">Footnotes</h2>`
  // and `<a data-footnote-backref aria-label="Back to reference 1-2">`.
  if (node.tagName === 'h2' && node.properties['id'] === 'footnote-label') {
    node.children = [{type: 'text', value: translator().t('article.footnotes')}]
  } else if (node.tagName === 'a' && node.properties['dataFootnoteBackref'] !== undefined) {
    const label = node.properties['ariaLabel']
    const reference = typeof label === 'string' ? /(\d+)(?:-(\d+))?$/.exec(label) : null
    if (!reference) return
    const i18n = translator()
    const number = i18n.number(Number(reference[1]))
    node.properties['ariaLabel'] = i18n.t('article.footnoteBack', {reference: reference[2] ? `${number}-${i18n.number(Number(reference[2]))}` : number})
  }
}
