/**
 * The CommonMark spec's examples, read from the `commonmark-spec` package's
 * `spec.txt` the way the spec's own `test/spec_tests.py --dump-tests` reads
 * them. (The package's `tests` export misses the examples whose fence line
 * carries more than `example`, such as `example disabled`, and keeps `→` for
 * tabs, so it is not used.)
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'

/** One example, in the shape of `spec_tests.py --dump-tests`. */
export interface SpecExample {
  example: number
  section: string
  markdown: string
  html: string
  start_line: number
  end_line: number
}

const fence = '`'.repeat(32) + ' example'

/**
 * Parse the spec text into its examples.
 *
 * @returns
 *   Every example, numbered from 1.
 */
export function commonmarkExamples(): SpecExample[] {
  const file = createRequire(import.meta.url).resolve('commonmark-spec/spec.txt')
  const lines = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').split('\n')
  const examples: SpecExample[] = []
  let section = ''
  let state = 0 // 0 outside, 1 Markdown, 2 HTML
  let markdown: string[] = []
  let html: string[] = []
  let start = 0
  lines.forEach((line, index) => {
    const number = index + 1
    if (state === 0 && line.startsWith(fence)) {
      state = 1
      markdown = []
      html = []
      start = number
    } else if (state === 1 && line === '.') {
      state = 2
    } else if (state === 2 && line === '`'.repeat(32)) {
      state = 0
      examples.push({
        example: examples.length + 1,
        section,
        markdown: markdown.map((text) => text + '\n').join('').replaceAll('→', '\t'),
        html: html.map((text) => text + '\n').join('').replaceAll('→', '\t'),
        start_line: start,
        end_line: number
      })
    } else if (state === 1) {
      markdown.push(line)
    } else if (state === 2) {
      html.push(line)
    } else if (state === 0 && /^#{1,6} /.test(line)) {
      section = line.replace(/^#{1,6} +/, '').trim()
    }
  })
  return examples
}
