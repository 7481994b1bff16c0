import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import SrtParser from 'srt-parser-2';
import { WebVTTParser, type VttNode } from 'webvtt-parser';
import {
  spokenCaptionText,
  srtCaptionText,
  storyCaptions,
  storySrt,
  storyVtt,
  type CaptionOptions,
} from './captions';
import { captionChunks } from './captionBreaks';
import { displayWidth } from './displayWidth';
import { everyBlockStory, hostileStory, HOSTILE_LINES } from '../../shared/story/testing/scripts';
import { makeStory } from '../../shared/story/testing/makeStory';
import type { Story } from '../../shared/story/model';
import { runsText } from '../../shared/story/text';
import { DEFAULT_EXPORT_OPTIONS } from '../../shared/export/options';
import { parseScriptText } from '../../shared/import/scriptText';

const JOINER = /\u2060/gu;
const options = (o: Partial<CaptionOptions> = {}): CaptionOptions => ({
  captionLineChars: DEFAULT_EXPORT_OPTIONS.captionLineChars,
  captionLineWideChars: DEFAULT_EXPORT_OPTIONS.captionLineWideChars,
  captionMaxCps: DEFAULT_EXPORT_OPTIONS.captionMaxCps,
  ...o,
});

/** What is spoken, in order: read text and the words of bites and packages. */
function spokenWords(story: Story): string {
  return story.body
    .map((b) =>
      b.type === 'paragraph'
        ? spokenCaptionText(runsText(b.runs))
        : b.type === 'media' && b.durationSec !== 0
          ? spokenCaptionText(b.transcript.replace(/\n+/g, ' '))
          : '',
    )
    .join(' ')
    .replace(/\s+/gu, '');
}

// A line break is a space, except inside Chinese or Japanese, so compare without spaces there.
const words = (lines: string[]) => lines.join(' ').replace(JOINER, '').replace(/\s+/gu, '');

function readSrt(srt: string) {
  return new SrtParser().fromSrt(srt).map((c) => ({
    id: c.id,
    start: c.startSeconds,
    end: c.endSeconds,
    lines: c.text.split('\n'),
  }));
}

// The full HTML entity table, as the parser's README asks for spec-compliant entity handling.
const VTT_ENTITIES = createRequire(import.meta.url)('webvtt-parser/html-entities.json') as Record<
  string,
  string
>;

function vttText(nodes: VttNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? (n.value ?? '') : vttText(n.children))).join('');
}

function readVtt(vtt: string) {
  const parsed = new WebVTTParser(VTT_ENTITIES).parse(vtt, 'metadata');
  expect(parsed.errors).toEqual([]);
  return parsed.cues.map((c) => ({
    id: c.id,
    start: c.startTime,
    end: c.endTime,
    lines: vttText(c.tree.children).split('\n'),
    tags: c.tree.children.filter((n) => n.type !== 'text').length,
  }));
}

type Cue = { id: string; start: number; end: number; lines: string[] };

function checkShape(cues: readonly Cue[], o: CaptionOptions) {
  cues.forEach((c, i) => {
    expect(c.id).toBe(String(i + 1));
    expect(c.end).toBeGreaterThan(c.start);
    if (i > 0) expect(c.start).toBeGreaterThanOrEqual(cues[i - 1]!.end - 0.0015);
    expect(c.lines.length).toBeLessThanOrEqual(2);
    const chars = [...c.lines.join(' ').replace(JOINER, '')].length;
    // Timestamps are whole milliseconds: allow for the rounding.
    expect(chars / (c.end - c.start + 0.002)).toBeLessThanOrEqual(o.captionMaxCps);
    for (const line of c.lines) {
      expect(line.trim()).not.toBe('');
      expect(displayWidth(line)).toBeLessThanOrEqual(
        Math.max(o.captionLineChars, o.captionLineWideChars * 2),
      );
    }
  });
}

const seedShaped = parseScriptText(
  readFileSync(new URL('../../fixtures/harbor-bridge.txt', import.meta.url), 'utf8'),
);
const harborStory = makeStory({ body: seedShaped.body });

describe('where captions break', () => {
  it('breaks at sentence and clause ends, and never between a first and a last name', () => {
    const chunks = captionChunks(
      'The mayor met Park Ji-won on Friday, and the two spoke for an hour. Commuters waited outside.',
      24,
    );
    for (const lines of chunks) {
      for (const line of lines) {
        expect(line).not.toMatch(/Park$/);
        expect(line).not.toMatch(/^Ji-won/);
      }
    }
    expect(chunks.flat().some((line) => line.endsWith('hour.'))).toBe(true);
    expect(chunks.flat().some((line) => line.endsWith('Friday,'))).toBe(true);
  });

  it('does not end a sentence at an abbreviation', () => {
    const chunks = captionChunks(
      'Officials in the U.S. said the talks had stalled again this week.',
      37,
    );
    expect(chunks.flat().some((line) => line.endsWith('U.S.'))).toBe(false);
  });

  it('measures Korean lines in display columns: a Hangul syllable takes two', () => {
    const korean =
      '일본 정부는 수출 규제와 지소미아는 별개의 문제라는 입장을 되풀이했습니다. 미국은 협정이 유지돼야 한다고 거듭 강조했습니다.';
    const story = makeStory({ text: korean });
    const cues = storyCaptions(story, options());
    for (const c of cues)
      for (const line of c.lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    // The old limit counted characters: 37 of them made a line over 60 columns wide.
    expect(displayWidth([...korean].slice(0, 37).join(''))).toBeGreaterThan(60);
    // Korean has its own limit, in syllables.
    const narrow = storyCaptions(story, options({ captionLineWideChars: 12 }));
    for (const c of narrow)
      for (const line of c.lines) expect(displayWidth(line)).toBeLessThanOrEqual(24);
  });

  it('leaves no one- or two-word orphan and keeps every caption under the reading speed', () => {
    const cues = storyCaptions(harborStory, options());
    for (const c of cues) {
      const text = c.lines.join(' ');
      expect(text.split(' ').length, text).toBeGreaterThan(2);
      expect([...text].length / (c.endSec - c.startSec), text).toBeLessThanOrEqual(20.001);
    }
    const strict = storyCaptions(harborStory, options({ captionMaxCps: 12 }));
    for (const c of strict)
      expect([...c.lines.join(' ')].length / (c.endSec - c.startSec)).toBeLessThanOrEqual(12.001);
  });
});

describe('what captions show: what is said', () => {
  it('leaves out pause marks, pronouncers and parentheses (a caption read “hearing,... many”)', () => {
    const story = makeStory({
      body: [
        {
          type: 'paragraph',
          runs: [
            { text: 'At the hearing,... many residents spoke... about ' },
            { text: 'Raghunathan', pronouncer: 'RAH-goo-NAH-tun' },
            { text: ' (PAUSE) and the bridge…' },
          ],
        },
      ],
    });
    const text = readSrt(storySrt(story, options()))
      .flatMap((c) => c.lines)
      .join(' ');
    expect(text).toBe('At the hearing, many residents spoke about Raghunathan and the bridge');
  });
});

const MARKUP = [
  'She said <i>never</i> and <b>bold</b> words',
  '<font color="red">red</font> and a < b and c > d',
  '{\\an8}moved to the top',
  '--> a line that starts with an arrow',
  'A line break \\N and a hard space \\h here',
  'Ampersands & entities &amp; &lt;i&gt;',
];

describe('SRT and WebVTT read back by srt-parser-2 and webvtt-parser', () => {
  it('captions the read text and the bites, two short lines at a time, timed from the read rate', () => {
    const story = everyBlockStory();
    const srt = readSrt(storySrt(story, options()));
    checkShape(srt, options());
    expect(words(srt.flatMap((c) => c.lines))).toBe(spokenWords(story));
    const vtt = readVtt(storyVtt(story, options()));
    const plain = (cues: readonly Cue[]) =>
      cues.map(({ id, start, end, lines }) => ({
        id,
        start,
        end,
        lines: lines.map((l) => l.replace(JOINER, '')),
      }));
    expect(plain(vtt)).toEqual(plain(srt));
  });

  it('a bite with room to spare is on screen exactly as long as it runs', () => {
    const story = makeStory({
      body: [
        { type: 'paragraph', runs: [{ text: 'Firefighters worked all night.' }] },
        {
          type: 'media',
          kind: 'SOT',
          speaker: 'Kim Min-ji',
          title: '',
          inCue: 'We got',
          outCue: 'by morning.',
          durationSec: 14,
          transcript: 'We got here at midnight\nand had it out by morning.',
        },
      ],
    });
    const cues = readSrt(storySrt(story, options()));
    const bite = cues.filter((c) => /We got|morning/.test(c.lines.join(' ')));
    expect(bite.at(-1)!.end - bite[0]!.start).toBeCloseTo(14, 2);
  });

  it('writes script text that looks like markup so that no player reads it as markup', () => {
    const story = makeStory({
      body: MARKUP.map((text) => ({ type: 'paragraph' as const, runs: [{ text }] })),
    });
    const srt = storySrt(story, options({ captionLineChars: 60 }));
    // Nothing a player takes for a tag, an override or a timing line is left as it was written.
    expect(srt).not.toMatch(/<[\p{L}/!?\s]|\{\\|\\[Nnh]|-->(?! \d\d:)/u);
    const cues = readSrt(srt);
    expect(cues.map((c) => c.lines.join(' ').replace(JOINER, ''))).toEqual(
      MARKUP.map(spokenCaptionText),
    );
    const vtt = readVtt(storyVtt(story, options({ captionLineChars: 60 })));
    expect(vtt.every((c) => c.tags === 0)).toBe(true);
    expect(vtt.map((c) => c.lines.join(' ').replace(JOINER, ''))).toEqual(
      MARKUP.map(spokenCaptionText),
    );
  });

  it('replaces Unicode non-characters, which make players drop a caption', () => {
    const story = makeStory({ text: 'A broken \uFFFE character and \uFFFF another \u{1FFFE}.' });
    const srt = storySrt(story, options());
    expect(srt).not.toMatch(/[\uFFFE\uFFFF]|\u{1FFFE}/u);
    expect(readSrt(srt)[0]!.lines.join(' ')).toContain('\uFFFD character');
  });

  it('keeps any hostile text, neutralised for SubRip and escaped for WebVTT, within the limits', () => {
    fc.assert(
      fc.property(
        hostileStory,
        fc.integer({ min: 20, max: 42 }),
        fc.integer({ min: 8, max: 30 }),
        fc.integer({ min: 8, max: 40 }),
        (s, narrow, wide, cps) => {
          const o = options({
            captionLineChars: narrow,
            captionLineWideChars: wide,
            captionMaxCps: cps,
          });
          const srtText = storySrt(s, o);
          expect(srtText).not.toMatch(/<[\p{L}/!?\s]|\{\\|\\[Nnh]/u);
          const srt = readSrt(srtText);
          const vtt = readVtt(storyVtt(s, o));
          checkShape(srt, o);
          checkShape(vtt, o);
          expect(words(vtt.flatMap((c) => c.lines))).toBe(spokenWords(s));
          expect(vtt.map((c) => c.lines.map((l) => l.replace(JOINER, '')))).toEqual(
            srt.map((c) => c.lines.map((l) => l.replace(JOINER, ''))),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('neutralises each kind of markup on its own', () => {
    expect(srtCaptionText('<i>x</i>')).toBe('<\u2060i>x<\u2060/i>');
    expect(srtCaptionText('{\\an8}')).toBe('{\u2060\\\u2060an8}');
    expect(srtCaptionText('--> x')).toBe('--\u2060> x');
    expect(srtCaptionText('\\N')).toBe('\\\u2060N');
    expect(HOSTILE_LINES.map(srtCaptionText).join('')).not.toMatch(/<[\p{L}/]/u);
  });
});
