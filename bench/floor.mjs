// The parse floor: micromark + GFM alone (`mdast-util-from-markdown` with the
// GFM extensions, no plugins, no front matter handling, no output), over the
// given articles. Every scenario of `bench/run.ts` is also given as a multiple
// of it: nothing that parses the articles can be faster.
//
// Usage: node bench/floor.mjs <file listing the article paths, one a line> <threads>
// Prints one JSON line: {ms, cpuMs, articles, threads}. `ms` is the wall time
// from the first read to the last tree in this process, `cpuMs` the CPU time
// of all its threads meanwhile. The articles are dealt round-robin to
// `threads` worker threads (one for "1 thread"), whose start-up is counted, as
// a build's pool's is.
//
// The floor runs under the V8 settings a build's workers have (the same
// process flags, `bin/v8-flags.js`, and the young generation of
// `src/build/pool.ts`): with V8's defaults micromark's garbage costs more, and
// the floor would be slower than Pressroom's own parse, flattering every ratio.
import '../bin/v8-flags.js'
import {readFileSync} from 'node:fs'
import {Worker, isMainThread, parentPort, workerData} from 'node:worker_threads'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {gfm} from 'micromark-extension-gfm'

/** As `workerYoungMb` of `src/build/pool.ts`. */
const youngMb = 96

const extensions = [gfm()]
const mdastExtensions = [gfmFromMarkdown()]

/** Parse each file; returns the node count, so the work cannot be skipped. */
function parseAll(files) {
  let nodes = 0
  for (const file of files) {
    const tree = fromMarkdown(readFileSync(file, 'utf8'), {extensions, mdastExtensions})
    nodes += tree.children.length
  }
  return nodes
}

if (isMainThread) {
  const files = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean)
  const threads = Math.max(1, Number(process.argv[3] ?? 1))
  const started = performance.now()
  const cpu = process.cpuUsage()
  const slices = Array.from({length: threads}, (_, thread) => files.filter((_file, index) => index % threads === thread))
  await Promise.all(slices.map((slice) => new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), {workerData: slice, resourceLimits: {maxYoungGenerationSizeMb: youngMb}})
    worker.once('message', resolve)
    worker.once('error', reject)
  })))
  const ms = performance.now() - started
  const used = process.cpuUsage(cpu)
  process.stdout.write(JSON.stringify({ms, cpuMs: (used.user + used.system) / 1000, articles: files.length, threads, maxRssMb: process.resourceUsage().maxRSS / 1024}) + '\n')
} else {
  parentPort.postMessage(parseAll(workerData))
}
