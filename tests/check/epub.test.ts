import {strToU8, zipSync, type Zippable} from 'fflate'
import {describe, expect, it} from 'vitest'
import {checkEpub} from '../../src/check/epub.js'
import {fileAt, idsOf, messagesOf} from './helpers.js'

const container = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`

const metadata = `<dc:identifier id="uid">urn:uuid:2b1f6d1e-0000-4000-8000-000000000000</dc:identifier>
    <dc:title>T</dc:title>
    <dc:language>en</dc:language>
    <meta property="dcterms:modified">2025-03-03T09:30:00Z</meta>
    <meta property="schema:accessMode">textual</meta>
    <meta property="schema:accessibilityFeature">structuralNavigation</meta>
    <meta property="schema:accessibilityHazard">none</meta>
    <meta property="schema:accessibilitySummary">Text with headings.</meta>`

const items = `<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="c1" href="text/chapter%201.xhtml" media-type="application/xhtml+xml"/>`

function opf(meta = metadata, manifest = items): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    ${meta}
  </metadata>
  <manifest>
    ${manifest}
  </manifest>
  <spine><itemref idref="c1"/></spine>
</package>`
}

const xhtml = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en"><head><title>T</title></head><body>${body}</body></html>`

function epub(patch: (files: Record<string, string>) => void = () => {}, mimetypeLevel: 0 | 6 = 0): Uint8Array {
  const files: Record<string, string> = {
    mimetype: 'application/epub+zip',
    'META-INF/container.xml': container,
    'EPUB/package.opf': opf(),
    'EPUB/nav.xhtml': xhtml('<nav epub:type="toc"><ol><li><a href="text/chapter%201.xhtml">One</a></li></ol></nav>'),
    'EPUB/text/chapter 1.xhtml': xhtml('<h1>One</h1>')
  }
  patch(files)
  const zippable: Zippable = {}
  for (const [name, text] of Object.entries(files)) zippable[name] = [strToU8(text), {level: name === 'mimetype' ? mimetypeLevel : 6}]
  return zipSync(zippable)
}

function check(bytes: Uint8Array): string[] {
  const file = fileAt('epub/a.epub')
  checkEpub(file, bytes)
  return idsOf(file)
}

describe('epub', () => {
  it('should accept a minimal, complete EPUB 3', () => {
    const file = fileAt('epub/a.epub')
    checkEpub(file, epub())
    expect(messagesOf(file)).toEqual([])
  })

  it('should report bytes that are not a ZIP', () => {
    expect(check(strToU8('not a zip'))).toEqual(['epub-invalid-zip'])
  })

  it('should report a `mimetype` that is not first, compressed, or wrong', () => {
    expect(
      check(
        epub((files) => {
          const value = files.mimetype!
          delete files.mimetype
          files.mimetype = value
        })
      )
    ).toEqual(['epub-mimetype'])
    expect(check(epub(undefined, 6))).toEqual(['epub-mimetype'])
    expect(check(epub((files) => (files.mimetype = 'application/zip')))).toEqual(['epub-mimetype'])
  })

  it('should report a missing container, rootfile or package document', () => {
    expect(check(epub((files) => delete files['META-INF/container.xml']))).toEqual(['epub-container'])
    expect(check(epub((files) => (files['META-INF/container.xml'] = container.replace('full-path', 'path'))))).toEqual(['epub-container'])
    expect(check(epub((files) => (files['META-INF/container.xml'] = container.replace('EPUB/package.opf', 'OPS/content.opf'))))).toEqual(['epub-opf-missing'])
  })

  it('should report missing identifier, title, language', () => {
    expect(check(epub((files) => (files['EPUB/package.opf'] = opf(metadata.replace('id="uid"', 'id="other"')))))).toEqual(['epub-metadata'])
    expect(check(epub((files) => (files['EPUB/package.opf'] = opf(metadata.replace('<dc:title>T</dc:title>', '')))))).toEqual(['epub-metadata'])
    expect(check(epub((files) => (files['EPUB/package.opf'] = opf(metadata.replace('<dc:language>en</dc:language>', '<dc:language/>')))))).toEqual(['epub-metadata'])
  })

  it('should report a `dcterms:modified` not in `CCYY-MM-DDThh:mm:ssZ`', () => {
    expect(check(epub((files) => (files['EPUB/package.opf'] = opf(metadata.replace('09:30:00Z', '09:30:00.000Z')))))).toEqual(['epub-modified'])
    expect(check(epub((files) => (files['EPUB/package.opf'] = opf(metadata.replace(/<meta property="dcterms:modified">.*<\/meta>/, '')))))).toEqual(['epub-modified'])
  })

  it('should report missing accessibility metadata', () => {
    expect(check(epub((files) => (files['EPUB/package.opf'] = opf(metadata.replace(/<meta property="schema:accessibilityHazard">.*<\/meta>/, '')))))).toEqual(['epub-accessibility'])
  })

  it('should report manifest items missing from the archive and files missing from the manifest', () => {
    expect(check(epub((files) => delete files['EPUB/text/chapter 1.xhtml']))).toEqual(['epub-manifest-missing-file'])
    expect(check(epub((files) => (files['EPUB/images/extra.png'] = 'png')))).toEqual(['epub-unlisted-file'])
  })

  it('should report a missing navigation document', () => {
    expect(check(epub((files) => (files['EPUB/package.opf'] = opf(metadata, items.replace(' properties="nav"', '')))))).toEqual(['epub-nav-missing'])
  })

  it('should report XHTML that is not well-formed, naming the inner file', () => {
    const file = fileAt('epub/a.epub')
    checkEpub(file, epub((files) => (files['EPUB/text/chapter 1.xhtml'] = xhtml('<h1>One<br></h1>'))))
    expect(idsOf(file)).toEqual(['xml-not-well-formed'])
    expect(file.messages[0]?.file).toBe('epub/a.epub!EPUB/text/chapter 1.xhtml')
    expect(check(epub((files) => (files['EPUB/nav.xhtml'] = xhtml('<p>\u0000</p>'))))).toEqual(['xml-not-well-formed'])
  })
})
