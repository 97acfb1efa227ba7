/**
 * Total-fit line breaking: the algorithm of D. E. Knuth and M. F. Plass,
 * “Breaking paragraphs into lines”, Software—Practice and Experience 11
 * (1981), 1119–1184, on boxes, glue and penalties, with TeX's demerits
 * (`\linepenalty`, `\doublehyphendemerits`, `\finalhyphendemerits`,
 * `\adjdemerits`) and four fitness classes.
 *
 * Hand-written rather than `tex-linebreak` (0.9.0, evaluated for issue 18):
 * that package implements the same paper, but (1) its consecutive-hyphen
 * rule is a demerit only, and a paragraph here must never end more than
 * `maxConsecutiveFlagged` lines in a row with a hyphen, which needs the run of
 * hyphens in the state of each active node (the best break per fitness class
 * *and* run length is kept, so the constraint stays optimal); (2) when no
 * feasible breaks exist it doubles its adjustment bound and starts over, with
 * no upper limit, and finally sets an overfull line: here the caller chooses
 * the passes (tolerance, emergency stretch, underfull lines allowed) and a
 * line is never wider than the measure; (3) it throws to signal an
 * infeasible pass and allocates a `Set` and a `Map` per breakpoint. Items,
 * widths and shaping stay ours (`line-breaking.ts` turns shaped words into
 * boxes), so mixed fonts, inline styles and right-to-left runs are only
 * widths here.
 */

/** An item of a paragraph. */
export interface KpItem {
  type: 'box' | 'glue' | 'penalty'
  /** Width (a penalty's: what is added when the line breaks there, e.g. a hyphen). */
  width: number
  /** Glue: how much it may grow. */
  stretch?: number
  /** Glue: how much it may shrink. */
  shrink?: number
  /** Penalty: cost of breaking here; `<= -forced` forces a break, `>= forced` forbids one. */
  cost?: number
  /** Penalty: a hyphenated break (consecutive ones cost more, and are capped). */
  flagged?: boolean
}

/** Options of one pass of {@link totalFit}. */
export interface KpOptions {
  /** Line width. */
  width: number
  /** Largest adjustment ratio of a feasible line (TeX's tolerance, as a ratio: badness ≈ 100 r³). */
  tolerance: number
  /** Added to each line's demerits before squaring (TeX `\linepenalty`, 10). */
  linePenalty?: number
  /** Two flagged (hyphenated) breaks in a row (TeX `\doublehyphendemerits`, 10000). */
  flaggedDemerits?: number
  /** A hyphenated line before a forced break (TeX `\finalhyphendemerits`, 5000). */
  finalFlaggedDemerits?: number
  /** Adjacent lines more than one fitness class apart (TeX `\adjdemerits`, 10000). */
  fitnessDemerits?: number
  /** Most flagged breaks in a row (a hard limit; default: none). */
  maxConsecutiveFlagged?: number
  /** Ignore flagged penalties (TeX's first pass, without hyphenation). */
  noFlagged?: boolean
  /** Stretch added to every line when judging it (TeX `\emergencystretch`); not drawn. */
  extraStretch?: number
  /** Accept lines looser than `tolerance` (as TeX's last resort, at a high badness). */
  underfull?: boolean
}

/** Result of {@link totalFit}. */
export interface KpResult {
  /** Index of the item each line breaks at (the last one is the paragraph's end). */
  breaks: number[]
  /** Adjustment ratio of each line (with `extraStretch`, as judged). */
  ratios: number[]
  /** Total demerits of the paragraph (what the breaks minimize). */
  demerits: number
}

/** A cost at or beyond which a penalty forces (negative) or forbids (positive) a break. */
export const forced = 10_000
/** Badness of a line looser than the tolerance, in a pass that accepts it. */
const awful = 100_000

/**
 * Prefix sums and line starts, kept between calls (grown as needed): a
 * document breaks hundreds of paragraphs, and fresh arrays for each pass
 * only feed the garbage collector. `totalFit` is synchronous, so one set is
 * enough.
 */
interface Scratch {
  size: number
  sumWidth: Float64Array
  sumStretch: Float64Array
  sumShrink: Float64Array
  startAfter: Int32Array
}

function createScratch(size: number): Scratch {
  return {size, sumWidth: new Float64Array(size), sumStretch: new Float64Array(size), sumShrink: new Float64Array(size), startAfter: new Int32Array(size)}
}

let scratch = createScratch(1024)
/** The best new nodes of `totalFit` (all `undefined` between breaks). */
const bestScratch: Array<Active | undefined> = []

interface Active {
  /** Item the line before broke at (-1: the paragraph's start). */
  position: number
  /** First item of the next line (glue and penalties after a break are dropped). */
  start: number
  fitness: number
  /** Hyphenated lines in a row ending here. */
  run: number
  flagged: boolean
  total: number
  ratio: number
  previous: Active | undefined
}

/**
 * Break a paragraph by total fit.
 *
 * @param items
 *   Boxes, glue and penalties; the last item must be a forced break. Lines
 *   ending in a forced break are not justified: they only have to fit.
 * @param options
 *   Line width and the pass's limits.
 * @returns
 *   The breaks, or `undefined` when no breaks fit the pass's limits.
 */
export function totalFit(items: readonly KpItem[], options: KpOptions): KpResult | undefined {
  const count = items.length
  if (count === 0) return {breaks: [], ratios: [], demerits: 0}
  const width = options.width
  const tolerance = options.tolerance
  const linePenalty = options.linePenalty ?? 10
  const flaggedDemerits = options.flaggedDemerits ?? 10_000
  const finalFlaggedDemerits = options.finalFlaggedDemerits ?? 5000
  const fitnessDemerits = options.fitnessDemerits ?? 10_000
  const maxRun = options.maxConsecutiveFlagged ?? Number.POSITIVE_INFINITY
  const runs = Number.isFinite(maxRun) ? maxRun + 1 : 2
  const extra = options.extraStretch ?? 0
  // Prefix sums of widths, stretch and shrink: a line's totals in O(1).
  if (scratch.size < count + 1) scratch = createScratch(Math.max(count + 1, scratch.size * 2))
  const {sumWidth, sumStretch, sumShrink, startAfter} = scratch
  sumWidth[0] = 0
  sumStretch[0] = 0
  sumShrink[0] = 0
  for (let index = 0; index < count; index++) {
    const item = items[index] as KpItem
    const isPenalty = item.type === 'penalty'
    sumWidth[index + 1] = (sumWidth[index] as number) + (isPenalty ? 0 : item.width)
    sumStretch[index + 1] = (sumStretch[index] as number) + (item.type === 'glue' ? (item.stretch ?? 0) : 0)
    sumShrink[index + 1] = (sumShrink[index] as number) + (item.type === 'glue' ? (item.shrink ?? 0) : 0)
  }
  // Where the line after a break at each item starts.
  startAfter[count] = count
  for (let index = count - 1; index >= 0; index--) {
    const item = items[index] as KpItem
    const keeps = item.type === 'box' || (item.type === 'penalty' && (item.cost ?? 0) <= -forced)
    startAfter[index] = keeps ? index : (startAfter[index + 1] as number)
  }

  const active: Active[] = [
    {position: -1, start: startAfter[0] as number, fitness: 1, run: 0, flagged: false, total: 0, ratio: 0, previous: undefined}
  ]
  // The active nodes are `active[0 … live)`, in the order of their breaks
  // (the array is never shortened: setting an array's length is slow).
  let live = 1
  // Best new node per fitness class and run of hyphens, reused at each break
  // (and across calls: every slot is emptied when its node goes live).
  const slots = 4 * runs
  while (bestScratch.length < slots) bestScratch.push(undefined)
  const best = bestScratch

  for (let index = 0; index < count; index++) {
    const item = items[index] as KpItem
    let cost = 0
    let flagged = false
    let breakWidth = 0
    if (item.type === 'glue') {
      if (index === 0 || (items[index - 1] as KpItem).type !== 'box') continue
    } else if (item.type === 'penalty') {
      cost = item.cost ?? 0
      if (cost >= forced) continue
      flagged = item.flagged === true
      if (flagged && options.noFlagged) continue
      breakWidth = item.width
    } else continue
    const isForced = cost <= -forced
    let found = false
    let kept = 0
    const nodes = live
    for (let at = 0; at < nodes; at++) {
      const node = active[at] as Active
      const start = node.start
      if (start > index) {
        // Nothing between the break before and this one.
        if (!isForced) active[kept++] = node
        continue
      }
      const natural = (sumWidth[index] as number) - (sumWidth[start] as number)
      const shrink = (sumShrink[index] as number) - (sumShrink[start] as number)
      const length = natural + breakWidth
      let ratio: number
      // A line ending in a forced break is set at its natural width (ragged,
      // as TeX's `\parfillskip` lets it be): perfect if it fits.
      if (isForced) ratio = length <= width ? 0 : Number.NEGATIVE_INFINITY
      else if (length < width) {
        const stretch = (sumStretch[index] as number) - (sumStretch[start] as number) + extra
        ratio = stretch > 0 ? (width - length) / stretch : Number.POSITIVE_INFINITY
      } else if (length > width) {
        ratio = shrink > 0 ? (width - length) / shrink : Number.NEGATIVE_INFINITY
      } else ratio = 0
      // Lines from this node only grow (shrinking included) past this break:
      // the node is done when even the break's own width aside it cannot fit.
      const done = isForced || natural - shrink > width
      if (!done) active[kept++] = node
      if (ratio < -1) continue
      if (ratio > tolerance && !options.underfull) {
        // Active nodes are in the order of their breaks, and a line from a
        // later break is shorter, with less stretch: looser still. Keep them
        // all without looking. (Not reached at a forced break: its lines
        // are never too loose.)
        while (++at < nodes) active[kept++] = active[at] as Active
        break
      }
      let run = 0
      if (flagged) {
        run = node.run + 1
        if (run > maxRun) continue
      }
      const badness = ratio > tolerance ? awful : 100 * Math.abs(ratio) ** 3
      let demerits = (linePenalty + badness) ** 2
      if (cost > 0) demerits += cost * cost
      else if (cost > -forced) demerits -= cost * cost
      if (flagged && node.flagged) demerits += flaggedDemerits
      if (isForced && node.flagged) demerits += finalFlaggedDemerits
      const fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3
      if (node.position >= 0 && Math.abs(fitness - node.fitness) > 1) demerits += fitnessDemerits
      const total = node.total + demerits
      const slot = fitness * runs + Math.min(run, runs - 1)
      const current = best[slot]
      if (!current || total < current.total) {
        best[slot] = {position: index, start: startAfter[index + 1] as number, fitness, run, flagged, total, ratio, previous: node}
        found = true
      }
    }
    live = kept
    if (found) {
      for (let slot = 0; slot < slots; slot++) {
        const node = best[slot]
        if (node) {
          active[live++] = node
          best[slot] = undefined
        }
      }
    }
    if (live === 0) return undefined
  }

  let chosen: Active | undefined
  for (let at = 0; at < live; at++) {
    const node = active[at] as Active
    if (node.position === count - 1 && (!chosen || node.total < chosen.total)) chosen = node
  }
  if (!chosen) return undefined
  const breaks: number[] = []
  const ratios: number[] = []
  for (let node: Active | undefined = chosen; node && node.position >= 0; node = node.previous) {
    breaks.push(node.position)
    ratios.push(node.ratio)
  }
  return {breaks: breaks.reverse(), ratios: ratios.reverse(), demerits: chosen.total}
}
