/**
 * The ninjs 3.1 validator the tests use is `pressroom check`'s own
 * (`src/check/ninjs.ts`: Ajv's JSON Schema 2020-12 build with formats, the
 * official schema shipped in `schemas/`, GeoJSON registered from its local
 * copy, nothing fetched). The schema's examples and suite stay in
 * `tests/schemas/ninjs/`.
 */
import path from 'node:path'
import type {ErrorObject, ValidateFunction} from 'ajv'
import {ninjsValidator} from '../../src/check/ninjs.js'
import {root} from './article.js'

export {ninjsValidator}

/** Folder of the ninjs examples and suite. */
export const ninjsDir = path.join(root, 'tests/schemas/ninjs')

/** Errors of the last validation, one line each. */
export function errorsOf(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`)
}
