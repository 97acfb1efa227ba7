/**
 * Rendering of EPUB templates. Liquid treats an empty string as true, so
 * `{% if description %}` would print an empty element (an EPUBCheck error for
 * `dc:description`); empty strings become `nil` before rendering, which keeps
 * the templates free of `!= blank` tests.
 */
import type {EmitContext} from '../../types.js'

/**
 * Render `templates/epub/<name>`.
 *
 * @param ctx
 *   Emit context.
 * @param name
 *   Template file name, e.g. `package.opf.liquid`.
 * @param context
 *   Template context (not changed).
 * @returns
 *   Rendered text.
 */
export function renderTemplate(ctx: EmitContext, name: string, context: object): Promise<string> {
  return ctx.render('epub/' + name, blankToNull(context) as Record<string, unknown>)
}

/**
 * Copy a value with every empty string replaced by `null`.
 *
 * @param value
 *   Any JSON-like value.
 * @returns
 *   Copy.
 */
export function blankToNull(value: unknown): unknown {
  if (value === '') return null
  if (Array.isArray(value)) return value.map(blankToNull)
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) out[key] = blankToNull(item)
    return out
  }
  return value
}
