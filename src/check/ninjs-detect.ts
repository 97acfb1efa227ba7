/** Telling a ninjs document from other JSON without loading its validator (`ninjs.ts`). */

/** Whether a parsed JSON value says it is a ninjs document. */
export function isNinjs(value: unknown): boolean {
  const standard = typeof value === 'object' && value !== null ? (value as {standard?: {name?: unknown}}).standard : undefined
  return typeof standard === 'object' && standard !== null && standard.name === 'ninjs'
}
