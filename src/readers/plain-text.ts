/**
 * Fields that are plain text everywhere (title, standfirst, authors, tags,
 * image texts) but arrive with markup: `Q&amp;A`, `<em>Breaking</em>`, or a
 * hostile `<img src=x onerror=…>`. They become the text a browser would show,
 * so no plain-text output (JSON Feed `summary`, the newsletter, PDF and EPUB
 * metadata) ever carries markup; HTML outputs escape the text as any other.
 */
import {fromHtml} from 'hast-util-from-html'
import {toText} from 'hast-util-to-text'

/**
 * An HTML tag, comment or doctype; not a Markdown autolink (`<https://…>`,
 * `<name@example.org>`), which stays as written.
 */
const tag = /<(?![a-z][a-z\d+.-]*:|[^>]*@)[a-z!/?][^>]*>|<!--/i
/** A character reference (`&rsquo;`, `&#8217;`): how Hugo and WordPress archives often write punctuation. */
const reference = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i

/**
 * The text of a field that may hold markup.
 *
 * @param value
 *   Field as written.
 * @returns
 *   The value itself when it holds no markup; else its text (whitespace
 *   collapsed; possibly empty) and whether tags were removed (character
 *   references alone are decoded quietly: they are text written another way).
 */
export function stripMarkup(value: string): {text: string; tags: boolean} {
  const tags = tag.test(value)
  if (!tags && !reference.test(value)) return {text: value, tags: false}
  return {text: toText(fromHtml(value, {fragment: true})).replace(/\s+/g, ' ').trim(), tags}
}
