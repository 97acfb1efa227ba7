/**
 * EPUB Accessibility 1.1 discovery metadata computed from what the book
 * actually contains, so every statement in the package document is true of it.
 */

/** Context of the accessibility block of `package.opf.liquid`. */
export interface AccessibilityMetadata {
  accessModes: string[]
  accessModeSufficient: string[]
  features: string[]
  hazards: string[]
  summary: string
  /** Language of `summary` (always English for now). */
  summaryLang: string
  /** `EPUB Accessibility 1.1 - WCAG 2.1 Level AA`, or empty when not claimed. */
  conformsTo: string
  /** Party responsible for the claim, or empty. */
  certifiedBy: string
}

/** What a book contains, as far as accessibility is concerned. */
export interface AccessibilityFacts {
  /** Alt text of every embedded image (lead and body; not the cover). */
  imageAlts: readonly string[]
  /** Images shown as their alt text (remote, missing, unsupported). */
  replacedImages: number
  /** Party responsible for the conformance claim (`false`: make no claim). */
  certifiedBy: string | false
}

/** The conformance statement EPUB Accessibility 1.1 defines for WCAG 2.1 AA. */
export const conformance = 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA'

/**
 * Compute the accessibility metadata of a book.
 *
 * The book is reflowable, every document declares its language and
 * direction, headings are structured, the navigation document lists them, and
 * the reading order is the spine, DPUB-ARIA roles mark the structure: those
 * features always hold. Alternative
 * text holds only when every embedded image has a non-empty `alt`; the
 * conformance claim is made only then.
 *
 * @param facts
 *   What the book contains.
 * @returns
 *   Metadata for the template.
 */
export function accessibilityMetadata(facts: AccessibilityFacts): AccessibilityMetadata {
  const images = facts.imageAlts.length
  const allAlt = facts.imageAlts.every((alt) => alt.trim() !== '')
  const accessModes = images > 0 ? ['textual', 'visual'] : ['textual']
  const accessModeSufficient = images === 0 ? ['textual'] : allAlt ? ['textual', 'textual,visual'] : ['textual,visual']
  // `ARIA`: every document carries DPUB-ARIA roles (`doc-chapter`, `doc-toc`, `doc-noteref`…).
  const features = ['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability', 'ARIA']
  if (images > 0 && allAlt) features.push('alternativeText')
  const claim = allAlt
  const sentences = [
    'Reflowable text with a table of contents, headings in a logical reading order, and the language and direction of every document declared.'
  ]
  if (images > 0) {
    sentences.push(
      allAlt
        ? `All ${images === 1 ? 'the image has' : `${images} images have`} a text alternative.`
        : 'Some images have no text alternative.'
    )
  }
  if (facts.replacedImages > 0) sentences.push('Images that could not be embedded are replaced by their text alternative.')
  if (claim) sentences.push('The publisher states conformance with EPUB Accessibility 1.1 at WCAG 2.1 Level AA.')
  return {
    accessModes,
    accessModeSufficient,
    features,
    hazards: ['none'],
    summary: sentences.join(' '),
    summaryLang: 'en',
    conformsTo: claim ? conformance : '',
    certifiedBy: claim && facts.certifiedBy !== false ? facts.certifiedBy : ''
  }
}
