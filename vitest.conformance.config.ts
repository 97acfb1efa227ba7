import {defineConfig} from 'vitest/config'

// The conformance suite runs the real validators (Nu HTML checker with Java,
// EPUBCheck, poppler, qpdf, xmllint, feedparser) over builds made once by the
// global setup (sample, fixtures, CommonMark examples, real corpus).
export default defineConfig({
  test: {
    include: ['tests/conformance/**/*.test.ts'],
    globalSetup: ['tests/conformance/setup.ts'],
    testTimeout: 900_000,
    hookTimeout: 1_800_000,
    fileParallelism: false
  }
})
