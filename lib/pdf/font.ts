import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { create, type Font } from "fontkit";

// Noto Sans JP (SIL Open Font License) from @expo-google-fonts/noto-sans-jp: a TrueType font
// whose glyphs fontkit 2 subsets correctly (checked by extracting the text again with pdftotext in
// pdf-writer.test.ts). Parsed once per process; each PDF embeds only the glyphs it uses.

const FONT_FILE =
  "node_modules/@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf";

let font: Font | undefined;

export function baseFont(): Font {
  if (font) return font;
  const file = path.resolve(process.cwd(), FONT_FILE);
  if (!existsSync(file)) throw new Error(`PDF font not found: ${FONT_FILE}`);
  const parsed = create(readFileSync(file));
  if (!("unitsPerEm" in parsed)) throw new Error("PDF font is a collection, not a font");
  font = parsed;
  return font;
}

interface BaseGlyph {
  id: number;
  /** Advance width in 1/1000 em (PDF text space units). */
  width: number;
}

// Code point → glyph of the base font; bounded by the font's own glyph count (~17,000).
const glyphs = new Map<number, BaseGlyph>();

function baseGlyph(codePoint: number): BaseGlyph {
  let glyph = glyphs.get(codePoint);
  if (!glyph) {
    const f = baseFont();
    const g = f.glyphForCodePoint(codePoint);
    glyph = { id: g.id, width: (g.advanceWidth * 1000) / f.unitsPerEm };
    glyphs.set(codePoint, glyph);
  }
  return glyph;
}

/** Advance width of one code point at size 1000 (cheap: cached). */
export function charWidth(codePoint: number): number {
  return baseGlyph(codePoint).width;
}

/**
 * The glyphs one PDF uses. Text is encoded glyph by glyph (Identity-H, two bytes a glyph) without
 * OpenType shaping: Japanese needs none, and fontkit's layout costs ~90 µs a line, too much for a
 * 100,000-item document.
 */
export class FontSubset {
  private readonly subset = baseFont().createSubset();
  private readonly codes = new Map<number, string>();
  /** New glyph id → [width, code point], for the W array and the ToUnicode map. */
  readonly used = new Map<number, [number, number]>();

  /** Hex string for a PDF text operator (<…> Tj). */
  encode(text: string): string {
    let hex = "";
    for (const char of text) {
      const cp = char.codePointAt(0) ?? 0x20;
      let code = this.codes.get(cp);
      if (code === undefined) {
        const glyph = baseGlyph(cp);
        // fontkit returns the glyph's id in the subset (its typings say boolean).
        const gid = this.subset.includeGlyph(glyph.id as never) as unknown as number;
        code = gid.toString(16).padStart(4, "0");
        this.codes.set(cp, code);
        if (!this.used.has(gid)) this.used.set(gid, [glyph.width, cp]);
      }
      hex += code;
    }
    return hex;
  }

  /** The subset font program (TrueType), once every text has been encoded. */
  program(): Buffer {
    return Buffer.from(this.subset.encode());
  }
}
