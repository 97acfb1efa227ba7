import {readdirSync} from 'node:fs'
const mod = await import(process.argv[2] ?? '/work/main/dist/bundle/worker.mjs')
const work = mod.default
const source = {root: '/tmp/pb', configFile: '/tmp/pb/pressroom.config.json', user: {output: '/tmp/pb/out-x', cache: '/tmp/pb/cache-x'}, only: ['html']}
const files = readdirSync('/tmp/pb/input').sort().slice(0, 300)
const task = (f) => ({source: '/tmp/pb/input/' + f, display: 'input/' + f, key: 'k' + f})
for (const f of files.slice(0, 30)) await work({task: task(f), source})
let t = performance.now()
for (const f of files) await work({task: task(f), source})
console.log('work ms/article', ((performance.now() - t) / files.length).toFixed(2))
