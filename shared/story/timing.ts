import { MAX_LENGTH_SEC, type Block, type Story } from './model';
import { runsText } from './text';
import { foldCase } from '../text/foldCase';

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

/**
 * Every Hangul, Han, Hiragana and Katakana character is at U+2E80 or above (or is a surrogate
 * pair), so text without such a character skips those passes. Counting runs for every story on
 * import and on every edited line while typing, and most copy is Latin script.
 */
const MAYBE_HANGUL_OR_CJK = /[⺀-￿]/;

/** Anything but printable ASCII (line feeds included) takes the general path. */
const NOT_PRINTABLE_ASCII = /[^ -~]/;

/** WORD's count for printable ASCII text, without building the list of matches. */
function countAsciiWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const lower = c | 0x20;
    const alnum = (c >= 0x30 && c <= 0x39) || (lower >= 0x61 && lower <= 0x7a);
    if (inWord) inWord = alnum || c === 0x27 || c === 0x2e || c === 0x2d || c === 0x5f;
    else if (alnum) {
      words++;
      inWord = true;
    }
  }
  return words;
}

export function countText(text: string): TextCount {
  let spoken = text.includes('(') ? text.replace(PARENTHESISED, ' ') : text;
  if (spoken.includes('...') || spoken.includes('…')) spoken = spoken.replace(PAUSE, ' ');
  if (!NOT_PRINTABLE_ASCII.test(spoken))
    return { words: countAsciiWords(spoken), hangul: 0, cjk: 0 };
  if (!MAYBE_HANGUL_OR_CJK.test(spoken)) {
    return { words: spoken.match(WORD)?.length ?? 0, hangul: 0, cjk: 0 };
  }
  const hangul = spoken.match(HANGUL)?.length ?? 0;
  const cjk = spoken.match(CJK)?.length ?? 0;
  const rest = hangul + cjk > 0 ? spoken.replace(HANGUL, ' ').replace(CJK, ' ') : spoken;
  const words = rest.match(WORD)?.length ?? 0;
  return { words, hangul, cjk };
}

/**
 * The text with what is never read (anything in parentheses, pause marks) blanked to spaces of
 * the same length: counting it piece by piece, at any split between words, agrees with
 * `countText` of the whole (the prompter counts the words of each rendered line this way).
 */
export function blankUnspoken(text: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  let spoken = text.includes('(') ? text.replace(PARENTHESISED, blank) : text;
  if (spoken.includes('...') || spoken.includes('…')) spoken = spoken.replace(PAUSE, blank);
  return spoken;
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

/**
 * Who reads at what rate. A story starts at its presenter's rates (or the defaults); a presenter
 * cue in the body switches to that presenter's rates for the text after it.
 */
export type TimingSettings = {
  defaults: ReadRates;
  /** Keyed by presenter name as typed; looked up without case. */
  presenters: Readonly<Record<string, ReadRates>>;
};

export const DEFAULT_TIMING: TimingSettings = { defaults: DEFAULT_READ_RATES, presenters: {} };

export function ratesFor(settings: TimingSettings, presenter: string): ReadRates {
  const key = foldCase(presenter.trim());
  if (key === '') return settings.defaults;
  for (const [name, rates] of Object.entries(settings.presenters)) {
    if (foldCase(name.trim()) === key) return rates;
  }
  return settings.defaults;
}

export type StoryTiming = {
  /** What the presenters read: paragraphs only. */
  read: TextCount;
  readSec: number;
  /** Sum of sound-bite and package durations, with estimates for media that has none yet. */
  mediaSec: number;
  /** How many media blocks have no duration and were estimated from their transcript. */
  estimatedMedia: number;
  /** The part of mediaSec that is estimated, not timed. */
  estimatedMediaSec: number;
  /** Read time before rounding, for rates that must reproduce it. */
  readExactSec: number;
  totalSec: number;
};

export function mediaSeconds(block: Extract<Block, { type: 'media' }>, rates: ReadRates): number {
  if (block.durationSec !== null) return block.durationSec;
  return Math.round(secondsToRead(countText(block.transcript), rates));
}

/** The words of a paragraph that are read aloud: the written words, never their pronouncers. */
export function paragraphSpokenText(block: Extract<Block, { type: 'paragraph' }>): string {
  return runsText(block.runs);
}

export function storyTiming(
  story: Pick<Story, 'body'> & { presenter?: string },
  settings: TimingSettings = DEFAULT_TIMING,
): StoryTiming {
  let rates = ratesFor(settings, story.presenter ?? '');
  let read = ZERO_COUNT;
  let readExact = 0;
  let mediaSec = 0;
  let estimatedMedia = 0;
  let estimatedMediaSec = 0;
  for (const block of story.body) {
    if (block.type === 'presenter') rates = ratesFor(settings, block.name);
    else if (block.type === 'paragraph') {
      const count = countText(paragraphSpokenText(block));
      read = addCounts(read, count);
      readExact += secondsToRead(count, rates);
    } else if (block.type === 'media') {
      // A package's track is read by its reporter, so an estimate uses the default rates.
      const sec = mediaSeconds(block, settings.defaults);
      mediaSec += sec;
      if (block.durationSec === null) {
        estimatedMedia++;
        estimatedMediaSec += sec;
      }
    }
  }
  const readSec = Math.round(readExact);
  return {
    read,
    readSec,
    mediaSec,
    estimatedMedia,
    estimatedMediaSec,
    readExactSec: readExact,
    totalSec: readSec + mediaSec,
  };
}

/**
 * The one rate, in counted units a minute (words, plus Hangul syllables, plus Chinese and
 * Japanese characters: what NSML's `words` counts), that times this text as our rates do. A
 * system that knows only words per minute (iNEWS's `rate`, MOS's `storyPresenterRR`) then
 * computes the same read time: 68 Hangul syllables at 340 a minute go out as rate 340, not 180.
 */
export function equivalentRate(count: TextCount, rates: ReadRates, exactSec?: number): number {
  const units = count.words + count.hangul + count.cjk;
  const sec = exactSec ?? secondsToRead(count, rates);
  if (units === 0 || sec <= 0) return rates.wordsPerMinute;
  return Math.max(1, Math.round((units * 60) / sec));
}

/** Over (positive) or under (negative) the target, in seconds; null without a target. */
export function overUnder(totalSec: number, targetSec: number | undefined): number | null {
  return targetSec === undefined ? null : totalSec - targetSec;
}

/** `m:ss`, or `h:mm:ss` past the hour: how newsroom clocks read. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * A time that includes an estimate (a package or bite whose duration is not known yet, timed from
 * its words) is written with this mark after it, in every format that prints times: `TRT 1:52 est.`
 */
export const ESTIMATE_MARK = 'est.';

export function formatEstimated(totalSeconds: number, estimated: boolean): string {
  return `${formatDuration(totalSeconds)}${estimated ? ` ${ESTIMATE_MARK}` : ''}`;
}

/**
 * A sound bite's or package's length as scripts print it: `1:45` when timed, `1:52 est.` when
 * estimated from its words, `?` when it has neither.
 */
export function mediaDurationLabel(
  block: Extract<Block, { type: 'media' }>,
  rates: ReadRates,
): string {
  const sec = mediaSeconds(block, rates);
  if (block.durationSec === null && sec === 0) return '?';
  return formatEstimated(sec, block.durationSec === null);
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

/**
 * A length typed by a person or read from a file, as `parseDuration` reads it, that a story or a
 * rundown can hold: null when it is not a time or is longer than `MAX_LENGTH_SEC` (six hours).
 */
export function parseLength(input: string): number | null {
  const seconds = parseDuration(input);
  return seconds !== null && seconds <= MAX_LENGTH_SEC ? seconds : null;
}
