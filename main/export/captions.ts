import type { Story } from '../../shared/story/model';
import { runsText } from '../../shared/story/text';
import {
  DEFAULT_TIMING,
  countText,
  ratesFor,
  secondsToRead,
  type ReadRates,
  type TimingSettings,
} from '../../shared/story/timing';

export type Caption = { startSec: number; endSec: number; lines: string[] };

/** No caption stays up for less than this, however few words it has. */
const MIN_CAPTION_SEC = 1;

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Splits text into lines of at most `max` characters (counted in code points), breaking at
 * spaces; Chinese and Japanese, written without spaces, may break between any two characters,
 * and a word longer than a line is cut.
 */
export function captionLines(text: string, max: number): string[] {
  // Each piece knows whether a space follows it in the text.
  const pieces: { text: string; space: boolean }[] = [];
  for (const word of text.trim().split(/\s+/u).filter(Boolean)) {
    const chars = [...word];
    const size = chars.some((c) => CJK_CHAR.test(c)) ? 1 : max;
    for (let i = 0; i < chars.length; i += size) {
      pieces.push({ text: chars.slice(i, i + size).join(''), space: i + size >= chars.length });
    }
  }
  const lines: string[] = [];
  let line = '';
  let gap = '';
  for (const piece of pieces) {
    if (line !== '' && [...line].length + gap.length + [...piece.text].length > max) {
      lines.push(line);
      line = '';
      gap = '';
    }
    line += gap + piece.text;
    gap = piece.space ? ' ' : '';
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Two lines to a caption, each caption on screen for the time its words take to read. */
function timedCaptions(
  text: string,
  startSec: number,
  totalSec: number,
  rates: ReadRates,
  maxChars: number,
): Caption[] {
  const lines = captionLines(text, maxChars);
  const groups: string[][] = [];
  for (let i = 0; i < lines.length; i += 2) groups.push(lines.slice(i, i + 2));
  const weights = groups.map((g) => Math.max(0.001, secondsToRead(countText(g.join(' ')), rates)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const out: Caption[] = [];
  let at = startSec;
  groups.forEach((g, i) => {
    const span = Math.max(MIN_CAPTION_SEC, (totalSec * weights[i]!) / sum);
    out.push({ startSec: at, endSec: at + span, lines: g });
    at += span;
  });
  return out;
}

/**
 * Captions for a web clip of the story: the read text, timed at the presenter's read rate (a
 * presenter cue switches rates), and a sound bite's or package's words spread over its
 * duration. Cues, instructions and pronouncers are not spoken, so they are not captioned.
 */
export function storyCaptions(
  story: Story,
  maxChars: number,
  timing: TimingSettings = DEFAULT_TIMING,
): Caption[] {
  let rates = ratesFor(timing, story.presenter);
  let at = 0;
  const out: Caption[] = [];
  for (const block of story.body) {
    if (block.type === 'presenter') rates = ratesFor(timing, block.name);
    else if (block.type === 'paragraph') {
      const text = runsText(block.runs);
      if (text.trim() === '') continue;
      const sec = Math.max(MIN_CAPTION_SEC, secondsToRead(countText(text), rates));
      const captions = timedCaptions(text, at, sec, rates, maxChars);
      out.push(...captions);
      at = captions[captions.length - 1]?.endSec ?? at;
    } else if (block.type === 'media') {
      const sec =
        block.durationSec ??
        Math.round(secondsToRead(countText(block.transcript), timing.defaults));
      const words = block.transcript.replace(/\n+/g, ' ').trim();
      if (words !== '' && sec > 0) {
        const captions = timedCaptions(words, at, sec, timing.defaults, maxChars);
        out.push(...captions);
        at = Math.max(at + sec, captions[captions.length - 1]?.endSec ?? 0);
      } else at += sec;
    }
  }
  return out;
}

function timestamp(sec: number, separator: ',' | '.'): string {
  const ms = Math.round(sec * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
}

/** SubRip: numbered cues, `HH:MM:SS,mmm`, CRLF line ends as most players expect. */
export function storySrt(
  story: Story,
  maxChars: number,
  timing: TimingSettings = DEFAULT_TIMING,
): string {
  return storyCaptions(story, maxChars, timing)
    .map(
      (c, i) =>
        `${i + 1}\r\n${timestamp(c.startSec, ',')} --> ${timestamp(c.endSec, ',')}\r\n${c.lines.join('\r\n')}\r\n`,
    )
    .join('\r\n');
}

/** WebVTT cue text: `&`, `<` and `>` must be escaped (a `-->` could otherwise end a timing). */
function vttEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function storyVtt(
  story: Story,
  maxChars: number,
  timing: TimingSettings = DEFAULT_TIMING,
): string {
  const cues = storyCaptions(story, maxChars, timing).map(
    (c, i) =>
      `${i + 1}\n${timestamp(c.startSec, '.')} --> ${timestamp(c.endSec, '.')}\n${c.lines.map(vttEscape).join('\n')}\n`,
  );
  return `WEBVTT\n\n${cues.join('\n')}`;
}
