// Bundle the command line with esbuild into `dist/bundle/` (run by `npm run
// compile`, after tsc). A `pressroom build` that rebuilds one article loads
// most of its ~300 modules; one bundle skips the resolution and file reads of
// each.
//
// - `cli.cjs`: the command line, one CommonJS file, with pdfkit and fontkit.
//   CommonJS because Node 20 keeps V8's code cache only for scripts:
//   `bin/pressroom.js` compiles it with the data its last run left (see
//   there). Modules that load later (`import()` in the sources) stay lazy:
//   esbuild wraps each in a function that runs on first use.
// - `worker.mjs`: the worker threads' module (piscina loads it by file name).
//
// The library (`dist/index.js`) stays tsc's plain modules. Kept external:
// hyphen (finds its patterns by language at run time), piscina (starts its
// own worker file), esbuild (loads configuration files) and pdf-lib (only
// `pressroom check` reads PDFs); and, in the worker, pdfkit and fontkit.
import {readFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {build} from 'esbuild'

const root = path.resolve(import.meta.dirname, '..')
const outdir = path.join(root, 'dist/bundle')
rmSync(outdir, {recursive: true, force: true})
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  outdir,
  external: ['pdfkit', 'fontkit', 'hyphen', 'piscina', 'esbuild', 'pdf-lib'],
  sourcemap: 'linked',
  legalComments: 'eof',
  logLevel: 'warning'
}
/** pdfkit finds its data (standard fonts, colour profile) from its own file name. */
const pdfkitHome = {
  name: 'pdfkit-home',
  setup(build) {
    build.onLoad({filter: /node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.js$/}, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('__filename', '__pressroomPdfkit()'),
      loader: 'js'
    }))
  }
}
/**
 * unist-util-visit-parents names each node's visit function after the node
 * (`Object.defineProperty(visit, 'name', …)`, for stack traces) every time it
 * visits one: a large share of normalizing an article went there. The
 * bundles leave the name out; the walk is the same. The bundle fails if the
 * code is no longer there.
 */
const plainVisit = {
  name: 'plain-visit',
  setup(build) {
    build.onLoad({filter: /node_modules[\\/]unist-util-visit-parents[\\/]lib[\\/]index\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      const naming = /\n {6}Object\.defineProperty\(visit, 'name', \{\n[^}]*\n {6}\}\)\n/
      if (!naming.test(source)) throw new Error(`plain-visit: no naming of \`visit\` in ${args.path} (did unist-util-visit-parents change?)`)
      return {contents: source.replace(naming, '\n'), loader: 'js'}
    })
  }
}
await build({
  ...common,
  external: ['hyphen', 'piscina', 'esbuild', 'pdf-lib'],
  // One fontkit for pdfkit (`require`) and the PDF emitter (`import`).
  alias: {fontkit: './node_modules/fontkit/dist/main.cjs', pdfkit: './node_modules/pdfkit/js/pdfkit.js'},
  plugins: [pdfkitHome, plainVisit],
  entryPoints: {cli: 'src/cli.ts'},
  format: 'cjs',
  outExtension: {'.js': '.cjs'},
  // The sources are ES modules: `import.meta.url` is the bundle's own URL.
  define: {'import.meta.url': '__pressroomUrl'},
  banner: {js: "const __pressroomUrl = require('node:url').pathToFileURL(__filename).href; const __pressroomPdfkit = () => require.resolve('pdfkit');"}
})
await build({
  ...common,
  entryPoints: {worker: 'src/build/worker.ts'},
  plugins: [plainVisit],
  format: 'esm',
  outExtension: {'.js': '.mjs'},
  // Bundled CommonJS packages call `require` for Node's built-ins.
  banner: {js: "import {createRequire as __pressroomRequire} from 'node:module'; const require = __pressroomRequire(import.meta.url);"}
})
