import type { StoryFormat, StoryStatus } from '../story/model';
import { blocksOf, pagesOf } from './blocks';
import { offAirSec, type Rundown, type RundownRow } from './model';
import { formatClock } from './clock';
import { rowDuration, showTiming, type RowClock } from './timing';
import { formatDuration } from '../story/timing';

/** What a rundown row shows of its story; the archive keeps it current as the script changes. */
export type RowStory = {
  id: string;
  slug: string;
  format: StoryFormat;
  presenter: string;
  reporter: string;
  status: StoryStatus;
  /** The story's TRT from its script (read time + media time). */
  trtSec: number;
  /** True when some of that time is estimated (media without a duration). */
  trtEstimated: boolean;
};

export type RundownLine = {
  row: RundownRow;
  block: string;
  page: string;
  /** The story's slug, or the break's or item's name. */
  slug: string;
  story: RowStory | null;
  /** The estimate that counts: the typed one, else the story's TRT. */
  estSec: number;
  /** True when the estimate comes from a script with estimated media. */
  estEstimated: boolean;
  /** What the row counts for in the show (0 when floated). */
  durSec: number;
  /** Front, back and cume; null when floated. */
  clock: RowClock | null;
};

export type BlockSummary = {
  name: string;
  totalSec: number;
  budgetSec: number | null;
  /** Over (positive) or under against the block's budget; null without one. */
  overUnderSec: number | null;
};

/** A row with a hard hit, and whether the rows above reach it on time. */
export type HitSummary = {
  rowId: string;
  page: string;
  slug: string;
  hitSec: number;
  /** Heavy (positive) or light (negative) into the hit. */
  intoHitSec: number;
};

export type RundownView = {
  lines: RundownLine[];
  /** The rows with a hard hit that count (not floated), in running order. */
  hits: HitSummary[];
  blocks: BlockSummary[];
  onAirSec: number;
  offAirSec: number;
  endSec: number;
  totalSec: number;
  overUnderSec: number;
};

/** Everything the rundown screen, the CLI and the exports show, computed from one rundown. */
export function viewRundown(
  rundown: Pick<Rundown, 'rows' | 'onAirSec' | 'lengthSec' | 'blockBudgets'>,
  stories: ReadonlyMap<string, RowStory>,
): RundownView {
  const blocks = blocksOf(rundown.rows);
  const pages = pagesOf(rundown.rows, blocks);
  const ests = rundown.rows.map((row) => {
    const story = row.storyId === null ? undefined : stories.get(row.storyId);
    return row.estSec ?? story?.trtSec ?? 0;
  });
  const durs = rundown.rows.map((row, i) => rowDuration({ ...row, estSec: ests[i]! }));
  const end = offAirSec(rundown);
  const timing = showTiming(
    rundown.rows.map((row, i) => ({ durSec: durs[i]!, floated: row.floated, hitSec: row.hitSec })),
    rundown.onAirSec,
    end,
  );

  const lines = rundown.rows.map((row, i): RundownLine => {
    const story = (row.storyId !== null && stories.get(row.storyId)) || null;
    return {
      row,
      block: blocks[i]!,
      page: pages[i]!,
      slug: story ? story.slug : row.label,
      story,
      estSec: ests[i]!,
      estEstimated: row.estSec === null && (story?.trtEstimated ?? false),
      durSec: durs[i]!,
      clock: timing.rows[i]!,
    };
  });

  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.block, (totals.get(line.block) ?? 0) + line.durSec);
  const blockSummaries = [...totals].map(([name, totalSec]): BlockSummary => {
    const budgetSec = rundown.blockBudgets[name] ?? null;
    return {
      name,
      totalSec,
      budgetSec,
      overUnderSec: budgetSec === null ? null : totalSec - budgetSec,
    };
  });

  const hits = lines.flatMap((line): HitSummary[] =>
    line.clock === null || line.clock.intoHitSec === null || line.row.hitSec === null
      ? []
      : [
          {
            rowId: line.row.id,
            page: line.page,
            slug: line.slug,
            hitSec: line.row.hitSec,
            intoHitSec: line.clock.intoHitSec,
          },
        ],
  );

  return {
    lines,
    hits,
    blocks: blockSummaries,
    onAirSec: rundown.onAirSec,
    offAirSec: end,
    endSec: timing.endSec,
    totalSec: timing.totalSec,
    overUnderSec: timing.overUnderSec,
  };
}

/**
 * A hard hit in words, for a tooltip or a reader: where the rows above end, and what that means
 * for the producer — cut (heavy), fill (light), or nothing (on time).
 */
export function describeHit(hitSec: number, intoHitSec: number): string {
  const at = `Hard hit ${formatClock(hitSec)}`;
  if (intoHitSec === 0) return `${at}: the rows above reach it on time.`;
  const ends = formatClock(hitSec + intoHitSec);
  const by = formatDuration(Math.abs(intoHitSec));
  return intoHitSec > 0
    ? `${at}: the rows above end at ${ends}, ${by} heavy. Cut ${by} above it, or it is missed.`
    : `${at}: the rows above end at ${ends}, ${by} light. ${by} before it is open, to fill.`;
}
