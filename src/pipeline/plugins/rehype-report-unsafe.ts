/**
 * Runs before sanitizing: reports what the sanitizer is about to remove —
 * scripts, event handlers, frames, inline styles, unsafe URLs — with the
 * position of the raw HTML, so authors learn why content vanished. It also
 * removes an `<input>` that is not a checkbox: the sanitizer keeps inputs
 * for GFM's task lists only, and makes every one a disabled checkbox (a
 * submit button would show as one).
 */
import type {Root} from 'hast'
import type {VFile} from 'vfile'
import {diagnostics, report} from '../../diagnostics.js'
import {urlPropertyNames} from '../hast/url-attributes.js'
import {eachElement} from '../walk.js'

const dangerous = new Set(['script', 'style', 'iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'form', 'base', 'meta', 'link'])
const source = 'pressroom:sanitize'

export default function rehypeReportUnsafe() {
  return function (tree: Root, file: VFile) {
    eachElement(tree, (node, index, parent) => {
      if (dangerous.has(node.tagName)) {
        report(file, diagnostics.removedHtml, [`<${node.tagName}>`], {place: node, source})
        return
      }
      if (node.tagName === 'input' && String(node.properties['type'] ?? '').toLowerCase() !== 'checkbox') {
        report(file, diagnostics.removedHtml, [`<input type="${String(node.properties['type'] ?? 'text')}">`, 'only the checkboxes of task lists are kept'], {place: node, source})
        parent.children.splice(index, 1)
        return index
      }
      for (const [key, value] of Object.entries(node.properties)) {
        if (/^on/i.test(key)) report(file, diagnostics.removedHtml, [`event handler \`${key.toLowerCase()}\``], {place: node, source})
        else if (key === 'style') report(file, diagnostics.removedHtml, ['a `style` attribute'], {place: node, source})
        // Any element: the sanitizer drops the attribute wherever it is.
        else if (urlPropertyNames.has(key) && typeof value === 'string') {
          // eslint-disable-next-line no-control-regex -- browsers ignore control characters in a URL's scheme, so must we
          const scheme = /^\s*([a-z][a-z\d+.-]*):/i.exec(value.replace(/[\u0000-\u001F]/g, ''))?.[1]?.toLowerCase()
          if (scheme === 'javascript' || scheme === 'vbscript' || scheme === 'data' || scheme === 'file') {
            report(file, diagnostics.unsafeUrl, [value.slice(0, 60)], {place: node, source})
          }
        }
      }
    })
  }
}
