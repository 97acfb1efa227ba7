/**
 * Scale-out as the shipped examples run it (`examples/`): N `pressroom build
 * --shard K/N` commands as separate processes, their output folders copied
 * together as the CI's artifact download does (or written into one shared
 * folder at once, as the Kubernetes pods do), then `pressroom merge`: every
 * byte must be that of one `pressroom build`. Runs the compiled command line
 * (`npm run compile` first, as `npm test` does).
 */
import {execFile} from 'node:child_process'
import {cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {validateWorkflow} from '@action-validator/core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import YAML from 'yaml'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '..')
const cli = path.join(root, 'bin/pressroom.js')
const workflowFile = path.join(root, 'examples/github-actions/build.yml')
const jobFile = path.join(root, 'examples/kubernetes/indexed-job.yaml')

describe('examples/github-actions/build.yml', () => {
  it('should be a valid workflow for action-validator', async () => {
    // As CI runs it: the command line, exit code 0 and nothing printed.
    const result = await run(process.execPath, [path.join(root, 'node_modules/@action-validator/cli/cli.mjs'), workflowFile])
    expect(result.stderr).toBe('')
    // And the validator does catch a broken workflow (so the check above can fail).
    const broken = (await readFile(workflowFile, 'utf8')).replace('runs-on: ubuntu-latest', 'runs-on-typo: ubuntu-latest')
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0)
  })

  it('should build every slice of a matrix, upload the hidden records, then merge', async () => {
    const workflow = YAML.parse(await readFile(workflowFile, 'utf8')) as {jobs: Record<string, {needs?: string; strategy?: {matrix: {shard: number[]}}; steps: Array<{uses?: string; run?: string; with?: Record<string, unknown>}>}>}
    const {build, merge} = workflow.jobs
    const shards = build!.strategy!.matrix.shard
    expect(shards).toEqual(Array.from({length: shards.length}, (_, index) => index + 1))
    expect(shards.length).toBeGreaterThan(1)
    expect(build!.steps.map((step) => step.run ?? '').join('\n')).toContain('pressroom build --shard ${{ matrix.shard }}/${{ strategy.job-total }}')
    const upload = build!.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))
    expect(upload?.with).toMatchObject({path: 'output/', 'include-hidden-files': true})
    expect(merge!.needs).toBe('build')
    const download = merge!.steps.find((step) => step.uses?.startsWith('actions/download-artifact@'))
    expect(download?.with).toMatchObject({pattern: 'shard-*', path: 'output', 'merge-multiple': true})
    const runs = merge!.steps.map((step) => step.run ?? '')
    expect(runs.indexOf('npx pressroom merge')).toBeGreaterThan(-1)
  })
})

describe('examples/kubernetes/indexed-job.yaml', () => {
  it('should pick the shard from JOB_COMPLETION_INDEX, write to the shared volume, then merge', async () => {
    interface Container {command: string[]; env?: Array<{name: string; value: string}>; volumeMounts: Array<{name: string; mountPath: string}>}
    interface Doc {kind: string; metadata: {name: string}; spec: {completionMode?: string; completions?: number; parallelism?: number; template: {spec: {restartPolicy: string; containers: Container[]; volumes: Array<{persistentVolumeClaim: {claimName: string}}>}}}}
    const docs = YAML.parseAllDocuments(await readFile(jobFile, 'utf8')).map((doc) => doc.toJS() as Doc)
    const claim = docs.find((doc) => doc.kind === 'PersistentVolumeClaim')
    const [shards, merge] = docs.filter((doc) => doc.kind === 'Job')
    expect(claim).toBeDefined()
    expect(shards?.spec).toMatchObject({completionMode: 'Indexed', parallelism: shards?.spec.completions})
    const container = shards!.spec.template.spec.containers[0]!
    const n = Number(container.env?.find((variable) => variable.name === 'SHARDS')?.value)
    expect(n).toBe(shards!.spec.completions)
    const command = container.command.join(' ')
    expect(command).toContain('pressroom build --shard "$((JOB_COMPLETION_INDEX + 1))/${SHARDS}" --output /shared/output')
    // K for each index, as the pod's shell computes it.
    for (let index = 0; index < n; index++) {
      const {stdout} = await run('sh', ['-c', 'echo "$((JOB_COMPLETION_INDEX + 1))/${SHARDS}"'], {env: {...process.env, JOB_COMPLETION_INDEX: String(index), SHARDS: String(n)}})
      expect(stdout.trim()).toBe(`${index + 1}/${n}`)
    }
    expect(merge!.spec.template.spec.containers[0]!.command.join(' ')).toContain('pressroom merge --output /shared/output')
    for (const job of [shards!, merge!]) {
      expect(job.spec.template.spec.restartPolicy).toBe('Never')
      expect(job.spec.template.spec.volumes[0]!.persistentVolumeClaim.claimName).toBe(claim!.metadata.name)
      expect(job.spec.template.spec.containers[0]!.volumeMounts[0]!.mountPath).toBe('/shared')
    }
  })
})

describe('shard builds in separate processes, merged', () => {
  const shards = 3
  let dir: string

  /** Every file under `folder` (hidden ones too) → its bytes, but the shards' records. */
  async function snapshot(folder: string): Promise<Map<string, Buffer>> {
    const entries = await readdir(folder, {recursive: true, withFileTypes: true})
    const files = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    const kept = files.filter((file) => !file.startsWith('.pressroom/')).sort()
    return new Map(await Promise.all(kept.map(async (file) => [file, await readFile(path.join(folder, file))] as const)))
  }

  function expectSameBytes(actual: Map<string, Buffer>, expected: Map<string, Buffer>) {
    expect([...actual.keys()]).toEqual([...expected.keys()])
    const different = [...expected].filter(([file, bytes]) => !actual.get(file)!.equals(bytes)).map(([file]) => file)
    expect(different).toEqual([])
  }

  const pressroom = (...argv: string[]) => run(process.execPath, [cli, ...argv, '-q'], {cwd: dir, maxBuffer: 64 * 1024 * 1024})

  let whole: Map<string, Buffer>
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-scale-out-'))
    // The sample (Markdown, wire copy, an image) and real articles from the corpus, in subfolders.
    await cp(path.join(root, 'input'), path.join(dir, 'input'), {recursive: true})
    for (const source of ['18f', 'digitalgov']) {
      const names = (await readdir(path.join(root, 'tests/corpus/articles', source))).filter((name) => name.endsWith('.md')).sort().slice(0, 8)
      await mkdir(path.join(dir, 'input', source), {recursive: true})
      for (const name of names) await cp(path.join(root, 'tests/corpus/articles', source, name), path.join(dir, 'input', source, name))
    }
    await writeFile(path.join(dir, 'pressroom.config.json'), await readFile(path.join(root, 'pressroom.config.json')))
    await pressroom('build', '--output', 'whole', '--no-progress')
    whole = await snapshot(path.join(dir, 'whole'))
  }, 300_000)

  afterAll(async () => {
    await rm(dir, {recursive: true, force: true})
  })

  it('should write the same bytes from shards copied together as one build (as the workflow)', async () => {
    expect(whole.has('manifest.json')).toBe(true)
    expect([...whole.keys()].filter((file) => file.endsWith('.pdf')).length).toBeGreaterThan(10)
    const counts: number[] = []
    for (let index = 1; index <= shards; index++) {
      // Each job: its own checkout (cache) and output folder.
      await pressroom('build', '--shard', `${index}/${shards}`, '--output', `shard-${index}`, '--no-progress')
      const records = JSON.parse(await readFile(path.join(dir, `shard-${index}/.pressroom/shard-${index}-of-${shards}.json`), 'utf8')) as {records: unknown[]}
      counts.push(records.records.length)
      await rm(path.join(dir, '.pressroom-cache'), {recursive: true, force: true})
    }
    expect(counts.reduce((a, b) => a + b, 0)).toBe(18)
    expect(counts.every((count) => count > 0)).toBe(true)
    // download-artifact with merge-multiple: every slice extracted into one folder.
    for (let index = 1; index <= shards; index++) await cp(path.join(dir, `shard-${index}`), path.join(dir, 'merged'), {recursive: true, force: true})
    await pressroom('merge', '--output', 'merged')
    expectSameBytes(await snapshot(path.join(dir, 'merged')), whole)
  }, 300_000)

  it('should write the same bytes from shards built at once into one folder as one build (as the Indexed Job)', async () => {
    // Each pod has its own cache (its container) and writes into the shared output folder.
    await Promise.all(Array.from({length: shards}, async (_, at) => {
      const index = at + 1
      await writeFile(path.join(dir, `pod-${index}.config.json`), JSON.stringify({...JSON.parse(await readFile(path.join(dir, 'pressroom.config.json'), 'utf8')) as object, cache: `.cache-pod-${index}`}))
      await pressroom('build', '-c', `pod-${index}.config.json`, '--shard', `${index}/${shards}`, '--output', 'shared', '--no-progress')
    }))
    await pressroom('merge', '--output', 'shared')
    expectSameBytes(await snapshot(path.join(dir, 'shared')), whole)
  }, 300_000)
})
