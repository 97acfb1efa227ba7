/**
 * The HTML part of the message: the article's sanitized tree (no script, no
 * style element — the sanitizer removed them) with absolute URLs (unsafe or
 * unresolvable ones removed) and inline styles, which is what mail clients
 * honour.
 */
import type {Element, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {visit} from 'unist-util-visit'
import {toAbsoluteUrls} from '../../pipeline/hast/absolute-urls.js'

/** Inline styles by element. */
const styles: Record<string, string> = {
  h1: 'font-size:24px;line-height:1.3;margin:24px 0 8px;',
  h2: 'font-size:20px;line-height:1.3;margin:24px 0 8px;',
  h3: 'font-size:18px;line-height:1.3;margin:20px 0 8px;',
  h4: 'font-size:16px;line-height:1.3;margin:16px 0 8px;',
  h5: 'font-size:16px;line-height:1.3;margin:16px 0 8px;',
  h6: 'font-size:16px;line-height:1.3;margin:16px 0 8px;',
  p: 'margin:0 0 16px;',
  a: 'color:#1a4f8b;',
  img: 'max-width:100%;height:auto;border:0;',
  blockquote: 'margin:0 0 16px;padding:0 0 0 16px;border-left:4px solid #cccccc;color:#444444;',
  pre: 'white-space:pre-wrap;font-family:Menlo,Consolas,monospace;font-size:14px;background:#f6f6f6;padding:12px;margin:0 0 16px;',
  code: 'font-family:Menlo,Consolas,monospace;font-size:0.9em;',
  table: 'border-collapse:collapse;margin:0 0 16px;',
  th: 'border:1px solid #cccccc;padding:4px 8px;text-align:left;',
  td: 'border:1px solid #cccccc;padding:4px 8px;',
  figcaption: 'font-size:14px;color:#555555;',
  figure: 'margin:0 0 16px;',
  section: 'font-size:14px;border-top:1px solid #dddddd;margin-top:24px;'
}

/** Options of {@link toEmailHtml}. */
export interface EmailHtmlOptions {
  /** Absolute URL of a reference (relative path or `#fragment`). */
  resolve(reference: string): string
}

/**
 * Serialize an article body as email-safe HTML.
 *
 * @param tree
 *   Sanitized body tree (not changed).
 * @param options
 *   URL resolver.
 * @returns
 *   HTML.
 */
export function toEmailHtml(tree: Root, options: EmailHtmlOptions): string {
  // Every URL the tree holds (`srcset` and `poster` too), as the feeds do.
  const copy = toAbsoluteUrls(tree, options.resolve)
  visit(copy, 'element', (node: Element) => {
    const style = styles[node.tagName]
    if (style) node.properties['style'] = style
    // The screen-reader-only label of the footnotes shows in mail clients.
    if (node.properties['className'] !== undefined && node.tagName !== 'span') delete node.properties['className']
  })
  return toHtml(copy)
}
