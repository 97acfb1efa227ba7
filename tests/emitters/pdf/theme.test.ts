import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {resolveConfig} from '../../../src/config.js'
import {createFontSet, findFont} from '../../../src/emitters/pdf/fonts.js'
import {loadTheme} from '../../../src/emitters/pdf/theme.js'

// A `watch` builds small batches in its own process: an edit to the theme, or
// a font added to the templates folder, must show in the next build.
describe('theme and fonts in a long-lived process', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true})
  })
  const site = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-theme-'))
    dirs.push(dir)
    mkdirSync(path.join(dir, 'templates'))
    return {dir, config: resolveConfig({}, dir)}
  }

  it('should read the theme again when its file changes, and find the user’s own once it is added', () => {
    const {dir, config} = site()
    const builtin = loadTheme(config)
    expect(builtin.pageSize).toBe('A4')
    const file = path.join(dir, 'templates', 'default.pdf-theme.json')
    const base = JSON.parse(readFileSync(path.join(config.builtinTemplates, 'default.pdf-theme.json'), 'utf8')) as Record<string, unknown>
    writeFileSync(file, JSON.stringify({...base, pageSize: 'Letter'}))
    expect(loadTheme(config).pageSize).toBe('Letter')
    writeFileSync(file, JSON.stringify({...base, pageSize: 'A4', margins: {top: 1, right: 2, bottom: 3, left: 4}}))
    // Same size of file in the same millisecond would be missed: set the time apart.
    utimesSync(file, new Date(), new Date(Date.now() + 2000))
    const edited = loadTheme(config)
    expect(edited.pageSize).toBe('A4')
    expect(edited).toHaveProperty('margins', {top: 1, right: 2, bottom: 3, left: 4})
    rmSync(file)
    expect(loadTheme(config)).toEqual(builtin)
  })

  it('should take the settings an older theme of the user lacks from the built-in one', () => {
    const {dir, config} = site()
    const base = JSON.parse(readFileSync(path.join(config.builtinTemplates, 'default.pdf-theme.json'), 'utf8')) as Record<string, unknown>
    const {justification: _justification, end: _end, ...older} = base
    writeFileSync(path.join(dir, 'templates', 'default.pdf-theme.json'), JSON.stringify({...older, labels: {by: 'Von {authors}'}}))
    const theme = loadTheme(config)
    expect(theme.justification).toEqual(base['justification'])
    expect(theme.end).toEqual(base['end'])
    // Labels come from the catalogs; a theme's own English wording is kept as written.
    expect(theme.labels).toEqual({by: 'Von {authors}'})
  })

  it('should use a font added to `templates/fonts/` in the next font set', () => {
    const {dir, config} = site()
    const theme = loadTheme(config)
    const style = {family: 'serif' as const, bold: false, italic: false}
    const before = createFontSet(theme, config).chain(style).fonts[0]!
    const name = theme.fonts.serif.regular
    // The user's copy of the serif face (another font's bytes under its name).
    mkdirSync(path.join(dir, 'templates', 'fonts'))
    copyFileSync(findFont(config, theme.fonts.mono.regular)!, path.join(dir, 'templates', 'fonts', name))
    const after = createFontSet(theme, config).chain(style).fonts[0]!
    expect(after).not.toBe(before)
    expect(after.face).not.toBe(before.face)
    expect(findFont(config, name)).toBe(path.join(dir, 'templates', 'fonts', name))
  })
})
