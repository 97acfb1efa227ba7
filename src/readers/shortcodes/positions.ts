/**
 * Positions across the rewrite: the shortcode layer replaces each shortcode
 * with a short token before parsing, so the parser's offsets are those of the
 * rewritten text. These helpers map them back to the source, so every message
 * names the line and column the author wrote.
 */
import type {Nodes} from 'mdast'
import type {Point, Position} from 'unist'

/** One replacement: `[origStart, origEnd)` of the source became `[newStart, newEnd)`. */
export interface Edit {
  origStart: number
  origEnd: number
  newStart: number
  newEnd: number
}

/** Line starts of a text, for offset → line/column. */
export class LineIndex {
  private readonly starts: number[] = [0]
  constructor(text: string) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) this.starts.push(index + 1)
  }

  /** The point (1-based line and column) of an offset. */
  point(offset: number): Point {
    let low = 0
    let high = this.starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.starts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return {line: low + 1, column: offset - this.starts[low]! + 1, offset}
  }
}

/**
 * Map an offset of the rewritten text to the source.
 *
 * @param edits
 *   Replacements in order.
 * @param offset
 *   Offset in the rewritten text.
 * @param side
 *   Inside a replacement, its source start (`start`) or end (`end`).
 * @returns
 *   Offset in the source.
 */
export function mapOffset(edits: readonly Edit[], offset: number, side: 'start' | 'end'): number {
  let delta = 0
  for (const edit of edits) {
    if (offset <= edit.newStart) break
    if (offset >= edit.newEnd) {
      delta = edit.origEnd - edit.newEnd
      continue
    }
    return side === 'start' ? edit.origStart : edit.origEnd
  }
  return offset + delta
}

/**
 * Rewrite the positions of a tree parsed from rewritten text to source
 * positions.
 *
 * @param tree
 *   Tree whose offsets are those of the rewritten text.
 * @param edits
 *   The replacements.
 * @param base
 *   Offset of the rewritten fragment's source in the whole source.
 * @param lines
 *   Line index of the whole source.
 */
export function remapPositions(tree: Nodes, edits: readonly Edit[], base: number, lines: LineIndex): void {
  const visit = (node: Nodes) => {
    const position = node.position
    if (position?.start.offset !== undefined && position.end.offset !== undefined) {
      node.position = {
        start: lines.point(base + mapOffset(edits, position.start.offset, 'start')),
        end: lines.point(base + mapOffset(edits, position.end.offset, 'end'))
      }
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
}

/** Give every node of a tree without a position the given one (what a handler made sits at its shortcode). */
export function placeAll(node: Nodes, position: Position, force = false): void {
  if (force || !node.position) node.position = {start: {...position.start}, end: {...position.end}}
  if ('children' in node) for (const child of node.children) placeAll(child, position, force)
}
