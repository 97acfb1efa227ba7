/**
 * A build killed at any moment (SIGKILL: no handler runs) leaves every file
 * of the output folder complete, old or new, and no temporary file there;
 * `pressroom check` sees that the manifest is stale, and the next build
 * repairs everything. Runs the real command line in a child process.
 */
import {spawn, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {root} from './helpers/article.js'

const bin = path.join(root, 'bin/pressroom.js')
const env = {...process.env, SOURCE_DATE_EPOCH: '1740441600'}
const count = 240

/** Every file under a folder (dot files included) with its sha256. */
function hashes(folder: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const entry of readdirSync(folder, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    out.set(path.relative(folder, full), createHash('sha256').update(readFileSync(full)).digest('hex'))
  }
  return out
}

async function writeArticles(dir: string, edition: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    const day = String((index % 28) + 1).padStart(2, '0')
    const body = Array.from({length: 6}, (_, paragraph) => `Paragraph ${paragraph} of story ${index}, edition ${edition}: the council met again to discuss the budget, the roads and the schools.`).join('\n\n')
    await writeFile(path.join(dir, 'input', `story-${index}.md`), `---\ntitle: Story ${index}\ndate: 2024-02-${day}\n---\n\n${body}\n`)
  }
}

function run(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], {cwd: dir, env, encoding: 'utf8', timeout: 300_000})
}

describe.skipIf(!existsSync(path.join(root, 'dist/bundle/cli.cjs')))('a build killed part-way', () => {
  let dir = ''

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-kill-'))
    await mkdir(path.join(dir, 'input'))
    await writeFile(path.join(dir, 'pressroom.config.json'), JSON.stringify({site: {title: 'K', url: 'https://k.example/'}}))
  })

  afterAll(async () => {
    await rm(dir, {recursive: true, force: true})
  })

  // Two rounds: the kill falls at a different moment each time.
  for (const round of [1, 2]) {
    it(`should leave every file old or new, and repair on the next build (round ${round})`, async () => {
      await writeArticles(dir, round * 10)
      expect(run(dir, 'build', '--no-progress').status).toBe(0)
      const output = path.join(dir, 'output')
      const old = hashes(output)

      // The next edition rewrites every article; kill the build once some of it is written.
      await writeArticles(dir, round * 10 + 1)
      const child = spawn(process.execPath, [bin, 'build', '--no-progress'], {cwd: dir, env, stdio: 'ignore'})
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      const changedEnough = round === 1 ? 1 : 40
      const deadline = Date.now() + 120_000
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20))
        let changed = 0
        for (const [file, hash] of hashes(output)) if (file.endsWith('.html') && old.get(file) !== hash) changed++
        if (changed >= changedEnough) break
      }
      child.kill('SIGKILL')
      await exited
      const killed = hashes(output)

      // `check` sees the manifest no longer matches the files.
      const stale = run(dir, 'check', 'output')
      expect(stale.status).toBe(1)
      expect(stale.stdout + stale.stderr).toMatch(/manifest-(hash|size)-mismatch/)

      // The next build repairs it; then every file the killed build left is the old or the new one.
      const repaired = run(dir, 'build', '--no-progress')
      expect(repaired.status).toBe(0)
      const now = hashes(output)
      for (const [file, hash] of killed) {
        expect(file, 'a temporary file in the output folder').not.toMatch(/\.tmp$/)
        expect([old.get(file), now.get(file)], file).toContain(hash)
      }
      expect(killed.size).toBe(old.size)
      const clean = run(dir, 'check', 'output')
      expect(clean.stdout + clean.stderr).toMatch(/ 0 errors, 0 warnings/)
      expect(clean.status).toBe(0)
    })
  }
})
