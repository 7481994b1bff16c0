// fontkit (pdfkit's font engine) ships no types; the PDF writer asks it one question per font.
declare module 'fontkit' {
  export type FontkitFont = {
    hasGlyphForCodePoint(codePoint: number): boolean;
    ascent: number;
    unitsPerEm: number;
  };
  export function openSync(path: string): FontkitFont;
}
