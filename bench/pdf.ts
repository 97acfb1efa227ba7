/**
 * PDF emitter benchmark: renders N generated seed-sized articles (~700 words:
 * headings, paragraphs, a list, a quote, a table, links, a Sorani paragraph)
 * in one process and prints the median time per article and the peak RSS.
 *
 *     npx tsx bench/pdf.ts            # 200 articles
 *     npx tsx bench/pdf.ts --n 1000
 */
import {createEmitContext} from '../src/context.js'
import {pdfEmitter} from '../src/emitters/pdf/index.js'
import type {Article} from '../src/types.js'
import {articleFrom, testConfig} from '../tests/helpers/article.js'

const argument = process.argv.indexOf('--n')
const count = argument > 0 ? Number(process.argv[argument + 1]) : 200

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

const config = testConfig()
const emitter = pdfEmitter()
const articles: Article[] = []
for (let index = 0; index < Math.min(count, 50); index++) {
  articles.push(articleFrom(source(index), {path: `input/bench-${index}.md`, config}))
}
const ctx = createEmitContext({config, emitters: [emitter], articles})
const words = articles[0]?.stats.words ?? 0

const baseline = process.memoryUsage()
let peak = baseline.rss
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
  bytes += files.reduce((sum, file) => sum + file.contents.length, 0)
  peak = Math.max(peak, process.memoryUsage().rss)
  if (process.argv.includes("--verbose") && index % 100 === 0) {
    const m = process.memoryUsage()
    console.log(index, (m.rss / 1048576).toFixed(0), (m.heapUsed / 1048576).toFixed(0), (m.heapTotal / 1048576).toFixed(0), (m.external / 1048576).toFixed(0), (m.arrayBuffers / 1048576).toFixed(0))
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

console.log(`pdf: ${count} articles of ~${words} words`)
console.log(`median ${median(times).toFixed(1)} ms/article (cpu ${median(cpu).toFixed(1)} ms), first ${times[0]?.toFixed(0)} ms`)
console.log(`peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB (${(baseline.rss / 1024 / 1024).toFixed(0)} MB before the first article; heap now ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB), ${(bytes / count / 1024).toFixed(0)} KiB/article`)
