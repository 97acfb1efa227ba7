import {readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import * as fontkit from 'fontkit'
import {PDFBool, PDFDocument, PDFName, PDFString, StandardFonts} from 'pdf-lib'
import {describe, expect, it} from 'vitest'
import {checkPdf} from '../../src/check/pdf.js'
import {fileAt, idsOf, messagesOf} from './helpers.js'

const require = createRequire(import.meta.url)
const fontPath = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
let embedded: Uint8Array | undefined

/**
 * A one-page PDF with DejaVu Sans embedded (as a Type 0 font), built once:
 * embedding the whole font takes seconds.
 */
async function withEmbeddedFont(): Promise<Uint8Array> {
  if (!embedded) {
    const document = await PDFDocument.create({updateMetadata: false})
    document.registerFontkit(fontkit as never)
    const font = await document.embedFont(await readFile(fontPath), {subset: false})
    document.addPage([200, 200]).drawText('Hello', {x: 20, y: 100, size: 12, font})
    embedded = await document.save({useObjectStreams: false})
  }
  return embedded
}

interface Options {
  marked?: boolean
  structTree?: boolean
  lang?: boolean
  title?: boolean
  pages?: boolean
  standardFont?: boolean
}

/** A small PDF with what `options` asks for (default: everything a tagged PDF needs). */
async function pdf(options: Options = {}): Promise<Uint8Array> {
  let document: PDFDocument
  if (options.standardFont) {
    document = await PDFDocument.create({updateMetadata: false})
    const font = await document.embedFont(StandardFonts.Helvetica)
    document.addPage([200, 200]).drawText('Hello', {x: 20, y: 100, size: 12, font})
  } else {
    document = await PDFDocument.load(await withEmbeddedFont(), {updateMetadata: false})
  }
  if (options.pages === false) document.removePage(0)
  const {context, catalog} = document
  if (options.marked !== false) catalog.set(PDFName.of('MarkInfo'), context.obj({Marked: PDFBool.True}))
  if (options.structTree !== false) catalog.set(PDFName.of('StructTreeRoot'), context.register(context.obj({Type: 'StructTreeRoot'})))
  if (options.lang !== false) catalog.set(PDFName.of('Lang'), PDFString.of('en'))
  if (options.title !== false) document.setTitle('Hello')
  return document.save({useObjectStreams: false, addDefaultPage: false})
}

async function check(bytes: Uint8Array): Promise<string[]> {
  const file = fileAt('pdf/a.pdf')
  await checkPdf(file, bytes)
  return idsOf(file)
}

describe('pdf', () => {
  it('should accept a tagged PDF with an embedded (Type 0) font', async () => {
    const file = fileAt('pdf/a.pdf')
    await checkPdf(file, await pdf())
    expect(messagesOf(file)).toEqual([])
  })

  it('should report bytes that are not a PDF', async () => {
    expect(await check(new TextEncoder().encode('not a pdf'))).toEqual(['pdf-invalid'])
  })

  it('should report a PDF without pages', async () => {
    expect(await check(await pdf({pages: false}))).toEqual(['pdf-no-pages'])
  })

  it('should report a PDF that is not tagged', async () => {
    expect(await check(await pdf({marked: false}))).toEqual(['pdf-not-tagged'])
    expect(await check(await pdf({structTree: false}))).toEqual(['pdf-no-struct-tree'])
  })

  it('should report a missing language and title', async () => {
    expect(await check(await pdf({lang: false}))).toEqual(['pdf-no-lang'])
    expect(await check(await pdf({title: false}))).toEqual(['pdf-no-title'])
  })

  it('should report a font that is not embedded (a standard 14 font)', async () => {
    const file = fileAt('pdf/a.pdf')
    await checkPdf(file, await pdf({standardFont: true}))
    expect(idsOf(file)).toEqual(['pdf-font-not-embedded'])
    expect(file.messages[0]?.reason).toContain('Helvetica')
  })
})
