import type { Run, Story } from '../story/model';
import type { PrompterOptions } from '../export/options';
import {
  mediaSeconds,
  ratesFor,
  storyTiming,
  type ReadRates,
  type TimingSettings,
} from '../story/timing';
import { prompterLines, type PrompterLine } from './lines';
import { tokenize } from './words';

/**
 * What the prompter shows, built once from the show's stories and read by every screen that
 * shows it (the operator's view, the talent output). Positions in the show are counted in words
 * (see words.ts), which do not depend on any screen's font or width: each screen maps them to its
 * own pixels (track.ts), so two screens at different sizes show the same place.
 */

/** A piece of read text: a word with its marks, or a pronouncer shown after its word. */
export type Piece = {
  text: string;
  /** Its share of the line's words; 0 for spaces, pronouncers and what is not read. */
  words: number;
  bold?: true;
  italic?: true;
  underline?: true;
  pronouncer?: true;
};

export type DocLine =
  | { kind: 'read'; block: number; pieces: Piece[]; words: number }
  | {
      kind: Exclude<PrompterLine['kind'], 'read'>;
      block: number;
      text: string;
      /**
       * Not read, but given a little time at the reading line so the presenter sees it pass:
       * a marker two words, another line about a third of a word per word it holds.
       */
      words: number;
    };

export type DocStory = {
  id: string;
  /** The rundown row it comes from; null when prompting a single story. */
  rowId: string | null;
  page: string;
  slug: string;
  presenter: string;
  lines: DocLine[];
  /** Every word of the story's lines, the markers' and instructions' share included. */
  words: number;
  /** The words of its read text only: what its read time is made of. */
  readWords: number;
  readSec: number;
  mediaSec: number;
  /** Each sound bite or package: the block it is and how long it runs. */
  media: { block: number; sec: number }[];
  targetSec: number | null;
  updatedAt: string;
  /** Blocks that changed while the show was being prompted, so the screens can mark them. */
  changed?: number[];
};

export type PrompterDocument = { title: string; stories: DocStory[]; words: number };

export type DocEntry = { rowId: string | null; story: Story };

const MARKER_WORDS = 2;

function shownWords(kind: DocLine['kind'], text: string): number {
  if (kind === 'slug') return MARKER_WORDS;
  const tokens = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(tokens * 0.3 * 10) / 10);
}

function marks(run: Run): Pick<Piece, 'bold' | 'italic' | 'underline'> {
  return {
    ...(run.bold && { bold: true }),
    ...(run.italic && { italic: true }),
    ...(run.underline && { underline: true }),
  };
}

/**
 * A paragraph's runs cut into word pieces. Tokens are found in the whole paragraph, so a word
 * that changes marks half-way counts once (on its first piece).
 */
export function readPieces(runs: readonly Run[], rates: ReadRates): Piece[] {
  const text = runs.map((r) => r.text).join('');
  const tokens = tokenize(text, rates);
  const pieces: Piece[] = [];
  let runIndex = 0;
  let runEnd = runs[0]?.text.length ?? 0;
  let at = 0;
  const endOfRun = () => {
    const run = runs[runIndex]!;
    if (run.pronouncer) pieces.push({ text: ` (${run.pronouncer})`, words: 0, pronouncer: true });
    runIndex++;
    runEnd += runs[runIndex]?.text.length ?? 0;
  };
  for (const token of tokens) {
    let start = at;
    const end = at + token.text.length;
    let words = token.words;
    while (start < end) {
      const cut = Math.min(end, runEnd);
      pieces.push({ text: text.slice(start, cut), words, ...marks(runs[runIndex]!) });
      words = 0;
      start = cut;
      if (cut === runEnd) endOfRun();
    }
    at = end;
  }
  return pieces;
}

/** The reader's rates at each block of the story: a presenter cue switches them. */
function ratesByBlock(story: Story, timing: TimingSettings): ReadRates[] {
  let rates = ratesFor(timing, story.presenter);
  return story.body.map((block) => {
    if (block.type === 'presenter') rates = ratesFor(timing, block.name);
    return rates;
  });
}

export function buildDocStory(
  entry: DocEntry,
  options: PrompterOptions,
  timing: TimingSettings,
): DocStory {
  const { story } = entry;
  const rates = ratesByBlock(story, timing);
  const lines = prompterLines(story, options, timing).map((line): DocLine => {
    if (line.kind !== 'read') return { ...line, words: shownWords(line.kind, line.text) };
    const pieces = readPieces(line.runs, rates[line.block]!);
    return { kind: 'read', block: line.block, pieces, words: sum(pieces.map((p) => p.words)) };
  });
  const times = storyTiming(story, timing);
  return {
    id: story.id,
    rowId: entry.rowId,
    page: story.page ?? '',
    slug: story.slug,
    presenter: story.presenter,
    lines,
    words: sum(lines.map((l) => l.words)),
    readWords: sum(lines.map((l) => (l.kind === 'read' ? l.words : 0))),
    readSec: times.readSec,
    mediaSec: times.mediaSec,
    media: story.body.flatMap((block, i) =>
      block.type === 'media' ? [{ block: i, sec: mediaSeconds(block, timing.defaults) }] : [],
    ),
    targetSec: story.targetSec ?? null,
    updatedAt: story.updatedAt,
  };
}

export function buildPrompterDocument(
  title: string,
  entries: readonly DocEntry[],
  options: PrompterOptions,
  timing: TimingSettings,
): PrompterDocument {
  return assembleDocument(
    title,
    entries.map((e) => buildDocStory(e, options, timing)),
  );
}

export function assembleDocument(title: string, stories: DocStory[]): PrompterDocument {
  return { title, stories, words: sum(stories.map((s) => s.words)) };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Where each story starts and ends, in words from the top of the show. */
export function storyBounds(doc: PrompterDocument): { start: number; end: number }[] {
  let at = 0;
  return doc.stories.map((s) => {
    const start = at;
    at += s.words;
    return { start, end: at };
  });
}

/** The story at a position (the last one at or past the end). */
export function storyIndexAt(doc: PrompterDocument, w: number): number {
  const bounds = storyBounds(doc);
  const i = bounds.findIndex((b) => w < b.end);
  return i < 0 ? doc.stories.length - 1 : i;
}

/** Where a jump to a story lands: its marker at the reading line. */
export function storyStart(doc: PrompterDocument, index: number): number {
  const bounds = storyBounds(doc);
  const b = bounds[Math.max(0, Math.min(index, bounds.length - 1))];
  return b ? b.start + MARKER_WORDS / 2 : 0;
}
