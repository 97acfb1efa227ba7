/**
 * EPUB conformance: EPUBCheck over real builds — the hand-built fixtures
 * (image, table, footnotes, code; Sorani right to left; raw-HTML leftovers;
 * an edition), a ~1.5 MB generated article split into several content
 * documents, the seed wire copy, a fixed sample of 20 real-world corpus
 * articles (one book each, plus their edition) and, when the global setup has
 * built `.conformance/`, a fixed sample of the EPUBs `pressroom build` wrote
 * there. Every book must give 0 fatal errors, 0 errors and 0 warnings, and
 * carry the accessibility metadata.
 *
 * EPUBCheck is slow to start (~20 s on a busy machine), so all books are
 * checked in one JVM through its Java API (a single-file Java program run
 * with `java EpubCheckBatch.java`); if that fails, each book is checked with
 * the `epubcheck` command line. The suite is skipped, saying so, when
 * EPUBCheck or Java is missing.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createArticle} from '../../src/readers/index.js'
import {resolveConfig} from '../../src/config.js'
import {createEmitContext} from '../../src/emitters/context.js'
import {epubEmitter} from '../../src/emitters/epub/index.js'
import type {Article} from '../../src/types.js'
import {basicArticle, messyArticle, plainArticle, rtlArticle} from '../fixtures/epub-articles/index.js'
import {longArticleMarkdown} from '../helpers/long-article.js'
import {textOf, unzipEpub} from '../helpers/normalize-epub.js'
import {conformanceDir, filesWith} from './paths.js'

const root = path.resolve(import.meta.dirname, '../..')
const corpus = path.join(root, 'tests/corpus/articles')
const seed = path.join(root, 'tests/corpus/seed-article.txt')
const sampleSize = 20

/** How to run EPUBCheck: the jar (for the batch runner) and/or a command. */
interface Checker {
  jar?: string
  command: string[]
}

function findEpubcheck(): Checker | undefined {
  const fromEnv = process.env['EPUBCHECK_JAR']
  const hasJava = spawnSync('java', ['-version']).status === 0
  if (fromEnv && existsSync(fromEnv) && hasJava) return {jar: fromEnv, command: ['java', '-jar', fromEnv]}
  const which = spawnSync('which', ['epubcheck'], {encoding: 'utf8'})
  if (which.status !== 0) return undefined
  const found = realpathSync(which.stdout.trim())
  // Debian installs the jar itself as `/usr/bin/epubcheck`.
  const isJar = found.endsWith('.jar') || readFileSync(found).subarray(0, 2).toString('latin1') === 'PK'
  if (isJar) return hasJava ? {jar: found, command: ['java', '-jar', found]} : undefined
  return {command: [found]}
}

const batchSource = `
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.reporting.CheckingReport;
import java.io.File;

public class EpubCheckBatch {
  public static void main(String[] args) throws Exception {
    for (String path : args) {
      CheckingReport report = new CheckingReport(path, path + ".json");
      report.initialize();
      new EpubCheck(new File(path), report).doValidate();
      report.generate();
    }
  }
}
`

/** One message of EPUBCheck's JSON report. */
interface EpubcheckMessage {
  ID: string
  severity: string
  message: string
  locations?: Array<{path?: string; line?: number; column?: number}>
}

/**
 * Check EPUBs; returns the JSON report of each.
 */
function epubcheck(checker: Checker, files: string[]): Map<string, {messages: EpubcheckMessage[]}> {
  const reports = new Map<string, {messages: EpubcheckMessage[]}>()
  if (checker.jar) {
    const dir = path.dirname(files[0]!)
    writeFileSync(path.join(dir, 'EpubCheckBatch.java'), batchSource)
    spawnSync('java', ['-cp', checker.jar, path.join(dir, 'EpubCheckBatch.java'), ...files], {stdio: 'ignore'})
  }
  for (const file of files) {
    if (!existsSync(file + '.json')) {
      const [command, ...args] = checker.command
      spawnSync(command!, [...args, file, '--json', file + '.json'], {stdio: 'ignore'})
    }
    reports.set(file, JSON.parse(readFileSync(file + '.json', 'utf8')) as {messages: EpubcheckMessage[]})
  }
  return reports
}

function describeMessages(messages: EpubcheckMessage[]): string[] {
  return messages.map((message) => {
    const where = message.locations?.[0]
    return `${message.severity} ${message.ID} ${where?.path ?? ''}:${where?.line ?? ''}:${where?.column ?? ''} ${message.message}`
  })
}

/** A fixed sample of the corpus: every n-th file in path order. */
function corpusSample(): string[] {
  const all: string[] = []
  for (const folder of readdirSync(corpus, {withFileTypes: true})) {
    if (!folder.isDirectory()) continue
    for (const name of readdirSync(path.join(corpus, folder.name))) {
      if (name.endsWith('.md') && name !== 'README.md') all.push(path.join(corpus, folder.name, name))
    }
  }
  all.sort()
  const step = Math.max(1, Math.floor(all.length / sampleSize))
  return all.filter((_, index) => index % step === 0).slice(0, sampleSize)
}

/**
 * EPUBs of the global setup's builds (`.conformance/`), when it ran: every one
 * of the sample, fixtures, real corpus and adversarial set, each edition, and
 * every tenth CommonMark example (656 one-paragraph books would add minutes
 * and little coverage).
 */
function globalSetupBooks(): string[] {
  if (!existsSync(conformanceDir)) return []
  const all = filesWith(conformanceDir, ['.epub'])
  const picked: string[] = []
  const counters = new Map<string, number>()
  for (const file of all) {
    const build = path.relative(conformanceDir, file).split(path.sep)[0] ?? ''
    if (build !== 'spec') picked.push(file)
    else if (file.endsWith('edition.epub')) picked.push(file)
    else {
      const count = counters.get(build) ?? 0
      counters.set(build, count + 1)
      if (count % 10 === 0) picked.push(file)
    }
  }
  return picked
}

const checker = findEpubcheck()
if (!checker) console.warn('Skipping EPUB conformance: `epubcheck` (with Java) is not installed; install the `epubcheck` package')

describe.skipIf(!checker)('EPUBCheck', () => {
  let dir: string
  const books: Array<{name: string; file: string; bytes: Uint8Array}> = []
  let reports: Map<string, {messages: EpubcheckMessage[]}>
  let corpusBuilt = 0
  let splitDocuments = 0

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pressroom-epubcheck-'))
    const config = resolveConfig(
      {site: {title: 'The Erbil Ledger', url: 'https://ledger.example/', publisher: 'Ledger Media'}},
      root
    )

    async function build(label: string, articles: Article[], edition: boolean) {
      const emitter = epubEmitter()
      const ctx = createEmitContext({config, emitters: [emitter], articles})
      const outputs = edition ? await emitter.collection!(articles, ctx) : await emitter.article!(articles[0]!, ctx)
      for (const output of outputs) {
        const file = path.join(dir, `${books.length + 1}-${label}.epub`)
        writeFileSync(file, output.contents)
        books.push({name: `${label} (${output.path})`, file, bytes: output.contents as Uint8Array})
      }
    }

    // Fixtures.
    await build('fixture-basic', [basicArticle()], false)
    await build('fixture-rtl', [rtlArticle()], false)
    await build('fixture-plain', [plainArticle()], false)
    await build('fixture-messy', [messyArticle()], false)
    await build('fixture-edition', [basicArticle(), rtlArticle(), plainArticle()], true)

    // A ~1.5 MB generated article, split into several content documents (`split.ts`).
    const long = createArticle({path: 'tests/helpers/long-report.md', contents: new TextEncoder().encode(longArticleMarkdown())}, config)
    if (!long.ok) throw new Error('Long article failed: ' + long.file.messages.map(String).join('\n'))
    await build('long-split', [long.article], false)
    splitDocuments = Object.keys(unzipEpub(books.at(-1)!.bytes)).filter((name) => /^EPUB\/article(-\d+)?\.xhtml$/.test(name)).length

    // Seed wire copy.
    const seedResult = createArticle({path: path.relative(process.cwd(), seed), contents: readFileSync(seed)}, config)
    if (!seedResult.ok) throw new Error('Seed article failed: ' + seedResult.file.messages.map(String).join('\n'))
    await build('seed', [seedResult.article], false)

    // Corpus sample: one book per article that reads, and an edition.
    const articles: Article[] = []
    for (const source of corpusSample()) {
      const result = createArticle({path: path.relative(process.cwd(), source), contents: readFileSync(source)}, config)
      if (!result.ok) continue
      articles.push(result.article)
      await build('corpus', [result.article], false)
    }
    corpusBuilt = articles.length
    articles.sort((a, b) => Date.parse(b.meta.date) - Date.parse(a.meta.date))
    await build('corpus-edition', articles, true)

    // What `pressroom build` wrote in the global setup (all emitters active).
    for (const source of globalSetupBooks()) {
      const file = path.join(dir, `${books.length + 1}-build.epub`)
      const bytes = new Uint8Array(readFileSync(source))
      writeFileSync(file, bytes)
      books.push({name: path.relative(conformanceDir, source), file, bytes})
    }

    reports = epubcheck(checker!, books.map((book) => book.file))
  })

  afterAll(() => {
    if (dir) rmSync(dir, {recursive: true, force: true})
  })

  it('should split the long article into several content documents', () => {
    expect(splitDocuments).toBeGreaterThanOrEqual(4)
  })

  it('should build most of the corpus sample', () => {
    expect(corpusBuilt).toBeGreaterThanOrEqual(15)
  })

  it('should report 0 errors and 0 warnings for every book', () => {
    const problems: string[] = []
    for (const book of books) {
      const report = reports.get(book.file)!
      const bad = report.messages.filter((message) => message.severity !== 'USAGE' && message.severity !== 'INFO')
      for (const line of describeMessages(bad)) problems.push(`${book.name}: ${line}`)
    }
    console.info(`EPUBCheck: ${books.length} books (${corpusBuilt} corpus articles), ${problems.length} problems`)
    expect(problems).toEqual([])
    expect(books.length).toBeGreaterThanOrEqual(20)
  })

  it('should carry accessibility metadata in every package document', () => {
    for (const book of books) {
      const opf = textOf(unzipEpub(book.bytes), 'EPUB/package.opf')
      for (const property of [
        'schema:accessMode',
        'schema:accessModeSufficient',
        'schema:accessibilityFeature',
        'schema:accessibilityHazard',
        'schema:accessibilitySummary'
      ]) {
        expect(opf, `${book.name}: ${property}`).toContain(`<meta property="${property}"`)
      }
    }
  })
})

