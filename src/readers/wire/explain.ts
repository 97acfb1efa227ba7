/**
 * `pressroom explain FILE`: how each block of a wire source was read — its
 * kind, the rule that decided it and its first words — so an editor can see
 * why a line became a headline, a subheading or a contact, and fix a
 * misreading with a front-matter override (`standfirst: false`,
 * `subheadings: false`, `dateline: false`).
 */
import {VFile} from 'vfile'
import {matchDateline} from '../../pipeline/dateline.js'
import type {Reading} from './classify.js'
import {readWireSource} from './index.js'

/** One line of an explanation. */
export interface ExplainedBlock {
  /** First and last line of the block in the file. */
  line: number
  endLine: number
  kind: Reading['kind']
  rule: string
  text: string
  /** What the block gave (authors, date, credit, release number…). */
  detail?: string
}

/**
 * Explain the reading of a wire source.
 *
 * @param text
 *   Decoded source.
 * @param path
 *   Its path (for messages).
 * @returns
 *   The blocks as read, or the messages when the source cannot be read.
 */
export function explainWire(text: string, path: string): {blocks: ExplainedBlock[]; messages: string[]} {
  const file = new VFile({path})
  const source = readWireSource(text.replace(/\r\n?/g, '\n'), file)
  const messages = file.messages.map(String)
  if (!source) return {blocks: [], messages}
  const blocks = source.readings.map((reading): ExplainedBlock => {
    const explained: ExplainedBlock = {line: reading.lines[0]!.line, endLine: reading.lines.at(-1)!.line, kind: reading.kind, rule: reading.rule, text: reading.text}
    const detail = detailOf(reading)
    if (detail) explained.detail = detail
    return explained
  })
  return {blocks, messages}
}

function detailOf(reading: Reading): string | undefined {
  const parts: string[] = []
  if (reading.authors?.length) parts.push(`authors: ${reading.authors.join('; ')}`)
  if (reading.date) parts.push(`${reading.date.kind}: ${reading.date.iso}`)
  if (reading.image?.credit) parts.push(`credit: ${reading.image.credit}`)
  if (reading.field && reading.value) parts.push(`${reading.field}: ${reading.value}`)
  if (reading.kind === 'dateline') {
    const dateline = matchDateline(reading.text, {loose: true})
    if (dateline) parts.push(`dateline: ${dateline.text}${dateline.date ? ` (date ${dateline.date.slice(0, 10)})` : ''}`)
  }
  return parts.length > 0 ? parts.join(', ') : undefined
}

/**
 * Format an explanation as text: one block a line, `line  kind  rule  text`.
 *
 * @param blocks
 *   Explained blocks.
 * @returns
 *   Text for a terminal.
 */
export function formatExplanation(blocks: ExplainedBlock[]): string {
  const width = Math.max(0, ...blocks.map((block) => block.kind.length))
  const ruleWidth = Math.max(0, ...blocks.map((block) => block.rule.length))
  return blocks.map((block) => {
    const lines = block.endLine === block.line ? String(block.line) : `${block.line}-${block.endLine}`
    // One line a block: the lines of a header or contacts block joined with ` / `.
    const flat = block.text.replace(/\s*\n\s*/g, ' / ')
    const text = flat.length > 70 ? flat.slice(0, 69) + '…' : flat
    const detail = block.detail ? `  [${block.detail}]` : ''
    return `${lines.padEnd(7)} ${block.kind.padEnd(width)}  ${block.rule.padEnd(ruleWidth)}  ${text}${detail}`
  }).join('\n') + '\n'
}
