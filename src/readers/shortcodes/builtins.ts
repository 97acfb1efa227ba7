/**
 * The built-in shortcodes: the families Hugo, Jekyll and Eleventy sites use
 * most (images, video, posts on X, cross-references, callouts, raw blocks,
 * file links). Each gives plain mdast — figures, links, blockquotes — so every
 * emitter renders it without knowing shortcodes. Video is a link with its
 * title, never an embed: no format but HTML could play it, and embeds run
 * third-party scripts.
 */
import type {BlockContent, Image, Link, Paragraph, PhrasingContent, RootContent} from 'mdast'
import type {ShortcodeArgs, ShortcodeHandler} from '../../shortcode-types.js'
import type {BuiltinContext} from './call.js'
import {permalinkTarget} from './refs.js'

type Builtin = (args: ShortcodeArgs, body: string | undefined, ctx: BuiltinContext) => RootContent[]

const text = (value: string): PhrasingContent => ({type: 'text', value})
const link = (url: string, children: PhrasingContent[]): Link => ({type: 'link', url, children})
const paragraph = (children: PhrasingContent[]): Paragraph => ({type: 'paragraph', children})

/** First non-empty of the named values, then of the positional index. */
function arg(args: ShortcodeArgs, names: readonly string[], position?: number): string | undefined {
  for (const name of names) {
    const value = args.named[name]
    if (value !== undefined && value.trim() !== '') return value.trim()
  }
  const value = position === undefined ? undefined : args.positional[position]
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined
}

/** Strip inline HTML entities authors put in arguments (`&#91;`, `&amp;`). */
function decode(value: string): string {
  return value.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))).replace(/&#x([\da-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16))).replace(/&(amp|quot|lt|gt|apos);/g, (_, name: string) => ({amp: '&', quot: '"', lt: '<', gt: '>', apos: "'"})[name]!)
}

/**
 * A figure: the image, and a caption (with its credit) when there is one.
 * The figure is a paragraph with `hName: 'figure'` (remark-rehype turns it
 * into `<figure>`), the form every emitter already renders.
 */
function figure(ctx: BuiltinContext, src: string | undefined, alt: string, caption?: string, credit?: string): RootContent[] {
  if (!src) {
    ctx.warn('no image path (`src`); removed it')
    return caption ? [paragraph([text(decode(caption))])] : []
  }
  const image: Image = {type: 'image', url: ctx.image(src), alt: decode(alt || caption || '')}
  const children: PhrasingContent[] = [image]
  const line = [caption, credit].filter((part): part is string => Boolean(part)).map(decode).join(' — ')
  if (line) children.push({type: 'emphasis', data: {hName: 'figcaption'}, children: [text(line)]})
  return [{type: 'paragraph', data: {hName: 'figure'}, children}]
}

/** Hugo `figure`/`img`/`legacy-img` (named or positional), Jekyll/Eleventy `image "src" "alt"`. */
const image: Builtin = (args, _body, ctx) =>
  figure(ctx, arg(args, ['src', 'image', 'path', 'file'], 0), arg(args, ['alt'], 1) ?? '', arg(args, ['caption', 'title']), arg(args, ['credit', 'attr']))

/** `image_with_class "src" "class" "alt"`: the class is presentational, dropped. */
const imageWithClass: Builtin = (args, _body, ctx) =>
  figure(ctx, arg(args, ['src'], 0), arg(args, ['alt'], 2) ?? '', arg(args, ['caption']), arg(args, ['credit']))

/** A video: a link to its page, titled. */
function video(site: string, urlOf: (id: string) => string): Builtin {
  return (args, _body, ctx) => {
    const id = arg(args, ['id', 'src', 'url', 'href'], 0)
    if (!id) {
      ctx.warn('no video `id`; removed it')
      return []
    }
    const url = /^https?:\/\//i.test(id) ? id : urlOf(id)
    const title = arg(args, ['title', 'label', 'caption'], 1)
    return [paragraph([link(url, [text(title ? `${decode(title)} (video)` : `Video on ${site}`)])])]
  }
}

/** A post on X (Twitter): a quoted link to it. */
const tweet: Builtin = (args, _body, ctx) => {
  const user = arg(args, ['user', 'username'])
  const id = arg(args, ['id'], user ? 0 : args.positional.length > 1 ? 1 : 0)
  const positionalUser = !user && args.positional.length > 1 ? args.positional[0] : undefined
  const who = user ?? positionalUser
  if (!id) {
    ctx.warn('no post `id`; removed it')
    return []
  }
  const url = /^https?:\/\//i.test(id) ? id : `https://x.com/${who ?? 'i'}/status/${id}`
  return [{type: 'blockquote', children: [paragraph([link(url, [text(who ? `Post by @${who} on X` : 'Post on X')])])]}]
}

/** `ref`/`relref`/`post_url`: a link to the article of this build the path names. */
const ref: Builtin = (args, _body, ctx) => {
  const target = arg(args, ['path', 'url'], 0)
  if (!target) return []
  const url = ctx.ref(target)
  if (url === undefined) {
    ctx.report('brokenRef', target)
    return [{type: 'text', value: target, data: {brokenRef: true}}]
  }
  return [link(url, [text(url)])]
}

/** A link to an article a path names (`featured-resource link="…" kicker="…"`, `button href="…" text="…"`). */
const linkTo: Builtin = (args, _body, ctx) => {
  const target = arg(args, ['link', 'href', 'url'], 0)
  if (!target) return []
  const label = decode(arg(args, ['text', 'label', 'title', 'kicker'], 1) ?? target)
  if (/^[a-z]+:/i.test(target)) return [paragraph([link(target, [text(label)])])]
  const url = ctx.ref(target)
  if (url === undefined) {
    ctx.report('brokenRef', target)
    return [paragraph([text(label)])]
  }
  return [paragraph([link(url, [text(label)])])]
}

/** Liquid's `{{ "/2014/05/29/name/" | url }}` and `{{ site.baseurl }}`: the article the permalink names, else the path. */
const liquidUrl: Builtin = (args, _body, ctx) => {
  const written = args.positional[0] ?? ''
  return [text(ctx.ref(permalinkTarget(written)) ?? written)]
}

/** A callout (`note`, `box`, `warning`, `aside`): a blockquote of its body, titled when given. */
const callout: Builtin = (args, _body, ctx) => {
  const title = arg(args, ['title', 'heading', 'kicker'], 0)
  const children = ctx.body().filter((node): node is BlockContent => node.type !== 'yaml' && node.type !== 'definition' && node.type !== 'footnoteDefinition')
  const intro = arg(args, ['intro', 'text'])
  if (intro) children.unshift(...(ctx.markdown(decode(intro)) as BlockContent[]))
  if (title) children.unshift(paragraph([{type: 'strong', children: [text(decode(title))]}]))
  const button = arg(args, ['button-url', 'href', 'link'])
  if (button) children.push(paragraph([link(button, [text(decode(arg(args, ['button-text', 'label']) ?? button))])]))
  return children.length > 0 ? [{type: 'blockquote', children}] : []
}

/** `quote-block text="…" cite="…"`: a blockquote with its source. */
const quote: Builtin = (args, _body, ctx) => {
  const said = arg(args, ['text', 'quote'], 0)
  const children: BlockContent[] = said ? [paragraph([text(decode(said))])] : (ctx.body() as BlockContent[])
  const cite = arg(args, ['cite', 'source', 'author'], 1)
  if (cite) children.push(paragraph([text(`— ${decode(cite)}`)]))
  return children.length > 0 ? [{type: 'blockquote', children}] : []
}

/** Hugo `highlight lang` (code) or a bare `highlight` (marked text, as digital.gov uses it). */
const highlight: Builtin = (args, body, ctx) => {
  const lang = arg(args, ['lang'], 0)
  if (lang) return [{type: 'code', lang, value: (body ?? '').replace(/^\n+|\n+$/g, '')}]
  const inline = ctx.body().flatMap((node) => (node.type === 'paragraph' ? node.children : []))
  return inline.length > 0 ? [{type: 'emphasis', data: {hName: 'mark'}, children: inline}] : []
}

/** A link to a file (`legacy-file "path"`, `asset-static file="…" label="…"`). */
const file: Builtin = (args) => {
  const where = arg(args, ['file', 'src', 'path', 'href'], 0)
  if (!where) return []
  const label = arg(args, ['label', 'text', 'title'], 1)
  return [label ? link(where, [text(decode(label))]) : text(where)]
}

/** `include`: a figure when it passes an image (`linked-figure.html`), otherwise unknown. */
const include: Builtin = (args, _body, ctx) => {
  const src = arg(args, ['image', 'src'])
  if (src) return figure(ctx, src, arg(args, ['alt']) ?? '', arg(args, ['caption']), arg(args, ['credit']))
  ctx.report('unknownShortcode', `${ctx.display.replace(/ %\}$/, '')} ${args.positional[0] ?? ''} %}`.replace(/\s+%\}$/, ' %}'))
  return ctx.body()
}

/** Nothing: Liquid comments. */
const nothing: Builtin = () => []

const builtins: Record<string, Builtin> = {
  figure: image,
  img: image,
  'img-right': image,
  'legacy-img': image,
  'legacy-img-right': image,
  image,
  image_with_class: imageWithClass,
  youtube: video('YouTube', (id) => `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`),
  vimeo: video('Vimeo', (id) => `https://vimeo.com/${encodeURIComponent(id)}`),
  'fb-video': video('Facebook', (id) => id),
  'cspan-iframe': video('C-SPAN', (id) => id),
  tweet,
  twitter: tweet,
  x: tweet,
  ref,
  relref,
  link: ref,
  tmp: ref,
  'featured-resource': linkTo,
  button: linkTo,
  'liquid-url': liquidUrl,
  post_url: ref,
  note: callout,
  box: callout,
  warning: callout,
  aside: callout,
  callout,
  alert: callout,
  tip: callout,
  accordion: callout,
  'card-prompt': callout,
  ring: callout,
  'quote-block': quote,
  quote,
  blockquote: quote,
  highlight,
  'legacy-file': file,
  'asset-static': file,
  include,
  comment: nothing
}

function relref(args: ShortcodeArgs, body: string | undefined, ctx: BuiltinContext): RootContent[] {
  return ref(args, body, ctx)
}

/**
 * The built-in handlers, by name, as public handlers (the context they get is
 * the layer's, a superset of the public one).
 */
export const builtinShortcodes: Record<string, ShortcodeHandler> = builtins as unknown as Record<string, ShortcodeHandler>

declare module 'mdast' {
  interface TextData {
    /** A `ref` whose target is not in the build: in a link destination the link is dropped, its text kept. */
    brokenRef?: boolean
  }
}
