import { eastAsianWidth } from 'get-east-asian-width';

// Marks, joiners, variation selectors and other default-ignorable characters take no column.
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}]/u;

/**
 * Columns a text takes on screen: East Asian wide and fullwidth characters (Hangul, Han, kana,
 * emoji) take two, combining marks and invisible characters none, everything else one. Ambiguous
 * characters count one, as Unicode advises when the context is unknown.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (ZERO_WIDTH.test(ch)) continue;
    width += eastAsianWidth(ch.codePointAt(0)!, { ambiguousAsWide: false });
  }
  return width;
}
