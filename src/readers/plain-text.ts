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
 * Character references are decoded before tags are looked for: encoded
 * markup (`&lt;img src=x onerror=…&gt;`) is a tag once decoded, and would
 * reach every plain-text output (RSS, JSON Feed, the newsletter) as one.
 * Removing tags decodes the references of what is left, and the text of
 * `<xmp>` or `<textarea>` is markup as written: when that makes a tag again
 * (`<b>&lt;img …&gt;</b>`), it is removed too. The text returned holds no tag.
 *
 * @param value
 *   Field as written.
 * @returns
 *   The value itself when it holds no markup; else its text (whitespace
 *   collapsed; possibly empty) and whether tags were removed (character
 *   references alone are decoded quietly: they are text written another way).
 */
export function stripMarkup(value: string): {text: string; tags: boolean} {
  let text = hasTags(value) || !reference.test(value) ? value : toText(fromHtml(value.replace(/</g, '&lt;'), {fragment: true}))
  let tags = false
  while (hasTags(text)) {
    tags = true
    const next = toText(fromHtml(text, {fragment: true})).replace(/\s+/g, ' ').trim()
    // Each round removes a tag, so the text gets shorter; should one not, no `<` is left to make a tag.
    if (next.length >= text.length) return {text: next.replace(/</g, ''), tags}
    text = next
  }
  return {text, tags}
}
