/**
 * The `pressroom explain FILE` command: read a wire source and print its
 * reading (see `explain.ts`).
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {decode} from '../decode.js'
import {explainWire, formatExplanation} from './explain.js'

/**
 * Print how a wire source is read.
 *
 * @param file
 *   Path of the source.
 * @param flags
 *   `json`: print JSON instead of a table.
 * @returns
 *   Exit code: 0, or 1 when the file cannot be read.
 */
export async function runExplain(file: string, flags: {json?: boolean} = {}): Promise<number> {
  if (path.extname(file).toLowerCase() !== '.txt') {
    process.stderr.write(`pressroom explain: ${file}: only wire copy (.txt) is explained; Markdown says its structure itself\n`)
    return 1
  }
  let bytes: Uint8Array
  try {
    bytes = await readFile(file)
  } catch (error) {
    process.stderr.write(`pressroom explain: ${(error as Error).message}\n`)
    return 1
  }
  const text = decode(bytes, new VFile({path: file}))
  const {blocks, messages} = explainWire(text, file)
  for (const message of messages) process.stderr.write(message + '\n')
  process.stdout.write(flags.json ? JSON.stringify(blocks, null, 2) + '\n' : formatExplanation(blocks))
  return blocks.length > 0 ? 0 : 1
}
