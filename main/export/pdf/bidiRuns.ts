import bidiFactory from 'bidi-js';
import { fontCovers, fontIndexFor, PDF_FONTS } from './pdfFonts';
import type { Piece, PieceStyle } from './lineLayout';

const bidi = bidiFactory();

/** A stretch of a line drawn in one font and style, in the order it is drawn, left to right. */
export type DrawRun = { text: string; style: PieceStyle; font: number };

/** Whether a paragraph runs right to left: its first strong character decides (as dir="auto"). */
export function isRightToLeft(text: string): boolean {
  return MAYBE_RTL.test(text) && bidi.getEmbeddingLevels(text).paragraphs[0]?.level === 1;
}

/** Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms, and the bidi controls. */
const MAYBE_RTL =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200F\u202B\u202E\u2067]|[\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/** Fonts whose scripts run right to left: fontkit reverses what it shapes in them. */
export const RTL_FONT_INDEXES: ReadonlySet<number> = new Set(
  PDF_FONTS.flatMap((f, i) => (/Arabic|Hebrew/.test(f.name) ? [i] : [])),
);

/**
 * The font for each character of a text: the first embedded font with a glyph for it. A mark
 * (an Arabic vowel sign, an accent) or a joiner stays in the font of the letter it belongs to.
 * Spaces and punctuation come from the first font: in an Arabic font they may be shaped into
 * forms a PDF reader cannot map back to text.
 */
function fontsOf(chars: readonly string[]): number[] {
  const fonts: number[] = [];
  let current = 0;
  for (const ch of chars) {
    const cp = ch.codePointAt(0)!;
    const attached = /[\p{M}\u200C\u200D]/u.test(ch);
    const font = attached && fontCovers(current, cp) ? current : Math.max(0, fontIndexFor(cp));
    fonts.push(font);
    current = font;
  }
  return fonts;
}

/**
 * A line's pieces as pdfkit must draw them: the Unicode bidi algorithm orders right-to-left
 * runs (Arabic, Hebrew) and the left-to-right text inside them, mirrors brackets, and each run
 * gets the font that has its glyphs. fontkit reverses the glyphs of a right-to-left script as it
 * shapes them, so such a run is handed over in logical order.
 */
export function visualRuns(pieces: readonly Piece[], rightToLeft: boolean): DrawRun[] {
  const chars: string[] = [];
  const owner: number[] = [];
  pieces.forEach((piece, p) => {
    for (const ch of piece.text) {
      chars.push(ch);
      owner.push(p);
    }
  });
  if (chars.length === 0) return [];
  // bidi-js works on UTF-16 units; map them to characters.
  const text = chars.join('');
  const unitToChar: number[] = [];
  chars.forEach((ch, i) => {
    for (let u = 0; u < ch.length; u++) unitToChar.push(i);
  });
  // Most copy has nothing right to left in it: it is drawn as it is written.
  const levels =
    rightToLeft || MAYBE_RTL.test(text)
      ? bidi.getEmbeddingLevels(text, rightToLeft ? 'rtl' : 'ltr')
      : { levels: new Uint8Array(text.length), paragraphs: [] };
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels);
  const order = chars.map((_, i) => i);
  const flips = levels.paragraphs.length > 0 ? bidi.getReorderSegments(text, levels) : [];
  for (const [start, end] of flips) {
    const from = unitToChar[start]!;
    const to = unitToChar[end]!;
    const slice = order.slice(from, to + 1).reverse();
    order.splice(from, slice.length, ...slice);
  }
  const unitOf: number[] = [];
  let unit = 0;
  for (const ch of chars) {
    unitOf.push(unit);
    unit += ch.length;
  }
  const shown = chars.map((ch, i) => mirrored.get(unitOf[i]!) ?? ch);
  const fonts = fontsOf(chars);
  const runs: (DrawRun & { rtl: boolean })[] = [];
  for (const i of order) {
    const rtl = (levels.levels[unitOf[i]!]! & 1) === 1;
    const last = runs[runs.length - 1];
    const style = pieces[owner[i]!]!.style;
    if (last && last.font === fonts[i] && last.rtl === rtl && last.style === style)
      last.text += shown[i];
    else runs.push({ text: shown[i]!, style, font: fonts[i]!, rtl });
  }
  return runs.map(({ text: t, style, font, rtl }) => ({
    text: rtl && RTL_FONT_INDEXES.has(font) ? [...t].reverse().join('') : t,
    style,
    font,
  }));
}

/** A text in one style split into runs by font, in logical order: for measuring. */
export function fontRuns(text: string): { text: string; font: number }[] {
  const chars = [...text];
  const fonts = fontsOf(chars);
  const runs: { text: string; font: number }[] = [];
  chars.forEach((ch, i) => {
    const last = runs[runs.length - 1];
    if (last && last.font === fonts[i]) last.text += ch;
    else runs.push({ text: ch, font: fonts[i]! });
  });
  return runs;
}
