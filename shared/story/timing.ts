import type { Block, Story } from './model';
import { runsText } from './text';

/**
 * Read rates. Latin-script text is timed in words, Hangul in syllables (one block is one
 * syllable) and Chinese/Japanese in characters, because word counts mean nothing for them.
 */
export type ReadRates = {
  wordsPerMinute: number;
  hangulSyllablesPerMinute: number;
  cjkCharactersPerMinute: number;
};

export const DEFAULT_READ_RATES: ReadRates = {
  wordsPerMinute: 180,
  hangulSyllablesPerMinute: 340,
  cjkCharactersPerMinute: 300,
};

export type TextCount = { words: number; hangul: number; cjk: number };

const HANGUL = /[\uAC00-\uD7A3]/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.\-_]*/gu;
// Pause marks (`...`, `,...`, `…`) are kept verbatim in the text but are not words.
const PAUSE = /,?(?:\.{3,}|…)/g;
// Broadcast copy never reads what is in parentheses: pronouncers, (PAUSE), (TURN TO CAM 2).
const PARENTHESISED = /\([^()]*\)/g;

export function countText(text: string): TextCount {
  const spoken = text.replace(PARENTHESISED, ' ').replace(PAUSE, ' ');
  const hangul = spoken.match(HANGUL)?.length ?? 0;
  const cjk = spoken.match(CJK)?.length ?? 0;
  const rest = hangul + cjk > 0 ? spoken.replace(HANGUL, ' ').replace(CJK, ' ') : spoken;
  const words = rest.match(WORD)?.length ?? 0;
  return { words, hangul, cjk };
}

export function addCounts(a: TextCount, b: TextCount): TextCount {
  return { words: a.words + b.words, hangul: a.hangul + b.hangul, cjk: a.cjk + b.cjk };
}

export const ZERO_COUNT: TextCount = { words: 0, hangul: 0, cjk: 0 };

export function secondsToRead(count: TextCount, rates: ReadRates): number {
  return (
    (count.words / rates.wordsPerMinute) * 60 +
    (count.hangul / rates.hangulSyllablesPerMinute) * 60 +
    (count.cjk / rates.cjkCharactersPerMinute) * 60
  );
}

export type StoryTiming = {
  /** What the presenter reads: paragraphs only. */
  read: TextCount;
  readSec: number;
  /** Sum of sound-bite and package durations, with estimates for media that has none yet. */
  mediaSec: number;
  /** How many media blocks have no duration and were estimated from their transcript. */
  estimatedMedia: number;
  totalSec: number;
};

export function mediaSeconds(block: Extract<Block, { type: 'media' }>, rates: ReadRates): number {
  if (block.durationSec !== null) return block.durationSec;
  return Math.round(secondsToRead(countText(block.transcript), rates));
}

export function storyTiming(
  story: Pick<Story, 'body'>,
  rates: ReadRates = DEFAULT_READ_RATES,
): StoryTiming {
  let read = ZERO_COUNT;
  let mediaSec = 0;
  let estimatedMedia = 0;
  for (const block of story.body) {
    if (block.type === 'paragraph') read = addCounts(read, countText(runsText(block.runs)));
    else if (block.type === 'media') {
      mediaSec += mediaSeconds(block, rates);
      if (block.durationSec === null) estimatedMedia++;
    }
  }
  const readSec = Math.round(secondsToRead(read, rates));
  return { read, readSec, mediaSec, estimatedMedia, totalSec: readSec + mediaSec };
}

/** `m:ss`, or `h:mm:ss` past the hour: how newsroom clocks read. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Reads `1:45`, `0:08`, `:20`, `1:02:03` or a bare number of seconds; null when it is not a time. */
export function parseDuration(input: string): number | null {
  const s = input.trim();
  if (/^\d{1,5}$/.test(s)) return Number(s);
  const m = /^(?:(\d{1,2}):)?(\d{0,3}):(\d{2})$/.exec(s);
  if (!m) return null;
  const [, h, min, sec] = m;
  if (Number(sec) > 59 || (h !== undefined && Number(min) > 59)) return null;
  return Number(h ?? 0) * 3600 + Number(min || 0) * 60 + Number(sec);
}
