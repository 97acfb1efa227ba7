/**
 * Each override of pdfkit or fontkit internals (`src/emitters/pdf/overrides/`)
 * against the original: the same document with and without it gives the
 * same bytes, or the same subset font, or what it changes on purpose.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {inflateSync} from 'node:zlib'
import fc from 'fast-check'
import * as fontkit from 'fontkit'
import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../../../src/config.js'
import {findFont, loadFont} from '../../../src/emitters/pdf/fonts.js'
import {loadImage} from '../../../src/emitters/pdf/images.js'
import {glyphPerUse} from '../../../src/emitters/pdf/overrides/fontkit.js'
import {batchContent, cidOf, collectOutput, escapeMetadata, splitImage, useFont} from '../../../src/emitters/pdf/overrides/pdfkit.js'
import {assertVersion, expectedVersions, installedVersion} from '../../../src/emitters/pdf/overrides/versions.js'
import {createPdf, type Pdf} from '../../../src/emitters/pdf/pdf.js'
import {root} from '../../helpers/article.js'
import {png} from './images.js'

const config = resolveConfig({}, root)

function fontOf(name: string) {
  const file = findFont(config, name)
  if (!file) throw new Error(`no ${name}`)
  return loadFont(file)
}

/**
 * Make a small tagged document (two pages, marked content, text, a line),
 * with `apply` run on it first; its bytes.
 */
async function documentBytes(apply: (doc: Pdf) => (() => Uint8Array) | void, title = 'A title'): Promise<Buffer> {
  const font = fontOf('DejaVuSans.ttf')
  const doc = createPdf({
    size: [300, 300],
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/UA',
    lang: 'en',
    displayTitle: true,
    font: font.font,
    compress: false,
    info: {Title: title, Author: 'Desk', CreationDate: new Date(0), ModDate: new Date(0)}
  })
  const chunks: Uint8Array[] = []
  doc.on('data', (chunk) => chunks.push(chunk))
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()))
  const output = apply(doc)
  for (let page = 0; page < 2; page++) {
    if (page > 0) doc.addPage()
    const section = doc.struct('Sect')
    doc.addStructure(section)
    const paragraph = doc.struct('P')
    section.add(paragraph)
    doc.markStructureContent('P')
    doc.fontSize(12).fillColor('#333333').text(`Page ${page + 1}: office`, 20, 40)
    doc.endMarkedContent()
    doc.markContent('Artifact')
    doc.lineWidth(0.5).strokeColor('#999999').moveTo(20, 80).lineTo(200, 80).stroke()
    doc.endMarkedContent()
    paragraph.end()
    section.end()
  }
  doc.end()
  await done
  if (output) chunks.push(output())
  return Buffer.concat(chunks)
}

describe('versions', () => {
  it('should find the versions the overrides were written against', () => {
    expect(installedVersion('pdfkit')).toBe(expectedVersions.pdfkit)
    expect(installedVersion('fontkit')).toBe(expectedVersions.fontkit)
  })

  it('should fail loudly, naming the package and both versions, when they differ', () => {
    expect(() => assertVersion('pdfkit', '0.20.2', '0.20.2')).not.toThrow()
    expect(() => assertVersion('pdfkit', '0.20.2', '0.21.0')).toThrow(/pdfkit 0\.20\.2, but version 0\.21\.0 is installed/)
    expect(() => assertVersion('fontkit', '2.0.4', undefined)).toThrow(/fontkit 2\.0\.4, but no version of it is installed/)
  })
})

describe('pdfkit overrides', () => {
  it('batchContent: the same bytes as pdfkit writing each operator', async () => {
    const original = await documentBytes(() => {})
    expect((await documentBytes((doc) => batchContent(doc))).equals(original)).toBe(true)
  })

  it('collectOutput: the same bytes as pdfkit’s stream', async () => {
    const original = await documentBytes(() => {})
    expect((await documentBytes((doc) => collectOutput(doc))).equals(original)).toBe(true)
    expect((await documentBytes((doc) => (batchContent(doc), collectOutput(doc)))).equals(original)).toBe(true)
  })

  it('escapeMetadata: the same bytes for plain text; only the XMP escaped otherwise', async () => {
    const original = await documentBytes(() => {})
    expect((await documentBytes((doc) => escapeMetadata(doc))).equals(original)).toBe(true)
    const raw = (await documentBytes(() => {}, 'Tom & Jerry <live>')).toString('latin1')
    const escaped = (await documentBytes((doc) => escapeMetadata(doc), 'Tom & Jerry <live>')).toString('latin1')
    expect(raw).toContain('<rdf:li xml:lang="x-default">Tom & Jerry <live></rdf:li>')
    expect(escaped).toContain('<rdf:li xml:lang="x-default">Tom &amp; Jerry &lt;live&gt;</rdf:li>')
  })

  it('useFont and cidOf: the CIDs, characters and widths pdfkit’s own encoding gives', () => {
    const font = fontOf('DejaVuSans.ttf')
    const text = 'Hello, office world'
    const run = font.original.layout(text)
    const ours = createPdf({font: font.font, compress: false})
    const embedded = useFont(ours, font.font, font.key)
    const scale = 1000 / font.original.unitsPerEm
    const cids = run.glyphs.map((glyph) => cidOf(embedded, glyph.id, glyph.codePoints, glyph.advanceWidth * scale).toString(16).padStart(4, '0'))
    const theirs = createPdf({font: font.font, compress: false})
    theirs.font(font.font, font.key)
    const [encoded] = (theirs._font as unknown as {encode(text: string): [string[], unknown]}).encode(text)
    expect(cids).toEqual(encoded)
    expect(embedded.unicode).toEqual(theirs._font.unicode)
    expect(embedded.widths).toEqual(theirs._font.widths)
    expect(ours.page.fonts[embedded.id]).toBeDefined()
  })

  it('cidOf: a glyph standing for other characters gets its own CID (pdfkit keeps the first)', () => {
    const font = fontOf('DejaVuSans.ttf')
    const embedded = useFont(createPdf({font: font.font}), font.font, font.key)
    const first = cidOf(embedded, 100, [0x643], 500)
    expect(cidOf(embedded, 100, [0x643], 500)).toBe(first)
    const second = cidOf(embedded, 100, [0x6a9], 500)
    expect(second).not.toBe(first)
    expect(embedded.unicode[first]).toEqual([0x643])
    expect(embedded.unicode[second]).toEqual([0x6a9])
  })

  it('splitImage: the same samples as pdfkit’s own PNG decoding (not the same bytes: pdfkit writes its images last)', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'pressroom-overrides-'))
    const file = path.join(folder, 'alpha.png')
    const bytes = png(24, 16)
    writeFileSync(file, bytes)
    const image = loadImage(file)
    if (image instanceof Error || image.kind !== 'split') throw new Error('expected a split image')
    const render = async (source: unknown) => {
      const doc = createPdf({size: [100, 100], compress: false, info: {CreationDate: new Date(0), ModDate: new Date(0)}})
      const chunks: Uint8Array[] = []
      doc.on('data', (chunk) => chunks.push(chunk))
      const done = new Promise<void>((resolve) => doc.on('end', () => resolve()))
      doc.image(source, 10, 10, {width: 24, height: 16})
      doc.end()
      await done
      return Buffer.concat(chunks)
    }
    /** The image streams, inflated, by colour space. */
    const samples = (pdf: Buffer) => {
      const text = pdf.toString('latin1')
      const found: Record<string, Buffer> = {}
      for (const match of text.matchAll(/\/Subtype \/Image\n[^]*?\/ColorSpace \/(\w+)\n[^]*?\/Length (\d+)\n>>\nstream\n/g)) {
        const start = (match.index ?? 0) + match[0].length
        found[match[1] as string] = inflateSync(pdf.subarray(start, start + Number(match[2])))
      }
      return found
    }
    const ours = samples(await render(splitImage(image, 'I1')))
    const theirs = samples(await render(bytes))
    expect(Object.keys(ours).sort()).toEqual(['DeviceGray', 'DeviceRGB'])
    expect(ours).toEqual(theirs)
  })
})

describe('fontkit overrides', () => {
  const names = ['DejaVuSerif.ttf', 'DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf']

  interface Subset {
    glyphs: number[]
    includeGlyph(id: number): number
    encode(): Uint8Array
  }

  for (const name of names) {
    it(`subset encoding and decoding once: fontkit's bytes for ${name}`, () => {
      const font = fontOf(name)
      const glyphCount = (font.original as unknown as {numGlyphs: number}).numGlyphs
      fc.assert(
        fc.property(fc.array(fc.integer({min: 0, max: glyphCount - 1}), {maxLength: 120}), fc.array(fc.nat(), {maxLength: 3}), (ids, copies) => {
          const ours = (font.font as unknown as {createSubset(): Subset}).createSubset()
          const theirs = (font.original as unknown as {createSubset(): Subset}).createSubset()
          for (const subset of [ours, theirs]) {
            for (const id of ids) subset.includeGlyph(id)
            // The drawing code adds copies of glyphs (one per use of a shared form).
            for (const copy of copies) subset.glyphs.push(ids.length > 0 ? (ids[copy % ids.length] as number) : 0)
          }
          expect(Buffer.from(ours.encode()).equals(Buffer.from(theirs.encode()))).toBe(true)
          expect(ours.glyphs).toEqual(theirs.glyphs)
        }),
        {numRuns: 40}
      )
    })

    it(`post header: the fields pdfkit reads, as fontkit decodes them, for ${name}`, () => {
      const font = fontOf(name)
      const ours = (font.font as unknown as {post: Record<string, unknown>}).post
      const theirs = (fontkit.create(Buffer.from((font.original as unknown as {stream: {buffer: Uint8Array}}).stream.buffer)) as unknown as {post: Record<string, unknown>}).post
      for (const field of ['version', 'italicAngle', 'underlinePosition', 'underlineThickness', 'isFixedPitch']) {
        expect(ours[field]).toEqual(theirs[field])
      }
    })
  }

  it('subset encoding: compound glyphs bring their components', () => {
    const font = fontOf('DejaVuSerif.ttf')
    // Accented letters are compound glyphs in DejaVu.
    const run = font.original.layout('éàÅǯ')
    const ours = (font.font as unknown as {createSubset(): Subset}).createSubset()
    const theirs = (font.original as unknown as {createSubset(): Subset}).createSubset()
    for (const subset of [ours, theirs]) for (const glyph of run.glyphs) subset.includeGlyph(glyph.id)
    expect(Buffer.from(ours.encode()).equals(Buffer.from(theirs.encode()))).toBe(true)
    expect(ours.glyphs.length).toBeGreaterThan(run.glyphs.length + 1)
  })

  it('glyphPerUse: each use of a glyph keeps its own characters (fontkit keeps the first)', () => {
    const file = findFont(config, 'DejaVuSans.ttf')!
    const bytes = Buffer.from((loadFont(file).original as unknown as {stream: {buffer: Uint8Array}}).stream.buffer)
    type GetGlyph = {getGlyph(id: number, codePoints: number[]): {codePoints: number[]}}
    const plain = fontkit.create(bytes) as unknown as GetGlyph
    plain.getGlyph(100, [0x643])
    expect(plain.getGlyph(100, [0x6a9]).codePoints).toEqual([0x643])
    const changed = fontkit.create(bytes) as unknown as GetGlyph & fontkit.Font
    glyphPerUse(changed)
    changed.getGlyph(100, [0x643])
    expect(changed.getGlyph(100, [0x6a9]).codePoints).toEqual([0x6a9])
    expect(changed.getGlyph(100, [0x643]).codePoints).toEqual([0x643])
  })
})
