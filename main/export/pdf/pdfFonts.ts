import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { openSync, type FontkitFont } from 'fontkit';

/**
 * The fonts the PDF embeds, all under the SIL Open Font License 1.1 (the licence file ships in
 * each package), as TrueType that pdfkit subsets to the glyphs a script uses:
 * - Noto Sans KR (@expo-google-fonts/noto-sans-kr, LICENSE_FONT): Latin, Greek, Cyrillic,
 *   Hangul, kana and the Han characters Korean uses.
 * - Noto Sans Arabic (@expo-google-fonts/noto-sans-arabic, LICENSE_FONT): Arabic, Persian, Urdu.
 * - Noto Sans Hebrew (@embedpdf/fonts-hebrew, LICENSE): Hebrew.
 * Each character is drawn with the first of them that has a glyph for it; fontkit shapes Arabic
 * (joining forms, ligatures) as pdfkit lays the text out.
 */
const require = createRequire(import.meta.url);
const file = (path: string) => require.resolve(path);
// The Hebrew package exports only its entry module; its fonts sit beside it.
const hebrew = (name: string) =>
  join(dirname(require.resolve('@embedpdf/fonts-hebrew')), '..', 'fonts', name);

export type PdfFont = { name: string; regular: string; bold: string };

export const PDF_FONTS: readonly PdfFont[] = [
  {
    name: 'Noto Sans KR',
    regular: file('@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf'),
    bold: file('@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf'),
  },
  {
    name: 'Noto Sans Arabic',
    regular: file('@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf'),
    bold: file('@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf'),
  },
  {
    name: 'Noto Sans Hebrew',
    regular: hebrew('NotoSansHebrew-Regular.ttf'),
    bold: hebrew('NotoSansHebrew-Bold.ttf'),
  },
];

/** The main font, for text in one style (headers, the footer). */
export const PDF_FONT_FILES = { regular: PDF_FONTS[0]!.regular, bold: PDF_FONTS[0]!.bold } as const;

const opened: (FontkitFont | undefined)[] = [];

/** Whether one of the fonts has a glyph for this character. */
export function fontCovers(font: number, codePoint: number): boolean {
  opened[font] ??= openSync(PDF_FONTS[font]!.regular);
  return opened[font].hasGlyphForCodePoint(codePoint);
}

/** The first font that has a glyph for this character, or -1. */
export function fontIndexFor(codePoint: number): number {
  return PDF_FONTS.findIndex((_, i) => fontCovers(i, codePoint));
}

/** Can an embedded font draw this character? */
export function fontHasGlyph(codePoint: number): boolean {
  return fontIndexFor(codePoint) >= 0;
}

/** What the PDF prints in place of an emoji, which no embedded font draws. */
export const EMOJI_MARK = '[emoji]';

// Zero-width and direction controls draw nothing; the bidi algorithm has already placed the text.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Text as the PDF can print it: an emoji (with its joiners and modifiers) becomes `[emoji]`, a
 * visible mark rather than a `?` or a blank box that a reader could take for a space; any other
 * character no embedded font has (Thai, say) becomes `?`; invisible format characters go.
 */
export function printableText(text: string): string {
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    const visible = segment.replace(INVISIBLE, '');
    const drawable = [...visible].every((c) => fontHasGlyph(c.codePointAt(0)!));
    // © and ™ are pictographs too, but fonts have them; an emoji is one drawn in colour.
    if (EMOJI.test(segment) && (!drawable || segment.includes('\uFE0F'))) {
      out += EMOJI_MARK;
      continue;
    }
    for (const ch of visible) {
      const cp = ch.codePointAt(0)!;
      out += cp === 0x20 || cp === 0x09 || fontHasGlyph(cp) ? ch : '?';
    }
  }
  return out;
}

/** U+034F COMBINING GRAPHEME JOINER: default-ignorable, and dropped by every text reader. */
const NO_TEXT = 0x034f;

/**
 * Shaping can split one letter into several glyphs (ڽ is drawn as its base and its dots). pdfkit
 * gives the split-off glyphs an empty text mapping, and readers then copy out the glyph's raw
 * number, a control character, in place of nothing. Before the document ends, every such glyph
 * is mapped to an ignorable mark instead, so the text read back from the PDF is the script's.
 */
export function mapSplitGlyphsToNoText(doc: object): void {
  const fonts = (doc as { _fontFamilies?: Record<string, { unicode?: unknown }> })._fontFamilies;
  for (const font of Object.values(fonts ?? {})) {
    if (!Array.isArray(font.unicode)) continue;
    font.unicode = (font.unicode as number[][]).map((codePoints, gid) =>
      gid > 0 && codePoints.length === 0 ? [NO_TEXT] : codePoints,
    );
  }
}
