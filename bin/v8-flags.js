/**
 * V8's settings for a process that builds: imported first by
 * `bin/pressroom.js` (and the benchmark's child process, to measure the same).
 *
 * V8 marks the heap in helper threads while JavaScript runs ("concurrent
 * marking"). A build keeps every core busy with a worker thread of its own,
 * so those helpers only take turns with the workers (the figures are in the
 * commit that made this change). It is turned off here, before any marking has begun in this
 * thread; worker threads' heaps are made later and never use it. (V8 flags
 * are not allowed in `NODE_OPTIONS`, and `--single-threaded-gc`, as fast,
 * crashed V8 when set after the start.) A flag given on the command line wins.
 */
import process from 'node:process'
import v8 from 'node:v8'

if (!process.execArgv.some((flag) => /^--(no-)?concurrent[-_]marking$/.test(flag))) {
  v8.setFlagsFromString('--no-concurrent-marking')
}
