import { describe, expect, it } from 'vitest';
import {
  countText,
  formatDuration,
  parseDuration,
  parseLength,
  storyTiming,
  DEFAULT_READ_RATES,
} from './timing';
import type { Block } from './model';

const para = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });

describe('countText', () => {
  it('counts words and ignores pause marks', () => {
    expect(countText('Just about eight hours from now,... the pact ends.').words).toBe(9);
    expect(countText('the deal... unless … Tokyo').words).toBe(4);
  });

  it('does not count what is in parentheses (pronouncers, instructions)', () => {
    expect(countText('Minister Raghunathan (RAH-goo-NAH-tun) spoke (PAUSE) today').words).toBe(4);
  });

  it('counts hyphenated words and abbreviations once', () => {
    expect(countText('The U.S. intel-sharing deal').words).toBe(4);
  });

  it('counts Hangul syllables and CJK characters apart from words', () => {
    expect(countText('정부는 오늘 회의를 열었습니다')).toEqual({ words: 0, hangul: 13, cjk: 0 });
    expect(countText('東京で会議')).toEqual({ words: 0, hangul: 0, cjk: 5 });
    expect(countText('GSOMIA 협정이 종료됩니다')).toEqual({ words: 1, hangul: 8, cjk: 0 });
  });
});

describe('storyTiming', () => {
  it('times read text at 180 words a minute by default', () => {
    const body = [para(Array.from({ length: 90 }, () => 'word').join(' '))];
    expect(storyTiming({ body }).readSec).toBe(30);
  });

  it('does not time cues or presenter instructions', () => {
    const body: Block[] = [
      { type: 'cue', text: 'TAKE VO and a great many more words here' },
      { type: 'instruction', text: 'TURN TO CAMERA TWO NOW PLEASE' },
      para('one two three'),
    ];
    expect(storyTiming({ body }).read.words).toBe(3);
  });

  it('adds media durations to TRT and estimates untimed media from its transcript', () => {
    const body: Block[] = [
      para(Array.from({ length: 30 }, () => 'word').join(' ')),
      {
        type: 'media',
        kind: 'SOT',
        speaker: '',
        title: '',
        inCue: '',
        outCue: '',
        durationSec: 25,
        transcript: '',
      },
      {
        type: 'media',
        kind: 'PKG',
        speaker: '',
        title: '',
        inCue: '',
        outCue: '',
        durationSec: null,
        transcript: Array.from({ length: 60 }, () => 'track').join(' '),
      },
    ];
    const t = storyTiming({ body });
    expect(t).toMatchObject({ readSec: 10, mediaSec: 45, estimatedMedia: 1, totalSec: 55 });
  });

  it('times Korean by syllables at the Korean rate', () => {
    const body = [para('가'.repeat(340))];
    expect(storyTiming({ body }, { defaults: DEFAULT_READ_RATES, presenters: {} }).readSec).toBe(
      60,
    );
  });
});

describe('presenters and pronouncers', () => {
  const words = (n: number) => para(Array.from({ length: n }, () => 'word').join(' '));
  const settings = {
    defaults: DEFAULT_READ_RATES,
    presenters: {
      'Dana Reyes': { ...DEFAULT_READ_RATES, wordsPerMinute: 150 },
      'sports desk': { ...DEFAULT_READ_RATES, wordsPerMinute: 200 },
    },
  };

  it('starts at the story presenter’s rate and switches at a presenter cue', () => {
    const body: Block[] = [words(150), { type: 'presenter', name: 'Sports Desk' }, words(200)];
    // 150 words at 150 wpm + 200 words at 200 wpm
    expect(storyTiming({ body, presenter: 'dana reyes' }, settings).readSec).toBe(120);
    // Without the story presenter the first part is at the default 180 wpm: 50 s + 60 s.
    expect(storyTiming({ body }, settings).readSec).toBe(110);
  });

  it('an unknown presenter reads at the default rate', () => {
    expect(
      storyTiming({ body: [{ type: 'presenter', name: 'Guest' }, words(180)] }, settings).readSec,
    ).toBe(60);
  });

  it('does not time a pronouncer', () => {
    const body: Block[] = [
      {
        type: 'paragraph',
        runs: [
          { text: 'Minister ' },
          { text: 'Raghunathan', pronouncer: 'RAH-goo-NAH-tun' },
          { text: ' spoke.' },
        ],
      },
    ];
    expect(storyTiming({ body }).read.words).toBe(3);
  });
});

describe('durations', () => {
  it.each([
    [0, '0:00'],
    [59, '0:59'],
    [105, '1:45'],
    [3723, '1:02:03'],
  ])('formats %d s as %s', (s, text) => expect(formatDuration(s)).toBe(text));

  it.each([
    ['1:45', 105],
    [':20', 20],
    ['0:08', 8],
    ['1:02:03', 3723],
    ['75', 75],
    ['1:75', null],
    ['abc', null],
    ['', null],
  ])('parses %j as %j', (text, s) => expect(parseDuration(text)).toBe(s));

  it.each([
    ['6:00:00', 21_600],
    ['21600', 21_600],
    ['6:00:01', null],
    ['12:34:56', null],
    ['99999', null],
    ['1:75', null],
  ])('takes %j as a length of %j (six hours at most)', (text, s) =>
    expect(parseLength(text)).toBe(s),
  );
});
