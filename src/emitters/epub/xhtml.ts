/**
 * The article body as EPUB 3 XHTML: a pure transform of the sanitized hast
 * (`article.hast`) into a new tree that is valid in an XHTML content document,
 * then serialized with `hast-util-to-xast` and `xast-util-to-xml`.
 *
 * What changes on the way:
 *
 * - ids become unique XML names (`2024-plan` → `id-2024-plan`); `#fragment`
 *   links, `aria-*` references and the table of contents follow them, and a
 *   link to an id that does not exist loses its `href`;
 * - local images point into the book, remote or unusable ones become their alt
 *   text (the caller decides and reports);
 * - relative links become absolute (`/about/` → `https://site/about/`),
 *   since a reading system cannot resolve site paths;
 * - HTML-only and obsolete constructs are mapped (`tt` → `code`, `align` →
 *   `class="align-center"`) or dropped; attributes are kept per element from an
 *   allow-list;
 * - GFM footnotes get `epub:type` and DPUB-ARIA roles;
 * - characters XML forbids are removed and `]]>` in text is written `]]&gt;`.
 */
import type {Element, ElementContent, Properties, Root, RootContent} from 'hast'
import {toXast} from 'hast-util-to-xast'
import {toXml} from 'xast-util-to-xml'
import {isLanguageTag} from '../../locale.js'
import {phrasingContainers, phrasingElements, transparentElements} from '../../pipeline/hast/content-model.js'
import {isUrlProperty} from '../../pipeline/hast/url-attributes.js'
import {removeXmlIllegal} from '../../pipeline/hast/xml-characters.js'
import {collectIds, escapeCdataEnd, rfc3986} from './xhtml-ids.js'
import {ariaAttributes, attributePatterns, type Context, droppedElements, elementAttributes, globalAttributes, idReferenceAttributes, keptElements, renamedElements, xhtmlNamespace} from './xhtml-schema.js'

/**
 * Serialize one transformed block as XHTML, without the namespace
 * declaration (the document has it).
 *
 * @param node
 *   Block of {@link BodyBlock}.
 * @returns
 *   XHTML.
 */
export function serializeBlock(node: ElementContent): string {
  const xast = toXast({type: 'root', children: [node as RootContent]})
  if (xast.type === 'root') {
    for (const child of xast.children) {
      if (child.type === 'element' && child.attributes['xmlns'] === xhtmlNamespace) delete child.attributes['xmlns']
    }
  }
  return escapeCdataEnd(toXml(xast, {closeEmptyElements: true}))
}

/** Options of {@link bodyToXhtml}. */
export interface BodyOptions {
  /**
   * Resolve a local image `src` (`assets/…`) to its path in the book, or
   * `undefined` when it cannot be embedded (the image becomes its alt text).
   */
  image(src: string, node: Element): string | undefined
  /** Called for each remote (`http(s)`) image; it is never fetched. */
  remote(src: string, node: Element): void
  /** Absolute URL of a relative reference (`ctx.url`). */
  url(reference: string): string
  /** Ids the surrounding document already uses (header, wrapper). */
  reserved?: Iterable<string>
}

/** A top-level block of the body, serialized. */
export interface BodyBlock {
  /** The block as transformed (valid XHTML content). */
  node: ElementContent
  /** Its XHTML (no namespace declaration). */
  xhtml: string
  /** UTF-8 length of `xhtml`. */
  bytes: number
  /** Whether it is a heading (`h1`–`h6`): where a long body may be split. */
  heading: boolean
}

/** Result of {@link bodyToXhtml}. */
export interface BodyResult {
  /** Serialized XHTML fragment (no root element, no namespace declarations): the blocks, one per line. */
  xhtml: string
  /** The top-level blocks, in order. */
  blocks: BodyBlock[]
  /** New id of an original id (for the table of contents), if it still exists. */
  idOf(id: string): string | undefined
  /** Images embedded (`alt` as written, possibly empty). */
  images: string[]
  /** Images shown as text because they are remote or could not be embedded. */
  replacedImages: number
}

type PropertyValue = string | number | boolean | Array<string | number>

/**
 * Turn an article body into an XHTML fragment for an EPUB content document.
 *
 * @param tree
 *   The article's hast (not changed).
 * @param options
 *   How to resolve images and URLs.
 * @returns
 *   The fragment, and how ids and images fared.
 */
export function bodyToXhtml(tree: Root, options: BodyOptions): BodyResult {
  const ids = collectIds(tree, new Set(options.reserved ?? []))
  const images: string[] = []
  let replacedImages = 0

  const children = all(tree.children, 'flow')
  // One block per line.
  const blocks: BodyBlock[] = []
  for (const child of children) {
    if (child.type === 'text' && child.value.trim() === '') continue
    const xhtml = serializeBlock(child)
    blocks.push({node: child, xhtml, bytes: Buffer.byteLength(xhtml), heading: child.type === 'element' && /^h[1-6]$/.test(child.tagName)})
  }
  const xhtml = blocks.map((block) => block.xhtml).join('\n')

  return {
    xhtml,
    blocks,
    idOf: (id) => ids.get(id),
    images,
    replacedImages
  }

  function all(nodes: readonly (RootContent | ElementContent)[], context: Context): ElementContent[] {
    const out: ElementContent[] = []
    for (const node of nodes) out.push(...one(node, context))
    return out
  }

  function one(node: RootContent | ElementContent, context: Context): ElementContent[] {
    if (node.type === 'text') {
      const value = removeXmlIllegal(node.value)
      return value ? [{type: 'text', value}] : []
    }
    if (node.type !== 'element') return []
    return element(node, context)
  }

  function element(node: Element, context: Context): ElementContent[] {
    let tagName = node.tagName.toLowerCase()
    if (droppedElements.has(tagName)) return []
    if (tagName === 'img') return image(node)
    if (tagName === 'picture') {
      // Keep the `<img>` fallback only; `<source>` would reference more files.
      return all(node.children.filter((child) => child.type === 'element' && child.tagName === 'img'), context)
    }
    if (tagName === 'input' && String(node.properties['type'] ?? '').toLowerCase() !== 'checkbox') return []

    const extraClasses: string[] = []
    const rename = renamedElements[tagName]
    if (rename) {
      tagName = rename.tagName
      if (rename.className) extraClasses.push(rename.className)
    } else if (!keptElements.has(tagName)) {
      // Unknown element (custom element, SVG, MathML…): keep its content.
      return all(node.children, context)
    }

    // Content models the HTML parser lets through but XHTML validation does
    // not: a block inside phrasing content (`<h3>x<p/></h3>`) and a link in a
    // link give their content to the parent.
    if (context !== 'flow' && !phrasingElements.has(tagName)) {
      // A space keeps the words of the former block apart.
      return tagName === 'hr' ? [] : [{type: 'text', value: ' '}, ...all(node.children, context)]
    }
    if (context === 'link' && tagName === 'a') return all(node.children, context)

    const properties = attributes(node, tagName, extraClasses)
    const childContext: Context =
      tagName === 'a' ? 'link' : transparentElements.has(tagName) ? context : phrasingContainers.has(tagName) ? (context === 'link' ? 'link' : 'phrasing') : 'flow'
    let children = all(node.children, childContext)
    if (tagName === 'ul' || tagName === 'ol') children = wrapStrays(children, ['li'], 'li')
    if (tagName === 'dl' && !isDefinitionList(children)) {
      // Not groups of `dt`s followed by `dd`s: keep the content as blocks.
      tagName = 'div'
      children = children.map((child) =>
        child.type === 'element' && (child.tagName === 'dt' || child.tagName === 'dd')
          ? {...child, tagName: child.tagName === 'dt' ? 'p' : 'div', properties: {...child.properties, className: [child.tagName]}}
          : child
      )
    }
    // Without a machine-readable date, `time` must contain one: make it a span.
    if (tagName === 'time' && properties['dateTime'] === undefined) tagName = 'span'
    const result: Element = {type: 'element', tagName, properties, children}
    if (node.position) result.position = node.position
    footnote(node, result)
    return [result]
  }

  function attributes(node: Element, tagName: string, extraClasses: string[]): Properties {
    const source = node.properties
    const allowed = elementAttributes[tagName] ?? []
    const properties: Record<string, PropertyValue> = {}

    for (const [key, raw] of Object.entries(source)) {
      if (raw === null || raw === undefined || raw === false) continue
      if (key === 'id') {
        const id = ids.get(String(raw))
        // Only the first element with an id keeps it.
        if (id !== undefined && !ids.claimed.has(id)) {
          ids.claimed.add(id)
          properties['id'] = id
        } else {
          const next = ids.duplicates.get(node)
          if (next) properties['id'] = next
        }
        continue
      }
      if (key === 'align' && /^(left|right|center|justify)$/i.test(String(raw))) {
        extraClasses.push('align-' + String(raw).toLowerCase())
        continue
      }
      if (!globalAttributes.has(key) && !ariaAttributes.has(key) && !allowed.includes(key)) continue
      const pattern = attributePatterns[key]
      if (pattern && !pattern.test(String(raw))) continue
      if (key === 'lang') {
        const lang = String(raw)
        // The one check of a tag's form: front matter, raw HTML and configuration use it too.
        if (isLanguageTag(lang)) {
          properties['lang'] = lang
          properties['xmlLang'] = lang
        }
        continue
      }
      // `href`, `cite` (an image's `src` is handled by `image`).
      if (isUrlProperty(tagName, key)) {
        const url = reference(String(raw))
        if (url !== undefined) properties[key] = url
        continue
      }
      if (key === 'type' && tagName === 'ol' && !/^[1aAiI]$/.test(String(raw))) continue
      if (key === 'type' && tagName === 'input') {
        properties['type'] = 'checkbox'
        continue
      }
      if (typeof raw === 'string') properties[key] = removeXmlIllegal(raw)
      else if (Array.isArray(raw)) properties[key] = raw.map((item) => removeXmlIllegal(String(item)))
      else properties[key] = raw
    }

    for (const key of idReferenceAttributes) {
      if (!(key in properties)) continue
      const value = properties[key]
      const tokens = (Array.isArray(value) ? value.map(String) : String(value).split(/\s+/))
        .map((token) => ids.get(token))
        .filter((token): token is string => token !== undefined)
      if (tokens.length > 0) properties[key] = tokens.join(' ')
      else delete properties[key]
    }

    if (extraClasses.length > 0) {
      const current = properties['className']
      const list = Array.isArray(current) ? current.map(String) : typeof current === 'string' ? current.split(/\s+/) : []
      properties['className'] = [...list.filter(Boolean), ...extraClasses]
    }
    return properties as Properties
  }

  /**
   * Resolve an `href` or `cite`: fragments to the renamed id (or nothing when
   * the target is gone), absolute URLs normalized, relative ones made absolute.
   */
  function reference(value: string): string | undefined {
    const href = value.trim()
    if (href.startsWith('#')) {
      const fragment = href.slice(1)
      let target = ids.get(fragment)
      if (target === undefined) {
        try {
          target = ids.get(decodeURIComponent(fragment))
        } catch {
          target = undefined
        }
      }
      return target === undefined ? undefined : '#' + target
    }
    if (/^(mailto|tel):/i.test(href)) return rfc3986(href)
    const absolute = /^[a-z][\da-z+.-]*:/i.test(href) ? href : options.url(href)
    try {
      const url = new URL(absolute)
      return url.protocol === 'http:' || url.protocol === 'https:' ? rfc3986(url.href) : undefined
    } catch {
      return undefined
    }
  }

  function image(node: Element): ElementContent[] {
    const src = String(node.properties['src'] ?? '').trim()
    const alt = removeXmlIllegal(String(node.properties['alt'] ?? '')).trim()
    let href: string | undefined
    if (/^(https?:)?\/\//i.test(src)) options.remote(src, node)
    else if (src) href = options.image(src, node)

    if (href === undefined) {
      replacedImages++
      if (!alt) return []
      return [{type: 'element', tagName: 'span', properties: {className: ['image-alt']}, children: [{type: 'text', value: alt}]}]
    }
    images.push(alt)
    const properties: Record<string, PropertyValue> = {src: href, alt}
    for (const key of ['width', 'height', 'id', 'title', 'className'] as const) {
      const value = node.properties[key]
      if (value === undefined || value === null) continue
      if (key === 'id') {
        const id = ids.get(String(value))
        if (id !== undefined && !ids.claimed.has(id)) {
          ids.claimed.add(id)
          properties['id'] = id
        }
        continue
      }
      const pattern = attributePatterns[key]
      if (pattern && !pattern.test(String(value))) continue
      properties[key] = value
    }
    return [{type: 'element', tagName: 'img', properties: properties as Properties, children: []}]
  }
}

/**
 * Put children a list (`ul`, `ol`, `dl`) may not hold into a wrapper item.
 */
function wrapStrays(children: ElementContent[], allowed: readonly string[], wrapper: string): ElementContent[] {
  const out: ElementContent[] = []
  let current: Element | undefined
  for (const child of children) {
    const fits = child.type === 'element' ? allowed.includes(child.tagName) : child.type !== 'text' || child.value.trim() === ''
    if (fits) {
      out.push(child)
      current = undefined
    } else if (current) {
      current.children.push(child)
    } else {
      current = {type: 'element', tagName: wrapper, properties: {}, children: [child]}
      out.push(current)
    }
  }
  return out
}

/**
 * Whether the children of a `dl` are groups of one or more `dt` followed by
 * one or more `dd` (a `div` may wrap a group).
 */
function isDefinitionList(children: readonly ElementContent[]): boolean {
  let sequence = ''
  for (const child of children) {
    if (child.type === 'element') {
      if (child.tagName === 'dt') sequence += 't'
      else if (child.tagName === 'dd') sequence += 'd'
      else if (child.tagName === 'div') sequence += 'v'
      else return false
    } else if (child.type === 'text' && child.value.trim() !== '') return false
  }
  return /^(v|t+d+)*$/.test(sequence)
}

/**
 * Mark GFM footnotes with EPUB structural semantics and DPUB-ARIA roles:
 * the section is `footnotes`/`doc-endnotes`, each note `footnote`, each
 * reference `noteref`/`doc-noteref`, each back link `doc-backlink`.
 */
function footnote(source: Element, result: Element): void {
  const properties = source.properties
  const classes = classList(properties['className'])
  const id = String(properties['id'] ?? '')
  const href = String(properties['href'] ?? '')
  if (result.tagName === 'section' && (properties['dataFootnotes'] !== undefined || classes.includes('footnotes'))) {
    result.properties['epub:type'] = 'footnotes'
    result.properties['role'] = 'doc-endnotes'
    for (const list of result.children) {
      if (list.type !== 'element' || list.tagName !== 'ol') continue
      for (const item of list.children) {
        if (item.type === 'element' && item.tagName === 'li') item.properties['epub:type'] = 'footnote'
      }
    }
  } else if (result.tagName === 'a') {
    if (
      properties['dataFootnoteRef'] !== undefined ||
      (/^(user-content-)?fnref-/.test(id) && /^#(user-content-)?fn-/.test(href))
    ) {
      result.properties['epub:type'] = 'noteref'
      result.properties['role'] = 'doc-noteref'
    } else if (
      properties['dataFootnoteBackref'] !== undefined ||
      classes.includes('data-footnote-backref') ||
      /^#(user-content-)?fnref-/.test(href)
    ) {
      result.properties['role'] = 'doc-backlink'
    }
  }
}

function classList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String)
  if (typeof value === 'string') return value.split(/\s+/)
  return []
}
