import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {resolveConfig} from '../../../src/config.js'
import {findFont, layoutOf, loadFont, type LoadedFont} from '../../../src/emitters/pdf/fonts.js'
import {createShapingStore, type ShapingStore} from '../../../src/emitters/pdf/shaping-store.js'
import {root} from '../../helpers/article.js'

const config = resolveConfig({}, root)
let dir = ''

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-shaping-'))
})

afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

function fontOf(name: string): LoadedFont {
  const file = findFont(config, name)
  if (!file) throw new Error(`no ${name}`)
  return loadFont(file)
}

/**
 * The font with a store and without the layouts in memory (a fresh process
 * as far as shaping goes): in-memory layouts are kept per fontkit font.
 */
function withStore(font: LoadedFont, store: ShapingStore, original: LoadedFont['original'] = Object.create(font.original) as LoadedFont['original']): LoadedFont {
  return {...font, original, store}
}

/** What a layout is made of, as plain data. */
function plain(font: LoadedFont, text: string) {
  const run = layoutOf(font, text)
  return {
    glyphs: run.glyphs.map((glyph) => [glyph.id, [...glyph.codePoints], glyph.advanceWidth]),
    positions: run.positions.map((p) => ({...p})),
    advanceWidth: run.advanceWidth,
    width: run.width
  }
}

describe('shaping store', () => {
  it('should give back exactly what fontkit gave, from a store written by another process', () => {
    const store = path.join(dir, 'store-a')
    const writer = createShapingStore(store)
    const font = withStore(fontOf('DejaVuSans.ttf'), writer)
    // Latin with a ligature and kerning, marks, Arabic joining, Hebrew, an emoji (no glyph), a lone combining mark.
    const texts = ['office', 'AVATAR', 'Wärme', 'e\u0301te\u0301', 'كتاب', 'الكتاب', 'שלום', '😀', '\u0301', 'ﬁ', 'To.']
    fc.assert(fc.property(fc.string({unit: 'grapheme', maxLength: 12}), (text) => void texts.push(text)), {numRuns: 60})
    const fresh = texts.map((text) => plain(font, text))
    writer.merge()
    expect(existsSync(store)).toBe(true)
    // A fresh process: nothing in memory, the store read from disk.
    const copy = withStore(
      font,
      createShapingStore(store),
      Object.create(font.original, {layout: {value: () => expect.unreachable('shaped again instead of read from the store')}}) as LoadedFont['original']
    )
    const stored = texts.map((text) => plain(copy, text))
    expect(stored).toEqual(fresh)
  })

  it('should keep one file per face, named by its bytes, and merge what several writers add', async () => {
    const store = path.join(dir, 'store-b')
    const first = createShapingStore(store)
    const serif = fontOf('DejaVuSerif.ttf')
    const sans = fontOf('DejaVuSans.ttf')
    layoutOf(withStore(serif, first), 'first')
    first.merge()
    const files = await readdir(store)
    expect(files).toEqual([`${serif.face}-v1.json`])
    // Another writer adds a word meanwhile.
    const file = path.join(store, files[0]!)
    const theirs = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>
    await writeFile(file, JSON.stringify({...theirs, second: theirs['first']}))
    // Another store on the folder (another thread) adds words later.
    const second = createShapingStore(store)
    layoutOf(withStore(serif, second), 'third')
    layoutOf(withStore(sans, second), 'sans')
    second.merge()
    expect(Object.keys(JSON.parse(await readFile(file, 'utf8')) as object).sort()).toEqual(['first', 'second', 'third'])
    expect((await readdir(store)).sort()).toEqual([`${sans.face}-v1.json`, `${serif.face}-v1.json`].sort())
    expect(sans.face).not.toBe(serif.face)
  })

  it('should remove temporary files a stopped writer left, once they are old', async () => {
    const store = path.join(dir, 'store-d')
    await mkdir(store, {recursive: true})
    const old = path.join(store, 'x-v1.json.1.a.tmp')
    const recent = path.join(store, 'x-v1.json.2.b.tmp')
    await writeFile(old, '{')
    await writeFile(recent, '{')
    const hourAgo = new Date(Date.now() - 3_600_000)
    await utimes(old, hourAgo, hourAgo)
    createShapingStore(store)
    // One still being written (by another thread) stays.
    expect(await readdir(store)).toEqual(['x-v1.json.2.b.tmp'])
  })

  it('should ignore a damaged store and shape again', async () => {
    const store = path.join(dir, 'store-c')
    const writer = createShapingStore(store)
    const font = fontOf('DejaVuSerif.ttf')
    const expected = plain(withStore(font, writer), 'damage')
    writer.merge()
    const file = path.join(store, `${font.face}-v1.json`)
    await writeFile(file, JSON.stringify({damage: '[[1,2],[[3]],[0],5]'}))
    expect(plain(withStore(font, createShapingStore(store)), 'damage')).toEqual(expected)
    await writeFile(file, '{not json')
    expect(plain(withStore(font, createShapingStore(store)), 'damage')).toEqual(expected)
  })
})

describe.skipIf(!existsSync(path.join(root, 'dist/bundle/cli.cjs')))('shaping store in builds', () => {
  it('should write the same PDFs with the store as without it', async () => {
    const configFile = path.join(dir, 'pressroom.config.json')
    await writeFile(configFile, JSON.stringify({site: {title: 'T', url: 'https://t.example/'}, input: path.join(root, 'input'), cache: path.join(dir, 'cache')}))
    const run = (output: string) =>
      execFileSync(process.execPath, [path.join(root, 'bin/pressroom.js'), 'build', '--no-progress', '--quiet', '--no-cache', '--only', 'pdf', '-c', configFile, '--output', path.join(dir, output)], {
        cwd: dir,
        encoding: 'utf8',
        env: {...process.env, SOURCE_DATE_EPOCH: '1740441600'}
      })
    run('first')
    const store = path.join(dir, 'cache/pdf-shaping')
    expect((await readdir(store)).length).toBeGreaterThan(1)
    // The second build reads every word from the store.
    run('second')
    const pdfs = (await readdir(path.join(dir, 'first/pdf'))).sort()
    expect(pdfs.length).toBeGreaterThan(0)
    for (const name of pdfs) {
      expect(await readFile(path.join(dir, 'second/pdf', name))).toEqual(await readFile(path.join(dir, 'first/pdf', name)))
    }
  }, 120_000)
})
