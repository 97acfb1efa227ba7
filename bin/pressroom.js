#!/usr/bin/env node
/**
 * Start the bundled command line (`dist/bundle/cli.cjs`) with V8's code
 * cache: most of a one-article rebuild in a fresh process went to compiling
 * JavaScript. Node 22 keeps this cache itself (`module.enableCompileCache`),
 * and is left to do so; Node 20 has no such switch, so this file does what it
 * does: compile the bundle with the cached data of an earlier run, and write
 * new data when there was none. (The `v8-compile-cache` package makes its
 * data right after compiling, before anything runs; for a bundle whose modules
 * are functions run on first use that data holds almost nothing.)
 *
 * The data is kept in `$PRESSROOM_COMPILE_CACHE`, else in a folder of this
 * user's under the system's temporary folder, one file per bundle and Node
 * version (V8 checks its own version and flags, and rejects what does not
 * match); data of other bundles not written for a week is removed.
 * `PRESSROOM_COMPILE_CACHE=0` turns it off.
 */
// First: V8's settings for this process, before anything is allocated.
import './v8-flags.js'
import {createHash} from 'node:crypto'
import {lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs'
import module, {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {debuglog} from 'node:util'
import vm from 'node:vm'

const debug = debuglog('pressroom')

const file = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url))
// Whether a build of this run built an article in this thread (see `load`).
let builtHere = false
const {main} = load(file, () => builtHere)

main(process.argv, {
  onResult(result) {
    if (result.builtInProcess) builtHere = true
  }
}).then(
  (code) => {
    process.exitCode = code
  },
  (error) => {
    console.error(error)
    process.exitCode = 2
  }
)

/**
 * Load a CommonJS file with a code cache.
 *
 * @param {string} file
 * @param {() => boolean} builtHere
 *   Whether the article pipeline ran in this thread (asked at exit).
 * @returns {{main: (argv: string[], hooks?: {onResult?: (result: {builtInProcess: boolean}) => void}) => Promise<number>}}
 */
function load(file, builtHere) {
  const setting = process.env['PRESSROOM_COMPILE_CACHE']
  const require = createRequire(file)
  if (setting === '0') return require(file)
  if (typeof module.enableCompileCache === 'function') {
    module.enableCompileCache(setting || undefined)
    return require(file)
  }
  const dir = cacheFolder(setting)
  if (!dir) {
    debug('code cache: off (no folder of this user only)')
    return require(file)
  }

  const source = readFileSync(file, 'utf8')
  // The bundle is known by its size, modification time and inode (cheaper
  // than hashing its megabytes); V8 also rejects data made for a source of
  // another length.
  const stat = statSync(file)
  const name = createHash('sha256').update(`${process.version}\0${process.arch}\0${stat.size}\0${stat.mtimeMs}\0${stat.ino}`).digest('hex').slice(0, 32)
  // The data of a run that built no article in this thread lacks the article
  // pipeline (level 0): the first run that does (its build result says so)
  // writes it again (level 1).
  let cachedData
  let level = -1
  for (const candidate of [1, 0]) {
    try {
      cachedData = readFileSync(path.join(dir, `${name}-${candidate}.bin`))
      level = candidate
      break
    } catch {
      // Not there.
    }
  }
  // `import()` in code restored from the cache fails in Node 20 (V8 drops
  // what it needs when serializing): the bundle imports through this.
  globalThis[Symbol.for('pressroom.import')] = (specifier) => import(specifier)
  const script = new vm.Script(module.wrap(source), {filename: file, cachedData})
  if (script.cachedDataRejected) level = -1
  debug('code cache: %s', level === -1 ? (cachedData ? 'rejected' : 'none yet') : `used (level ${level})`)
  const exports = {}
  const wrapper = {exports}
  script.runInThisContext().call(exports, exports, require, wrapper, file, path.dirname(file))
  process.once('exit', () => {
    const now = builtHere() ? 1 : 0
    if (now <= level) return
    try {
      const target = path.join(dir, `${name}-${now}.bin`)
      const temp = `${target}.${process.pid}.tmp`
      writeFileSync(temp, script.createCachedData())
      renameSync(temp, target)
      debug('code cache: written (level %d)', now)
      // Data of other bundles (older versions) not written for a week goes.
      const old = Date.now() - 7 * 24 * 3600 * 1000
      for (const other of readdirSync(dir)) {
        if (other.startsWith(name) || !other.endsWith('.bin')) continue
        const otherFile = path.join(dir, other)
        if (statSync(otherFile).mtimeMs < old) rmSync(otherFile, {force: true})
      }
    } catch {
      // A cache is an optimization: a folder that cannot be written is no error.
    }
  })
  return wrapper.exports
}

/**
 * The cache folder, made when missing; `undefined` when it is not this user's
 * alone (someone else could plant compiled code in it).
 *
 * @param {string | undefined} setting
 * @returns {string | undefined}
 */
function cacheFolder(setting) {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined
  const dir = setting || path.join(os.tmpdir(), `pressroom-compile-cache${uid === undefined ? '' : `-${uid}`}`)
  try {
    mkdirSync(dir, {recursive: true, mode: 0o700})
    const stat = lstatSync(dir)
    if (!stat.isDirectory()) return undefined
    if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)) return undefined
    return dir
  } catch {
    return undefined
  }
}
