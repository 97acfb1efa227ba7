/**
 * The validator itself, on the specification's own files: its 3.1 examples
 * and `should_pass` suite validate, `should_fail` does not.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {errorsOf, ninjsDir, ninjsValidator} from '../../helpers/ninjs-schema.js'

const validate = ninjsValidator()

function files(dir: string): string[] {
  return readdirSync(path.join(ninjsDir, dir)).filter((name) => name.endsWith('.json')).sort()
}

function load(dir: string, name: string): unknown {
  return JSON.parse(readFileSync(path.join(ninjsDir, dir, name), 'utf8'))
}

describe('ninjs 3.1 schema (Ajv 2020-12, formats checked)', () => {
  it('should have the specification’s files', () => {
    expect(files('examples').length).toBe(8)
    expect(files('test_suite/should_pass').length).toBeGreaterThan(0)
    expect(files('test_suite/should_fail').length).toBeGreaterThan(0)
  })

  for (const name of files('examples')) {
    // The specification's own renditions example has `uri: "renditions-example"`,
    // which has no scheme: not a URI, so it fails once formats are checked.
    if (name === '002_renditions_example.json') {
      it(`should reject example \`${name}\` for its scheme-less \`uri\` only`, () => {
        expect(validate(load('examples', name))).toBe(false)
        expect(validate.errors?.map((error) => [error.instancePath, error.keyword, error.params])).toEqual([['/uri', 'format', {format: 'uri'}]])
        const fixed = {...(load('examples', name) as object), uri: 'http://example.com/renditions-example'}
        expect(validate(fixed), errorsOf(validate).join('\n')).toBe(true)
      })
      continue
    }
    it(`should accept example \`${name}\``, () => {
      expect(validate(load('examples', name)), errorsOf(validate).join('\n')).toBe(true)
    })
  }

  for (const name of files('test_suite/should_pass')) {
    it(`should accept \`should_pass/${name}\``, () => {
      expect(validate(load('test_suite/should_pass', name)), errorsOf(validate).join('\n')).toBe(true)
    })
  }

  for (const name of files('test_suite/should_fail')) {
    it(`should reject \`should_fail/${name}\``, () => {
      expect(validate(load('test_suite/should_fail', name))).toBe(false)
    })
  }

  it('should check the GeoJSON of a place (from the local copy of its schema)', () => {
    const item = (geoJSON: unknown) => ({uri: 'http://example.com/x', places: [{name: 'Erbil', geoJSON}]})
    expect(validate(item({type: 'Point', coordinates: [44.01, 36.19]})), errorsOf(validate).join('\n')).toBe(true)
    expect(validate(item({type: 'Point', coordinates: 'Erbil'}))).toBe(false)
  })

  it('should reject unknown properties and a missing `uri`', () => {
    expect(validate({uri: 'http://example.com/x', headline: 'ninjs 1.x name'})).toBe(false)
    expect(validate({type: 'text'})).toBe(false)
  })
})
