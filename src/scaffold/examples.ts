/**
 * The two example articles of `pressroom init`, written for it (no third
 * party's text): one Markdown article with front matter, one piece of wire
 * copy as an agency sends it. Both build without a warning.
 */

/**
 * The Markdown example: what front matter and Markdown can say.
 *
 * @param author
 *   Byline (optional).
 * @returns
 *   File contents.
 */
export function markdownExample(author: string | undefined): string {
  return `---
title: Welcome to your pressroom
date: 2025-01-06
${author === undefined ? 'author: The Desk' : `author: ${JSON.stringify(author)}`}
tags: [Getting started]
summary: One article in Markdown becomes a web page, a PDF, an EPUB chapter, feed entries and a newsletter item.
---

This article was written by \`pressroom init\`. Edit it, or replace it with
your own: every \`.md\` and \`.txt\` file in \`input/\` is an article.

## What the front matter says

The lines between the two \`---\` set the title, the date, the byline, the
tags and the summary. The date decides the order of the index, the feeds and
the newsletter edition.

## What the build makes

Run \`npx pressroom build\` and open \`output/index.html\`. Each article gets:

- a web page, with its PDF and EPUB linked from it;
- entries in the RSS, Atom and JSON feeds;
- a plain-text version for the newsletter edition.

Run \`npx pressroom watch\` to rebuild as you write: the preview reloads
itself.

> Keep your sources plain. Pressroom keeps safe, semantic HTML and warns about
> the rest.
`
}

/**
 * The wire-copy example: a slug line, a headline, a byline, a dateline, the
 * story and the agency's sign-off, as plain text.
 *
 * @returns
 *   File contents.
 */
export function wireExample(): string {
  return `Harbor light to shine again after restoration

By Maria Holt

PORT ALDER, January 3, 2025 (Pressroom) - The lighthouse at the mouth of Port Alder's harbor will be lit again on Saturday evening, after a year of restoration work paid for by the town and a volunteer society.

The light, first lit in 1871, was switched off in 2023 when inspectors found rust in the lantern room. Volunteers repaired the iron frame, and a local glazier replaced eleven panes of glass.

"Fishing crews have asked about it every week," said the harbor master. "It is a landmark, and for some of them it is how they know they are home."

The society will open the tower to visitors on the first Sunday of each month.

Wire copy like this is a plain text file, as an agency sends it: Pressroom finds the headline, the byline and the dateline by itself. To see how each block was read, run: npx pressroom explain input/harbor-light.txt
`
}
