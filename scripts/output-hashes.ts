/**
 * The sha256 of every file Pressroom writes for the sample, every fixture, the
 * CommonMark examples (one article each) and the real-article corpus, with
 * every message reported, as one sorted list. A refactoring that claims "same
 * bytes out" is checked by comparing this list before and after:
 *
 *   npm run compile && npx tsx scripts/output-hashes.ts > before.txt
 *   … change …
 *   npm run compile && npx tsx scripts/output-hashes.ts > after.txt && diff before.txt after.txt
 *
 * It runs the compiled package (`dist/`, with its worker pool), as users do.
 */
import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {mkdir, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {commonmarkExamples} from '../tests/helpers/commonmark.js'

interface Built {
  files: Array<{path?: string; messages: Array<{fatal?: boolean | null | undefined; ruleId?: string | undefined; reason: string; line?: number | undefined; column?: number | undefined}>}>
}
// The compiled API, loaded at run time so this script follows whatever `dist/` holds.
const api = (await import(path.resolve(import.meta.dirname, '../dist/index.js'))) as {
  build(options: {config: unknown; workers?: number | 'auto'}): Promise<Built>
  loadConfig(options: {root: string; overrides?: Record<string, unknown>}): Promise<unknown>
  resolveConfig(user: Record<string, unknown>, root: string): unknown
}

const root = path.resolve(import.meta.dirname, '..')
process.env['SOURCE_DATE_EPOCH'] ??= '1740441600'
// A fixed folder inside the repository: the manifest names sources relative to the root.
const work = path.join(root, '.output-hashes')
await rm(work, {recursive: true, force: true})
const lines: string[] = []

/** Build one site and list its files and messages under `name`. */
async function site(name: string, config: unknown): Promise<void> {
  const output = (config as {output: string}).output
  const result = await api.build({config})
  for (const file of list(output)) lines.push(`${name}\t${file}\t${createHash('sha256').update(readFileSync(path.join(output, file))).digest('hex')}`)
  for (const file of result.files) {
    for (const message of file.messages) {
      const severity = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
      const where = `${path.relative(root, path.resolve(file.path ?? '.'))}:${message.line ?? 1}:${message.column ?? 1}`
      lines.push(`${name}\tmessage\t${where}\t${severity}\t${message.ruleId ?? ''}\t${message.reason}`)
    }
  }
}

function list(dir: string, prefix = ''): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...list(path.join(dir, entry.name), relative))
    else out.push(relative)
  }
  return out
}

try {
  await site('sample', await api.loadConfig({root, overrides: {output: path.join(work, 'sample'), cache: path.join(work, 'cache-sample')}}))
  const fixtures = path.join(root, 'tests/fixtures')
  for (const name of readdirSync(fixtures).sort()) {
    const dir = path.join(fixtures, name)
    if (!['input.md', 'input.txt'].some((file) => existsSync(path.join(dir, file)))) continue
    const output = path.join(work, 'fixtures', name)
    await site(`fixture:${name}`, api.resolveConfig({site: {title: `Fixture ${name}`, url: 'https://fixtures.example.org/'}, input: dir, output, cache: output + '.cache', include: ['input.md', 'input.txt']}, root))
  }
  const specInput = path.join(work, 'spec-input')
  await mkdir(specInput, {recursive: true})
  for (const example of commonmarkExamples()) {
    const id = String(example.example).padStart(3, '0')
    await writeFile(path.join(specInput, `example-${id}.md`), `---\ntitle: "CommonMark example ${example.example} (${example.section})"\ndate: 2024-01-01\n---\n${example.markdown}`)
  }
  await site('spec', api.resolveConfig({site: {title: 'CommonMark spec', url: 'https://spec.example.org/'}, input: specInput, output: path.join(work, 'spec'), cache: path.join(work, 'cache-spec')}, root))
  await site('corpus', api.resolveConfig({site: {title: 'Corpus', url: 'https://corpus.example.gov/'}, input: path.join(root, 'tests/corpus/articles'), output: path.join(work, 'corpus'), cache: path.join(work, 'cache-corpus'), include: ['**/*.md'], exclude: ['README.md'], drafts: true}, root))
} finally {
  await rm(work, {recursive: true, force: true})
}
process.stdout.write(lines.sort().join('\n') + '\n')
