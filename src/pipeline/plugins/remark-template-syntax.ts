/**
 * Content migrated from Jekyll, Hugo or Eleventy carries template code. The
 * Markdown reader's shortcode layer (`readers/shortcodes/`) turns shortcodes
 * and Liquid tags into content; what is left outside code is template output
 * Pressroom cannot evaluate (`{{ page.image }}`, `{{ "x" | team_link }}`). It
 * is kept as text, and reported once per article as info.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {diagnostics, report} from '../../diagnostics.js'
import {eachNode} from '../walk.js'

const templateCode = /\{\{[<%]?.{0,80}?[>%]?\}\}|\{%.{0,80}?%\}/

export default function remarkTemplateSyntax() {
  return function (tree: Root, file: VFile) {
    // The first text or raw HTML with template code, reported; then the walk stops.
    eachNode(tree, (node) => {
      if (node.type !== 'text' && node.type !== 'html') return undefined
      const match = templateCode.exec(node.value)
      if (!match) return undefined
      report(file, diagnostics.templateSyntax, [match[0].slice(0, 60)], {place: node, source: 'pressroom:template-syntax'})
      return true
    })
  }
}
