import { createRequire } from 'node:module';
import { openSync, type FontkitFont } from 'fontkit';

/**
 * Noto Sans KR (SIL Open Font License 1.1), from the npm package @expo-google-fonts/noto-sans-kr:
 * one family with Latin, Greek, Cyrillic, Hangul, kana and the Han characters Korean uses, in a
 * regular and a bold weight, as TrueType that pdfkit can subset. The PDF embeds only the glyphs
 * it uses.
 */
const require = createRequire(import.meta.url);
export const PDF_FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf'),
} as const;

let coverage: FontkitFont | undefined;

/** Can the embedded font draw this character? */
export function fontHasGlyph(codePoint: number): boolean {
  coverage ??= openSync(PDF_FONT_FILES.regular);
  return coverage.hasGlyphForCodePoint(codePoint);
}

// Zero-width and direction controls draw nothing; a PDF has no use for them.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * Text as the PDF can print it: invisible format characters removed, and any character the
 * font has no glyph for (emoji, Arabic, Hebrew, Thai...) shown as `?` rather than as a blank box
 * that a reader could mistake for a space.
 */
export function printableText(text: string): string {
  let out = '';
  for (const ch of text.replace(INVISIBLE, '')) {
    const cp = ch.codePointAt(0)!;
    out += cp === 0x20 || fontHasGlyph(cp) ? ch : '?';
  }
  return out;
}
