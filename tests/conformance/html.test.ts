/**
 * The W3C Nu HTML checker (vnu-jar, run with the machine's Java) over every
 * HTML page and stylesheet of every conformance build: 0 errors, 0 warnings.
 */
import {execFileSync} from 'node:child_process'
import {createRequire} from 'node:module'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {builds, conformanceDir, filesWith} from './paths.js'

const vnu = createRequire(import.meta.url)('vnu-jar') as string

function check(files: string[]): Array<{type: string; url: string; message: string; lastLine?: number}> {
  let output = ''
  try {
    execFileSync('java', ['-Xss4m', '-jar', vnu, '--also-check-css', '--format', 'json', '--stdout', ...files], {maxBuffer: 256 * 1024 * 1024, encoding: 'utf8'})
  } catch (error) {
    output = String((error as {stdout?: string}).stdout ?? '')
  }
  if (!output) return []
  return (JSON.parse(output) as {messages: Array<{type: string; url: string; message: string; lastLine?: number}>}).messages
}

describe('Nu HTML checker', () => {
  for (const name of builds) {
    it(`should find 0 errors and 0 warnings in the \`${name}\` build`, () => {
      const files = filesWith(path.join(conformanceDir, name), ['.html', '.css'])
      expect(files.length).toBeGreaterThan(0)
      const messages = check(files).map((m) => `${path.relative(conformanceDir, m.url.replace('file:', ''))}:${m.lastLine ?? 0}: ${m.type}: ${m.message}`)
      console.log(`vnu: ${name}: ${files.length} files, ${messages.length} messages`)
      expect(messages).toEqual([])
    })
  }
})
