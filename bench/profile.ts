// Self time of V8 CPU profiles (`node --cpu-prof`) grouped by build stage.
//
// Each sample is charged to the stage of the innermost frame on its stack that
// a rule below recognizes (walking from the leaf to the root): a sample in
// `unist-util-visit` called by a pipeline plugin is "normalize", one in
// `hast-util-to-html` called by the HTML emitter is "html", one in `fs`
// called by `build/outputs` is "io". Frames are recognized by their file, so
// the profiled process must run the unbundled `dist/` (as `bench/child.mjs`
// does), not `dist/bundle/`. Shared code (LiquidJS, `emitters/templates.js`)
// is charged to its caller.
//
// Usage: npx tsx bench/profile.ts <folder of .cpuprofile files> [articles]
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** [stage, test on a frame's url and function name], first match wins for a frame. */
const rules: Array<[string, (url: string, name: string) => boolean]> = [
  ['parse', (url) => /node_modules\/(micromark[^/]*|mdast-util-from-markdown|remark-parse|mdast-util-gfm[^/]*|mdast-util-frontmatter|micromark-extension-[^/]*|decode-named-character-reference)\//.test(url)],
  ['parse', (url) => /\/dist\/readers\/shortcodes\//.test(url)],
  ['normalize', (url) => /\/dist\/pipeline\//.test(url)],
  ['normalize', (url) => /node_modules\/(mdast-util-to-hast|remark-rehype|rehype-sanitize|hast-util-sanitize|hast-util-raw|parse5|hast-util-from-parse5|unified|trough|vfile[^/]*)\//.test(url)],
  ['read', (url) => /\/dist\/readers\//.test(url) || /node_modules\/(yaml|js-yaml|chrono-node|iconv-lite)\//.test(url)],
  ['html', (url) => /\/dist\/emitters\/html\//.test(url)],
  ['pdf', (url) => /\/dist\/emitters\/pdf\//.test(url) || /node_modules\/(pdfkit|fontkit|linebreak|restructure|hyphen|tex-linebreak|bidi-js)\//.test(url)],
  ['epub', (url) => /\/dist\/emitters\/epub\//.test(url) || /node_modules\/fflate\//.test(url)],
  ['newsletter', (url) => /\/dist\/emitters\/newsletter\//.test(url) || /node_modules\/nodemailer\//.test(url)],
  ['feeds', (url) => /\/dist\/emitters\/(feeds|ninjs|sitemaps)\//.test(url) || /node_modules\/feed\//.test(url)],
  ['io', (url) => /\/dist\/build\/(outputs|manifest|cache|record|shards)\.js/.test(url)],
  ['build', (url) => /\/dist\/build\//.test(url)],
  ['gc', (_url, name) => name === '(garbage collector)'],
  ['start-up', (url) => /^node:internal\/(modules|bootstrap)/.test(url)]
]
const stages = [...new Set(rules.map(([stage]) => stage)), 'other']

interface Profile {
  nodes: Array<{id: number; callFrame: {url: string; functionName: string}; children?: number[]}>
  samples: number[]
  timeDeltas: number[]
}

/**
 * @param dir
 *   Folder of `.cpuprofile` files (one per thread).
 * @returns
 *   Self time (ms) by stage, over every profile in `dir`; idle time left out.
 */
export function summarize(dir: string): {totalMs: number; byStage: Record<string, number>} {
  const byStage: Record<string, number> = Object.fromEntries(stages.map((stage) => [stage, 0]))
  let totalMs = 0
  for (const name of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Profile
    const parent = new Map<number, number>()
    const byId = new Map<number, Profile['nodes'][number]>()
    for (const node of profile.nodes) {
      byId.set(node.id, node)
      for (const child of node.children ?? []) parent.set(child, node.id)
    }
    // The stage of a node: its own if a rule knows its frame, else its parent's.
    const stageOf = new Map<number, string>()
    const resolve = (id: number): string => {
      const known = stageOf.get(id)
      if (known) return known
      const {url, functionName} = byId.get(id)!.callFrame
      let stage = functionName === '(idle)' ? 'idle' : rules.find(([, test]) => test(url, functionName))?.[0]
      if (!stage) {
        const up = parent.get(id)
        stage = up === undefined ? 'other' : resolve(up)
      }
      stageOf.set(id, stage)
      return stage
    }
    for (const [index, id] of profile.samples.entries()) {
      const ms = (profile.timeDeltas[index] ?? 0) / 1000
      const stage = resolve(id)
      if (stage === 'idle') continue
      byStage[stage] = (byStage[stage] ?? 0) + ms
      totalMs += ms
    }
  }
  return {totalMs, byStage}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const articles = Number(process.argv[3] ?? 0)
  const {totalMs, byStage} = summarize(process.argv[2] ?? '.')
  for (const [stage, ms] of Object.entries(byStage).sort((a, b) => b[1] - a[1])) {
    if (ms < 0.5) continue
    console.log(`${stage.padEnd(10)} ${ms.toFixed(0).padStart(7)} ms ${((ms / totalMs) * 100).toFixed(1).padStart(5)}%${articles ? `  ${(ms / articles).toFixed(2)} ms/article` : ''}`)
  }
}
