import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/conformance/**', 'tests/browser/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
})
