/**
 * Slots: author text reaches `feed` as opaque tokens and is written back,
 * escaped by us, after `feed` has serialized the document.
 *
 * Why: `feed` 6.0 (through xml-js) escapes only the first `]]>` of a CDATA
 * field, writes XML-illegal characters raw, escapes only `"` in attributes
 * (a `<` in a category term is ill-formed), and collapses a literal `&amp;`
 * in text to `&`. A token (`U+FFFF`, digits, `U+FFFF`) goes through all of
 * that unchanged, and `U+FFFF` cannot come from authors because every value
 * is stripped of XML-illegal characters first. As a bonus, the serialized
 * document holds no author content until {@link Slots.fill}, so structural
 * fixes on it (namespaces, the Atom title type) cannot be fooled by content.
 */
import {removeIllegal} from '../../pipeline/hast/xml-characters.js'
import {cdata, escapeXml} from './xml.js'

/** A set of slots for one document. */
export interface Slots {
  /**
   * Reserve a slot for a text value.
   *
   * @param value
   *   Text as it must read after parsing the XML (HTML for HTML fields).
   * @returns
   *   Token to hand to `feed` in place of the value.
   */
  put(value: string): string
  /**
   * Replace every token in a serialized document: a token that is the whole
   * content of a CDATA section becomes a CDATA section of its value (every
   * `]]>` split); any other token becomes its escaped value.
   *
   * @param xml
   *   Document serialized by `feed`.
   * @returns
   *   The document with the values.
   * @throws {Error}
   *   When a token is left (a token `feed` changed): the document would be wrong.
   */
  fill(xml: string): string
}

const token = /<!\[CDATA\[\uFFFF(\d+)\uFFFF\]\]>|\uFFFF(\d+)\uFFFF/g

/**
 * Create the slots of one document.
 *
 * @returns
 *   Slots.
 */
export function createSlots(): Slots {
  const values: string[] = []
  return {
    put(value) {
      values.push(removeIllegal(value))
      return `\uFFFF${values.length - 1}\uFFFF`
    },
    fill(xml) {
      const filled = xml.replace(token, (_, inCdata: string | undefined, bare: string | undefined) => {
        const value = values[Number(inCdata ?? bare)]
        if (value === undefined) throw new Error(`Unknown slot \`${inCdata ?? bare}\` in serialized feed`)
        return inCdata === undefined ? escapeXml(value) : cdata(value)
      })
      if (filled.includes('\uFFFF')) throw new Error('Unexpected slot token left in serialized feed; `feed` changed a token')
      return filled
    }
  }
}
