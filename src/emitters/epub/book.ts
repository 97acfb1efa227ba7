/**
 * Assemble a book from rendered chapters: cover, navigation document,
 * package document (from templates), stylesheet and images, zipped in a fixed
 * order with fixed timestamps.
 */
import type {Direction, EmitContext} from '../../types.js'
import {accessibilityMetadata} from './accessibility.js'
import type {Chapter, NavItem} from './chapter.js'
import {svgCover} from './cover.js'
import type {ImageStore} from './images.js'
import {renderTemplate} from './render.js'
import {labelsFor} from './locale.js'
import {publicationRoot, zipEpub, type OcfEntry} from './ocf.js'

/** Everything a book needs besides its chapters. */
export interface BookSpec {
  /** `urn:uuid:…`. */
  identifier: string
  title: string
  /** Main language; `languages` lists it first. */
  lang: string
  languages: string[]
  dir: Direction
  creators: string[]
  /** `YYYY-MM-DDThh:mm:ssZ`. */
  date: string
  modified: string
  publisher: string
  description: string
  subjects: string[]
  source: string
  rights: string
  /**
   * The cover: an embedded image (`href` in the store), with the article's
   * headline, byline and date written under it, or a generated SVG that
   * carries them.
   */
  cover: {href: string; alt: string; text?: CoverText} | {title: string; publication: string; byline?: string; subtitle: string}
  chapters: Chapter[]
  images: ImageStore
  /** Put the navigation document in the reading order (editions). */
  navInSpine: boolean
  /** Party responsible for the accessibility claim (`false`: no claim). */
  certifiedBy: string | false
  /** Reference date of the ZIP entries. */
  zipDate: Date
}

/** What a cover page says under an image cover. */
export interface CoverText {
  title: string
  byline: string
  date: {iso: string; text: string}
}

const stylesheet = 'styles/epub.css'

/**
 * Build the EPUB.
 *
 * @param spec
 *   Metadata, chapters and images.
 * @param ctx
 *   Emit context (templates).
 * @returns
 *   EPUB bytes.
 */
export async function buildBook(spec: BookSpec, ctx: EmitContext): Promise<Uint8Array> {
  const {images} = spec
  const labels = labelsFor(spec.lang, ctx.translator(spec.lang))

  // Cover.
  let coverImage
  let coverAlt: string
  let coverText: CoverText | undefined
  if ('href' in spec.cover) {
    coverImage = images.markCover(spec.cover.href)
    coverAlt = spec.cover.alt
    coverText = spec.cover.text
  }
  if (!coverImage) {
    coverText = undefined
    const generated =
      'href' in spec.cover
        ? {title: spec.title, publication: '', byline: spec.cover.text?.byline ?? '', subtitle: spec.cover.text?.date.text ?? ''}
        : spec.cover
    const context = svgCover({...generated, lang: spec.lang, dir: spec.dir})
    const svg = await renderTemplate(ctx, 'cover.svg.liquid', context)
    coverImage = images.add({
      id: 'cover-image',
      href: 'images/cover.svg',
      mediaType: 'image/svg+xml',
      data: new TextEncoder().encode(svg),
      properties: 'cover-image'
    })
    coverAlt = context.label
  }
  const coverXhtml = await renderTemplate(ctx, 'cover.xhtml.liquid', {
    lang: spec.lang,
    dir: spec.dir,
    title: spec.title,
    stylesheet,
    image: {href: coverImage.href, alt: coverAlt!},
    text: coverText
  })

  // Navigation.
  const first = spec.chapters[0]
  const items: NavItem[] = spec.chapters.map((chapter) => chapter.nav)
  const navXhtml = await renderTemplate(ctx, 'nav.xhtml.liquid', {
    lang: spec.lang,
    dir: spec.dir,
    title: spec.title,
    stylesheet,
    labels,
    items,
    landmarks: [
      {type: 'cover', href: 'cover.xhtml', text: labels.cover},
      // A landmark must point into the spine: the contents only when they are in it.
      ...(spec.navInSpine ? [{type: 'toc', href: 'nav.xhtml#toc', text: labels.contents}] : []),
      ...(first ? [{type: 'bodymatter', href: first.href, text: labels.start}] : [])
    ]
  })

  const css = await ctx.readTemplateFile('epub/epub.css')
  const imageList = images.list()

  const manifest = [
    {id: 'nav', href: 'nav.xhtml', mediaType: 'application/xhtml+xml', properties: 'nav'},
    {id: 'cover', href: 'cover.xhtml', mediaType: 'application/xhtml+xml', properties: ''},
    ...spec.chapters.flatMap((chapter) =>
      chapter.documents.map((document) => ({id: document.id, href: document.href, mediaType: 'application/xhtml+xml', properties: ''}))
    ),
    {id: 'css', href: stylesheet, mediaType: 'text/css', properties: ''},
    ...imageList.map((image) => ({
      id: image.id,
      href: image.href,
      mediaType: image.mediaType,
      properties: image.properties ?? ''
    }))
  ]
  const spine = [
    {idref: 'cover', linear: true},
    ...(spec.navInSpine ? [{idref: 'nav', linear: true}] : []),
    ...spec.chapters.flatMap((chapter) => chapter.documents.map((document) => ({idref: document.id, linear: true})))
  ]

  const a11y = accessibilityMetadata({
    imageAlts: spec.chapters.flatMap((chapter) => chapter.imageAlts),
    replacedImages: spec.chapters.reduce((sum, chapter) => sum + chapter.replacedImages, 0),
    certifiedBy: spec.certifiedBy
  })

  const opf = await renderTemplate(ctx, 'package.opf.liquid', {
    lang: spec.lang,
    dir: spec.dir,
    identifier: spec.identifier,
    title: spec.title,
    languages: spec.languages,
    creators: spec.creators.map((name, index) => ({id: `creator-${index + 1}`, name, role: 'aut'})),
    date: spec.date,
    modified: spec.modified,
    publisher: spec.publisher,
    description: spec.description,
    subjects: spec.subjects,
    source: spec.source,
    rights: spec.rights,
    a11y,
    coverImageId: coverImage.id,
    manifest,
    spine,
    pageProgression: spec.dir === 'rtl' ? 'rtl' : ''
  })

  const root = publicationRoot + '/'
  const entries: OcfEntry[] = [
    {path: root + 'package.opf', data: opf},
    {path: root + 'nav.xhtml', data: navXhtml},
    {path: root + 'cover.xhtml', data: coverXhtml},
    ...spec.chapters.flatMap((chapter) => chapter.documents.map((document) => ({path: root + document.href, data: document.xhtml}))),
    {path: root + stylesheet, data: css},
    ...imageList.map((image) => ({
      path: root + image.href,
      data: image.data,
      store: image.mediaType !== 'image/svg+xml'
    }))
  ]
  return zipEpub(entries, spec.zipDate)
}
