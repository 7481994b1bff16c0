// bidi-js ships no types; the PDF writer uses the Unicode bidi algorithm's levels, reorder
// segments and mirrored characters.
declare module 'bidi-js' {
  export type EmbeddingLevels = {
    levels: Uint8Array;
    paragraphs: { start: number; end: number; level: number }[];
  };
  export type Bidi = {
    getMirroredCharacter(char: string): string | null;
    getEmbeddingLevels(text: string, direction?: 'ltr' | 'rtl'): EmbeddingLevels;
    getReorderSegments(
      text: string,
      levels: EmbeddingLevels,
      start?: number,
      end?: number,
    ): [number, number][];
    /** Takes the levels array itself (`.levels`), not the whole result. */
    getMirroredCharactersMap(
      text: string,
      levels: Uint8Array,
      start?: number,
      end?: number,
    ): Map<number, string>;
  };
  // The package's own shape: one default export, the factory.
  // eslint-disable-next-line no-restricted-syntax
  export default function bidiFactory(): Bidi;
}
