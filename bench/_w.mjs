import {Worker} from 'node:worker_threads'
const n = Number(process.argv[2] ?? 1)
const young = Number(process.argv[3] ?? 0)
const limits = process.argv[3] ? {resourceLimits: {maxOldGenerationSizeMb: 768, ...(young ? {maxYoungGenerationSizeMb: young} : {})}} : {}
await Promise.all(Array.from({length: n}, () => new Promise((resolve) => {
  const w = new Worker(new URL('./_wb.mjs', import.meta.url), {stdout: false, ...limits})
  w.on('exit', resolve)
})))
