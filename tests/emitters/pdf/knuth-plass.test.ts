/**
 * Total-fit line breaking (`knuth-plass.ts`): optimal against an exhaustive
 * search on small random paragraphs, the hard cap on hyphenated lines in a
 * row, the tolerance, forced breaks, and what happens when no breaks fit.
 */
import {describe, expect, it} from 'vitest'
import {forced, totalFit, type KpItem, type KpOptions} from '../../../src/emitters/pdf/knuth-plass.js'

const box = (width: number): KpItem => ({type: 'box', width})
const glue = (width = 1, stretch = 0.5, shrink = 0.33): KpItem => ({type: 'glue', width, stretch, shrink})
const hyphen = (cost = 50): KpItem => ({type: 'penalty', width: 0.3, cost, flagged: true})
const end: KpItem = {type: 'penalty', width: 0, cost: -forced}

/** A small deterministic generator (LCG), so failures reproduce. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    return state / 2 ** 32
  }
}

/** Words of 1–8 units, some with a hyphenation point, separated by glue. */
function paragraph(seed: number, words: number): KpItem[] {
  const next = random(seed)
  const items: KpItem[] = []
  for (let index = 0; index < words; index++) {
    if (index > 0) items.push(glue())
    const length = 1 + Math.floor(next() * 8)
    if (length > 4 && next() < 0.5) {
      const head = Math.floor(length / 2)
      items.push(box(head), hyphen(), box(length - head))
    } else items.push(box(length))
  }
  items.push(end)
  return items
}

/** Lines of a set of breaks: the natural width, stretch and shrink of each. */
function lineOf(items: readonly KpItem[], from: number, to: number) {
  let start = from
  while (start < to && items[start]?.type !== 'box') start++
  let width = 0
  let stretch = 0
  let shrink = 0
  for (let index = start; index < to; index++) {
    const item = items[index] as KpItem
    if (item.type === 'penalty') continue
    width += item.width
    stretch += item.stretch ?? 0
    shrink += item.shrink ?? 0
  }
  const at = items[to] as KpItem
  if (at.type === 'penalty') width += at.width
  return {width, stretch, shrink, empty: start >= to}
}

/**
 * The demerits of one choice of breaks, written from the paper's definitions
 * (TeX's constants), or `undefined` when a line does not fit the pass.
 */
function demeritsOf(items: readonly KpItem[], breaks: readonly number[], options: KpOptions): number | undefined {
  let total = 0
  let previousFitness = 1
  let previousFlagged = false
  let run = 0
  let from = 0
  for (const [line, at] of breaks.entries()) {
    const item = items[at] as KpItem
    const {width, stretch, shrink, empty} = lineOf(items, from, at)
    if (empty) return undefined
    const isForced = item.type === 'penalty' && (item.cost ?? 0) <= -forced
    let ratio: number
    if (isForced) ratio = width <= options.width ? 0 : Number.NEGATIVE_INFINITY
    else if (width < options.width) ratio = stretch > 0 ? (options.width - width) / stretch : Number.POSITIVE_INFINITY
    else if (width > options.width) ratio = shrink > 0 ? (options.width - width) / shrink : Number.NEGATIVE_INFINITY
    else ratio = 0
    if (ratio < -1 || ratio > options.tolerance) return undefined
    const flagged = item.type === 'penalty' && item.flagged === true
    run = flagged ? run + 1 : 0
    if (run > (options.maxConsecutiveFlagged ?? Number.POSITIVE_INFINITY)) return undefined
    const cost = item.type === 'penalty' ? (item.cost ?? 0) : 0
    let demerits = (10 + 100 * Math.abs(ratio) ** 3) ** 2
    if (cost > 0) demerits += cost ** 2
    else if (cost > -forced) demerits -= cost ** 2
    if (flagged && previousFlagged) demerits += 10_000
    if (isForced && previousFlagged) demerits += 5000
    const fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3
    if (line > 0 && Math.abs(fitness - previousFitness) > 1) demerits += 10_000
    total += demerits
    previousFitness = fitness
    previousFlagged = flagged
    from = at + 1
  }
  return total
}

/** Every legal breakpoint (glue after a box, penalties below `forced`). */
function breakpoints(items: readonly KpItem[]): number[] {
  const out: number[] = []
  for (const [index, item] of items.entries()) {
    if (item.type === 'glue' && items[index - 1]?.type === 'box') out.push(index)
    if (item.type === 'penalty' && (item.cost ?? 0) < forced && index < items.length - 1) out.push(index)
  }
  return out
}

/** The least demerits over every subset of breakpoints (exhaustive). */
function bruteForce(items: readonly KpItem[], options: KpOptions): number | undefined {
  const points = breakpoints(items)
  let best: number | undefined
  for (let mask = 0; mask < 2 ** points.length; mask++) {
    const breaks = points.filter((_, index) => mask & (1 << index))
    breaks.push(items.length - 1)
    const demerits = demeritsOf(items, breaks, options)
    if (demerits !== undefined && (best === undefined || demerits < best)) best = demerits
  }
  return best
}

describe('totalFit', () => {
  it('should find the breaks of least demerits (exhaustive search, 300 random paragraphs)', () => {
    let solved = 0
    for (let seed = 1; seed <= 300; seed++) {
      const items = paragraph(seed, 6 + (seed % 4))
      const options: KpOptions = {width: 14 + (seed % 7), tolerance: 2, maxConsecutiveFlagged: 1 + (seed % 2)}
      if (breakpoints(items).length > 14) continue
      const expected = bruteForce(items, options)
      const result = totalFit(items, options)
      if (expected === undefined) {
        expect(result, `seed ${seed}`).toBeUndefined()
        continue
      }
      solved++
      expect(result, `seed ${seed}`).toBeDefined()
      expect(result?.demerits, `seed ${seed}`).toBeCloseTo(expected, 6)
      // The breaks it returns have the demerits it says.
      expect(demeritsOf(items, result?.breaks ?? [], options), `seed ${seed}`).toBeCloseTo(expected, 6)
    }
    expect(solved).toBeGreaterThan(150)
  })

  it('should never end more lines in a row with a hyphen than allowed', () => {
    // `bbb aaa-bbb aaa-bbb …`: every line `bbb aaa-bbb aaa-` fills the
    // measure exactly; without a hyphen a line is very loose. Uncapped, every
    // line ends with a hyphen.
    const items: KpItem[] = [box(3)]
    for (let index = 0; index < 40; index++) items.push(glue(), box(3), hyphen(0), box(3))
    items.push(end)
    const width = 14.3
    const uncapped = totalFit(items, {width, tolerance: 10, flaggedDemerits: 0})
    const flaggedRun = (breaks: readonly number[]) => {
      let longest = 0
      let run = 0
      for (const at of breaks) {
        run = items[at]?.type === 'penalty' && items[at]?.flagged ? run + 1 : 0
        longest = Math.max(longest, run)
      }
      return longest
    }
    expect(uncapped && flaggedRun(uncapped.breaks)).toBeGreaterThan(2)
    for (const cap of [0, 1, 2]) {
      const capped = totalFit(items, {width, tolerance: 10, flaggedDemerits: 0, maxConsecutiveFlagged: cap})
      expect(capped).toBeDefined()
      expect(flaggedRun(capped?.breaks ?? [])).toBeLessThanOrEqual(cap)
    }
  })

  it('should keep every line within the tolerance, or give up', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const items = paragraph(seed, 40)
      const result = totalFit(items, {width: 30, tolerance: 1})
      if (!result) continue
      for (const ratio of result.ratios) {
        expect(ratio).toBeGreaterThanOrEqual(-1)
        expect(ratio).toBeLessThanOrEqual(1)
      }
    }
  })

  it('should give up when no line can be set within the tolerance, and accept loose lines when told', () => {
    // Two words that cannot share a line, no stretch to fill either one.
    const items = [box(6), glue(1, 0, 0), box(6), end]
    expect(totalFit(items, {width: 10, tolerance: 2})).toBeUndefined()
    const loose = totalFit(items, {width: 10, tolerance: 2, underfull: true})
    expect(loose?.breaks).toEqual([1, 3])
    // Emergency stretch makes the same line acceptable.
    expect(totalFit(items, {width: 10, tolerance: 2, extraStretch: 4})?.breaks).toEqual([1, 3])
  })

  it('should never set a line wider than the measure, even when told to accept anything', () => {
    const items = [box(4), glue(), box(12), glue(), box(3), end]
    expect(totalFit(items, {width: 10, tolerance: 1000, underfull: true})).toBeUndefined()
  })

  it('should break at forced breaks and set their lines at natural width', () => {
    const items = [box(3), glue(), box(3), {...end}, box(4), end]
    const result = totalFit(items, {width: 20, tolerance: 1})
    expect(result?.breaks).toEqual([3, 5])
    expect(result?.ratios).toEqual([0, 0])
  })

  it('should not break at a forbidden penalty', () => {
    const items = [box(5), {type: 'penalty', width: 0, cost: forced} as KpItem, glue(), box(5), end]
    const result = totalFit(items, {width: 5, tolerance: 10, underfull: true})
    // The glue after the penalty follows no box: no break there either.
    expect(result).toBeUndefined()
  })

  it('should prefer even lines to a greedy fill', () => {
    // Greedy fills `aaaa bb cc` exactly, which leaves `ddddddd` alone on a
    // line it cannot fill; total fit moves `cc` down.
    const space = glue(1, 2, 0.33)
    const items = [box(4), space, box(2), space, box(2), space, box(7), space, box(4), end]
    const result = totalFit(items, {width: 10, tolerance: 3})
    expect(result?.breaks).toEqual([3, 7, 9])
    expect(result?.ratios.map((ratio) => Number(ratio.toFixed(2)))).toEqual([1.5, 0, 0])
  })
})
