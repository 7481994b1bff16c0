import type { Block, MediaBlock, Run, Story, StoryFormat } from '../../shared/story/model';
import { STORY_SCHEMA_VERSION } from '../../shared/story/model';
import { createRng, hashSeed, seededUuid, zipfSampler, type Rng } from './prng';
import {
  COMMON_WORDS,
  CUES,
  INSTRUCTIONS,
  KOREAN_WORDS,
  PRESENTERS,
  PRONOUNCED,
  REPORTERS,
  SPEAKER_TITLES,
  STATION,
  TAGS,
  tailWords,
} from './vocabulary';

export const DEFAULT_SEED = 'copydesk-bench-1';

/** The rare word: it is planted in one story in RARE_EVERY, nowhere else. */
export const RARE_WORD = PRONOUNCED[0][0];
const RARE_EVERY = 7919;
const ARCHIVE_START = Date.UTC(2016, 0, 1);
const ARCHIVE_YEARS = 10;
const YEAR_MS = 365.25 * 24 * 3600 * 1000;

const TAIL = tailWords(20_000);
const drawCommon = zipfSampler(COMMON_WORDS.length, 1);
const drawTail = zipfSampler(TAIL.length, 1.05);
/** Share of words that are names from the long tail rather than everyday words. */
const TAIL_SHARE = 0.12;
const drawTag = zipfSampler(TAGS.length, 0.9);
const drawKorean = zipfSampler(KOREAN_WORDS.length, 0.8);

// Slugs are made of topic words (`city`, `police`, `bridge`...), not function words.
const SLUG_TOPICS_FROM = COMMON_WORDS.indexOf('city');

const FORMAT_WEIGHTS: readonly [StoryFormat, number][] = [
  ['READER', 20],
  ['VO', 20],
  ['SOT', 15],
  ['VO/SOT', 15],
  ['PKG', 15],
  ['LIVE', 5],
  ['INTRO', 5],
  ['TAG', 5],
];

const ARCHIVED_STATUS: readonly [Story['status'], number][] = [
  ['aired', 90],
  ['killed', 7],
  ['approved', 3],
];

function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((n, [, w]) => n + w, 0);
  let x = rng.next() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}

type Writer = {
  rng: Rng;
  korean: boolean;
  /** Read words still to write; paragraphs stop when it reaches zero. */
  wordsLeft: number;
  plantRare: boolean;
};

function sentence(w: Writer, length: number): string {
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    if (w.korean) words.push(KOREAN_WORDS[drawKorean(w.rng)]!);
    else if (w.rng.chance(0.02)) words.push(String(w.rng.int(2, 950)));
    else if (w.rng.chance(TAIL_SHARE)) words.push(TAIL[drawTail(w.rng)]!);
    else words.push(COMMON_WORDS[drawCommon(w.rng)]!);
  }
  if (!w.korean) words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
  let text = words.join(' ');
  // A breath mark now and then, as presenters write them.
  if (!w.korean && w.rng.chance(0.05)) text = text.replace(' ', ',... ');
  return `${text}.`;
}

function sentences(w: Writer, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(sentence(w, w.rng.int(8, 22)));
  return out.join(' ');
}

function paragraph(w: Writer): Block {
  const length = Math.min(w.wordsLeft, w.rng.int(12, 45));
  const text = sentence(w, Math.max(length, 4));
  w.wordsLeft -= Math.max(length, 4);
  const runs: Run[] = [{ text }];
  if (w.plantRare) {
    w.plantRare = false;
    runs.push({ text: ' Dr. ' }, { text: RARE_WORD, pronouncer: PRONOUNCED[0][1] }, { text: '.' });
    w.wordsLeft -= 2;
  } else if (!w.korean && w.rng.chance(0.04)) {
    const [word, say] = w.rng.pick(PRONOUNCED.slice(1));
    runs.push({ text: ' Officials named ' }, { text: word, pronouncer: say }, { text: '.' });
    w.wordsLeft -= 3;
  }
  if (!w.korean && w.rng.chance(0.08)) {
    const mark = w.rng.pick(['bold', 'italic', 'underline'] as const);
    runs.splice(1, 0, { text: ' Again:', [mark]: true }, { text: ' that is the latest.' });
    w.wordsLeft -= 5;
  }
  return { type: 'paragraph', runs };
}

function readParagraphs(w: Writer, share: number): Block[] {
  const stopAt = w.wordsLeft * (1 - share);
  const out: Block[] = [];
  do out.push(paragraph(w));
  while (w.wordsLeft > stopAt && w.wordsLeft > 0);
  return out;
}

function personName(rng: Rng): string {
  return `${rng.pick(['Alex', 'Jordan', 'Min-su', 'Elena', 'Omar', 'Ruth', 'Ji-ho', 'Pat'])} ${TAIL[rng.int(0, 3000)]!}`;
}

function firstWords(text: string, n: number): string {
  return text.split(/\s+/).slice(0, n).join(' ');
}

function lastWords(text: string, n: number): string {
  return text.split(/\s+/).slice(-n).join(' ');
}

function soundBite(w: Writer): MediaBlock {
  const transcript = sentences(w, w.rng.int(1, 3));
  return {
    type: 'media',
    kind: 'SOT',
    speaker: personName(w.rng),
    title: w.rng.pick(SPEAKER_TITLES),
    inCue: firstWords(transcript, 3),
    outCue: lastWords(transcript, 3),
    durationSec: w.rng.int(8, 40),
    transcript,
  };
}

function packageBlock(w: Writer, reporter: string): MediaBlock {
  const track = Array.from({ length: w.rng.int(3, 6) }, () => sentences(w, w.rng.int(1, 3)));
  const outCue = `${reporter}, ${STATION}.`;
  return {
    type: 'media',
    kind: 'PKG',
    speaker: reporter,
    title: 'Reporter',
    inCue: firstWords(track[0]!, 3),
    outCue,
    durationSec: w.rng.chance(0.05) ? null : w.rng.int(85, 150),
    transcript: [...track, outCue].join('\n'),
  };
}

function body(w: Writer, format: StoryFormat, reporter: string): Block[] {
  const cue = (text: string): Block => ({ type: 'cue', text });
  const blocks: Block[] = [];
  switch (format) {
    case 'READER':
    case 'INTRO':
    case 'TAG':
      blocks.push(...readParagraphs(w, 1));
      break;
    case 'VO':
      blocks.push(...readParagraphs(w, 0.3), cue('TAKE VO'), ...readParagraphs(w, 1));
      if (w.rng.chance(0.5)) blocks.push(cue(`CG: ${personName(w.rng)}`));
      break;
    case 'SOT':
      blocks.push(...readParagraphs(w, 0.8), cue('TAKE SOT'), soundBite(w));
      blocks.push(...readParagraphs(w, 1));
      break;
    case 'VO/SOT':
      blocks.push(...readParagraphs(w, 0.3), cue('TAKE VO'), ...readParagraphs(w, 0.7));
      blocks.push(cue('TAKE SOT'), soundBite(w), ...readParagraphs(w, 1));
      break;
    case 'PKG':
      blocks.push(...readParagraphs(w, 0.85));
      blocks.push({ type: 'paragraph', runs: [{ text: `${reporter} reports.` }] });
      blocks.push(cue('TAKE PKG'), packageBlock(w, reporter), ...readParagraphs(w, 1));
      break;
    case 'LIVE':
      blocks.push(cue('TAKE LIVE SHOT'), ...readParagraphs(w, 0.5));
      blocks.push({ type: 'instruction', text: '(TURN TO CAM 2)' }, ...readParagraphs(w, 1));
      break;
  }
  if (w.rng.chance(0.1)) {
    const at = w.rng.int(1, blocks.length);
    blocks.splice(at, 0, { type: 'instruction', text: w.rng.pick(INSTRUCTIONS) });
  }
  if (w.rng.chance(0.05)) {
    blocks.push({ type: 'presenter', name: w.rng.pick(PRESENTERS) }, paragraph(w));
  }
  if (w.rng.chance(0.15)) blocks.unshift(cue(w.rng.pick(CUES)));
  return blocks;
}

function slug(rng: Rng, korean: boolean): string {
  if (korean)
    return `${rng.pick(['서울', '부산', '경제', '날씨', '국회'])} ${rng.pick(['속보', '대책', '발표', '현장'])}`;
  const place = TAIL[rng.int(0, 400)]!;
  const topic = COMMON_WORDS[rng.int(SLUG_TOPICS_FROM, COMMON_WORDS.length - 1)]!;
  const more = COMMON_WORDS[rng.int(SLUG_TOPICS_FROM, COMMON_WORDS.length - 1)]!;
  const words = rng.chance(0.4) ? [place, topic, more] : [place, topic];
  return words.join(' ').toUpperCase();
}

const TAG_COUNTS: readonly [number, number][] = [
  [0, 15],
  [1, 35],
  [2, 30],
  [3, 15],
  [4, 5],
];

function tags(rng: Rng): string[] {
  const out: string[] = [];
  const count = weighted(rng, TAG_COUNTS);
  for (let i = 0; i < count * 3 && out.length < count; i++) {
    const tag = TAGS[drawTag(rng)]!;
    if (!out.includes(tag)) out.push(tag);
  }
  return out;
}

/**
 * Story `index` of an archive of `count` stories. Each story has its own random stream, so any
 * story can be made on its own and the same seed always gives the same archive.
 */
export function generateStory(seed: string, index: number, count: number): Story {
  const rng = createRng(hashSeed(seed, index));
  const id = seededUuid(rng);
  const format = weighted(rng, FORMAT_WEIGHTS);
  const korean = rng.chance(0.05);
  const reporter = rng.pick(REPORTERS);
  // Most stories are short; a few run long (80–600 read words).
  const readWords = 80 + Math.floor(520 * Math.pow(rng.next(), 1.6));
  const writer: Writer = {
    rng,
    korean,
    wordsLeft: readWords,
    plantRare: !korean && index % RARE_EVERY === 11,
  };
  const blocks = body(writer, format, reporter);
  const created =
    ARCHIVE_START + Math.floor(((index + rng.next()) / count) * ARCHIVE_YEARS * YEAR_MS);
  const updated = created + rng.int(1, 180) * 60_000;
  const recent = index >= count * 0.99;
  const status: Story['status'] = recent
    ? rng.pick(['draft', 'ready', 'approved'] as const)
    : weighted<Story['status']>(rng, ARCHIVED_STATUS);
  const story: Story = {
    schemaVersion: STORY_SCHEMA_VERSION,
    id,
    slug: slug(rng, korean),
    format,
    presenter: rng.pick(PRESENTERS),
    reporter,
    tags: tags(rng),
    status,
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(updated).toISOString(),
    body: blocks,
  };
  if (rng.chance(0.3)) story.page = `${rng.pick(['A', 'B', 'C'])}${rng.int(1, 30)}`;
  if (rng.chance(0.3)) story.targetSec = rng.int(20, 180);
  return story;
}

/** The whole archive, story by story, without holding it all in memory. */
export function* generateArchive(seed: string, count: number): Generator<Story> {
  for (let i = 0; i < count; i++) yield generateStory(seed, i, count);
}

/**
 * One long story for the editor bench: about `words` read words (an hour-long special is about
 * 10,000) with every block type the editor knows: marks, pronouncers, cues, presenter
 * instructions, presenter cues, sound bites and packages.
 */
export function generateLongStory(seed: string, words: number): Story {
  const rng = createRng(hashSeed(seed, -1));
  const writer: Writer = { rng, korean: false, wordsLeft: words, plantRare: true };
  const blocks: Block[] = [];
  let n = 0;
  while (writer.wordsLeft > 0) {
    blocks.push(paragraph(writer));
    n++;
    if (n % 25 === 0) blocks.push({ type: 'cue', text: rng.pick(CUES) });
    if (n % 40 === 0) blocks.push({ type: 'instruction', text: rng.pick(INSTRUCTIONS) });
    if (n % 60 === 0) blocks.push({ type: 'presenter', name: rng.pick(PRESENTERS) });
    if (n % 50 === 0) blocks.push(soundBite(writer));
    if (n % 120 === 0) blocks.push(packageBlock(writer, rng.pick(REPORTERS)));
    if (n % 30 === 0) {
      blocks.push({
        type: 'paragraph',
        runs: [
          { text: 'Bold ', bold: true },
          { text: 'italic ', italic: true },
          { text: 'underlined', underline: true },
          { text: ' and plain.' },
        ],
      });
    }
  }
  return {
    schemaVersion: STORY_SCHEMA_VERSION,
    id: seededUuid(rng),
    slug: 'ELECTION NIGHT SPECIAL',
    format: 'LIVE',
    presenter: PRESENTERS[0],
    reporter: REPORTERS[0],
    tags: ['elections', 'breaking'],
    status: 'draft',
    createdAt: new Date(ARCHIVE_START + ARCHIVE_YEARS * YEAR_MS).toISOString(),
    updatedAt: new Date(ARCHIVE_START + ARCHIVE_YEARS * YEAR_MS).toISOString(),
    body: blocks,
  };
}
