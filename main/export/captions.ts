import type { Story } from '../../shared/story/model';
import type { ExportOptions } from '../../shared/export/options';
import { runsText } from '../../shared/story/text';
import { replaceNoncharacters } from '../../shared/story/noncharacters';
import {
  DEFAULT_TIMING,
  countText,
  ratesFor,
  secondsToRead,
  type ReadRates,
  type TimingSettings,
} from '../../shared/story/timing';
import { captionChunks } from './captionBreaks';

export type Caption = { startSec: number; endSec: number; lines: string[] };

export type CaptionOptions = Pick<
  ExportOptions,
  'captionLineChars' | 'captionLineWideChars' | 'captionMaxCps'
>;

/** No caption stays up for less than this, however few words it has. */
const MIN_CAPTION_SEC = 1;

const WIDE = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const LETTER = /\p{L}/gu;

/**
 * The longest line for this text, in display columns: Korean, Chinese and Japanese text (mostly
 * wide characters) gets its own limit, counted in wide characters; other text the Latin one.
 */
export function captionLineWidth(text: string, options: CaptionOptions): number {
  const wide = text.match(WIDE)?.length ?? 0;
  const letters = text.match(LETTER)?.length ?? 0;
  return wide * 2 >= letters ? options.captionLineWideChars * 2 : options.captionLineChars;
}

/**
 * What the captions show of a line of copy: what is said. Pause marks (`,...`, `...`, `…`) are
 * for the presenter, and anything in parentheses (a pronouncer, `(PAUSE)`) is not read; tabs
 * become spaces, and Unicode non-characters (which make players drop a caption) become U+FFFD.
 */
export function spokenCaptionText(text: string): string {
  return replaceNoncharacters(text)
    .replace(/\([^()]*\)/gu, ' ')
    .replace(/,(?:\.{3,}|…)/gu, ',')
    .replace(/(?:\.{3,}|…)/gu, ' ')
    .replace(/\s+/gu, ' ')
    .replace(/ ([,.!?;:])/gu, '$1')
    .trim();
}

/** Characters a viewer reads in a caption, for the reading-speed limit. */
function captionChars(lines: readonly string[]): number {
  return [...lines.join(' ')].length;
}

/**
 * The captions of one spoken stretch (a paragraph, a bite's words) starting no earlier than
 * `startSec`, over the `totalSec` it takes to say. Each caption gets the share of that time its
 * words take to say, but at least a second and at least what the reading-speed limit needs;
 * time for that comes first from captions that have more than they need, and only if the
 * stretch as a whole is read faster than anyone could read its captions do they run on after it.
 */
function timedCaptions(
  text: string,
  startSec: number,
  totalSec: number,
  rates: ReadRates,
  options: CaptionOptions,
): Caption[] {
  const chunks = captionChunks(text, captionLineWidth(text, options));
  if (chunks.length === 0) return [];
  const weights = chunks.map((c) => Math.max(0.001, secondsToRead(countText(c.join(' ')), rates)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const spoken = weights.map((w) => (totalSec * w) / sum);
  const needed = chunks.map((c) =>
    Math.max(MIN_CAPTION_SEC, captionChars(c) / options.captionMaxCps),
  );
  const neededSum = needed.reduce((a, b) => a + b, 0);
  let durations: number[];
  if (neededSum >= totalSec) durations = needed;
  else {
    const slack = spoken.map((s, i) => Math.max(0, s - needed[i]!));
    const slackSum = slack.reduce((a, b) => a + b, 0);
    const spare = totalSec - neededSum;
    durations = needed.map((n, i) =>
      slackSum > 0 ? n + (spare * slack[i]!) / slackSum : n + spare / needed.length,
    );
  }
  const out: Caption[] = [];
  let at = startSec;
  chunks.forEach((lines, i) => {
    out.push({ startSec: at, endSec: at + durations[i]!, lines });
    at += durations[i]!;
  });
  return out;
}

/**
 * Captions for a web clip of the story: the read text, timed at the presenter's read rate (a
 * presenter cue switches rates), and a sound bite's or package's words spread over its
 * duration. Cues, instructions, pronouncers and pause marks are not spoken, so not captioned.
 */
export function storyCaptions(
  story: Story,
  options: CaptionOptions,
  timing: TimingSettings = DEFAULT_TIMING,
): Caption[] {
  let rates = ratesFor(timing, story.presenter);
  // Where the next stretch of speech starts, and where the last caption ended.
  let speech = 0;
  let shown = 0;
  const out: Caption[] = [];
  const stretch = (text: string, sec: number, r: ReadRates) => {
    const captions = timedCaptions(text, Math.max(speech, shown), sec, r, options);
    out.push(...captions);
    speech += sec;
    shown = captions.at(-1)?.endSec ?? shown;
  };
  for (const block of story.body) {
    if (block.type === 'presenter') rates = ratesFor(timing, block.name);
    else if (block.type === 'paragraph') {
      const text = spokenCaptionText(runsText(block.runs));
      if (text === '') continue;
      stretch(text, Math.max(MIN_CAPTION_SEC, secondsToRead(countText(text), rates)), rates);
    } else if (block.type === 'media') {
      const sec =
        block.durationSec ??
        Math.round(secondsToRead(countText(block.transcript), timing.defaults));
      const words = spokenCaptionText(block.transcript.replace(/\n+/g, ' '));
      // A bite without words (or without time) leaves a gap of its length.
      if (words !== '' && sec > 0) stretch(words, sec, timing.defaults);
      else speech += sec;
    }
  }
  return out;
}

function timestamp(sec: number, separator: ',' | '.'): string {
  const ms = Math.round(sec * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
}

/** U+2060 WORD JOINER: invisible, and no line may break at it. */
const JOINER = '\u2060';

/**
 * Players read more than the SubRip and WebVTT specs say: `{\an8}` moves a caption, `\N` breaks
 * a line, and ffmpeg drops a backslash at the end of a line (ASS escapes, which ffmpeg and VLC
 * honour in both formats). A word joiner after every backslash, and after a `{` that opens an
 * override, leaves the text as written and nothing for a player to act on.
 */
function neutraliseOverrides(text: string): string {
  return text.replace(/\{(?=\\)/gu, `{${JOINER}`).replace(/\\/gu, `\\${JOINER}`);
}

/**
 * SubRip has no escapes, and players read HTML-like tags in it (`<i>`, `<b>`, `<font …>`, even
 * `< b and c >`): a word joiner after every `<` keeps each one a character, and one inside `-->`
 * keeps a line from being taken for a timing line.
 */
export function srtCaptionText(text: string): string {
  return neutraliseOverrides(text).replace(/</gu, `<${JOINER}`).replace(/-->/gu, `--${JOINER}>`);
}

/** WebVTT cue text: `&`, `<` and `>` escaped as the spec asks (a `-->` cannot end a timing). */
export function vttCaptionText(text: string): string {
  return neutraliseOverrides(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** SubRip: numbered cues, `HH:MM:SS,mmm`, CRLF line ends as most players expect. */
export function storySrt(
  story: Story,
  options: CaptionOptions,
  timing: TimingSettings = DEFAULT_TIMING,
): string {
  return storyCaptions(story, options, timing)
    .map(
      (c, i) =>
        `${i + 1}\r\n${timestamp(c.startSec, ',')} --> ${timestamp(c.endSec, ',')}\r\n${c.lines.map(srtCaptionText).join('\r\n')}\r\n`,
    )
    .join('\r\n');
}

export function storyVtt(
  story: Story,
  options: CaptionOptions,
  timing: TimingSettings = DEFAULT_TIMING,
): string {
  const cues = storyCaptions(story, options, timing).map(
    (c, i) =>
      `${i + 1}\n${timestamp(c.startSec, '.')} --> ${timestamp(c.endSec, '.')}\n${c.lines.map(vttCaptionText).join('\n')}\n`,
  );
  return `WEBVTT\n\n${cues.join('\n')}`;
}
