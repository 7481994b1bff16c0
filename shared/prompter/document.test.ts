import { describe, expect, it } from 'vitest';
import { makeStory } from '../story/testing/makeStory';
import { DEFAULT_TIMING, type TimingSettings } from '../story/timing';
import type { Story } from '../story/model';
import { DEFAULT_PROMPTER_PREFS, prefsOptions } from './prefs';
import {
  buildPrompterDocument,
  readPieces,
  storyBounds,
  storyIndexAt,
  storyStart,
  type DocStory,
} from './document';
import { changedBlocks, pointAt, resolvePoint } from './liveEdit';
import { prompterTimes } from './timers';
import { viewRundown } from '../rundown/view';
import type { Rundown } from '../rundown/model';

const options = prefsOptions(DEFAULT_PROMPTER_PREFS);
const rates = DEFAULT_TIMING.defaults;
const para = (text: string) => ({ type: 'paragraph' as const, runs: [{ text }] });
const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ') + '.';

function show(stories: Story[], timing: TimingSettings = DEFAULT_TIMING) {
  return buildPrompterDocument(
    'SHOW',
    stories.map((story, i) => ({ rowId: `row-${i}`, story })),
    options,
    timing,
  );
}

describe('the prompter document', () => {
  it('keeps the text, marks and pronouncers of a paragraph and counts each word once', () => {
    const pieces = readPieces(
      [
        { text: 'Minister Ragh', bold: true },
        { text: 'unathan', pronouncer: 'RAH-goo-NAH-tun' },
        { text: ' spoke (PAUSE) today.' },
      ],
      rates,
    );
    expect(pieces.map((p) => p.text).join('')).toBe(
      'Minister Raghunathan (RAH-goo-NAH-tun) spoke (PAUSE) today.',
    );
    expect(pieces.filter((p) => p.words > 0).map((p) => p.text)).toEqual([
      'Minister ',
      'Ragh',
      'spoke ',
      'today.',
    ]);
    expect(pieces.find((p) => p.text === 'Ragh')).toMatchObject({ bold: true, words: 1 });
    expect(pieces.find((p) => p.text === 'unathan')).toMatchObject({ words: 0 });
    expect(pieces.find((p) => p.pronouncer)).toMatchObject({
      text: ' (RAH-goo-NAH-tun)',
      words: 0,
    });
  });

  it('shows each story after its marker, reads Hangul at the reader’s syllable rate, and hides cues', () => {
    const timing: TimingSettings = {
      defaults: rates,
      presenters: { 'Kim Min-ji': { ...rates, hangulSyllablesPerMinute: 360 } },
    };
    const doc = show(
      [
        makeStory({ slug: 'FIRE', page: 'A1', text: words(10) }),
        makeStory({
          slug: 'SEOUL',
          page: 'A2',
          presenter: 'Kim Min-ji',
          body: [{ type: 'cue', text: 'TAKE VO' }, para('서울 시청 앞')],
        }),
      ],
      timing,
    );
    expect(doc.stories.map((s) => s.lines.map((l) => l.kind))).toEqual([
      ['slug', 'read'],
      ['slug', 'read'],
    ]);
    expect(doc.stories[0]!.readWords).toBe(10);
    // Five syllables at 360 a minute take as long as 2.5 words at 180.
    expect(doc.stories[1]!.readWords).toBeCloseTo(2.5, 9);
    expect(doc.words).toBeCloseTo(2 + 10 + 2 + 2.5, 9);
    expect(storyBounds(doc)).toEqual([
      { start: 0, end: 12 },
      { start: 12, end: expect.closeTo(16.5, 9) },
    ]);
    expect(storyIndexAt(doc, 12)).toBe(1);
    expect(storyIndexAt(doc, 99)).toBe(1);
    expect(storyStart(doc, 1)).toBe(13);
  });
});

describe('live edits keep the reading place', () => {
  const a = makeStory({ slug: 'A', body: [para(words(20)), para(words(20))] });
  const b = makeStory({ slug: 'B', body: [para(words(30, 'alpha')), para(words(30, 'beta'))] });
  const c = makeStory({ slug: 'C', text: words(10) });

  it('a word changed before the reading line leaves it on the same word', () => {
    const before = show([a, b, c]);
    const w = storyBounds(before)[1]!.start + 2 + 30 + 7.5;
    const point = pointAt(before, w)!;
    expect(point).toMatchObject({ storyId: b.id, block: 1, offset: 7.5 });
    const edited = { ...b, body: [para(words(30, 'gamma')), b.body[1]!] };
    const after = show([a, edited, c]);
    expect(resolvePoint(point, before, after)).toBeCloseTo(w, 9);
    expect(changedBlocks(before.stories[1]!, after.stories[1]!)).toEqual([0]);
  });

  it('a paragraph added above the reading line, or a story moved, leaves it on the same words', () => {
    const before = show([a, b, c]);
    const w = storyBounds(before)[1]!.start + 2 + 30 + 3;
    const point = pointAt(before, w)!;
    const longer = { ...b, body: [para(words(5, 'new')), ...b.body] };
    const after = show([c, a, longer]);
    const expected = storyBounds(after)[2]!.start + 2 + 5 + 30 + 3;
    expect(resolvePoint(point, before, after)).toBeCloseTo(expected, 9);
    expect(changedBlocks(before.stories[1]!, after.stories[2]!)).toEqual([0]);
  });

  it('a story floated while on screen hands the reading line to the one that takes its place', () => {
    const before = show([a, b, c]);
    const point = pointAt(before, storyBounds(before)[1]!.start + 10)!;
    const after = show([a, c]);
    expect(resolvePoint(point, before, after)).toBe(storyBounds(after)[1]!.start);
  });
});

describe('the prompter’s clocks', () => {
  const s1 = makeStory({ text: words(90) });
  const s2 = makeStory({
    body: [
      para(words(45)),
      {
        type: 'media',
        kind: 'SOT',
        speaker: '',
        title: '',
        inCue: '',
        outCue: '',
        durationSec: 20,
        transcript: '',
      },
    ],
  });

  it('counts what is left at the speed set now, with media at its own length', () => {
    const doc = show([s1, s2]);
    const times = prompterTimes(doc, storyStart(doc, 0), 180, null);
    // 90 words at 180 a minute, then 45 words and a 20-second bite.
    expect(times.storyLeftSec).toBeCloseTo(30, 0);
    expect(times.showLeftSec).toBeCloseTo(30 + 15 + 20, 0);
    expect(prompterTimes(doc, storyStart(doc, 1), 90, null).storyLeftSec).toBeCloseTo(30 + 20, 0);
  });

  it('says where the show ends against off-air if the rest is read at this speed', () => {
    const doc = show([s1, s2]);
    const rundown: Pick<Rundown, 'rows' | 'onAirSec' | 'lengthSec' | 'blockBudgets'> = {
      onAirSec: 18 * 3600,
      lengthSec: 120,
      blockBudgets: {},
      rows: [
        {
          id: 'row-0',
          kind: 'story',
          storyId: s1.id,
          label: '',
          page: null,
          estSec: null,
          actualSec: null,
          floated: false,
          hitSec: null,
        },
        {
          id: 'brk',
          kind: 'break',
          storyId: null,
          label: 'BREAK',
          page: null,
          estSec: 30,
          actualSec: null,
          floated: false,
          hitSec: null,
        },
        {
          id: 'row-1',
          kind: 'story',
          storyId: s2.id,
          label: '',
          page: null,
          estSec: null,
          actualSec: null,
          floated: false,
          hitSec: null,
        },
      ],
    };
    const stories = new Map(
      [s1, s2].map((s, i) => [
        s.id,
        {
          id: s.id,
          slug: s.slug,
          format: s.format,
          presenter: s.presenter,
          reporter: '',
          status: s.status,
          trtSec: i === 0 ? 30 : 35,
          trtEstimated: false,
        },
      ]),
    );
    const view = viewRundown(rundown, stories);
    expect(view.overUnderSec).toBe(30 + 30 + 35 - 120);
    const atPlan = prompterTimes(doc, storyStart(doc, 0), 180, view);
    expect(atPlan.overUnderSec).toBeCloseTo(view.overUnderSec, 0);
    expect(atPlan.showLeftSec).toBeCloseTo(95, 0);
    // Read at 90 words a minute, the two stories take 60 + 30 s instead of 30 + 15.
    const slow = prompterTimes(doc, storyStart(doc, 0), 90, view);
    expect(slow.overUnderSec).toBeCloseTo(view.overUnderSec + 45, 0);
  });
});

export type { DocStory };
