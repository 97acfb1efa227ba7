// One benchmark scenario in a fresh process, so peak RSS is its own.
// Usage: node bench/child.mjs '<json options>'
import {build} from '../dist/build.js'
import {resolveConfig} from '../dist/config.js'

const options = JSON.parse(process.argv[2])
const config = resolveConfig(options.user, options.root)
const started = performance.now()
const result = await build({config, ...(options.only ? {only: options.only} : {}), ...(options.clean ? {clean: true} : {})})
const ms = performance.now() - started
process.stdout.write(JSON.stringify({ms, articles: result.articles.length, rebuilt: result.rebuilt, failed: result.failed, maxRssMb: process.resourceUsage().maxRSS / 1024}) + '\n')
