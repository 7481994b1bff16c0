import fc from 'fast-check';
import type { Block, Run, Story } from '../model';
import { StorySchema } from '../model';
import { foldControls } from '../controlChars';
import { normalizeRuns } from '../text';
import { makeStory } from './makeStory';

/**
 * Scripts for the format tests: every block type the model has, and text chosen to break
 * writers (RTF and XML specials, a CDATA terminator, right-to-left, emoji with joiners, zero-
 * width characters, Hangul, a non-character XML forbids, a very long line).
 */
export const HOSTILE_LINES = [
  'Braces {like this}, \\backslashes\\ and \\par in text',
  'XML’s five: & < > " \' and a CDATA end ]]> inside',
  '한국어 방송 원고입니다, 中文新闻, 日本語のニュース',
  'Emoji 🎙️📺 and a family 👨‍👩‍👧 with joiners',
  'Zero\u200Bwidth\u200Cjoiners and \u202Ebidi override\u202C',
  'مرحبا بالعالم — right-to-left Arabic and עברית',
  'Markdown *stars* _under_ `code` # hash [link](x) <b>tag</b> 1. list',
  `A very long line: ${'word '.repeat(120).trim()}`,
];

export function everyBlockStory(overrides: Partial<Story> = {}): Story {
  return makeStory({
    slug: 'FERRY FIRE {A&B} ]]> 부산',
    format: 'VO/SOT',
    presenter: 'Dana Reyes',
    reporter: 'Park Ji-won',
    tags: ['fire', '부산', 'a&b'],
    page: 'A3',
    targetSec: 90,
    body: [
      { type: 'cue', text: 'TAKE VO' },
      {
        type: 'paragraph',
        runs: [
          { text: 'Firefighters in ' },
          { text: 'Busan', pronouncer: 'BOO-sahn' },
          { text: ' worked ' },
          { text: 'all night', bold: true },
          { text: ' to ' },
          { text: 'save', italic: true },
          { text: ' the ' },
          { text: 'ferry', underline: true },
          { text: '.' },
        ],
      },
      { type: 'instruction', text: '(TURN TO CAM 2)' },
      {
        type: 'media',
        kind: 'SOT',
        speaker: 'Kim Min-ji',
        title: 'Fire chief',
        inCue: 'We got here',
        outCue: 'by morning.',
        durationSec: 14,
        transcript: 'We got here at midnight\nand had it out by morning.',
      },
      { type: 'presenter', name: 'Lee Sun' },
      { type: 'paragraph', runs: [{ text: '부산 소방본부는 오늘 아침 진화를 마쳤습니다.' }] },
      { type: 'cue', text: 'CG: Kim Min-ji / Fire chief' },
      {
        type: 'media',
        kind: 'PKG',
        speaker: 'Park Ji-won',
        title: '',
        inCue: 'The ferry left',
        outCue: 'Park Ji-won, Harbor City News.',
        durationSec: 95,
        transcript: 'The ferry left Busan at ten.\n\nPark Ji-won, Harbor City News.',
      },
      ...HOSTILE_LINES.map((text): Block => ({ type: 'paragraph', runs: [{ text }] })),
      { type: 'instruction', text: 'PAUSE & <BREATHE> ]]>' },
    ],
    ...overrides,
  });
}

/** Text fast-check invents: any graphemes, control characters folded as the importer does. */
const hostileText = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }),
    fc.constantFrom(...HOSTILE_LINES, '{\\rtf1}', ']]>', '&amp;', '\uFFFE', '\u202E', '\u200D'),
  )
  .map((t) => foldControls(t).trim())
  .filter((t) => t !== '');

const run: fc.Arbitrary<Run> = fc
  .record({
    text: hostileText,
    bold: fc.boolean(),
    italic: fc.boolean(),
    underline: fc.boolean(),
  })
  .map(({ text, bold, italic, underline }) => ({
    text: `${text} `,
    ...(bold ? { bold: true as const } : {}),
    ...(italic ? { italic: true as const } : {}),
    ...(underline ? { underline: true as const } : {}),
  }));

const block: fc.Arbitrary<Block> = fc.oneof(
  fc
    .array(run, { minLength: 1, maxLength: 4 })
    .map((runs): Block => ({ type: 'paragraph', runs: normalizeRuns(trimLast(runs)) })),
  hostileText.map((text): Block => ({ type: 'cue', text })),
  hostileText.map((text): Block => ({ type: 'instruction', text })),
  fc
    .record({ speaker: hostileText, transcript: hostileText, sec: fc.nat(300) })
    .map(({ speaker, transcript, sec }): Block => ({
      type: 'media',
      kind: 'SOT',
      speaker,
      title: '',
      inCue: transcript.split(' ')[0]!,
      outCue: transcript,
      durationSec: sec,
      transcript,
    })),
);

function trimLast(runs: Run[]): Run[] {
  const last = runs[runs.length - 1]!;
  return [...runs.slice(0, -1), { ...last, text: last.text.trimEnd() }];
}

/** A valid story with hostile text in every block. */
export const hostileStory: fc.Arbitrary<Story> = fc
  .record({ slug: hostileText, body: fc.array(block, { minLength: 1, maxLength: 5 }) })
  .map(({ slug, body }) =>
    StorySchema.parse(makeStory({ slug: [...slug].slice(0, 60).join(''), body })),
  );

/**
 * A read line and a package after it, by default with no duration yet (timed from its words, so
 * every format must mark its time as an estimate).
 */
export function packageStory(
  pkg: Partial<Extract<Block, { type: 'media' }>> = {},
  overrides: Partial<Story> = {},
): Story {
  return makeStory({
    body: [
      { type: 'paragraph', runs: [{ text: 'The anchor reads this line.' }] },
      {
        type: 'media',
        kind: 'PKG',
        speaker: 'Park Ji-won',
        title: 'Harbor City News',
        inCue: 'City officials',
        outCue: 'Harbor City News.',
        durationSec: null,
        transcript:
          'City officials met through the night to keep one lane open.\nPark Ji-won, Harbor City News.',
        ...pkg,
      },
    ],
    ...overrides,
  });
}
