/** What the browser suite's global setup provides to the test files. */
export interface SitePage {
  /** Name in test titles and screenshot files, e.g. `sample/index.html`. */
  name: string
  /** Path under the server's root. */
  path: string
  /** The seed article (wire copy): its lede must start on the phone's first screen. */
  seed: boolean
}

export interface BrowserSite {
  /** `http://127.0.0.1:<port>/`. */
  base: string
  pages: SitePage[]
  /** Folder of the screenshots (git-ignored). */
  screenshots: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    site: BrowserSite
  }
}
