/**
 * After sanitizing: encode every URL (`href`, `src`, `cite`… — the sanitize
 * schema decides which survive), drop invalid or unsafe ones (the sanitizer
 * keeps relative references with odd schemes), repair those a browser reads
 * otherwise than written (`../url.ts`; both with a warning), and turn local
 * images into assets (`assets/<hash>-name.ext`). Missing local images become
 * their alt text; remote images stay for HTML and feeds, with a warning.
 */
import type {Element, ElementContent, Root} from 'hast'
import type {VFile} from 'vfile'
import {diagnostics, report} from '../../diagnostics.js'
import {isRemote, resolveAsset} from '../assets.js'
import {mapUrls} from '../hast/url-attributes.js'
import {cleanUrl} from '../url.js'
import {eachElement} from '../walk.js'

const source = 'pressroom:urls'

export default function rehypeUrls() {
  return function (tree: Root, file: VFile) {
    const data = file.data.pressroom
    eachElement(tree, (node, index, parent) => {
      mapUrls(node, (value) => {
        const result = cleanUrl(value)
        if (result.ok) {
          if (result.repaired) report(file, diagnostics.invalidUrl, [value.slice(0, 80), undefined, result.url.slice(0, 80), result.repaired], {place: node, source})
          return result.url
        }
        const builder = result.reason === 'unsafe' ? diagnostics.unsafeUrl : diagnostics.invalidUrl
        report(file, builder, [value.slice(0, 80)], {place: node, source})
        return undefined
      })
      if (node.tagName !== 'img') return undefined
      const src = node.properties['src']
      const alt = typeof node.properties['alt'] === 'string' ? node.properties['alt'] : ''
      if (typeof src !== 'string') {
        parent.children.splice(index, 1, ...altText(alt))
        return index
      }
      if (isRemote(src)) {
        if (src.startsWith('//')) node.properties['src'] = 'https:' + src
        report(file, diagnostics.remoteImage, [src.slice(0, 100)], {place: node, source})
      } else if (data) {
        const asset = resolveAsset(src, data.sourceDir, data.config.input, data.config.images)
        if (!asset) {
          report(file, diagnostics.missingImage, [src.slice(0, 100)], {place: node, source})
          parent.children.splice(index, 1, ...altText(alt))
          return index
        }
        node.properties['src'] = asset.output
        if (asset.width && asset.height && node.properties['width'] === undefined && node.properties['height'] === undefined) {
          node.properties['width'] = asset.width
          node.properties['height'] = asset.height
        }
        if (!data.assets.some((known) => known.output === asset.output)) data.assets.push(asset)
      }
      if (alt === '' && node.properties['alt'] === undefined) {
        report(file, diagnostics.missingAlt, [src.slice(0, 100)], {place: node, source})
        node.properties['alt'] = ''
      }
      return undefined
    })
  }
}

function altText(alt: string): ElementContent[] {
  if (!alt) return []
  const span: Element = {type: 'element', tagName: 'span', properties: {}, children: [{type: 'text', value: `[${alt}]`}]}
  return [span]
}
