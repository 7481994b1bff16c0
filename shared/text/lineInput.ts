import { foldControls } from '../story/controlChars';

/**
 * What a one-line field keeps of what was typed or pasted into it: a browser's text field drops
 * line breaks from a paste but keeps tabs and other control characters (a cell copied from a
 * spreadsheet), which no line the model stores may hold. They become spaces here, where they
 * are typed, instead of refusing every later save of the story.
 */
export const lineInput = foldControls;

/** `text` cut to at most `max` UTF-16 units, never through the middle of a two-part character. */
export function clipUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
