import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {checkPdf} from '../../../src/check/pdf.js'
import {fixtureArticle, pdfFixtures, renderArticle} from './helpers.js'

describe('pdf fixtures', () => {
  for (const name of pdfFixtures) {
    it(`should pass \`pressroom check\` for \`${name}\``, async () => {
      const {bytes} = await renderArticle(fixtureArticle(name))
      const file = new VFile({path: `pdf/${name}.pdf`})
      await checkPdf(file, bytes)
      expect(file.messages.map(String)).toEqual([])
    })
  }
})
