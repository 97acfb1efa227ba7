// Minimal typings for untyped dependencies of the PDF emitter.

declare module 'fontkit' {
  /** A glyph run laid out by fontkit. */
  export interface GlyphRun {
    advanceWidth: number
    glyphs: Array<{id: number; codePoints: number[]; advanceWidth: number}>
    positions: Array<{xAdvance: number; yAdvance: number; xOffset: number; yOffset: number}>
  }
  /** A parsed font (TrueType/OpenType). */
  export interface Font {
    postscriptName: string
    unitsPerEm: number
    ascent: number
    descent: number
    lineGap: number
    hasGlyphForCodePoint(codePoint: number): boolean
    layout(text: string, features?: unknown): GlyphRun
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font
}

declare module 'hyphen/patterns/*' {
  const patterns: unknown
  export default patterns
}
