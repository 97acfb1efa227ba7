/**
 * The command line's `init` and `templates list|eject`: what they print and
 * their exit codes (2 for a refusal). The work is in `init.ts` and
 * `templates.ts`, loaded on first use.
 */
import path from 'node:path'
import {ConfigError, loadConfig, type ResolvedConfig} from '../config.js'

/** `pressroom init [dir]`: write a starter site, refusing to overwrite anything. */
export async function runInit(dir: string, flags: {title?: string; url?: string; lang?: string; author?: string}): Promise<number> {
  const {initSite, InitConflictError, InitUsageError} = await import('./init.js')
  const target = path.resolve(dir)
  try {
    const written = await initSite(target, flags)
    const shown = path.relative(process.cwd(), target)
    for (const name of written) console.log(`created ${path.join(shown, name)}`)
    const cd = shown ? `cd ${shown} && ` : ''
    console.log(`\nNext: ${cd}npx pressroom build (or npx pressroom watch to preview as you write)`)
    if (!flags.url) console.log('Set `site.url` in pressroom.config.ts before you publish: until then links point at https://example.com/.')
    return 0
  } catch (error) {
    if (error instanceof InitConflictError || error instanceof InitUsageError) {
      console.error(`error ${error.message}`)
      return 2
    }
    throw error
  }
}

/** `pressroom templates list|eject [name…]`. */
export async function runTemplates(command: 'list' | 'eject', names: string[], flags: {config?: string}): Promise<number> {
  const {ejectTemplates, listTemplates, EjectError} = await import('./templates.js')
  let config: ResolvedConfig
  try {
    config = await loadConfig(flags.config ? {configFile: flags.config} : {})
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`error ${error.message}`)
      return 2
    }
    throw error
  }
  const shown = path.relative(process.cwd(), config.templates) || '.'
  if (command === 'list') {
    for (const entry of await listTemplates(config.builtinTemplates, config.templates)) {
      console.log(`${entry.name}${entry.overridden ? `  (overridden by ${path.join(shown, entry.name)})` : ''}`)
    }
    return 0
  }
  try {
    const copied = await ejectTemplates(config.builtinTemplates, config.templates, names)
    for (const name of copied) console.log(`${path.join(shown, name)} now overrides the built-in ${name}`)
    console.log(`${copied.length} template${copied.length === 1 ? '' : 's'} ejected; edit ${copied.length === 1 ? 'it' : 'them'}, \`pressroom build\` uses ${copied.length === 1 ? 'it' : 'them'} instead of the defaults`)
    return 0
  } catch (error) {
    if (error instanceof EjectError) {
      console.error(`error ${error.message}`)
      return 2
    }
    throw error
  }
}
