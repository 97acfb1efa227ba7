/**
 * Global setup of the conformance suite: build, once, everything the real
 * validators check — the shipped sample, every fixture, the CommonMark spec
 * examples (each as an article) and the real-articles corpus — into
 * `.conformance/`. Test files then only validate. It runs the compiled
 * `dist/` (`npm run test:conformance` compiles first) so the worker pool is used.
 */
import {existsSync, readdirSync} from 'node:fs'
import {mkdir, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {build} from '../../dist/build/index.js'
import {loadConfig, resolveConfig} from '../../dist/config.js'
import {writeAdversarial} from '../helpers/adversarial.js'
import {commonmarkExamples} from '../helpers/commonmark.js'
import {conformanceDir, corpus, root} from './paths.js'

export default async function setup(): Promise<void> {
  process.env['SOURCE_DATE_EPOCH'] ??= '1740441600'
  await rm(conformanceDir, {recursive: true, force: true})
  await mkdir(conformanceDir, {recursive: true})
  const summary: Record<string, {articles: number; failed: number; files: number}> = {}
  const record = (name: string, result: Awaited<ReturnType<typeof build>>) => {
    summary[name] = {articles: result.articles.length, failed: result.failed, files: result.written.length}
  }

  // 1. The shipped sample, with the repository's own config.
  const sample = await loadConfig({root, overrides: {output: path.join(conformanceDir, 'sample')}})
  record('sample', await build({config: sample}))

  // 2. Every fixture with an input, each as its own site.
  const fixtures = path.join(root, 'tests/fixtures')
  for (const name of readdirSync(fixtures).sort()) {
    const dir = path.join(fixtures, name)
    if (!['input.md', 'input.txt'].some((file) => existsSync(path.join(dir, file)))) continue
    const config = resolveConfig(
      {site: {title: `Fixture ${name}`, url: 'https://fixtures.example.org/'}, input: dir, output: path.join(conformanceDir, 'fixtures', name), include: ['input.md', 'input.txt']},
      root
    )
    record(`fixture:${name}`, await build({config}))
  }

  // 3. The CommonMark spec examples, one article each.
  const specInput = path.join(conformanceDir, 'spec-input')
  await mkdir(specInput, {recursive: true})
  const examples = commonmarkExamples()
  for (const example of examples) {
    const id = String(example.example).padStart(3, '0')
    await writeFile(path.join(specInput, `example-${id}.md`), `---\ntitle: "CommonMark example ${example.example} (${example.section})"\ndate: 2024-01-01\n---\n${example.markdown}`)
  }
  record('spec', await build({config: resolveConfig({site: {title: 'CommonMark spec', url: 'https://spec.example.org/'}, input: specInput, output: path.join(conformanceDir, 'spec')}, root)}))

  // 4. The real articles (drafts included: every file must build).
  const articles = resolveConfig(
    {site: {title: 'Corpus', url: 'https://corpus.example.gov/'}, input: path.join(corpus, 'articles'), output: path.join(conformanceDir, 'corpus'), include: ['**/*.md'], exclude: ['README.md'], drafts: true},
    root
  )
  record('corpus', await build({config: articles}))
  // 5. The adversarial set: the bad files fail alone, the rest is validated.
  const adversarialInput = path.join(conformanceDir, 'adversarial-input')
  await writeAdversarial(adversarialInput)
  record('adversarial', await build({config: resolveConfig({site: {title: 'Adversarial', url: 'https://adversarial.example.org/'}, input: adversarialInput, output: path.join(conformanceDir, 'adversarial')}, root)}))
  await writeFile(path.join(conformanceDir, 'summary.json'), JSON.stringify(summary, null, 2))
}
