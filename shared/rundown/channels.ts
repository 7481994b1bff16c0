import { z } from 'zod';
import { channel } from '../ipc/channel';
import { MAX_LENGTH_SEC } from '../story/model';
import { DAY_SEC } from './clock';
import type { RundownHistoryEntry, RundownSummary } from './history';
import {
  BlockBudgetsSchema,
  PageSchema,
  RowLabelSchema,
  RundownSchema,
  ROW_KINDS,
  ShowTimesSchema,
  type Rundown,
} from './model';
import { ShowTemplateSchema, TemplateNameSchema, type ShowTemplate } from './template';
import type { RowStory } from './view';

/** A rundown with what its rows show of their stories: everything the rundown screen needs. */
export type RundownDetail = { rundown: Rundown; stories: RowStory[] };

const RundownIdSchema = z.uuid();
const RowIdSchema = z.uuid();
const lengthSec = z.int().min(0).max(MAX_LENGTH_SEC);
const hitSec = z
  .int()
  .min(0)
  .max(2 * DAY_SEC);
/**
 * The rundown version the change was made against: a different one in the archive means someone
 * else changed the rundown first, and the change is refused as stale. Left out, it applies to
 * whatever is stored (the CLI).
 */
const baseVersion = z.int().min(0).optional();
/** A place in the running order, counted from 0; past the end means at the end. */
const position = z.int().min(0);

const NewRowSchema = z.strictObject({
  /** Given when a removed row is put back (undo), so it keeps its identity. */
  id: RowIdSchema.optional(),
  kind: z.enum(ROW_KINDS),
  storyId: z.uuid().optional(),
  label: RowLabelSchema.optional(),
  page: PageSchema.nullable().optional(),
  estSec: lengthSec.nullable().optional(),
  actualSec: lengthSec.nullable().optional(),
  floated: z.boolean().optional(),
  hitSec: hitSec.nullable().optional(),
});

export const rundownChannels = {
  'rundowns.list': channel(
    z.strictObject({
      from: z.iso.date('a date is written YYYY-MM-DD').optional(),
      to: z.iso.date('a date is written YYYY-MM-DD').optional(),
      /** The latest this many (by air date, then on-air time). */
      limit: z.int().min(1).max(10_000).optional(),
    }),
  ).returns<RundownSummary[]>(),
  'rundowns.get': channel(z.strictObject({ id: RundownIdSchema })).returns<RundownDetail>(),
  'rundowns.create': channel(
    ShowTimesSchema.partial({ lengthSec: true, onAirSec: true })
      .extend({
        title: RundownSchema.shape.title.optional(),
        /** Off-air, seconds from midnight: the length is worked out (a time before on-air is the next day). */
        offAirSec: z
          .int()
          .min(0)
          .max(DAY_SEC - 1)
          .optional(),
        /** Start from this show template: its title, times, budgets, breaks and standing items. */
        template: TemplateNameSchema.optional(),
      })
      .strict(),
  ).returns<RundownDetail>(),
  'rundowns.update': channel(
    z.strictObject({
      id: RundownIdSchema,
      baseVersion,
      title: RundownSchema.shape.title.optional(),
      airDate: ShowTimesSchema.shape.airDate.optional(),
      onAirSec: ShowTimesSchema.shape.onAirSec.optional(),
      lengthSec: ShowTimesSchema.shape.lengthSec.optional(),
      blockBudgets: BlockBudgetsSchema.optional(),
    }),
  ).returns<RundownDetail>(),
  'rundowns.delete': channel(z.strictObject({ id: RundownIdSchema })).returns<{ id: string }>(),
  'rundowns.addRow': channel(
    z.strictObject({
      id: RundownIdSchema,
      baseVersion,
      at: position.optional(),
      /**
       * The row it goes after (null: first), wherever that row is when the change arrives; `at`
       * is where it goes when that row is gone (the end, without one).
       */
      after: RowIdSchema.nullable().optional(),
      row: NewRowSchema,
    }),
  ).returns<RundownDetail & { rowId: string }>(),
  'rundowns.moveRow': channel(
    z.strictObject({
      id: RundownIdSchema,
      baseVersion,
      rowId: RowIdSchema,
      to: position,
      /** As `rundowns.addRow`'s: the row it goes after; `to` when that row is gone. */
      after: RowIdSchema.nullable().optional(),
    }),
  ).returns<RundownDetail>(),
  'rundowns.setRow': channel(
    z.strictObject({
      id: RundownIdSchema,
      baseVersion,
      rowId: RowIdSchema,
      floated: z.boolean().optional(),
      hitSec: hitSec.nullable().optional(),
      actualSec: lengthSec.nullable().optional(),
      estSec: lengthSec.nullable().optional(),
      page: PageSchema.nullable().optional(),
      label: RowLabelSchema.optional(),
    }),
  ).returns<RundownDetail>(),
  'rundowns.removeRow': channel(
    z.strictObject({ id: RundownIdSchema, baseVersion, rowId: RowIdSchema }),
  ).returns<RundownDetail>(),
  'rundowns.history': channel(z.strictObject({ id: RundownIdSchema })).returns<
    RundownHistoryEntry[]
  >(),
  /** The rundowns a story sits in, so that deleting it can ask first. */
  'rundowns.holding': channel(z.strictObject({ storyId: z.uuid() })).returns<
    { id: string; title: string; airDate: string }[]
  >(),
  'showTemplates.list': channel(z.strictObject({})).returns<ShowTemplate[]>(),
  'showTemplates.save': channel(ShowTemplateSchema).returns<ShowTemplate>(),
  /** Keeps a rundown's shape (times, budgets, breaks, standing items) as a template. */
  'showTemplates.fromRundown': channel(
    z.strictObject({ id: RundownIdSchema, name: TemplateNameSchema }),
  ).returns<ShowTemplate>(),
  'showTemplates.delete': channel(z.strictObject({ name: TemplateNameSchema })).returns<{
    name: string;
  }>(),
} as const;
