/// <reference lib="dom" />
/**
 * Every page of the sample and the fixtures in a real browser (Debian's
 * Chromium, never a downloaded one), at a phone's and a desktop's size, in
 * light, dark and print media: axe-core finds no violation, nothing is
 * logged as an error, no request fails (the favicon included), nothing
 * scrolls sideways, and the seed's lede starts on the phone's first screen.
 * Screenshots go to `output-browser/screenshots/` (printed at the start).
 */
import {createRequire} from 'node:module'
import {mkdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest'

const site = inject('site')
const require = createRequire(import.meta.url)
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** Launch flags: headless, no sandbox (CI containers), and nothing that talks to the network. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]
const executablePath = process.env['PRESSROOM_CHROMIUM'] ?? '/usr/bin/chromium'

const viewports = [
  {name: 'phone', width: 390, height: 844},
  {name: 'desktop', width: 1280, height: 800}
] as const
const modes = ['light', 'dark', 'print'] as const
/** A 1×1 transparent PNG. */
const emptyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice']
/** The seed's lede must start no lower than this on a 390×844 screen. */
const ledeLimit = 650

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: Array<{target: unknown[]; failureSummary?: string}>
}

let browser: Browser
/** One tab per viewport and scheme, reused from page to page (a new tab costs more than a page load). */
const tabs = new Map<string, {tab: Page; problems: string[]}>()

beforeAll(async () => {
  mkdirSync(site.screenshots, {recursive: true})
  console.log(`Screenshots: ${site.screenshots}`)
  // A fresh profile in a temporary folder (playwright's default for `launch`).
  browser = await chromium.launch({executablePath, args: chromiumArgs})
  for (const viewport of viewports) {
    for (const mode of modes) {
      const context = await browser.newContext({
        viewport: {width: viewport.width, height: viewport.height},
        colorScheme: mode === 'dark' ? 'dark' : 'light',
        reducedMotion: 'reduce'
      })
      // axe-core is in every document from the start (cheaper than a script tag per page).
      await context.addInitScript({content: axeSource})
      // Nothing leaves the machine: a remote resource an article refers to
      // (a photo on an agency's server) is answered here with an empty
      // image. It is the author's link, not a file of the build.
      await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]).*/, async (route) => {
        await route.fulfill({status: 200, contentType: 'image/png', body: emptyPng})
      })
      const tab = await context.newPage()
      const entry = {tab, problems: [] as string[]}
      tab.on('console', (message) => {
        if (message.type() === 'error') entry.problems.push(`console error: ${message.text()}`)
      })
      tab.on('pageerror', (error) => entry.problems.push(`page error: ${error.message}`))
      tab.on('requestfailed', (request) => entry.problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`))
      tab.on('response', (response) => {
        if (response.status() >= 400) entry.problems.push(`HTTP ${response.status()}: ${response.url()}`)
      })
      await tab.emulateMedia({media: mode === 'print' ? 'print' : 'screen'})
      tabs.set(`${viewport.name}-${mode}`, entry)
    }
  }
})

afterAll(async () => {
  await browser?.close()
})

describe('pages in Chromium', () => {
  it('should have pages to check', () => {
    expect(site.pages.length).toBeGreaterThanOrEqual(10)
    expect(site.pages.filter((page) => page.seed).length).toBeGreaterThanOrEqual(1)
  })

  for (const page of site.pages) {
    for (const viewport of viewports) {
      for (const mode of modes) {
        it(`${page.name} at ${viewport.width}×${viewport.height}, ${mode}`, async () => {
          const entry = tabs.get(`${viewport.name}-${mode}`)!
          const {tab} = entry
          const problems: string[] = (entry.problems = [])
          await tab.goto(site.base + page.path, {waitUntil: 'load'})
          // The browser asks for the favicon after `load`, when it likes:
          // ask for the linked one now.
          const favicon = await tab.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel~="icon"]')?.href)
          if (favicon) {
            const response = await tab.request.get(favicon)
            if (!response.ok()) problems.push(`favicon: HTTP ${response.status()} ${favicon}`)
          } else {
            problems.push('no <link rel="icon">')
          }

          const violations = await tab.evaluate(async (tags) => {
            const axe = (globalThis as unknown as {axe: {run(context: unknown, options: unknown): Promise<{violations: AxeViolation[]}>}}).axe
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
            return result.violations.map((violation) => ({
              id: violation.id,
              impact: violation.impact,
              help: violation.help,
              nodes: violation.nodes.slice(0, 3).map((node) => ({target: node.target, failureSummary: node.failureSummary}))
            }))
          }, axeTags)

          const layout = await tab.evaluate(() => {
            const lede = document.querySelector('.article .body > p')
            const shown = (element: Element) => getComputedStyle(element).display !== 'none'
            const masthead = document.querySelector('.masthead')
            return {
              scrollWidth: document.scrollingElement!.scrollWidth,
              innerWidth: window.innerWidth,
              ledeTop: lede ? lede.getBoundingClientRect().top + window.scrollY : undefined,
              // The page paints its own background and text (no browser default left in either scheme).
              background: getComputedStyle(document.body).backgroundColor,
              color: getComputedStyle(document.body).color,
              mastheadShown: masthead ? shown(masthead) : false,
              backLinksShown: Array.from(document.querySelectorAll('[data-footnote-backref]')).filter(shown).length
            }
          })
          // The whole page for the sample, the first screen for the fixtures (screenshots are the slow part).
          const file = `${page.name.replace(/[^\w.-]+/g, '_')}-${viewport.width}x${viewport.height}-${mode}.png`
          await tab.screenshot({path: path.join(site.screenshots, file), fullPage: page.name.startsWith('sample/')})

          expect(violations, `axe-core violations on ${page.name}`).toEqual([])
          expect(problems).toEqual([])
          expect(layout.scrollWidth, 'horizontal overflow').toBeLessThanOrEqual(layout.innerWidth)
          if (mode === 'dark') expect([layout.background, layout.color]).toEqual(['rgb(20, 20, 20)', 'rgb(233, 233, 230)'])
          else expect(layout.background).not.toBe('rgba(0, 0, 0, 0)')
          if (mode === 'light') expect([layout.background, layout.color]).toEqual(['rgb(253, 253, 251)', 'rgb(27, 27, 27)'])
          // On paper too: the publication's name; but no footnote back-links.
          expect(layout.mastheadShown, 'masthead').toBe(true)
          if (mode === 'print') expect(layout.backLinksShown, 'footnote back-links printed').toBe(0)
          if (page.seed && viewport.name === 'phone' && mode !== 'print') {
            expect(layout.ledeTop, 'the seed lede').toBeDefined()
            expect(layout.ledeTop!).toBeLessThanOrEqual(ledeLimit)
          }
        })
      }
    }
  }

  it('should fit a 320 px wide screen without scrolling sideways', async () => {
    const context = await browser.newContext({viewport: {width: 320, height: 640}})
    await context.route(/^(?!http:\/\/127\.0\.0\.1[:/]).*/, async (route) => {
      await route.fulfill({status: 200, contentType: 'image/png', body: emptyPng})
    })
    try {
      const tab = await context.newPage()
      const overflowing: string[] = []
      for (const page of site.pages) {
        await tab.goto(site.base + page.path, {waitUntil: 'load'})
        const width = await tab.evaluate(() => document.scrollingElement!.scrollWidth)
        if (width > 320) overflowing.push(`${page.name}: ${width}px`)
      }
      expect(overflowing).toEqual([])
    } finally {
      await context.close()
    }
  })
})
