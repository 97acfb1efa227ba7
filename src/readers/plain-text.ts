/**
 * Fields that are plain text everywhere (title, standfirst, authors, tags,
 * image texts) but arrive with markup: `Q&amp;A`, `<em>Breaking</em>`, or a
 * hostile `<img src=x onerror=…>`. They become the text a browser would show,
 * so no plain-text output (JSON Feed `summary`, the newsletter, PDF and EPUB
 * metadata) ever carries markup; HTML outputs escape the text as any other.
 */
import {fromHtml} from 'hast-util-from-html'
import {toText} from 'hast-util-to-text'
import {htmlTagNames} from 'html-tag-names'

/**
 * A tag of an HTML element, a comment or a doctype. Not a Markdown autolink
 * (`<https://…>`, `<name@example.org>`), and not a word in angle brackets
 * that names no HTML element: `Use <c> tags` is a title about code, kept as
 * written.
 */
const tag = /<\/?([a-z][a-z\d]*)(?=[\s/>])[^>]*>|<!--|<!doctype/gi
const elements = new Set(htmlTagNames)

/** Whether a value holds a tag of a known HTML element, a comment or a doctype. */
function hasTags(value: string): boolean {
  for (const match of value.matchAll(tag)) {
    if (!match[1] || elements.has(match[1].toLowerCase())) return true
  }
  return false
}

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
  const tags = hasTags(value)
  if (!tags) return {text: reference.test(value) ? toText(fromHtml(value.replace(/</g, '&lt;'), {fragment: true})) : value, tags: false}
  return {text: toText(fromHtml(value, {fragment: true})).replace(/\s+/g, ' ').trim(), tags}
}
