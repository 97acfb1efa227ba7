/**
 * Building the planned articles (in this thread or the worker pool, see
 * `pool.ts`) and writing each one's files as its outcome comes, so a build of
 * thousands never holds their files all at once.
 */
import type {VFile} from 'vfile'
import type {BuildOptions} from './options.js'
import {checkOutputs, tempDirOf, writeAtomic, type Owners} from './outputs.js'
import type {ManifestFile} from './manifest.js'
import type {Plan} from './plan.js'
import {runTasks, type EarlyPool} from './pool.js'
import {fileOf, type ArticleRecord} from './record.js'
import type {ArticleOutcome, Runtime} from './worker.js'

/** The articles of a build. */
export interface Built {
  /** Every good article's record (cached ones first, then in task order). */
  records: ArticleRecord[]
  /** Output path → owner, for the collections to check theirs against. */
  owners: Owners
  /** Whether an article was built in this thread. */
  builtHere: boolean
}

/**
 * Take the cached articles as they are, build the others and write their
 * files. Failures are counted and their files added to `plan.files`.
 *
 * @param plan
 *   The plan (its `files` and `failed` grow).
 * @param runtime
 *   This thread's runtime, loaded on first need.
 * @param options
 *   The build's options (pool settings, `onArticle`).
 * @param early
 *   A pool started while planning, if any (see `startPoolEarly`).
 * @returns
 *   The records, the owners of the written paths, and where articles were built.
 */
export async function buildArticles(plan: Plan, runtime: () => Promise<Runtime>, options: BuildOptions, early?: EarlyPool): Promise<Built> {
  const outputDir = options.config.output
  const owners = ownersOf(plan.cached)
  const records: ArticleRecord[] = [...plan.cached]
  for (const record of plan.cached) {
    if (record.messages.length > 0) plan.files.push(fileOf(record.path, record.messages))
  }
  let done = plan.cached.length
  const total = plan.cached.length + plan.tasks.length
  const writing: Writing = {tempDir: tempDirOf(options.config.cache), made: new Set(), written: new Map()}
  const handle = async (outcome: ArticleOutcome): Promise<void> => {
    const file = outcome.ok ? fileOf(outcome.record.path, outcome.record.messages) : fileOf(outcome.path, outcome.messages)
    const record = outcome.ok ? await writeArticle(outcome, file, outputDir, owners, writing) : undefined
    if (record) {
      const source = plan.read.get(record.path)
      records.push(source ? {...record, source} : record)
    } else {
      plan.failed++
    }
    // Only files with messages are kept: 10,000 clean articles need none.
    if (!record || file.messages.length > 0) plan.files.push(file)
    options.onArticle?.(++done, total, file)
  }
  const {builtHere} = plan.tasks.length > 0 ? await runTasks(plan.tasks, runtime, options, handle, early) : {builtHere: false}
  return {records, owners, builtHere}
}

/** What the articles' writes share. */
interface Writing {
  /** The cache's folder of temporary files. */
  tempDir: string
  /** Folders made so far (see `writeAtomic`). */
  made: Set<string>
  /** Path → SHA-256 of the files written so far by this build. */
  written: Map<string, string>
}

/** Check and write a built article's files; its record, or `undefined` when a path was refused (reported on `file`). */
async function writeArticle(
  outcome: Extract<ArticleOutcome, {ok: true}>,
  file: VFile,
  outputDir: string,
  owners: Owners,
  writing: Writing
): Promise<ArticleRecord | undefined> {
  const checked = checkOutputs(outcome.files, file, outcome.record.path, outputDir, owners)
  if (!checked) return undefined
  const written: ManifestFile[] = []
  for (const {file: output, emitter, absolute, info} of checked) {
    // An image many articles share is written once, not once per article:
    // the same bytes at the same path (`checkOutputs` refuses other bytes).
    if (writing.written.get(output.path) !== info.sha256) {
      await writeAtomic(absolute, output.contents, writing.tempDir, writing.made)
      writing.written.set(output.path, info.sha256)
    }
    written.push({path: output.path, emitter, ...info})
  }
  return {...outcome.record, files: written}
}

/**
 * The owners of the files of articles (see `checkOutputs`).
 *
 * @param records
 *   Articles whose files are kept.
 * @returns
 *   Output path → owner.
 */
export function ownersOf(records: readonly ArticleRecord[]): Owners {
  const owners: Owners = new Map()
  for (const record of records) for (const file of record.files) owners.set(file.path, {owner: record.path, sha256: file.sha256})
  return owners
}
