/**
 * The time limit of a pool's tasks: a watchdog that aborts an article working
 * too long, and the error a worker's stopped article is reported with.
 */
import type {TaskClock} from './worker.js'

/** Why a worker stopped an article (see `safely` in `pool.ts`). */
export class PressroomTaskError extends Error {
  constructor(
    readonly kind: 'timeout' | 'memory',
    readonly amount: number
  ) {
    super(kind === 'timeout' ? `timed out after ${amount} s` : `out of memory (${amount} MB)`)
  }
}

/** The time limit of a pool's tasks. */
export interface Watchdog {
  /** Time a task: its clock slot for the worker (none without a limit or a free slot), its abort signal, and `done` to call when it settles. */
  start(): {timing: TaskClock | undefined; signal: AbortSignal; done(): void}
  stop(): void
}

/**
 * A watchdog aborting tasks that worked over `timeout` seconds (`0`: none).
 * Each task notes in a shared array when a worker starts it (a task waiting
 * in piscina's queue is not timed); the watchdog checks those regularly.
 */
export function createWatchdog(timeout: number): Watchdog {
  const limit = timeout > 0 ? timeout * 1000 : 0
  // With a limit, one slot per task in flight (piscina's queue included):
  // `run` is called for at most `threads * 4` at once; slots are reused.
  const clock = new Int32Array(new SharedArrayBuffer(4 * 1024))
  const epoch = Date.now()
  const free: number[] = []
  let used = 0
  const running = new Map<number, AbortController>()
  const timer = limit > 0
    ? setInterval(() => {
        const now = Date.now() - epoch
        for (const [slot, controller] of running) {
          const started = Atomics.load(clock, slot)
          if (started > 0 && now - started > limit) controller.abort(new PressroomTaskError('timeout', timeout))
        }
      }, Math.min(1000, Math.max(50, limit / 10)))
    : undefined
  timer?.unref()
  return {
    start() {
      const slot = limit > 0 ? (free.pop() ?? (used < clock.length ? used++ : -1)) : -1
      const controller = new AbortController()
      if (slot >= 0) {
        Atomics.store(clock, slot, 0)
        running.set(slot, controller)
      }
      const done = () => {
        if (slot < 0) return
        running.delete(slot)
        free.push(slot)
      }
      return {timing: slot >= 0 ? {clock, slot, epoch} : undefined, signal: controller.signal, done}
    },
    stop() {
      if (timer) clearInterval(timer)
    }
  }
}
