/**
 * PDF emitter benchmark: renders N generated seed-sized articles (~620 words:
 * headings, paragraphs, a list, a quote, a table, links, a Sorani paragraph)
 * in one process and prints the median (and least) time per article and the
 * peak RSS.
 *
 *     npx tsx bench/pdf.ts                  # 200 articles, sources through tsx
 *     npx tsx bench/pdf.ts --n 1000
 *     npx tsx bench/pdf.ts --n 1000 --dist  # compiled dist/ in a plain `node`
 *     npx tsx bench/pdf.ts --hash           # also print a digest of every PDF
 *
 * tsx runs its loader (and the transformed sources) in the same process,
 * which adds tens of MB to the RSS: `--dist` (run `npm run compile` first)
 * transpiles this file and runs it with plain `node` on `dist/`, the way
 * `bin/pressroom.js` runs, so the RSS is the emitter's own. The peak RSS is
 * the kernel's high-water mark (`maxRSS`), not a sample.
 */
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import type {createArticle as CreateArticle} from '../src/readers/index.js'
import type {resolveConfig as ResolveConfig} from '../src/config.js'
import type {createEmitContext as CreateEmitContext} from '../src/emitters/context.js'
import type {pdfEmitter as PdfEmitter} from '../src/emitters/pdf/index.js'
import type {Article} from '../src/types.js'

const argv = process.argv.slice(2)
const argument = argv.indexOf('--n')
const count = argument >= 0 ? Number(argv[argument + 1]) : 200
const rootArgument = argv.indexOf('--root')
const self = fileURLToPath(import.meta.url)
const root = rootArgument >= 0 ? (argv[rootArgument + 1] ?? '') : path.resolve(path.dirname(self), '..')
const dist = argv.includes('--dist')

async function run(): Promise<void> {
  const base = pathToFileURL(path.join(root, dist ? 'dist' : 'src') + path.sep).href
  const load = async <T>(name: string): Promise<T> => (await import(new URL(name, base).href)) as T
  const {createArticle} = await load<{createArticle: typeof CreateArticle}>('readers/index.js')
  const {resolveConfig} = await load<{resolveConfig: typeof ResolveConfig}>('config.js')
  const {createEmitContext} = await load<{createEmitContext: typeof CreateEmitContext}>('emitters/context.js')
  const {pdfEmitter} = await load<{pdfEmitter: typeof PdfEmitter}>('emitters/pdf/index.js')

  // As `testConfig()` of `tests/helpers/article.ts`.
  const config = resolveConfig({site: {title: 'The Pressroom Test', url: 'https://news.example.org/', author: 'Desk'}}, root)
  const emitter = pdfEmitter()
  const articles: Article[] = []
  for (let index = 0; index < Math.min(count, 50); index++) {
    const result = createArticle({path: `input/bench-${index}.md`, contents: source(index)}, config)
    if (!result.ok) throw new Error(result.file.messages.map(String).join('\n'))
    articles.push(result.article)
  }
  const ctx = createEmitContext({config, emitters: [emitter], articles})
  const words = articles[0]?.stats.words ?? 0
  const hash = argv.includes('--hash') ? createHash('sha256') : undefined

  const baseline = process.memoryUsage()
  let sampled = baseline.rss
  const times: number[] = []
  const cpu: number[] = []
  let bytes = 0
  for (let index = 0; index < count; index++) {
    // Articles are recycled so the input stays small; every render is a new document.
    const article = articles[index % articles.length] as Article
    const start = performance.now()
    const startCpu = process.cpuUsage()
    const files = (await emitter.article?.(article, ctx)) ?? []
    const used = process.cpuUsage(startCpu)
    times.push(performance.now() - start)
    cpu.push((used.user + used.system) / 1000)
    for (const file of files) {
      bytes += file.contents.length
      hash?.update(file.contents)
    }
    sampled = Math.max(sampled, process.memoryUsage().rss)
    if (argv.includes('--verbose') && index % 100 === 0) {
      const m = process.memoryUsage()
      const mb = (value: number) => (value / 1048576).toFixed(0)
      console.log(index, `rss ${mb(m.rss)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} external ${mb(m.external)} buffers ${mb(m.arrayBuffers)} MB`)
    }
  }

  const mb = (value: number) => (value / 1024 / 1024).toFixed(0)
  const peak = process.resourceUsage().maxRSS * 1024
  console.log(`pdf: ${count} articles of ~${words} words (${dist ? 'dist, node' : 'src, tsx'})`)
  console.log(
    `median ${median(times).toFixed(1)} ms/article (cpu ${median(cpu).toFixed(1)} ms), min ${Math.min(...times).toFixed(1)} ms (cpu ${Math.min(...cpu).toFixed(1)} ms), first ${times[0]?.toFixed(0)} ms`
  )
  console.log(
    `peak RSS ${mb(peak)} MB (sampled ${mb(sampled)} MB; ${mb(baseline.rss)} MB before the first article; heap now ${mb(process.memoryUsage().heapUsed)} MB), ${(bytes / count / 1024).toFixed(0)} KiB/article`
  )
  if (hash) console.log(`sha256 of every PDF ${hash.digest('hex')}`)
  // The machine may be shared: a high load makes the times above unreliable.
  console.log(`load average ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} on ${os.availableParallelism()} cores`)
}

const vocabulary =
  'security agreement minister defence border forces region government ministry capital province council budget report officials cooperation intelligence threats stability reconstruction election parliament committee water electricity infrastructure investment university hospital'.split(
    ' '
  )

function sentence(seed: number, length: number): string {
  const out: string[] = []
  for (let index = 0; index < length; index++) out.push(vocabulary[(seed * 7 + index * 13) % vocabulary.length] ?? 'news')
  const text = out.join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1) + '.'
}

function source(index: number): string {
  const paragraphs: string[] = []
  for (let p = 0; p < 12; p++) {
    paragraphs.push([sentence(index + p, 18), sentence(index + p + 1, 14), sentence(index + p + 2, 16)].join(' '))
    if (p === 3) paragraphs.push(`## Section ${index} on ${vocabulary[index % vocabulary.length]}`)
    if (p === 7) paragraphs.push('- first point of the report\n- second point\n  1. nested detail\n- third point')
    if (p === 9) paragraphs.push('> A quoted statement from the minister about the agreement and its consequences.')
  }
  paragraphs.push('Erbil (هەولێر) is the capital of the Kurdistan Region; see [the report](https://example.org/report).')
  paragraphs.push('| District | Budget |\n|---|---:|\n| Erbil | 1200 |\n| Duhok | 800 |')
  return `---\ntitle: Generated article ${index}\ndate: 2024-05-${String((index % 28) + 1).padStart(2, '0')}\nauthors: [Desk]\ndescription: ${sentence(index, 12)}\ntags: [bench]\n---\n\n${paragraphs.join('\n\n')}\n`
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/** Warn when a source file is newer than the last `npm run compile`. */
function warnIfStale(): void {
  let built = 0
  try {
    built = statSync(path.join(root, 'dist', '.tsbuildinfo')).mtimeMs
  } catch {
    throw new Error('No dist/: run `npm run compile` first')
  }
  const newest = (folder: string): number => {
    let time = 0
    for (const entry of readdirSync(folder, {withFileTypes: true})) {
      const file = path.join(folder, entry.name)
      time = Math.max(time, entry.isDirectory() ? newest(file) : statSync(file).mtimeMs)
    }
    return time
  }
  if (newest(path.join(root, 'src')) > built) console.warn('warning: src/ is newer than dist/: run `npm run compile`')
}

if (dist && !argv.includes('--child')) {
  // Parent: run this file, transpiled, in a plain `node` on `dist/`.
  warnIfStale()
  const {default: ts} = await import('typescript')
  const source = readFileSync(self, 'utf8')
  const output = ts.transpileModule(source, {
    compilerOptions: {module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022}
  }).outputText
  const file = path.join(os.tmpdir(), `pressroom-bench-pdf-${process.pid}.mjs`)
  writeFileSync(file, output)
  try {
    const result = spawnSync(process.execPath, [file, ...argv, '--child', '--root', root], {stdio: 'inherit'})
    process.exitCode = result.status ?? 1
  } finally {
    rmSync(file, {force: true})
  }
} else {
  await run()
}
