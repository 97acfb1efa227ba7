import {defineConfig} from 'vitest/config'

// The real-browser suite (`npm run test:browser`): Debian's Chromium, driven by
// playwright-core, over the sample and the fixtures built once by the global
// setup and served from 127.0.0.1. Test files are `tests/browser/**/*.browser.test.ts`.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.browser.test.ts'],
    globalSetup: ['tests/browser/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false
  }
})
