// Normalize alone, and each emitter's time an article, in one thread.
// Usage: node bench/stages.mjs '<json: {root, list, user, sample}>'
//   list: a file listing the article paths, one a line; user: the configuration.
// Prints one JSON line: {normalizeMs (wall time from the first read to the last
// Article, as bench/floor.mjs measures the parse floor), normalizeCpuMs, articles, failed,
// perArticle: {stage: median ms an article over `sample` articles}}.
import '../bin/v8-flags.js'
import {readFileSync} from 'node:fs'
import {resolveConfig} from '../dist/config.js'
import {createEmitContext} from '../dist/emitters/context.js'
import {resolveEmitters} from '../dist/emitters/index.js'
import {createTemplates} from '../dist/emitters/templates.js'
import {createArticle} from '../dist/readers/index.js'

const options = JSON.parse(process.argv[2])
const files = readFileSync(options.list, 'utf8').split('\n').filter(Boolean)
const config = resolveConfig(options.user, options.root)

// 1. Normalize every article, as the floor parses every article.
let failed = 0
let started = performance.now()
const cpu = process.cpuUsage()
for (const file of files) {
  if (!createArticle({path: file, contents: readFileSync(file)}, config).ok) failed++
}
const normalizeMs = performance.now() - started
const used = process.cpuUsage(cpu)
const normalizeCpuMs = (used.user + used.system) / 1000

// 2. Each stage on a sample (now warm), median ms an article.
const emitters = resolveEmitters(config)
const templates = createTemplates(config)
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
const times = {normalize: []}
for (const file of files.slice(0, options.sample ?? 60)) {
  const contents = readFileSync(file)
  started = performance.now()
  const result = createArticle({path: file, contents}, config)
  times.normalize.push(performance.now() - started)
  if (!result.ok) continue
  const ctx = createEmitContext({config, emitters, articles: [result.article], templates})
  for (const emitter of emitters) {
    if (!emitter.article) continue
    started = performance.now()
    await emitter.article(result.article, ctx)
    ;(times[emitter.name] ??= []).push(performance.now() - started)
  }
}
const perArticle = Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]))
process.stdout.write(JSON.stringify({normalizeMs, normalizeCpuMs, articles: files.length, failed, perArticle}) + '\n')
