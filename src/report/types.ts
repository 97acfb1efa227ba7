/** Shared types of the reporters. */

/** What the reporters print. */
export interface ReporterOptions {
  /** Every message, info included, one line each. */
  verbose?: boolean
  /** Errors only (and the summary). */
  quiet?: boolean
}

/** A line of output and the stream it goes to. */
export interface Line {
  stream: 'stdout' | 'stderr'
  text: string
}
