import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {reservedIds, templateIds} from '../../../src/pipeline/hast/template-ids.js'
import {root} from '../../helpers/article.js'

const templates = path.join(root, 'templates')

/** Every template of a document that holds an article's body: the HTML page, its layout, the newsletter's HTML, the EPUB chapter. */
const withBody = readdirSync(templates, {recursive: true, encoding: 'utf8'})
  .filter((name) => /\.x?html\.liquid$/.test(name))
  .filter((name) => !['epub/nav.xhtml.liquid', 'epub/cover.xhtml.liquid', 'default.index.html.liquid'].includes(name.split(path.sep).join('/')))

describe('template ids', () => {
  it('should find the templates around an article’s body', () => {
    expect(withBody.map((name) => name.split(path.sep).join('/')).sort()).toEqual(
      ['_layout.html.liquid', 'default.html.liquid', 'default.newsletter.html.liquid', 'epub/chapter.xhtml.liquid']
    )
  })

  it('should reserve every id those templates write', () => {
    for (const name of withBody) {
      const text = readFileSync(path.join(templates, name), 'utf8')
      for (const [, value] of text.matchAll(/\sid="([^"]*)"/g)) {
        // `{{ ids.title }}`: the EPUB chapter passes `templateIds.articleTitle`.
        const id = value === '{{ ids.title }}' ? templateIds.articleTitle : value!
        expect(id, `${name}: id="${value}"`).not.toMatch(/{[{%]/)
        expect(reservedIds.has(id), `${name}: id="${value}" is not in src/pipeline/hast/template-ids.ts`).toBe(true)
      }
    }
  })
})
