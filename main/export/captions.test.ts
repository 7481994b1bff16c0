import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import SrtParser from 'srt-parser-2';
import { WebVTTParser, type VttNode } from 'webvtt-parser';
import { captionLines, storySrt, storyVtt } from './captions';
import { everyBlockStory, hostileStory } from '../../shared/story/testing/scripts';
import type { Story } from '../../shared/story/model';
import { runsText } from '../../shared/story/text';
import { countText, DEFAULT_READ_RATES, secondsToRead } from '../../shared/story/timing';

/** What is spoken, in order: read text and the words of bites and packages. */
function spokenWords(story: Story): string {
  return story.body
    .map((b) =>
      b.type === 'paragraph'
        ? runsText(b.runs)
        : b.type === 'media' && b.durationSec !== 0
          ? b.transcript
          : '',
    )
    .join(' ')
    .replace(/\s+/gu, '');
}

// A line break is a space, except inside Chinese or Japanese, so compare without spaces there.
const words = (lines: string[]) => lines.join(' ').replace(/\s+/gu, '');

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
  }));
}

type Cue = ReturnType<typeof readSrt>[number];

function checkShape(cues: Cue[], max: number) {
  cues.forEach((c, i) => {
    expect(c.id).toBe(String(i + 1));
    expect(c.end).toBeGreaterThan(c.start);
    if (i > 0) expect(c.start).toBeGreaterThanOrEqual(cues[i - 1]!.end - 0.0015);
    expect(c.lines.length).toBeLessThanOrEqual(2);
    for (const line of c.lines) {
      expect(line.trim()).not.toBe('');
      expect([...line].length).toBeLessThanOrEqual(max);
    }
  });
}

describe('caption lines', () => {
  it('breaks at spaces within the limit, Chinese and Japanese anywhere, long words by force', () => {
    expect(captionLines('Firefighters in Busan worked all night to save the ferry.', 32)).toEqual([
      'Firefighters in Busan worked all',
      'night to save the ferry.',
    ]);
    expect(captionLines('東京で大きな地震がありました今朝早く', 8)).toEqual([
      '東京で大きな地震',
      'がありました今朝',
      '早く',
    ]);
    expect(captionLines('x'.repeat(50), 20)).toEqual([
      'x'.repeat(20),
      'x'.repeat(20),
      'x'.repeat(10),
    ]);
  });
});

describe('SRT and WebVTT read back by srt-parser-2 and webvtt-parser', () => {
  const story = everyBlockStory();

  it('captions the read text and the bites, two short lines at a time, timed from the read rate', () => {
    const srt = readSrt(storySrt(story, 37));
    checkShape(srt, 37);
    expect(words(srt.flatMap((c) => c.lines))).toBe(spokenWords(story));

    // The bite is on screen exactly as long as it runs.
    const bite = srt.filter((c) => /We got here|by morning/.test(c.lines.join(' ')));
    expect(bite[bite.length - 1]!.end - bite[0]!.start).toBeCloseTo(14, 2);
    // The first paragraph is timed at the presenter's rate.
    const first = runsText(
      (story.body[1] as Extract<Story['body'][number], { type: 'paragraph' }>).runs,
    );
    const firstEnd = srt.find((c) => c.lines.join(' ').endsWith('ferry.'))!.end;
    expect(firstEnd).toBeCloseTo(
      Math.max(1, secondsToRead(countText(first), DEFAULT_READ_RATES)),
      2,
    );

    const vtt = readVtt(storyVtt(story, 37));
    expect(vtt).toEqual(srt);

    // In Latin script a line break stands for exactly one space.
    const english = { ...story, body: story.body.slice(0, 2) };
    const lines = readSrt(storySrt(english, 32)).flatMap((c) => c.lines);
    expect(lines.join(' ')).toBe('Firefighters in Busan worked all night to save the ferry.');
  });

  it('keeps any hostile text, escaped for WebVTT, within the line limit', () => {
    fc.assert(
      fc.property(hostileStory, fc.integer({ min: 20, max: 42 }), (s, max) => {
        const srt = readSrt(storySrt(s, max));
        const vtt = readVtt(storyVtt(s, max));
        checkShape(vtt, max);
        expect(words(vtt.flatMap((c) => c.lines))).toBe(spokenWords(s));
        expect(vtt.map((c) => c.lines)).toEqual(srt.map((c) => c.lines));
      }),
      { numRuns: 150 },
    );
  });
});
