import type { Story } from './model';
import { storyCopyText } from './text';

const SCRIPTS = {
  hangul: /\p{Script=Hangul}/gu,
  kana: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu,
  han: /\p{Script=Han}/gu,
  arabic: /\p{Script=Arabic}/gu,
  hebrew: /\p{Script=Hebrew}/gu,
  latin: /\p{Script=Latin}/gu,
} as const;

/** Words that make Latin-script copy English rather than another language written in Latin. */
const ENGLISH = new Set(
  'the and of to in a is that for on it with as was at by be this are from has have said will not'.split(
    ' ',
  ),
);

/**
 * The language of some copy, as a BCP 47 tag, when the text says so plainly: Korean, Japanese,
 * Chinese, Arabic and Hebrew by their scripts, English by its commonest words. Null when it
 * cannot tell (Latin script in another language, too little text).
 */
export function textLanguage(text: string): string | null {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  const n = Object.fromEntries(
    Object.entries(SCRIPTS).map(([name, re]) => [name, count(re)]),
  ) as Record<keyof typeof SCRIPTS, number>;
  const letters = Object.values(n).reduce((a, b) => a + b, 0);
  if (letters === 0) return null;
  if (n.hangul >= letters * 0.3) return 'ko';
  if (n.kana > 0 && n.kana + n.han >= letters * 0.3) return 'ja';
  if (n.han >= letters * 0.3) return 'zh';
  if (n.arabic >= letters * 0.5) return 'ar';
  if (n.hebrew >= letters * 0.5) return 'he';
  if (n.latin >= letters * 0.5) {
    const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
    const english = words.filter((w) => ENGLISH.has(w)).length;
    if (words.length >= 3 && english >= Math.max(1, words.length * 0.08)) return 'en';
  }
  return null;
}

/** The language of a story's copy: its read text and the words of its bites and packages. */
export function storyLanguage(story: Pick<Story, 'body'>): string | null {
  return textLanguage(storyCopyText(story.body));
}
