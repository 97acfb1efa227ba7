/**
 * IPTC ninjs 3.1 documents (`ninjs/*.json`) validated against the official
 * JSON Schema (draft 2020-12) shipped in `schemas/`, with Ajv's 2020 build and
 * formats checked. The GeoJSON schema the ninjs schema names by URL is
 * registered from its local copy (after Ajv's draft-07 meta-schema, which it
 * uses): nothing is fetched. Ajv loads only when a folder has ninjs files.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {ErrorObject, ValidateFunction} from 'ajv'
import type {VFile} from 'vfile'
import {packageRoot} from '../config.js'
import {diagnostics} from '../diagnostics.js'
import {flag} from './flag.js'

/** Folder of the shipped schemas. */
export const schemasDir = path.join(packageRoot, 'schemas')

const require = createRequire(import.meta.url)
let validator: ValidateFunction | undefined

/**
 * The ninjs 3.1 validator (compiled once).
 *
 * @returns
 *   Validation function (its `errors` tell why a document failed).
 */
export function ninjsValidator(): ValidateFunction {
  if (validator) return validator
  // CommonJS modules whose `default` is the export itself.
  const Ajv = (require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')).default
  const formats = (require('ajv-formats') as typeof import('ajv-formats')).default
  const ajv = new Ajv({allErrors: true, strict: false})
  formats(ajv)
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-07.json') as object)
  ajv.addSchema(readJson(path.join(schemasDir, 'GeoJSON.json')))
  validator = ajv.compile(readJson(path.join(schemasDir, 'ninjs-schema_3.1.json')))
  return validator
}

/**
 * Check a ninjs document against the schema.
 *
 * @param file
 *   Checked file.
 * @param value
 *   Its parsed JSON.
 */
export function checkNinjs(file: VFile, value: unknown): void {
  const validate = ninjsValidator()
  if (validate(value)) return
  for (const error of validate.errors ?? []) flag(file, diagnostics.ninjsSchema, [error.instancePath || '/', describe(error)])
}

/** An Ajv error in words. */
function describe(error: ErrorObject): string {
  const params = Object.entries(error.params as Record<string, unknown>).map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join(', ')
  return `${error.message ?? 'invalid'}${params ? ` (${params})` : ''}`
}

function readJson(file: string): object {
  return JSON.parse(readFileSync(file, 'utf8')) as object
}
