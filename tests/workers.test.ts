/**
 * The worker pool gives the same bytes as building in one thread, and the
 * bundled command line the same as the library. Runs the compiled CLI (`npm
 * test` compiles first), since workers load `dist/`.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import module from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {listFiles} from '../src/util/list-files.js'
import {goodInputs} from './helpers/adversarial.js'
import {root} from './helpers/article.js'

const bin = path.join(root, 'bin/pressroom.js')
const compiled = existsSync(path.join(root, 'dist/build/worker.js'))
let dir = ''

afterAll(async () => {
  if (dir) await rm(dir, {recursive: true, force: true})
})

async function snapshot(output: string): Promise<Record<string, string>> {
  const files = await listFiles(output)
  return Object.fromEntries(await Promise.all(files.map(async (file) => [file, (await readFile(path.join(output, file))).toString('base64')])))
}

describe.skipIf(!compiled)('worker pool', () => {
  it('should write the same files with 2 workers as with none', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-workers-'))
    const run = (output: string, workers: string) =>
      execFileSync(process.execPath, [bin, 'build', '--no-progress', '--quiet', '--workers', workers, '--output', path.join(dir, output)], {cwd: root, encoding: 'utf8', env: {...process.env, SOURCE_DATE_EPOCH: '1740441600'}})
    const pooled = run('pooled', '2')
    const single = run('single', '0')
    expect(pooled).toMatch(/^2 articles built \(2 rebuilt\), 0 failed/m)
    expect(single).toMatch(/^2 articles built \(2 rebuilt\), 0 failed/m)
    expect(await snapshot(path.join(dir, 'pooled'))).toEqual(await snapshot(path.join(dir, 'single')))
  }, 120_000)

  it('should write with the bundled command line the same files as the library from its sources', async () => {
    dir ||= await mkdtemp(path.join(os.tmpdir(), 'pressroom-workers-'))
    const epoch = '1740441600'
    execFileSync(process.execPath, [bin, 'build', '--no-progress', '--quiet', '--no-cache', '--output', path.join(dir, 'bundled')], {cwd: root, encoding: 'utf8', env: {...process.env, SOURCE_DATE_EPOCH: epoch}})
    const {build} = await import('../src/build/index.js')
    const {loadConfig} = await import('../src/config.js')
    const saved = process.env['SOURCE_DATE_EPOCH']
    process.env['SOURCE_DATE_EPOCH'] = epoch
    try {
      const config = await loadConfig({root, overrides: {output: path.join(dir, 'library'), cache: path.join(dir, 'library-cache')}})
      expect((await build({config, workers: 0})).failed).toBe(0)
    } finally {
      if (saved === undefined) delete process.env['SOURCE_DATE_EPOCH']
      else process.env['SOURCE_DATE_EPOCH'] = saved
    }
    const bundled = await snapshot(path.join(dir, 'bundled'))
    expect(Object.keys(bundled).length).toBeGreaterThan(10)
    expect(bundled).toEqual(await snapshot(path.join(dir, 'library')))
  }, 120_000)

  it('should load a pressroom.config.ts that imports from `pressroom`, as the README sets it up', async () => {
    dir ||= await mkdtemp(path.join(os.tmpdir(), 'pressroom-workers-'))
    const project = path.join(dir, 'project')
    await mkdir(path.join(project, 'input'), {recursive: true})
    await mkdir(path.join(project, 'node_modules'), {recursive: true})
    await symlink(root, path.join(project, 'node_modules/pressroom'), 'dir')
    await writeFile(path.join(project, 'input/hello.md'), '---\ntitle: Hello\ndate: 2024-05-01\n---\n\nHello **world**.\n')
    await writeFile(path.join(project, 'words.ts'), 'export const suffix: string = ".words.txt"\n')
    await writeFile(
      path.join(project, 'pressroom.config.ts'),
      `import {defineConfig, articleKeys, type Emitter} from 'pressroom'
import {suffix} from './words.js'

const words = (): Emitter => ({
  name: 'words',
  article: (article) => [{path: \`words/\${article.meta.slug}\${suffix}\`, contents: \`\${article.stats.words} \${typeof articleKeys}\`}]
})

export default defineConfig({site: {title: 'T', url: 'https://t.example/'}, builtins: {pdf: false, epub: false}, emitters: [words()]})
`
    )
    const output = execFileSync(process.execPath, [bin, 'build', '--no-progress'], {cwd: project, encoding: 'utf8'})
    expect(output).toMatch(/^1 article built \(1 rebuilt\), 0 failed/m)
    expect(await readFile(path.join(project, 'output/words/hello.words.txt'), 'utf8')).toBe('2 function')
    // The bundled configuration, written beside it to be imported, is gone.
    expect((await readdir(project)).sort()).toEqual(['.pressroom-cache', 'input', 'node_modules', 'output', 'pressroom.config.ts', 'words.ts'])
    // A mistake in it is reported with its place.
    await writeFile(path.join(project, 'pressroom.config.ts'), "export default {site: {title: 'T' url: 'x'}}\n")
    const failed = spawnSync(process.execPath, [bin, 'build', '--no-progress'], {cwd: project, encoding: 'utf8'})
    expect(failed.status).toBe(2)
    expect(failed.stderr).toMatch(/pressroom\.config\.ts:1:34: ERROR: Expected "}" but found "url"/)
  }, 120_000)

  // Node 22 keeps the cache itself (`module.enableCompileCache`).
  it.skipIf('enableCompileCache' in module)('should start the command line with a code cache of its own, and write the same files with it', async () => {
    dir ||= await mkdtemp(path.join(os.tmpdir(), 'pressroom-workers-'))
    const cache = path.join(dir, 'compile-cache')
    const run = (output: string, folder = cache) => {
      const result = spawnSync(process.execPath, [bin, 'build', '--no-progress', '--quiet', '--no-cache', '--output', path.join(dir, output)], {
        cwd: root,
        encoding: 'utf8',
        env: {...process.env, SOURCE_DATE_EPOCH: '1740441600', PRESSROOM_COMPILE_CACHE: folder, NODE_DEBUG: 'pressroom'}
      })
      expect(result.status).toBe(0)
      return result.stderr
    }
    expect(run('cache-1')).toMatch(/code cache: none yet[\s\S]*code cache: written \(level 1\)/)
    expect((await readdir(cache)).filter((name) => name.endsWith('-1.bin'))).toHaveLength(1)
    const second = run('cache-2')
    expect(second).toMatch(/code cache: used \(level 1\)/)
    expect(second).not.toMatch(/code cache: written/)
    expect(await snapshot(path.join(dir, 'cache-2'))).toEqual(await snapshot(path.join(dir, 'cache-1')))
    // Someone else could write compiled code into a folder open to others: not used.
    const open = path.join(dir, 'open-cache')
    await mkdir(open, {mode: 0o777})
    await chmod(open, 0o777)
    expect(run('cache-3', open)).toMatch(/code cache: off/)
    expect(await readdir(open)).toEqual([])
  }, 120_000)

  it('should build again in the main thread an article that runs a worker out of memory', async () => {
    dir ||= await mkdtemp(path.join(os.tmpdir(), 'pressroom-workers-'))
    const input = path.join(dir, 'oom-input')
    await mkdir(input, {recursive: true})
    // Enough articles for the pool, and one of 5 MB that a 64 MB heap cannot hold.
    await writeFile(path.join(input, 'huge.md'), goodInputs['huge.md'] as string)
    for (let index = 0; index < 24; index++) {
      await writeFile(path.join(input, `small-${index}.md`), `---\ntitle: Small ${index}\ndate: 2025-01-0${(index % 9) + 1}\n---\n\nA short article, number ${index}.\n`)
    }
    const {build} = (await import(path.join(root, 'dist/build/index.js'))) as typeof import('../src/build/index.js')
    const {resolveConfig} = (await import(path.join(root, 'dist/config.js'))) as typeof import('../src/config.js')
    const config = resolveConfig({site: {title: 'T', url: 'https://t.example/'}, input, output: path.join(dir, 'oom-output'), cache: path.join(dir, 'oom-cache'), builtins: {pdf: false, epub: false}}, dir)
    const result = await build({config, workers: 2, workerHeapMb: 64})
    expect(result.failed).toBe(0)
    expect(result.articles.map((article) => article.meta.slug)).toContain('huge')
    expect(result.articles).toHaveLength(25)
  }, 180_000)
})

