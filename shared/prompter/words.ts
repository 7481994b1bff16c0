import { blankUnspoken, countText, type ReadRates } from '../story/timing';

/**
 * What "a word" means to the prompter's speed: the time its text takes the presenter to read, in
 * their own words. Latin-script words count one each; a Hangul syllable counts
 * wordsPerMinute / hangulSyllablesPerMinute of a word (180 / 340 ≈ 0.53 at the default rates),
 * a Chinese or Japanese character wordsPerMinute / cjkCharactersPerMinute. So a speed of 180
 * words a minute reads Korean copy at 340 syllables a minute for a presenter with the default
 * rates, and every script scrolls at the pace the story's timing expects.
 */
export function wordEquivalents(text: string, rates: ReadRates): number {
  const { words, hangul, cjk } = countText(text);
  const wpm = rates.wordsPerMinute;
  return (
    words +
    (hangul > 0 ? (hangul * wpm) / rates.hangulSyllablesPerMinute : 0) +
    (cjk > 0 ? (cjk * wpm) / rates.cjkCharactersPerMinute : 0)
  );
}

const IDEOGRAPH = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`;
/**
 * A token is what the prompter lays out as one word: a run of non-space characters with the
 * spaces after it, or a single Chinese or Japanese character (they break between any two
 * characters, so each is a word of its own on the screen). Hangul stays whole between spaces,
 * as Korean text breaks.
 */
const TOKEN = new RegExp(`[${IDEOGRAPH}]\\s*|[^\\s${IDEOGRAPH}]+\\s*|\\s+`, 'gu');

export type Token = { text: string; words: number };

/**
 * The text cut into tokens, each with its share of the text's word count. What is never read
 * (parentheses, pause marks) is blanked before counting, so the shares add up to the count of the
 * whole text, as the story's timing counts it.
 */
export function tokenize(text: string, rates: ReadRates): Token[] {
  const spoken = blankUnspoken(text);
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const end = start + match[0].length;
    tokens.push({ text: match[0], words: wordEquivalents(spoken.slice(start, end), rates) });
  }
  return tokens;
}
