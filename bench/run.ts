/**
 * `npm run bench`: Pressroom's speed beside its peers and beside the parse
 * floor, measured so that someone else measuring again gets the same ratios.
 *
 * - Every contender runs as the command a user would run (`pressroom build`,
 *   `pandoc`, Eleventy's `cmd.cjs`), timed from start to exit, on the same
 *   articles, **interleaved**: round 1 runs each once, round 2 again, and so
 *   on (`--rounds`, at least 3), so a burst of load on a shared machine hits
 *   all of them, not one. For each the min and the median are reported, and
 *   ratios are ratios of medians.
 * - The **parse floor** is measured in the same rounds: micromark + GFM alone
 *   (`mdast-util-from-markdown` with the GFM extensions, no plugins) over the
 *   same articles, in one thread and spread over every core
 *   (`bench/floor.mjs`). Every scenario is also given as a multiple of it:
 *   a cold build runs with a worker per core, so its like-for-like floor is
 *   the one over every core; normalize runs in one thread, against the
 *   one-thread floor.
 * - pandoc runs on every article Pressroom builds (HTML + EPUB + plain, one
 *   `execFile` per file and format, as many at a time as there are cores).
 * - The load average is printed before, after every round and at the end,
 *   with a warning whenever it exceeds the number of cores: then the times
 *   are unreliable (the ratios less so, as the rounds are interleaved).
 * - Where the time goes: a cold all-format build in one thread under
 *   `--cpu-prof`, its self time grouped by stage (`bench/profile.mjs`).
 *
 * Options:
 *   --n 1000            generated articles (bench/generate.ts)
 *   --articles DIR      build these articles instead (any folder of .md/.txt)
 *   --rounds 3          interleaved rounds (at least 3)
 *   --scale 4000        also compare the HTML-only build and the floor at this
 *                       many generated articles (0: skip)
 *   --pandoc-sample K   time pandoc on K evenly spaced articles only, and
 *                       project (default: every article)
 *   --no-pandoc, --no-eleventy, --no-profile, --no-incremental, --no-pdf,
 *   --no-all (no all-format build: the HTML and normalize ratios only)
 *   --big 10000         peak RSS of a cold all-format build of that many
 *   --keep              keep the work folder
 */
import {execFile, spawnSync} from 'node:child_process'
import {readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {generate} from './generate.js'
import {summarize} from './profile.js'

const args = process.argv.slice(2)
const option = (name: string, fallback: number): number => {
  const index = args.indexOf(`--${name}`)
  return index === -1 ? fallback : Number(args[index + 1])
}
const stringOption = (name: string): string | undefined => {
  const index = args.indexOf(`--${name}`)
  return index === -1 ? undefined : args[index + 1]
}
const flag = (name: string) => args.includes(`--${name}`)
const root = path.resolve(import.meta.dirname, '..')
const cores = os.availableParallelism()
const rounds = Math.max(3, option('rounds', 3))
const cli = path.join(root, 'bin/pressroom.js')

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length / 2
  return sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
const min = (values: readonly number[]) => Math.min(...values)
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`)
const times = (n: number) => `${n.toFixed(2)}×`

const lines: string[] = []
const say = (line = '') => {
  lines.push(line)
  console.log(line)
}
const loadWarnings: string[] = []
/** The load average, and a warning when it exceeds the cores. */
function load(when: string): string {
  const [one, five, fifteen] = os.loadavg() as [number, number, number]
  const text = `load ${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)} (${when})`
  if (one > cores) {
    const warning = `WARNING: load average ${one.toFixed(2)} exceeds the ${cores} cores (${when}): times are unreliable; compare the ratios (interleaved) and re-run when the machine is quieter`
    loadWarnings.push(warning)
    return `${text}\n${warning}`
  }
  return text
}

/**
 * `/usr/bin/time` (GNU time), when there, gives each command's CPU time
 * (user + system, its children included) and peak RSS: on a loaded machine
 * the CPU time moves far less than the wall time.
 */
const gnuTime = spawnSync('/usr/bin/time', ['-f', '%U', 'true']).status === 0 ? '/usr/bin/time' : undefined
let timeFiles = 0

interface Timed {
  ms: number
  /** CPU time (user + system), when GNU time is there. */
  cpuMs?: number
  /** Peak RSS, when GNU time is there. */
  rssMb?: number
  stdout: string
}

/** Run a command; resolves with its wall time (and CPU time). Exit codes in `ok` are accepted. */
function timed(file: string, argv: readonly string[], options: {cwd: string; ok?: readonly number[]}): Promise<Timed> {
  const usage = gnuTime ? path.join(work, `time-${timeFiles++ % 64}.txt`) : undefined
  const [command, commandArgs] = usage ? [gnuTime!, ['-f', '%U %S %M', '-o', usage, file, ...argv]] : [file, [...argv]]
  const started = performance.now()
  return new Promise((resolve, reject) => {
    execFile(command, commandArgs, {cwd: options.cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024}, (error, stdout, stderr) => {
      const ms = performance.now() - started
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      if (error && !(options.ok ?? [0]).includes(code)) {
        reject(new Error(`${path.basename(file)} ${argv.join(' ').slice(0, 200)} exited with ${String(error.code)}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`))
        return
      }
      const result: Timed = {ms, stdout}
      if (usage) {
        // The last line (GNU time writes "Command exited with non-zero status" before it).
        const [user, system, rss] = readFileSync(usage, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number]
        result.cpuMs = (user + system) * 1000
        result.rssMb = rss / 1024
      }
      resolve(result)
    })
  })
}

async function pool<T>(items: readonly T[], size: number, work: (item: T, index: number) => Promise<unknown>): Promise<void> {
  let next = 0
  await Promise.all(Array.from({length: size}, async () => {
    while (next < items.length) {
      const index = next++
      await work(items[index]!, index)
    }
  }))
}

/** Every file Pressroom reads in `dir` (its readers' extensions), sorted. */
function listArticles(dir: string): string[] {
  const out: string[] = []
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, {withFileTypes: true})) {
      const file = path.join(folder, entry.name)
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') walk(file)
      else if (entry.isFile() && /\.(md|markdown|txt)$/i.test(entry.name)) out.push(file)
    }
  }
  walk(dir)
  return out.sort()
}

interface Contender {
  name: string
  /** One run; resolves with its wall time (ms), CPU time and, for some, an inner time. */
  run: () => Promise<{ms: number; cpuMs?: number | undefined; rssMb?: number | undefined; inner?: {ms: number; cpuMs: number}}>
}

/** Run the contenders interleaved, `rounds` times; returns each one's times. */
interface Series {
  wall: number[]
  cpu: number[]
  rss: number[]
  inner: Array<{ms: number; cpuMs: number}>
}

async function interleave(title: string, contenders: readonly Contender[]): Promise<Map<string, Series>> {
  const results = new Map(contenders.map((contender): [string, Series] => [contender.name, {wall: [], cpu: [], rss: [], inner: []}]))
  say(`${title}: ${rounds} interleaved rounds of ${contenders.map((contender) => contender.name).join(', ')}`)
  say(`  ${load('before')}`)
  for (let round = 1; round <= rounds; round++) {
    const parts: string[] = []
    for (const contender of contenders) {
      try {
        const {ms, cpuMs, rssMb, inner} = await contender.run()
        const series = results.get(contender.name)!
        series.wall.push(ms)
        if (cpuMs !== undefined) series.cpu.push(cpuMs)
        if (rssMb !== undefined) series.rss.push(rssMb)
        if (inner !== undefined) series.inner.push(inner)
        parts.push(`${contender.name} ${fmt(ms)}${cpuMs === undefined ? '' : ` (CPU ${fmt(cpuMs)})`}`)
      } catch (error) {
        parts.push(`${contender.name} failed`)
        say(`  ${contender.name}: ${(error as Error).message.split('\n')[0]}`)
      }
    }
    say(`  round ${round}: ${parts.join(', ')}; ${load(`after round ${round}`)}`)
  }
  return results
}

const work = await mkdtemp(path.join(os.tmpdir(), 'pressroom-bench-'))
try {
  const external = stringOption('articles')
  const n = option('n', 1000)
  const input = external ? path.resolve(external) : path.join(work, 'input')
  const files = external ? listArticles(input) : await generate(input, n)
  if (files.length === 0) throw new Error(`No articles (.md, .markdown, .txt) in ${input}`)
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0)
  say(`Pressroom benchmark: ${files.length} articles (${external ? input : 'generated by bench/generate.ts'}, ${(bytes / files.length / 1024).toFixed(1)} KiB each on average), ${cores} cores, Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}`)
  say(load('start'))
  const list = path.join(work, 'articles.txt')
  writeFileSync(list, files.join('\n') + '\n')

  const site = {title: 'Bench', url: 'https://bench.example/'}
  const configFor = async (name: string, dir: string) => {
    const file = path.join(work, `${name}.config.json`)
    await writeFile(file, JSON.stringify({site, input: dir, output: path.join(work, `out-${name}`), cache: path.join(work, `cache-${name}`)}, null, 2))
    return file
  }
  const pressroom = (configFile: string, extra: readonly string[] = []): Contender['run'] => async () =>
    // Exit code 1: some articles failed (reported by the build); they are counted below.
    timed(process.execPath, [cli, 'build', '-c', configFile, '--clean', '-q', '--no-progress', ...extra], {cwd: work, ok: [0, 1]})
  const floor = (listFile: string, threads: number): Contender['run'] => async () => {
    const {stdout, ...times} = await timed(process.execPath, [path.join(root, 'bench/floor.mjs'), listFile, String(threads)], {cwd: root})
    return {...times, inner: JSON.parse(stdout.trim().split('\n').at(-1)!) as {ms: number; cpuMs: number}}
  }
  const normalize: Contender['run'] = async () => {
    // A 32 MB semi-space: the 96 MB young generation of a build's worker (and of the floor's).
    const {stdout, ...times} = await timed(process.execPath, ['--max-semi-space-size=32', path.join(root, 'bench/stages.mjs'), JSON.stringify({root: work, list, user: {site, input}, sample: 60})], {cwd: work})
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as {normalizeMs: number; normalizeCpuMs: number; failed: number; perArticle: Record<string, number>}
    stageMedians.push(result.perArticle)
    return {...times, inner: {ms: result.normalizeMs, cpuMs: result.normalizeCpuMs}}
  }
  const stageMedians: Array<Record<string, number>> = []

  // pandoc: every article Pressroom builds (or an even sample), HTML + EPUB + plain, `cores` at a time.
  const hasPandoc = !flag('no-pandoc') && spawnSync('pandoc', ['--version']).status === 0
  const sampleSize = Math.min(option('pandoc-sample', files.length) || files.length, files.length)
  const pandocFiles = sampleSize === files.length ? files : Array.from({length: sampleSize}, (_, index) => files[Math.floor((index * files.length) / sampleSize)]!)
  const pandocOut = path.join(work, 'pandoc-out')
  const pandoc: Contender['run'] = async () => {
    await rm(pandocOut, {recursive: true, force: true})
    await mkdir(pandocOut, {recursive: true})
    const jobs = pandocFiles.flatMap((file, index) => [
      [file, ['-s', '-t', 'html5', '--metadata', 'pagetitle=x', '-o', path.join(pandocOut, `${index}.html`), file]],
      [file, ['-t', 'epub3', '-o', path.join(pandocOut, `${index}.epub`), file]],
      [file, ['-t', 'plain', '-o', path.join(pandocOut, `${index}.txt`), file]]
    ] as Array<[string, string[]]>)
    const started = performance.now()
    let cpuMs = 0
    // Images are found relative to the article, as when an author runs pandoc in its folder.
    await pool(jobs, cores, async ([file, job]) => {
      cpuMs += (await timed('pandoc', ['-f', 'markdown', ...job], {cwd: path.dirname(file)})).cpuMs ?? 0
    })
    const ms = performance.now() - started
    // Projected to every article when only a sample ran.
    const scale = files.length / pandocFiles.length
    return {ms: ms * scale, ...(gnuTime ? {cpuMs: cpuMs * scale} : {})}
  }

  // Eleventy 3, HTML only: installed once into a folder of its own (never a dependency of Pressroom).
  let eleventyBin: string | undefined
  if (!flag('no-eleventy')) {
    const eleventyDir = path.join(os.tmpdir(), 'pressroom-bench-eleventy-3')
    eleventyBin = path.join(eleventyDir, 'node_modules/@11ty/eleventy/cmd.cjs')
    try {
      statSync(eleventyBin)
    } catch {
      try {
        await mkdir(eleventyDir, {recursive: true})
        await writeFile(path.join(eleventyDir, 'package.json'), '{"private": true}')
        await timed('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '@11ty/eleventy@3'], {cwd: eleventyDir})
      } catch (error) {
        say(`Eleventy 3: could not be installed (${(error as Error).message.split('\n')[0]}), skipped`)
        eleventyBin = undefined
      }
    }
  }
  const eleventy = (dir: string, name: string): Contender['run'] => async () => {
    await rm(path.join(work, `eleventy-${name}`), {recursive: true, force: true})
    return timed(process.execPath, [eleventyBin!, `--input=${dir}`, `--output=${path.join(work, `eleventy-${name}`)}`, '--quiet'], {cwd: path.dirname(eleventyBin!)})
  }

  // 1. Cold builds, interleaved with the floor and the peers.
  const allConfig = await configFor('all', input)
  const htmlConfig = await configFor('html', input)
  const contenders: Contender[] = [
    {name: 'floor-1', run: floor(list, 1)},
    {name: `floor-${cores}`, run: floor(list, cores)},
    {name: 'normalize', run: normalize},
    ...(flag('no-all') ? [] : [{name: 'all', run: pressroom(allConfig)}]),
    {name: 'html', run: pressroom(htmlConfig, ['--only', 'html'])},
    ...(hasPandoc ? [{name: 'pandoc', run: pandoc}] : []),
    ...(eleventyBin ? [{name: 'eleventy', run: eleventy(input, 'main')}] : [])
  ]
  say()
  const main = await interleave(`${files.length} articles, cold`, contenders)
  if (!hasPandoc) say('pandoc: not installed or --no-pandoc, skipped (apt-get install pandoc)')
  const built = JSON.parse(readFileSync(path.join(work, flag('no-all') ? 'out-html/manifest.json' : 'out-all/manifest.json'), 'utf8')) as {articles?: unknown[]}
  const report = (results: typeof main, count: number, labels: Record<string, string>) => {
    const floorWall = median(results.get(`floor-${cores}`)?.wall ?? [])
    const floorOne = median(results.get('floor-1')?.wall ?? [])
    say()
    const floorCpu = median(results.get('floor-1')?.cpu ?? [])
    say(`| scenario | min | median | ms/article | × floor (${cores} threads) | × floor (1 thread) | CPU min | CPU median | CPU × floor (1 thread) | peak RSS |`)
    say('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
    for (const [name, {wall, cpu, rss}] of results) {
      if (wall.length === 0) continue
      const cpuColumns = cpu.length > 0 ? `${fmt(min(cpu))} | ${fmt(median(cpu))} | ${times(median(cpu) / floorCpu)}` : '– | – | –'
      say(`| ${labels[name] ?? name} | ${fmt(min(wall))} | ${fmt(median(wall))} | ${(median(wall) / count).toFixed(2)} | ${times(median(wall) / floorWall)} | ${times(median(wall) / floorOne)} | ${cpuColumns} | ${rss.length > 0 ? `${Math.max(...rss).toFixed(0)} MB` : '–'} |`)
    }
    say('(wall time of each whole command, start to exit, the floor processes too; CPU: user + system of the command and its threads, as GNU time reports it; pandoc: the sum over its processes)')
  }
  report(main, files.length, {
    'floor-1': 'parse floor, 1 thread',
    [`floor-${cores}`]: `parse floor, ${cores} threads`,
    normalize: 'normalize, 1 thread (process; also times each emitter on 60 articles)',
    all: 'pressroom build, all formats',
    html: 'pressroom build --only html',
    pandoc: `pandoc HTML + EPUB + plain, ${cores} at a time${pandocFiles.length < files.length ? ` (${pandocFiles.length} timed, projected)` : ''}`,
    eleventy: 'Eleventy 3, HTML only'
  })
  say(`articles in the manifest: ${built.articles?.length ?? '?'} of ${files.length} sources`)
  const ratio = (a: string, b: string, results = main) => median(results.get(a)?.wall ?? []) / median(results.get(b)?.wall ?? [])
  const cpuRatio = (a: string, b: string, results = main) => (gnuTime ? `; in CPU time ${times(median(results.get(a)?.cpu ?? []) / median(results.get(b)?.cpu ?? []))}` : '')
  const inner = (name: string, key: 'ms' | 'cpuMs') => median((main.get(name)?.inner ?? []).map((value) => value[key]))
  say()
  say('Targets (ratios of medians in this run):')
  if (hasPandoc && main.get('all')) say(`- pandoc / pressroom all formats: ${times(ratio('pandoc', 'all'))} (target ≥ 6×)${cpuRatio('pandoc', 'all')}`)
  say(`- HTML-only build / parse floor over ${cores} threads: ${times(ratio('html', `floor-${cores}`))} (target ≤ 1.25×); over 1 thread: ${times(ratio('html', 'floor-1'))}${cpuRatio('html', 'floor-1')} (against the floor in 1 thread)`)
  say(`- normalize / parse floor, 1 thread, inside each process (from the first read to the last tree): wall ${fmt(inner('normalize', 'ms'))} against ${fmt(inner('floor-1', 'ms'))}, ${times(inner('normalize', 'ms') / inner('floor-1', 'ms'))}; CPU ${fmt(inner('normalize', 'cpuMs'))} against ${fmt(inner('floor-1', 'cpuMs'))}, ${times(inner('normalize', 'cpuMs') / inner('floor-1', 'cpuMs'))} (target ≤ 1.5×)`)
  if (eleventyBin && main.get('eleventy')?.wall.length) say(`- Eleventy 3 / pressroom HTML only: ${times(ratio('eleventy', 'html'))} (for information)`)
  const stageMedian = (name: string) => median(stageMedians.map((stage) => stage[name] ?? 0))
  const stageNames = Object.keys(stageMedians[0] ?? {})
  if (stageNames.length > 0) say(`median ms an article, in one thread (60 articles, after normalizing all): ${stageNames.map((name) => `${name} ${stageMedian(name).toFixed(2)}`).join(', ')}`)

  // 2. Where the time goes: one cold all-format build in one thread, profiled.
  if (!flag('no-profile')) {
    const profileDir = path.join(work, 'profile')
    const started = performance.now()
    const child = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profileDir, path.join(root, 'bench/child.mjs'), JSON.stringify({user: {site, input, output: path.join(work, 'out-profile'), cache: path.join(work, 'cache-profile')}, root: work, clean: true, workers: 0})], {cwd: work, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
    if (child.status === 0) {
      const {totalMs, byStage} = summarize(profileDir)
      say()
      say(`Where the time goes: a cold all-format build in one thread under --cpu-prof (${fmt(performance.now() - started)} wall, ${fmt(totalMs)} sampled), self time by stage:`)
      say('| stage | ms | share | ms/article |')
      say('|---|---:|---:|---:|')
      for (const [stage, ms] of Object.entries(byStage).sort((a, b) => b[1] - a[1])) {
        if (ms >= 1) say(`| ${stage} | ${ms.toFixed(0)} | ${((ms / totalMs) * 100).toFixed(1)}% | ${(ms / files.length).toFixed(2)} |`)
      }
      say('(parse: micromark and the shortcode layer; read: decode, front matter, metadata; normalize: the processor\'s plugins, to-hast, sanitize; io: writing files, cache, manifest; build: the rest of the build)')
    } else {
      say(`profile: failed (${child.stderr.trim().split('\n').at(-1) ?? ''})`)
    }
  }

  // 3. HTML only at a larger scale, against the floor (generated articles).
  const scale = option('scale', 4000)
  if (scale > 0 && !external) {
    const scaleInput = path.join(work, `input-${scale}`)
    const scaleFiles = await generate(scaleInput, scale)
    const scaleList = path.join(work, `articles-${scale}.txt`)
    writeFileSync(scaleList, scaleFiles.join('\n') + '\n')
    const scaleConfig = await configFor(`html-${scale}`, scaleInput)
    say()
    const results = await interleave(`${scale} articles, cold, HTML only`, [
      {name: 'floor-1', run: floor(scaleList, 1)},
      {name: `floor-${cores}`, run: floor(scaleList, cores)},
      {name: 'html', run: pressroom(scaleConfig, ['--only', 'html'])},
      ...(eleventyBin ? [{name: 'eleventy', run: eleventy(scaleInput, String(scale))}] : [])
    ])
    report(results, scale, {'floor-1': 'parse floor, 1 thread', [`floor-${cores}`]: `parse floor, ${cores} threads`, html: 'pressroom build --only html', eleventy: 'Eleventy 3, HTML only'})
    say(`- HTML-only build / parse floor over ${cores} threads at ${scale}: ${times(ratio('html', `floor-${cores}`, results))} (target ≤ 1.25×); over 1 thread: ${times(ratio('html', 'floor-1', results))}${cpuRatio('html', 'floor-1', results)} (against the floor in 1 thread)`)
    if (eleventyBin && results.get('eleventy')?.wall.length) say(`- Eleventy 3 / pressroom HTML only at ${scale}: ${times(ratio('eleventy', 'html', results))} (for information)`)
  }

  // 4. Incremental builds, each the whole `pressroom build` command.
  if (!flag('no-incremental') && !flag('no-all')) {
    const incremental = (runs: number, before: (run: number) => void = () => {}) => async () => {
      const all: number[] = []
      for (let run = 0; run < runs; run++) {
        before(run)
        all.push((await timed(process.execPath, [cli, 'build', '-c', allConfig, '-q', '--no-progress'], {cwd: work, ok: [0, 1]})).ms)
      }
      return all
    }
    // The last cold round left out-all and its cache: a no-op from there.
    const editDir = external ? path.join(work, 'edit-input') : input
    if (external) {
      // Never edit someone's articles: the edits go to a copy.
      await rm(editDir, {recursive: true, force: true})
      spawnSync('cp', ['-r', input, editDir])
      await writeFile(allConfig, JSON.stringify({site, input: editDir, output: path.join(work, 'out-all'), cache: path.join(work, 'cache-all')}, null, 2))
      await timed(process.execPath, [cli, 'build', '-c', allConfig, '--clean', '-q', '--no-progress'], {cwd: work, ok: [0, 1]})
    }
    const editFiles = external ? listArticles(editDir) : files
    const edit = (file: string) => writeFileSync(file, readFileSync(file, 'utf8') + '\nOne more paragraph after an edit.\n')
    say()
    say(`Incremental, all formats, whole \`pressroom build\` command; ${load('before')}`)
    const noop = await incremental(5)()
    say(`- no-op rebuild: min ${fmt(min(noop))}, median ${fmt(median(noop))} (target ≤ 0.5 s)`)
    // Generated articles are dated in file order: the last one is the newest.
    const newest = await incremental(5, () => edit(editFiles.at(-1)!))()
    say(`- newest article changed (feeds, edition written again): min ${fmt(min(newest))}, median ${fmt(median(newest))} (target ≤ 1.2 s)`)
    const older = await incremental(5, (run) => edit(editFiles[Math.floor((editFiles.length * (run + 1)) / 7)]!))()
    say(`- older article changed: min ${fmt(min(older))}, median ${fmt(median(older))} (target ≤ 1.2 s)`)
    const warm = spawnSync(process.execPath, [path.join(root, 'bench/child.mjs'), JSON.stringify({configFile: allConfig, root: work, edit: {file: editFiles.at(-1)!, text: '\nA second edit, seen by a warm process.\n'}})], {cwd: work, encoding: 'utf8'})
    if (warm.status === 0) say(`- newest article changed, warm process (as \`pressroom watch\`): ${fmt((JSON.parse(warm.stdout.trim().split('\n').at(-1)!) as {warmMs: number}).warmMs)}`)
    await mkdir(path.join(work, 'templates'), {recursive: true})
    await writeFile(path.join(work, 'templates/style.css'), readFileSync(path.join(root, 'templates/style.css'), 'utf8') + '\n/* changed */\n')
    const withTemplates = path.join(work, 'templates.config.json')
    await writeFile(withTemplates, JSON.stringify({...JSON.parse(readFileSync(allConfig, 'utf8')) as object, templates: path.join(work, 'templates')}, null, 2))
    const template = await timed(process.execPath, [cli, 'build', '-c', withTemplates, '-q', '--no-progress'], {cwd: work, ok: [0, 1]})
    say(`- template (style.css) changed: ${fmt(template.ms)} (every article's HTML written again); ${load('after')}`)
  }

  // 5. The PDF emitter alone, on seed-sized articles, 1,000 in one plain `node` process (bench/pdf.ts).
  if (!flag('no-pdf')) {
    const pdfBench = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/pdf.ts'), '--n', String(option('pdf-n', 1000)), '--dist'], {cwd: root, encoding: 'utf8'})
    say()
    for (const line of pdfBench.stdout.split('\n').filter(Boolean)) say(`pdf emitter alone: ${line}`)
    if (pdfBench.status !== 0) say(`pdf emitter alone: failed (${pdfBench.stderr.trim().split('\n')[0] ?? ''})`)
  }

  // 6. Peak RSS of a big cold build.
  const big = option('big', 0)
  if (big > 0) {
    const bigInput = path.join(work, 'big-input')
    await generate(bigInput, big)
    const child = spawnSync(process.execPath, [path.join(root, 'bench/child.mjs'), JSON.stringify({user: {site, input: bigInput, output: path.join(work, 'out-big'), cache: path.join(work, 'cache-big')}, root: work, clean: true})], {cwd: work, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {ms: number; maxRssMb: number; failed: number}
    say()
    say(`cold build of ${big}, all formats: ${fmt(result.ms)}, peak RSS ${result.maxRssMb.toFixed(0)} MB (target ≤ 1024 MB), ${result.failed} failed`)
  }

  say()
  say(load('end'))
  if (loadWarnings.length > 0) say(`${loadWarnings.length} time(s) the load exceeded the ${cores} cores during this run: treat absolute times as noisy.`)
} finally {
  if (!flag('keep')) await rm(work, {recursive: true, force: true})
  else console.log(`kept ${work}`)
}
