/**
 * Which attributes of which elements hold URLs, defined once. Everything that
 * cleans, reports, resolves or checks URLs in a tree reads this table, so a
 * `srcset` or `poster` is never forgotten by one of them.
 *
 * Keys are hast property names (`srcSet`, `formAction`); values the elements
 * that give the property URL meaning, after HTML's list of URL attributes
 * (the same shape as the `html-url-attributes` package) plus the obsolete
 * `background` and `longdesc`, which mail clients and old pages still honour.
 */
import type {Element} from 'hast'

/** URL-bearing hast properties, and the elements on which they hold a URL. */
export const urlAttributes: Readonly<Record<string, readonly string[]>> = {
  action: ['form'],
  background: ['body', 'table', 'td', 'th'],
  cite: ['blockquote', 'del', 'ins', 'q'],
  data: ['object'],
  formAction: ['button', 'input'],
  href: ['a', 'area', 'base', 'link'],
  longDesc: ['frame', 'iframe', 'img'],
  manifest: ['html'],
  poster: ['video'],
  src: ['audio', 'embed', 'frame', 'iframe', 'img', 'input', 'script', 'source', 'track', 'video'],
  // A comma-separated list of candidates (`a.png 1x, b.png 2x`), each a URL and a descriptor.
  srcSet: ['img', 'source']
}

/** Every property that holds a URL on some element. */
export const urlPropertyNames: ReadonlySet<string> = new Set(Object.keys(urlAttributes))

/** URL properties by element, inverted from {@link urlAttributes} once. */
const byElement = new Map<string, string[]>()
for (const [property, elements] of Object.entries(urlAttributes)) {
  for (const tagName of elements) {
    const list = byElement.get(tagName)
    if (list) list.push(property)
    else byElement.set(tagName, [property])
  }
}

/**
 * The URL-bearing properties of an element.
 *
 * @param tagName
 *   Element name (lowercase, as in hast).
 * @returns
 *   hast property names (`href`, `srcSet`…); empty for elements without any.
 */
export function urlPropertiesOf(tagName: string): readonly string[] {
  return byElement.get(tagName) ?? []
}

/**
 * Whether a property of an element holds a URL.
 *
 * @param tagName
 *   Element name.
 * @param property
 *   hast property name.
 * @returns
 *   Whether it does.
 */
export function isUrlProperty(tagName: string, property: string): boolean {
  return urlAttributes[property]?.includes(tagName) ?? false
}

/** One candidate of a `srcset`. */
export interface SrcsetCandidate {
  url: string
  /** Width or density descriptors (`480w`, `2x`), possibly none. */
  descriptors: string[]
}

/**
 * Read a `srcset`.
 *
 * @param value
 *   `srcSet` property: a list of candidates (`['a.png 1x', 'b.png 2x']`, as
 *   `hast-util-from-html` gives it) or a comma-separated string.
 * @returns
 *   Candidates with a URL (empty ones skipped).
 */
export function parseSrcset(value: unknown): SrcsetCandidate[] {
  const candidates = Array.isArray(value) ? value.map(String) : String(value).split(/,\s+/)
  const result: SrcsetCandidate[] = []
  for (const candidate of candidates) {
    const [url, ...descriptors] = candidate.trim().split(/\s+/)
    if (url) result.push({url, descriptors})
  }
  return result
}

/**
 * Write a `srcset`.
 *
 * @param candidates
 *   Candidates.
 * @returns
 *   `a.png 1x, b.png 2x`.
 */
export function stringifySrcset(candidates: readonly SrcsetCandidate[]): string {
  return candidates.map((candidate) => [candidate.url, ...candidate.descriptors].join(' ')).join(', ')
}

/**
 * Every URL an element holds, `srcset` candidates one by one.
 *
 * @param element
 *   Element.
 * @returns
 *   URLs as written, in the order of {@link urlAttributes}.
 */
export function urlsOf(element: Element): string[] {
  const urls: string[] = []
  for (const property of urlPropertiesOf(element.tagName)) {
    const value = element.properties[property]
    if (value === undefined || value === null) continue
    if (property === 'srcSet') urls.push(...parseSrcset(value).map((candidate) => candidate.url))
    else if (typeof value === 'string') urls.push(value)
  }
  return urls
}

/** Property names by HTML attribute name (`srcset` → `srcSet`). */
const byAttribute = new Map([...urlPropertyNames].map((property) => [property.toLowerCase(), property]))

/**
 * Every URL of an element given by its attributes (as an XML parser gives
 * XHTML), `srcset` candidates one by one.
 *
 * @param tagName
 *   Element name.
 * @param attributes
 *   Attribute values by HTML attribute name (`srcset`, `formaction`).
 * @returns
 *   URLs as written.
 */
export function urlsOfAttributes(tagName: string, attributes: Readonly<Record<string, string>>): string[] {
  const properties: Record<string, string> = {}
  for (const [name, value] of Object.entries(attributes)) {
    const property = byAttribute.get(name.toLowerCase())
    if (property) properties[property] = value
  }
  return urlsOf({type: 'element', tagName, properties, children: []})
}

/**
 * Rewrite every URL of an element in place: each URL property and each
 * `srcset` candidate is replaced by what `map` returns, or removed when it
 * returns `undefined` (a `srcset` left without candidates is removed).
 *
 * @param element
 *   Element (changed).
 * @param map
 *   New URL of a URL as written (`String` of the property's value), or
 *   `undefined` to remove it.
 */
export function mapUrls(element: Element, map: (url: string, property: string) => string | undefined): void {
  const properties = element.properties
  for (const property of urlPropertiesOf(element.tagName)) {
    const value = properties[property]
    if (value === undefined || value === null) continue
    if (property === 'srcSet') {
      const kept: SrcsetCandidate[] = []
      for (const candidate of parseSrcset(value)) {
        const url = map(candidate.url, property)
        if (url !== undefined) kept.push({url, descriptors: candidate.descriptors})
      }
      if (kept.length === 0) delete properties[property]
      else properties[property] = stringifySrcset(kept)
      continue
    }
    const url = map(String(value), property)
    if (url === undefined) delete properties[property]
    else properties[property] = url
  }
}
