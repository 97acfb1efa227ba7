/**
 * A validator of IPTC ninjs 3.1 from the schema copied into `tests/schemas/`:
 * Ajv's JSON Schema 2020-12 build with formats checked. The GeoJSON schema the
 * ninjs schema refers to by URL is registered from its local copy (it is
 * draft-07, so Ajv's draft-07 meta-schema is added first): nothing is fetched.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import ajv2020 from 'ajv/dist/2020.js'
import ajvFormats from 'ajv-formats'
import type {ErrorObject, ValidateFunction} from 'ajv'
import {root} from './article.js'

/** Folder of the ninjs schema, examples and suite. */
export const ninjsDir = path.join(root, 'tests/schemas/ninjs')

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'))
}

/**
 * Compile the ninjs 3.1 schema.
 *
 * @returns
 *   Validation function (its `errors` tell why a document failed).
 */
export function ninjsValidator(): ValidateFunction {
  // `ajv` and `ajv-formats` are CommonJS modules whose `default` is the export
  // itself, so `.default` is the class (and the plugin) however they are loaded.
  const Ajv = ajv2020.default
  const formats = ajvFormats.default
  const ajv = new Ajv({allErrors: true, strict: false})
  formats(ajv)
  ajv.addMetaSchema(readJson(path.join(root, 'node_modules/ajv/dist/refs/json-schema-draft-07.json')) as object)
  ajv.addSchema(readJson(path.join(root, 'tests/schemas/geojson/GeoJSON.json')) as object)
  return ajv.compile(readJson(path.join(ninjsDir, 'ninjs-schema_3.1.json')) as object)
}

/** Errors of the last validation, one line each. */
export function errorsOf(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`)
}
