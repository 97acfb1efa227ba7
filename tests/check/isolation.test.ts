import {createHash} from 'node:crypto'
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {checkOutput} from '../../src/check/index.js'

vi.mock('../../src/check/pdf.js', () => ({
  checkPdf: async () => {
    throw new Error('boom')
  }
}))

let dir: string | undefined

afterEach(async () => {
  if (dir) await rm(dir, {recursive: true, force: true})
})

describe('checkOutput isolation', () => {
  it('should turn a checker that throws into `check-failed` on that file only', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-check-'))
    await mkdir(path.join(dir, 'pdf'))
    await writeFile(path.join(dir, 'pdf/a.pdf'), '%PDF-1.7')
    await writeFile(path.join(dir, 'b.txt'), 'a  \n')
    const entry = (name: string, text: string) => ({path: name, emitter: 'x', bytes: text.length, sha256: createHash('sha256').update(text).digest('hex')})
    await writeFile(path.join(dir, 'manifest.json'), JSON.stringify({articles: [], collections: {a: entry('pdf/a.pdf', '%PDF-1.7'), b: entry('b.txt', 'a  \n')}}))
    const report = await checkOutput(dir)
    const lines = report.files.flatMap((file) => file.messages.map((message) => `${message.file}: ${message.ruleId}: ${message.reason}`))
    expect(lines).toEqual(['b.txt: text-trailing-space: Unexpected trailing whitespace', 'pdf/a.pdf: check-failed: Cannot check file: boom'])
    expect(report.errors).toBe(2)
  })
})
