/**
 * EPUB 3 container checks (the OCF and package-document rules EPUBCheck
 * applies first), without Java: the `mimetype` entry, `container.xml`, the
 * package metadata, manifest ↔ archive, the navigation document,
 * accessibility metadata, and well-formed XML in every XML entry.
 */
import {unzipSync} from 'fflate'
import type {VFile} from 'vfile'
import {diagnostics} from '../diagnostics.js'
import {decodeText, flag} from './flag.js'
import {childOf, childrenOf, parseXml, textOf, type XmlElement} from './xml.js'

const containerNs = 'urn:oasis:names:tc:opendocument:xmlns:container'
const opfNs = 'http://www.idpf.org/2007/opf'
const dcNs = 'http://purl.org/dc/elements/1.1/'
const mimetype = 'application/epub+zip'
const xmlEntry = /\.(?:xhtml|html|htm|xml|opf|ncx|svg|smil)$/i
const accessibility = ['schema:accessMode', 'schema:accessibilityFeature', 'schema:accessibilityHazard', 'schema:accessibilitySummary']

/**
 * Check an EPUB file.
 *
 * @param file
 *   Checked file.
 * @param bytes
 *   Contents.
 */
export function checkEpub(file: VFile, bytes: Uint8Array): void {
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(bytes)
  } catch (error) {
    flag(file, diagnostics.epubInvalidZip, [(error as Error).message], {cause: error})
    return
  }
  checkMimetype(file, bytes, entries)

  // Every XML entry must be well-formed; keep the trees for the package checks.
  const trees = new Map<string, XmlElement | undefined>()
  for (const [name, data] of Object.entries(entries)) {
    if (xmlEntry.test(name)) trees.set(name, parseXml(file, decodeText(file, data, name), name))
  }

  const containerPath = 'META-INF/container.xml'
  if (!(containerPath in entries)) {
    flag(file, diagnostics.epubContainer, ['missing'])
    return
  }
  const container = trees.get(containerPath)
  if (!container) return
  const rootfile = childrenOf(container, 'rootfiles', containerNs)
    .flatMap((rootfiles) => childrenOf(rootfiles, 'rootfile', containerNs))
    .find((element) => element.attributes['media-type'] === 'application/oebps-package+xml')
  const opfPath = rootfile?.attributes['full-path']
  if (!opfPath) {
    flag(file, diagnostics.epubContainer, ['no `rootfile` with `full-path` and `media-type="application/oebps-package+xml"`'], {
      inner: containerPath
    })
    return
  }
  if (!(opfPath in entries)) {
    flag(file, diagnostics.epubOpfMissing, [opfPath], {inner: containerPath})
    return
  }
  const opf = trees.get(opfPath)
  if (!opf) return
  checkPackage(file, opf, opfPath, entries, trees)
}

/** `mimetype`: first entry, stored, exact content (OCF 3.3 §4.2). */
function checkMimetype(file: VFile, bytes: Uint8Array, entries: Record<string, Uint8Array>): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // Local file header: signature 0x04034b50, method at 8, name length at 26, name at 30.
  if (bytes.length < 30 || view.getUint32(0, true) !== 0x04034b50) {
    flag(file, diagnostics.epubMimetype, ['the archive does not start with a local file header'])
    return
  }
  const nameLength = view.getUint16(26, true)
  const first = new TextDecoder().decode(bytes.subarray(30, 30 + nameLength))
  if (first !== 'mimetype') flag(file, diagnostics.epubMimetype, [`the first entry is \`${first}\``])
  else if (view.getUint16(8, true) !== 0) flag(file, diagnostics.epubMimetype, ['it is compressed'])
  const data = entries.mimetype
  if (!data) flag(file, diagnostics.epubMimetype, ['missing'])
  else if (new TextDecoder().decode(data) !== mimetype) {
    flag(file, diagnostics.epubMimetype, [`it contains \`${new TextDecoder().decode(data).slice(0, 40)}\``])
  }
}

function checkPackage(
  file: VFile,
  opf: XmlElement,
  opfPath: string,
  entries: Record<string, Uint8Array>,
  trees: Map<string, XmlElement | undefined>
): void {
  const inner = {inner: opfPath}
  const metadata = childOf(opf, 'metadata', opfNs)
  if (!metadata) {
    flag(file, diagnostics.epubMetadata, ['missing `metadata`'], {...inner, place: opf.place})
    return
  }
  const place = {...inner, place: metadata.place}

  // 1. Identifier, title, language.
  const uniqueId = opf.attributes['unique-identifier']
  const identifiers = childrenOf(metadata, 'identifier', dcNs)
  if (!uniqueId) flag(file, diagnostics.epubMetadata, ['`package` has no `unique-identifier`'], {...inner, place: opf.place})
  else if (!identifiers.some((identifier) => identifier.attributes.id === uniqueId && textOf(identifier))) {
    flag(file, diagnostics.epubMetadata, [`no non-empty \`dc:identifier\` with \`id="${uniqueId}"\` (the \`unique-identifier\`)`], place)
  }
  if (!textOf(childOf(metadata, 'title', dcNs))) flag(file, diagnostics.epubMetadata, ['missing or empty `dc:title`'], place)
  if (!textOf(childOf(metadata, 'language', dcNs))) flag(file, diagnostics.epubMetadata, ['missing or empty `dc:language`'], place)

  // 2. `dcterms:modified`, exactly once, `CCYY-MM-DDThh:mm:ssZ`.
  const metas = childrenOf(metadata, 'meta', opfNs)
  const modified = metas.filter((meta) => meta.attributes.property === 'dcterms:modified')
  if (modified.length !== 1) flag(file, diagnostics.epubModified, [modified.length === 0 ? '(none)' : `${modified.length} elements`], place)
  else if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(textOf(modified[0]))) flag(file, diagnostics.epubModified, [textOf(modified[0])], place)

  // 3. Accessibility metadata (EPUB Accessibility 1.1 §2).
  for (const property of accessibility) {
    if (!metas.some((meta) => meta.attributes.property === property && textOf(meta))) flag(file, diagnostics.epubAccessibility, [property], place)
  }

  // 4. Manifest ↔ archive.
  const manifest = childOf(opf, 'manifest', opfNs)
  const items = manifest ? childrenOf(manifest, 'item', opfNs) : []
  const base = opfPath.includes('/') ? opfPath.slice(0, opfPath.lastIndexOf('/') + 1) : ''
  const listed = new Set<string>()
  let nav = false
  for (const item of items) {
    const href = item.attributes.href ?? ''
    // Remote resources (audio, fonts) are allowed and not in the archive.
    if (URL.canParse(href)) continue
    const name = resolveHref(base, href)
    listed.add(name)
    if (!(name in entries)) flag(file, diagnostics.epubManifestMissingFile, [href], {...inner, place: item.place})
    if ((item.attributes.properties ?? '').split(/\s+/).includes('nav')) {
      nav = true
      if (name in entries && !trees.has(name)) trees.set(name, parseXml(file, decodeText(file, entries[name]!, name), name))
    }
  }
  if (!nav) flag(file, diagnostics.epubNavMissing, [], {...inner, place: manifest?.place ?? opf.place})
  for (const name of Object.keys(entries)) {
    if (name.endsWith('/') || name === 'mimetype' || name.startsWith('META-INF/') || name === opfPath) continue
    if (!listed.has(name)) flag(file, diagnostics.epubUnlistedFile, [name], inner)
  }
}

/** An OPF `href` as an archive entry name. */
function resolveHref(base: string, href: string): string {
  const resolved = new URL(href, 'file:///__epub__/' + base)
  try {
    return decodeURIComponent(resolved.pathname.slice('/__epub__/'.length))
  } catch {
    return resolved.pathname.slice('/__epub__/'.length)
  }
}
