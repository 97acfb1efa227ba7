/**
 * The reference time of a build, defined once for the emit context (every
 * emitter's `ctx.buildDate`), the EPUB's ZIP dates and the manifest. A leaf:
 * emitters may import it, and so may the build, which emitters never import.
 */

/**
 * `SOURCE_DATE_EPOCH` as a date, when it is set to a whole number of seconds
 * (the reproducible-builds convention).
 *
 * @returns
 *   The date, or `undefined` when it is unset or not a number.
 */
export function sourceDateEpoch(): Date | undefined {
  const epoch = process.env['SOURCE_DATE_EPOCH']
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined
}

/** What {@link buildDateOf} reads of an article or a build's cache record. */
export interface Dated {
  readonly meta: {readonly date: string; readonly updated?: string | undefined}
}

/**
 * The reference time of a build: `SOURCE_DATE_EPOCH` when set, else the
 * newest article's (updated or published) date, else the Unix epoch. Never the
 * wall clock, so the same inputs give the same bytes.
 *
 * @param articles
 *   Articles of the build, or their records (anything with `meta.date` and
 *   `meta.updated`).
 * @returns
 *   The date.
 */
export function buildDateOf(articles: readonly Dated[]): Date {
  const epoch = sourceDateEpoch()
  if (epoch) return epoch
  let newest = 0
  for (const article of articles) {
    const time = Date.parse(article.meta.updated ?? article.meta.date)
    if (time > newest) newest = time
  }
  return new Date(newest)
}
