/**
 * The public types of publisher-defined shortcodes
 * (`defineConfig({shortcodes: {name: (args, body, ctx) => …}})`), a leaf so the
 * configuration and the Markdown reader share them without importing each other.
 */
import type {Element as HastElement} from 'hast'
import type {RootContent as MdastContent} from 'mdast'

/** Arguments of a shortcode: `{{< x "a" b="c" >}}` gives `{positional: ['a'], named: {b: 'c'}}`. */
export interface ShortcodeArgs {
  positional: string[]
  named: Record<string, string>
}

/** What a shortcode handler is given besides its arguments and body. */
export interface ShortcodeContext {
  /** The shortcode's name as written. */
  name: string
  /** Path of the article (as in messages). */
  path: string
  /** Where the shortcode starts in the source. */
  place: {line: number; column: number}
  /** Parse Markdown (shortcodes included) into mdast nodes placed at the shortcode. */
  markdown(text: string): MdastContent[]
  /** Report a warning at the shortcode (rule `shortcode-warning`). */
  warn(reason: string): void
}

/** What a handler returns: Markdown text, mdast nodes, a hast element, or nothing. */
export type ShortcodeResult = string | MdastContent | MdastContent[] | HastElement | null | undefined

/**
 * A publisher-defined shortcode, as Eleventy's `addShortcode`: `body` is the
 * text between `{{< name >}}` and `{{< /name >}}` (or `{% name %}` and
 * `{% endname %}`), `undefined` for a single tag.
 */
export type ShortcodeHandler = (args: ShortcodeArgs, body: string | undefined, ctx: ShortcodeContext) => ShortcodeResult
