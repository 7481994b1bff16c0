import { z } from 'zod';
import { LineTextSchema, MAX_LENGTH_SEC } from '../story/model';
import { DAY_SEC } from './clock';

/**
 * A rundown: one show's running order. Its rows are stories from the archive, commercial breaks
 * and plain items (HEADLINES, WEATHER WALL) that have a length but no script. Blocks are not
 * stored: the breaks cut the show into them (see blocks.ts).
 */
export const ROW_KINDS = ['story', 'break', 'item'] as const;
export type RowKind = (typeof ROW_KINDS)[number];

const lengthSec = z.int().min(0).max(MAX_LENGTH_SEC);
/** A clock time in the show, in seconds from the air date's midnight (a late show runs past it). */
const showClockSec = z
  .int()
  .min(0)
  .max(2 * DAY_SEC);

export const PageSchema = LineTextSchema.transform((s) => s.trim()).pipe(
  z
    .string()
    .min(1, 'a page number must not be empty')
    .max(12, 'a page number is 12 characters at most'),
);

export const RowLabelSchema = LineTextSchema.transform((s) => s.trim()).pipe(
  z.string().max(120, 'a row label is 120 characters at most'),
);

export const RundownRowSchema = z
  .strictObject({
    id: z.uuid(),
    kind: z.enum(ROW_KINDS),
    /** The story a story row shows; null for breaks and items. */
    storyId: z.uuid().nullable(),
    /** What a break or an item is called; empty for a story row (its slug is the story's). */
    label: RowLabelSchema,
    /** A page number typed by hand, kept as typed; null to number the row by its place. */
    page: PageSchema.nullable(),
    /**
     * A typed length: a break's fixed length, an item's estimate, or a producer's estimate that
     * overrides a story's own time. Null for a story row timed from its script.
     */
    estSec: lengthSec.nullable(),
    /** The length it really ran, entered after air. */
    actualSec: lengthSec.nullable(),
    /** Out of the show's timing, the prompter and machine control, but kept in the rundown. */
    floated: z.boolean(),
    /** A hard hit: the clock time the row must start at. */
    hitSec: showClockSec.nullable(),
  })
  .superRefine((row, ctx) => {
    if (row.kind === 'story' && row.storyId === null)
      ctx.addIssue({ code: 'custom', message: 'a story row needs a story' });
    if (row.kind !== 'story' && row.storyId !== null)
      ctx.addIssue({ code: 'custom', message: `a ${row.kind} row has no story` });
    if (row.kind !== 'story' && row.label === '')
      ctx.addIssue({ code: 'custom', message: `a ${row.kind} needs a name` });
  });
export type RundownRow = z.infer<typeof RundownRowSchema>;

/**
 * A row's typed length as it is stored: cleared (or never typed), a story's row goes back to its
 * script's time (null); a break or an item has no script, and its length is 0:00.
 */
export function storedEstSec(
  kind: RundownRow['kind'],
  estSec: number | null | undefined,
): number | null {
  return estSec ?? (kind === 'story' ? null : 0);
}

export const BLOCK_NAME = /^[A-Z]{1,2}$/;
/** Time budgets for blocks, by block name (`A`, `B` …), in seconds. */
export const BlockBudgetsSchema = z.record(
  z.string().regex(BLOCK_NAME, 'a block is named by letters, A to ZZ'),
  lengthSec,
);

/** A rundown holds at most this many rows; a two-hour show has about a hundred. */
export const MAX_ROWS = 1000;

export const ShowTimesSchema = z.strictObject({
  /** Air date, YYYY-MM-DD. */
  airDate: z.iso.date('a date is written YYYY-MM-DD'),
  /** On-air, seconds from midnight. */
  onAirSec: z
    .int()
    .min(0)
    .max(DAY_SEC - 1),
  /** The show's planned length; off-air is on-air plus this. */
  lengthSec: z.int().min(1).max(DAY_SEC),
});

export const RundownSchema = ShowTimesSchema.extend({
  id: z.uuid(),
  title: LineTextSchema.transform((s) => s.trim()).pipe(
    z.string().min(1, 'a rundown needs a title').max(120, 'a title is 120 characters at most'),
  ),
  blockBudgets: BlockBudgetsSchema,
  rows: z.array(RundownRowSchema).max(MAX_ROWS),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  /** Counts every change; a change made against an older version is refused as stale. */
  version: z.int().min(0),
});
export type Rundown = z.infer<typeof RundownSchema>;

export function offAirSec(show: { onAirSec: number; lengthSec: number }): number {
  return show.onAirSec + show.lengthSec;
}
