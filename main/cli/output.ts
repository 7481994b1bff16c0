import {
  SNIPPET_CLOSE,
  SNIPPET_OPEN,
  type SearchHit,
  type StorySummary,
} from '../../shared/ipc/types';
import { formatDuration, formatEstimated } from '../../shared/story/timing';
import { runsScriptText } from '../../shared/story/text';
import type { Story } from '../../shared/story/model';
import type { CommandContext } from './command';
import { EXIT } from './exitCodes';

/** Prints the value as JSON with --json, else as the text the command makes of it. */
export function print<T>(ctx: CommandContext, value: T, text: (v: T) => string): number {
  ctx.io.stdout(ctx.json ? `${JSON.stringify(value, null, 2)}\n` : text(value));
  return EXIT.ok;
}

/** East Asian wide and fullwidth characters: a terminal gives each two columns. */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** How many terminal columns the text takes. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** The text padded with spaces to `width` columns, so Hangul slugs line up with Latin ones. */
export function displayPad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One story on one line: id, slug, format, total time, last change, tags. */
export function summaryLine(s: StorySummary): string {
  const tags = s.tags.length ? `  #${s.tags.join(' #')}` : '';
  return `${s.id}  ${displayPad(s.slug || 'UNTITLED', 24)} ${s.format.padEnd(6)} ${formatDuration(s.totalSec).padStart(5)}  ${s.updatedAt.slice(0, 16).replace('T', ' ')}${tags}`;
}

export function plainSnippet(snippet: string): string {
  return snippet.replaceAll(SNIPPET_OPEN, '').replaceAll(SNIPPET_CLOSE, '');
}

/** The words a search matched, as the snippet marks them. */
export function highlights(snippet: string): string[] {
  return [
    ...snippet.matchAll(new RegExp(`${SNIPPET_OPEN}([^${SNIPPET_CLOSE}]*)${SNIPPET_CLOSE}`, 'g')),
  ].map((m) => m[1]!);
}

/** The snippet with its matches in «guillemets», for a terminal. */
export function markedSnippet(hit: SearchHit): string {
  return hit.snippet.replaceAll(SNIPPET_OPEN, '«').replaceAll(SNIPPET_CLOSE, '»');
}

/** A story's timing as `show` prints it (seconds; counts of what the presenter reads). */
export type ShownTiming = {
  words: number;
  hangulSyllables: number;
  cjkCharacters: number;
  readSec: number;
  /** Sound bites and packages, with estimates for those without a duration. */
  mediaSec: number;
  /** The part of mediaSec estimated from transcripts, not timed. */
  estimatedMediaSec: number;
  totalSec: number;
  targetSec: number | null;
  /** TRT minus the target: positive is over; null without a target. */
  overUnderSec: number | null;
};

/** One line: words, read, media, TRT and over/under, as the editor's status bar says them. */
export function timingText(t: ShownTiming): string {
  const estimated = t.estimatedMediaSec > 0;
  const counts = [
    plural(t.words, 'word', 'words'),
    t.hangulSyllables > 0 && plural(t.hangulSyllables, 'Hangul syllable', 'Hangul syllables'),
    t.cjkCharacters > 0 && plural(t.cjkCharacters, 'CJK character', 'CJK characters'),
  ].filter(Boolean);
  const against =
    t.overUnderSec === null || t.targetSec === null
      ? ''
      : `   target ${formatDuration(t.targetSec)}, ${t.overUnderSec === 0 ? 'on time' : `${t.overUnderSec > 0 ? 'over' : 'under'} ${formatDuration(Math.abs(t.overUnderSec))}`}`;
  return `${counts.join(', ')}   read ${formatDuration(t.readSec)}   media ${formatEstimated(t.mediaSec, estimated)}   TRT ${formatEstimated(t.totalSec, estimated)}${against}`;
}

/** A story as plain text: its details, then each block as a script shows it. */
export function storyText(story: Story): string {
  const head = [
    `${story.slug || 'UNTITLED'}  (${story.format})`,
    `id: ${story.id}`,
    story.presenter && `presenter: ${story.presenter}`,
    story.reporter && `reporter: ${story.reporter}`,
    story.tags.length > 0 && `tags: ${story.tags.join(', ')}`,
    `status: ${story.status}   updated: ${story.updatedAt}`,
  ].filter(Boolean);
  const body = story.body.map((block) => {
    switch (block.type) {
      case 'paragraph':
        return runsScriptText(block.runs);
      case 'cue':
        return `[${block.text}]`;
      case 'presenter':
        return `[PRESENTER: ${block.name}]`;
      case 'instruction':
        return block.text;
      case 'media':
        return `[${block.kind} ${block.speaker} · IN: ${block.inCue} · OUT: ${block.outCue} · DUR ${block.durationSec === null ? '?' : formatDuration(block.durationSec)}]\n${block.transcript}`;
    }
  });
  return `${head.join('\n')}\n\n${body.join('\n\n')}\n`;
}
