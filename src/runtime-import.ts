/**
 * `import()` of a package or file named at run time (a configuration file,
 * piscina, esbuild).
 *
 * The command line runs from V8's code cache (`bin/pressroom.js`). In Node 20,
 * a function restored from that cache has lost what `import()` needs
 * ("A dynamic import callback was not specified": V8 dropped the script's
 * host-defined options when serializing, fixed in Node 22's V8), so the
 * launcher hands in an `import` of its own; the library uses its own.
 */
const hook = Symbol.for('pressroom.import')

/**
 * Import a module.
 *
 * @param specifier
 *   Package name or file URL.
 * @returns
 *   The module's namespace.
 */
export function runtimeImport<T = Record<string, unknown>>(specifier: string): Promise<T> {
  const launcher = (globalThis as {[hook]?: (specifier: string) => Promise<unknown>})[hook]
  return (launcher ? launcher(specifier) : import(specifier)) as Promise<T>
}
