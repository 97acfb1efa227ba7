// The linter (`npm run lint`): typescript-eslint's recommended rules, which
// the code meets, plus a few that keep the layout honest. Layer and cycle
// rules are dependency-cruiser's (`.dependency-cruiser.cjs`).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {ignores: ['dist/**', 'node_modules/**', 'output/**', 'coverage/**', '.conformance/**', '.output-hashes/**', '.pressroom-cache/**', 'tests/fixtures/**', 'tests/corpus/**', 'templates/**']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {globals: {process: 'readonly', console: 'readonly', URL: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', structuredClone: 'readonly', Buffer: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly', SharedArrayBuffer: 'readonly', Atomics: 'readonly', AbortController: 'readonly', queueMicrotask: 'readonly', globalThis: 'readonly'}},
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', destructuredArrayIgnorePattern: '^_'}],
      // Type-only imports are marked as such (`import type`), so a module's
      // run-time dependencies are what its imports say.
      '@typescript-eslint/consistent-type-imports': ['error', {fixStyle: 'inline-type-imports', disallowTypeAnnotations: false}],
      // Combining marks in character classes are the point of the text
      // checks that use them.
      'no-misleading-character-class': 'off'
    }
  },
  {
    files: ['tests/**', 'bench/**'],
    rules: {
      // Tests build hostile inputs and loose JSON on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-explicit-any': 'off'
    }
  }
)
