import {mkdtemp, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build} from '../../src/build/index.js'
import {listFiles} from '../../src/util/list-files.js'
import {formatProblem, problemsOf} from '../../src/check/command.js'
import {checkOutput, type CheckReport} from '../../src/check/index.js'
import {loadConfig} from '../../src/config.js'

const root = path.resolve(import.meta.dirname, '../..')
let output: string
let report: CheckReport

beforeAll(async () => {
  output = await mkdtemp(path.join(os.tmpdir(), 'pressroom-check-sample-'))
  await build({config: await loadConfig({root, overrides: {output}})})
  report = await checkOutput(output)
})

afterAll(async () => {
  await rm(output, {recursive: true, force: true})
})

describe('check of the shipped sample', () => {
  it('should find no problem in whatever the build wrote', async () => {
    expect(problemsOf(report).map(formatProblem)).toEqual([])
    expect(report.checked).toBe((await listFiles(output)).length)
  })

  it('should have checked each format that exists', async () => {
    const files = await listFiles(output)
    // Every format the emitters write today; a format still missing is not a failure here.
    for (const pattern of [/^index\.html$/, /^manifest\.json$/]) {
      expect(files.some((file) => pattern.test(file))).toBe(true)
    }
    expect(report.files.map((file) => file.path).sort()).toEqual(files)
  })
})
