// One benchmark scenario in a fresh process, so peak RSS is its own.
// Usage: node bench/child.mjs '<json options>' ({user, root} or {configFile, root}; clean, only, workers, edit)
// With `edit: {file, text}`, the build runs again in this (warm) process after
// `text` is appended to `file`, as `pressroom watch` does, and `warmMs` is its time.
// V8's settings of `pressroom build`, first.
import '../bin/v8-flags.js'
import {appendFileSync} from 'node:fs'
import {build} from '../dist/build/index.js'
import {loadConfig, resolveConfig} from '../dist/config.js'

const options = JSON.parse(process.argv[2])
// With `configFile`, the configuration is loaded as `pressroom build -c` loads it (same cache keys).
const config = options.configFile ? await loadConfig({root: options.root, configFile: options.configFile}) : resolveConfig(options.user, options.root)
const flags = {
  config,
  ...(options.workers !== undefined ? {workers: options.workers} : {}),
  ...(options.only ? {only: options.only} : {}),
  ...(options.clean ? {clean: true} : {})
}
let started = performance.now()
const result = await build(flags)
const ms = performance.now() - started
let warmMs
if (options.edit) {
  appendFileSync(options.edit.file, options.edit.text)
  started = performance.now()
  await build({...flags, clean: false})
  warmMs = performance.now() - started
}
process.stdout.write(JSON.stringify({ms, warmMs, articles: result.articles.length, rebuilt: result.rebuilt, failed: result.failed, maxRssMb: process.resourceUsage().maxRSS / 1024}) + '\n')
