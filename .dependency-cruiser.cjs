/**
 * The layers of ARCHITECTURE.md, enforced: `npm run lint:deps` (run by
 * `npm run lint`, which `.ci/run` runs) fails on any violation. Type-only
 * imports count too (`tsPreCompilationDeps`): a cycle of types is still a
 * cycle in the design.
 *
 * Data flows readers → pipeline → emitters → build; `cli` and `check` sit on
 * top. Shared leaves (`types`, `config`, `diagnostics`, `locale`, `i18n/`,
 * `debug`, `runtime-import`) import none of the layers.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, type-only ones included.',
      from: {path: '^src/'},
      to: {circular: true}
    },
    {
      name: 'leaves-import-no-layer',
      severity: 'error',
      comment: 'The shared leaves (types, config, diagnostics, locale, …) import none of the layers, but the table of built-in emitters and their option schemas (zod only), which the configuration validates with.',
      from: {path: '^src/[^/]+\\.ts$|^src/(util|i18n)/', pathNot: '^src/(index|cli|websub)\\.ts$'},
      to: {path: '^src/(readers|pipeline|emitters|build|check)/', pathNot: '^src/emitters/(builtins|[^/]+/options)\\.ts$'}
    },
    {
      name: 'option-schemas-are-leaves',
      severity: 'error',
      comment: 'The built-ins table and option schemas are read by the configuration: they import nothing of the project.',
      from: {path: '^src/emitters/(builtins|[^/]+/options)\\.ts$'},
      to: {path: '^src/', pathNot: '^src/emitters/(builtins|[^/]+/options)\\.ts$'}
    },
    {
      name: 'readers-not-downstream',
      severity: 'error',
      comment: 'Readers turn bytes into an Article: they never import emitters, the build or check.',
      from: {path: '^src/readers/'},
      to: {path: '^src/(emitters|build|check)/|^src/cli\\.ts$'}
    },
    {
      name: 'pipeline-not-readers-or-downstream',
      severity: 'error',
      comment: 'The pipeline normalizes a tree: it never imports a reader, an emitter, the build or check.',
      from: {path: '^src/pipeline/'},
      to: {path: '^src/(readers|emitters|build|check)/|^src/cli\\.ts$'}
    },
    {
      name: 'emitters-not-build',
      severity: 'error',
      comment: 'Emitters turn Articles into files: they never import the build, check or the CLI (nor readers: they never re-parse).',
      from: {path: '^src/emitters/'},
      to: {path: '^src/(readers|build|check)/|^src/cli\\.ts$'}
    },
    {
      name: 'emitters-independent',
      severity: 'error',
      comment: 'An emitter does not reach into another emitter\'s folder; shared code lives in emitters/*.ts or pipeline/.',
      from: {path: '^src/emitters/([^/]+)/'},
      to: {path: '^src/emitters/[^/]+/', pathNot: '^src/emitters/$1/'}
    },
    {
      name: 'build-not-check-or-cli',
      severity: 'error',
      comment: 'The build does not import check or the CLI.',
      from: {path: '^src/build/'},
      to: {path: '^src/check/|^src/cli\\.ts$'}
    },
    {
      name: 'check-reads-outputs',
      severity: 'error',
      comment: '`pressroom check` validates files: it does not run readers or emitters (it may read their option defaults).',
      from: {path: '^src/check/'},
      to: {path: '^src/(readers|emitters)/', pathNot: '^src/emitters/([^/]+/options|builtins)\\.ts$'}
    },
    {
      name: 'report-reads-messages',
      severity: 'error',
      comment: 'The reporters (report/) format vfile messages: they import the leaves only, never a layer.',
      from: {path: '^src/report/'},
      to: {path: '^src/(readers|pipeline|emitters|build|check)/|^src/cli\\.ts$'}
    },
    {
      name: 'scaffold-writes-starting-files',
      severity: 'error',
      comment: '`init` and `templates eject` (scaffold/) write a site\'s starting files: they import the leaves only, never a layer.',
      from: {path: '^src/scaffold/'},
      to: {path: '^src/(readers|pipeline|emitters|build|check|report)/|^src/cli\\.ts$'}
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'A relative import that names no file (type-only packages such as `hast` resolve to no file and are fine).',
      from: {path: '^src/'},
      to: {couldNotResolve: true, path: '^\\.'}
    }
  ],
  options: {
    doNotFollow: {path: 'node_modules'},
    exclude: {path: '^(dist|node_modules)/'},
    tsPreCompilationDeps: true,
    tsConfig: {fileName: 'tsconfig.json'},
    enhancedResolveOptions: {extensions: ['.ts', '.js']}
  }
}
