/**
 * `npm run bench`: Pressroom's speed and memory on generated articles, and
 * side by side with pandoc and Eleventy 3 when they can run here. Ratios, not
 * absolute times, are the figures that count on a shared machine.
 *
 * Options: --n 1000 (articles), --pdf-n 1000, --pandoc-sample 60, --eleventy-n 4000,
 * --no-pandoc, --no-eleventy, --big 10000 (peak RSS of a cold build of that many).
 */
import {execFile, execFileSync, spawnSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {createArticle} from '../dist/readers/index.js'
import {resolveConfig} from '../dist/config.js'
import {createEmitContext} from '../dist/emitters/context.js'
import {resolveEmitters} from '../dist/emitters/index.js'
import {createTemplates} from '../dist/emitters/templates.js'
import {generate} from './generate.js'

const run = promisify(execFile)
const args = process.argv.slice(2)
const option = (name: string, fallback: number): number => {
  const index = args.indexOf(`--${name}`)
  return index === -1 ? fallback : Number(args[index + 1])
}
const flag = (name: string) => args.includes(`--${name}`)
const root = path.resolve(import.meta.dirname, '..')
const cores = os.availableParallelism()
const n = option('n', 1000)

interface Scenario {
  ms: number
  warmMs?: number
  articles: number
  rebuilt: number
  failed: number
  maxRssMb: number
}

function scenario(user: Record<string, unknown>, extra: Record<string, unknown> = {}): Scenario {
  // In the work folder, as the command runs: source paths (and so cache keys) are relative to it.
  const out = execFileSync(process.execPath, [path.join(root, 'bench/child.mjs'), JSON.stringify({user, root: work, ...extra})], {cwd: work, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
  return JSON.parse(out.trim().split('\n').at(-1)!) as Scenario
}

/**
 * `pressroom build -c <configFile>` as a publisher runs it: the wall time of
 * the whole command (Node's start, loading, the build), median of `runs`
 * (each after `before`), as this machine is shared.
 */
function command(configFile: string, runs: number, before: (run: number) => void = () => {}): {ms: number; all: number[]} {
  const all: number[] = []
  for (let run = 0; run < runs; run++) {
    before(run)
    const started = performance.now()
    execFileSync(process.execPath, [path.join(root, 'bin/pressroom.js'), 'build', '-c', configFile, '-q', '--no-progress'], {cwd: work, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
    all.push(performance.now() - started)
  }
  return {ms: median(all), all}
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`)

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0
  await Promise.all(Array.from({length: size}, async () => {
    while (next < items.length) await work(items[next++]!)
  }))
}

const work = await mkdtemp(path.join(os.tmpdir(), 'pressroom-bench-'))
const lines: string[] = []
const say = (line: string) => {
  lines.push(line)
  console.log(line)
}
try {
  say(`Pressroom benchmark: ${n} generated articles, ${cores} cores, Node ${process.version}`)
  const input = path.join(work, 'input')
  const files = await generate(input, n)
  const user = (output: string, cache: string) => ({site: {title: 'Bench', url: 'https://bench.example/'}, input, output: path.join(work, output), cache: path.join(work, cache), templates: path.join(work, 'templates')})

  // 1. Builds, each in a fresh process, from one config file (as `pressroom build -c`).
  const configFile = path.join(work, 'pressroom.config.json')
  await writeFile(configFile, JSON.stringify(user('out', 'cache'), null, 2))
  const fromFile = {configFile}
  const cold = scenario({}, {...fromFile, clean: true})
  say(`cold build, all formats:        ${fmt(cold.ms)} (${(cold.ms / n).toFixed(1)} ms/article, peak RSS ${cold.maxRssMb.toFixed(0)} MB, ${cold.failed} failed)`)
  const noop = command(configFile, 3)
  say(`no-op rebuild:                  ${fmt(noop.ms)} (\`pressroom build\`, whole command, median of ${noop.all.map((ms) => fmt(ms)).join(', ')})`)
  const edit = (file: string) => writeFileSync(file, readFileSync(file, 'utf8') + '\nOne more paragraph after an edit.\n')
  // Articles are dated in file order: the last one is the newest.
  const newest = command(configFile, 5, () => edit(files[n - 1]!))
  say(`newest article changed:         ${fmt(newest.ms)} (feeds, edition and newsletter edition written again; \`pressroom build\`, whole command, median of ${newest.all.map((ms) => fmt(ms)).join(', ')})`)
  const older = command(configFile, 5, (run) => edit(files[Math.floor((n * (run + 1)) / 7)]!))
  say(`older article changed:          ${fmt(older.ms)} (no collection changes, so all are kept; median of ${older.all.map((ms) => fmt(ms)).join(', ')})`)
  // The process builds one changed article first (so it is warm), then the newest one again.
  edit(files[n - 2]!)
  const warm = scenario({}, {...fromFile, edit: {file: files[n - 1]!, text: '\nA second edit, seen by a warm process.\n'}})
  say(`newest article changed, warm:   ${fmt(warm.warmMs ?? 0)} (in a process that has built before, as \`pressroom watch\`)`)
  await mkdir(path.join(work, 'templates'), {recursive: true})
  await writeFile(path.join(work, 'templates/style.css'), readFileSync(path.join(root, 'templates/style.css'), 'utf8') + '\n/* changed */\n')
  const template = scenario({}, fromFile)
  say(`template changed:               ${fmt(template.ms)} (${template.rebuilt} rebuilt)`)
  await rm(path.join(work, 'templates'), {recursive: true, force: true})
  const html = scenario(user('out-html', 'cache-html'), {clean: true, only: ['html']})
  say(`cold build, HTML only:          ${fmt(html.ms)} (${(html.ms / n).toFixed(1)} ms/article)`)

  // 2. Median ms per article of each stage, in this process.
  const config = resolveConfig(user('out-stage', 'cache-stage'), work)
  const emitters = resolveEmitters(config)
  const templates = createTemplates(config)
  const sample = files.slice(0, Math.min(60, n))
  const times: Record<string, number[]> = {normalize: []}
  for (const [index, file] of sample.entries()) {
    const contents = readFileSync(file)
    let started = performance.now()
    const result = createArticle({path: file, contents}, config)
    const normalize = performance.now() - started
    if (!result.ok) continue
    const ctx = createEmitContext({config, emitters, articles: [result.article], templates})
    for (const emitter of emitters) {
      if (!emitter.article) continue
      started = performance.now()
      await emitter.article(result.article, ctx)
      // The first articles warm caches (fonts, templates): keep the rest.
      if (index >= 5) (times[emitter.name] ??= []).push(performance.now() - started)
    }
    if (index >= 5) times['normalize']!.push(normalize)
  }
  say(`median ms per article (in one process): ${Object.entries(times).map(([name, list]) => `${name} ${median(list).toFixed(1)}`).join(', ')}`)

  // The PDF emitter alone, on seed-sized articles, 1,000 in one plain `node` process (bench/pdf.ts).
  const pdfBench = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/pdf.ts'), '--n', String(option('pdf-n', 1000)), '--dist'], {cwd: root, encoding: 'utf8'})
  for (const line of pdfBench.stdout.split('\n').filter(Boolean)) say(`pdf emitter alone: ${line}`)
  if (pdfBench.status !== 0) say(`pdf emitter alone: failed (${pdfBench.stderr.trim().split('\n')[0] ?? ''})`)

  // 3. pandoc, one process per file and format, `cores` at a time (as make -j would).
  if (!flag('no-pandoc') && spawnSync('pandoc', ['--version']).status === 0) {
    const count = Math.min(option('pandoc-sample', 60), n)
    const jobs = files.slice(0, count).flatMap((file) => [
      ['-s', '-t', 'html5', '--metadata', 'pagetitle=x', '-o', `${file}.html`, file],
      ['-t', 'epub3', '-o', `${file}.epub`, file],
      ['-t', 'plain', '-o', `${file}.txt`, file]
    ])
    const started = performance.now()
    await pool(jobs, cores, (job) => run('pandoc', ['-f', 'markdown', ...job], {cwd: input}))
    const perArticle = (performance.now() - started) / count
    const projected = perArticle * n
    say(`pandoc (HTML + EPUB + plain, ${count} articles timed, ${cores} at a time): ${perArticle.toFixed(0)} ms/article → ${fmt(projected)} for ${n}`)
    say(`ratio pandoc / Pressroom all formats: ${(projected / cold.ms).toFixed(1)}× (target ≥ 10×)`)
  } else {
    say('pandoc: not installed, skipped (apt-get install pandoc)')
  }

  // 4. Eleventy 3, HTML only, on the same Markdown.
  if (!flag('no-eleventy')) {
    const eleventyDir = path.join(work, 'eleventy')
    try {
      await mkdir(eleventyDir, {recursive: true})
      await writeFile(path.join(eleventyDir, 'package.json'), '{"private": true}')
      await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '@11ty/eleventy@3'], {cwd: eleventyDir, timeout: 300_000})
      const count = option('eleventy-n', 4000)
      const eleventyInput = path.join(work, 'eleventy-input')
      await generate(eleventyInput, count)
      const bin = path.join(eleventyDir, 'node_modules/@11ty/eleventy/cmd.cjs')
      let started = performance.now()
      await run(process.execPath, [bin, `--input=${eleventyInput}`, `--output=${path.join(work, 'eleventy-out')}`, '--quiet'], {cwd: eleventyDir, maxBuffer: 64 * 1024 * 1024, timeout: 1_800_000})
      const eleventyMs = performance.now() - started
      started = performance.now()
      const ours = scenario({site: {title: 'Bench', url: 'https://bench.example/'}, input: eleventyInput, output: path.join(work, 'out-4k'), cache: path.join(work, 'cache-4k')}, {clean: true, only: ['html']})
      say(`Eleventy 3, HTML only, ${count} articles: ${fmt(eleventyMs)}; Pressroom: ${fmt(ours.ms)}; ratio Eleventy / Pressroom: ${(eleventyMs / ours.ms).toFixed(2)}× (target ≥ 1×)`)
    } catch (error) {
      say(`Eleventy 3: could not run (${(error as Error).message.split('\n')[0]}), skipped`)
    }
  }

  // 5. Peak RSS of a big cold build.
  const big = option('big', 0)
  if (big > 0) {
    const bigInput = path.join(work, 'big-input')
    await generate(bigInput, big)
    const result = scenario({site: {title: 'Bench', url: 'https://bench.example/'}, input: bigInput, output: path.join(work, 'out-big'), cache: path.join(work, 'cache-big')}, {clean: true})
    say(`cold build of ${big}, all formats: ${fmt(result.ms)}, peak RSS ${result.maxRssMb.toFixed(0)} MB (target ≤ 1024 MB)`)
  }
} finally {
  if (!flag('keep')) await rm(work, {recursive: true, force: true})
  else console.log(`kept ${work}`)
}
