/**
 * Safe slugs for per-tag feed folders: letters (with their combining marks),
 * digits and hyphens only — never `/`, `.`, spaces or control characters.
 */

/**
 * Turn a tag into a folder name: NFKC, lower case, every run of characters
 * that are not letters, marks or digits becomes one hyphen, no hyphen at
 * either end, at most 80 characters.
 *
 * @param tag
 *   Tag as written (`Middle East`, `Ünïcode & Co.`, `الأمن`).
 * @returns
 *   Slug (`middle-east`, `ünïcode-co`, `الأمن`), empty when the tag has no
 *   letter or digit.
 */
export function tagSlug(tag: string): string {
  const slug = tag
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^[-\p{M}]+/u, '')
  // Cut by code points, so a surrogate pair is never split.
  return Array.from(slug).slice(0, 80).join('').replace(/-+$/, '')
}
