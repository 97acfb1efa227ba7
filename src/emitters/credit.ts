/**
 * A photo credit written one way in every format: `Photo: AFP`. A credit that
 * already says what it is (`AP Photo/Jane Doe`, `Photo courtesy of NASA`,
 * `Art: Rana Saleh`, `Courtesy …`) is kept as written rather than labelled twice.
 */

/** The label of a bare credit, `{credit}` standing for it. */
export const defaultCreditLabel = 'Photo: {credit}'

/**
 * The credit line of an image.
 *
 * @param credit
 *   Credit as recovered (`AFP`, `AP Photo/Jane Doe`).
 * @param label
 *   Label with `{credit}` (default: `Photo: {credit}`).
 * @returns
 *   The line (`Photo: AFP`); `''` for no credit.
 */
export function creditLine(credit: string | undefined, label = defaultCreditLabel): string {
  const text = (credit ?? '').trim().replace(/^\((.*)\)$/s, '$1').trim()
  if (text === '') return ''
  if (/^(?:photo|photograph|picture|image|art|illustration|graphic|video|courtesy|credit)s?\b|\bphoto\b/i.test(text)) return text
  return label.replace('{credit}', text)
}
