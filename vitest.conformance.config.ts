import {defineConfig} from 'vitest/config'

// The conformance suite runs the real validators (Nu HTML checker with Java,
// EPUBCheck, poppler, qpdf, xmllint, feedparser) over real builds.
export default defineConfig({
  test: {
    include: ['tests/conformance/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 900_000,
    fileParallelism: false
  }
})
