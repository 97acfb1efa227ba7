/**
 * Split the dateline (`ERBIL (Kurdistan24) –`) from the lede and mark it so
 * every format shows it the same way: a `text` node rendered as
 * `<span class="dateline">`. A dateline from front matter is prepended.
 */
import type {Paragraph, Root, Text} from 'mdast'
import type {VFile} from 'vfile'
import {matchDateline} from '../dateline.js'

export default function remarkDateline() {
  return function (tree: Root, file: VFile) {
    const data = file.data.pressroom
    if (!data) return
    const lede = tree.children.find((node): node is Paragraph => node.type === 'paragraph')
    if (!lede) return
    const first = lede.children[0]
    const known = data.meta.dateline
    if (first?.type === 'text') {
      const match = matchDateline(first.value, {loose: data.format === 'wire'})
      if (match && (!known || known.place === match.place || known.text === match.text)) {
        const {length, ...dateline} = match
        data.meta.dateline = dateline
        first.value = first.value.slice(length)
        lede.children.unshift(datelineNode(dateline.text), {type: 'text', value: ' '})
        return
      }
    }
    if (known) lede.children.unshift(datelineNode(known.text), {type: 'text', value: ' '})
  }
}

function datelineNode(text: string): Text {
  return {type: 'text', value: text, data: {hName: 'span', hProperties: {className: ['dateline']}}}
}
