import type { Database } from 'better-sqlite3';
import {
  RundownSchema,
  type Rundown,
  type RundownRow,
  type RowKind,
} from '../../shared/rundown/model';
import type { RundownHistoryEntry, RundownSummary } from '../../shared/rundown/history';
import type { RowStory } from '../../shared/rundown/view';
import { ShowTemplateSchema, type ShowTemplate } from '../../shared/rundown/template';
import type { StoryFormat, StoryStatus } from '../../shared/story/model';
import { ArchiveError } from './errors';
import { statement } from './statements';

/** Rundowns, their rows and history, and show templates: repositories over migration 0005. */

type RundownDbRow = {
  id: string;
  title: string;
  air_date: string;
  on_air_sec: number;
  length_sec: number;
  block_budgets_json: string;
  created_at: string;
  updated_at: string;
  version: number;
};

type RowDbRow = {
  id: string;
  kind: RowKind;
  story_id: string | null;
  label: string;
  page: string | null;
  est_sec: number | null;
  actual_sec: number | null;
  floated: number;
  hit_sec: number | null;
};

function rowToRundownRow(r: RowDbRow): RundownRow {
  return {
    id: r.id,
    kind: r.kind,
    storyId: r.story_id,
    label: r.label,
    page: r.page,
    estSec: r.est_sec,
    actualSec: r.actual_sec,
    floated: r.floated === 1,
    hitSec: r.hit_sec,
  };
}

function rowToRundown(r: RundownDbRow, rows: RundownRow[]): Rundown {
  const parsed = RundownSchema.safeParse({
    id: r.id,
    title: r.title,
    airDate: r.air_date,
    onAirSec: r.on_air_sec,
    lengthSec: r.length_sec,
    blockBudgets: JSON.parse(r.block_budgets_json) as unknown,
    rows,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  });
  if (!parsed.success)
    throw new ArchiveError(
      'ARCHIVE_CORRUPT',
      `Rundown ${r.id} in the archive does not match the rundown model: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  return parsed.data;
}

export function getRundown(db: Database, id: string): Rundown | null {
  const row = statement(db, 'SELECT * FROM rundowns WHERE id = ?').get(id) as
    RundownDbRow | undefined;
  if (!row) return null;
  const rows = (
    statement(
      db,
      `SELECT id, kind, story_id, label, page, est_sec, actual_sec, floated, hit_sec
         FROM rundown_rows WHERE rundown_id = ? ORDER BY position`,
    ).all(id) as RowDbRow[]
  ).map(rowToRundownRow);
  return rowToRundown(row, rows);
}

/** Writes a rundown whole: its fields, and its rows in the order given. */
export function putRundown(db: Database, rundown: Rundown): void {
  statement(
    db,
    `INSERT INTO rundowns (id, title, air_date, on_air_sec, length_sec, block_budgets_json,
                           created_at, updated_at, version)
     VALUES (@id, @title, @airDate, @onAirSec, @lengthSec, @blockBudgets, @createdAt, @updatedAt, @version)
     ON CONFLICT (id) DO UPDATE SET
       title = excluded.title, air_date = excluded.air_date, on_air_sec = excluded.on_air_sec,
       length_sec = excluded.length_sec, block_budgets_json = excluded.block_budgets_json,
       updated_at = excluded.updated_at, version = excluded.version`,
  ).run({ ...rundown, blockBudgets: JSON.stringify(rundown.blockBudgets) });
  putRows(db, rundown.id, rundown.rows);
}

/**
 * Makes the stored rows exactly these, in this order: rows no longer present are removed, the
 * others updated in place, so a row keeps its id through every move.
 */
function putRows(db: Database, rundownId: string, rows: readonly RundownRow[]): void {
  const keep = new Set(rows.map((r) => r.id));
  const stored = statement(db, 'SELECT id FROM rundown_rows WHERE rundown_id = ?')
    .pluck()
    .all(rundownId) as string[];
  const remove = statement(db, 'DELETE FROM rundown_rows WHERE id = ?');
  for (const id of stored) if (!keep.has(id)) remove.run(id);
  const upsert = statement(
    db,
    `INSERT INTO rundown_rows (id, rundown_id, position, kind, story_id, label, page, est_sec,
                               actual_sec, floated, hit_sec)
     VALUES (@id, @rundownId, @position, @kind, @storyId, @label, @page, @estSec, @actualSec,
             @floated, @hitSec)
     ON CONFLICT (id) DO UPDATE SET
       position = excluded.position, kind = excluded.kind, story_id = excluded.story_id,
       label = excluded.label, page = excluded.page, est_sec = excluded.est_sec,
       actual_sec = excluded.actual_sec, floated = excluded.floated, hit_sec = excluded.hit_sec
     WHERE rundown_id = excluded.rundown_id`,
  );
  rows.forEach((row, position) => {
    const changed = upsert.run({ ...row, rundownId, position, floated: row.floated ? 1 : 0 });
    if (changed.changes === 0)
      throw new ArchiveError(
        'ARCHIVE_CORRUPT',
        `Row ${row.id} already belongs to another rundown; it was not moved.`,
      );
  });
}

export function deleteRundown(db: Database, id: string): boolean {
  // What the newsroom said about the show goes with it.
  statement(
    db,
    "DELETE FROM replica_notices WHERE id = ? AND kind IN ('rundown', 'rundownClash')",
  ).run(id);
  statement(db, "DELETE FROM replica_marks WHERE kind = 'clash' AND id = ?").run(id);
  return statement(db, 'DELETE FROM rundowns WHERE id = ?').run(id).changes > 0;
}

/** Rundowns by air date and on-air time, with their row counts; optionally one day or a range. */
export function listRundowns(
  db: Database,
  range: { from?: string; to?: string; limit?: number } = {},
): RundownSummary[] {
  const rows = statement(
    db,
    `SELECT r.id, r.title, r.air_date, r.on_air_sec, r.length_sec, r.updated_at,
            (SELECT count(*) FROM rundown_rows WHERE rundown_id = r.id) AS row_count
       FROM rundowns r
      WHERE (@from IS NULL OR r.air_date >= @from) AND (@to IS NULL OR r.air_date <= @to)
      ORDER BY r.air_date DESC, r.on_air_sec, r.title
      LIMIT @limit`,
  ).all({ from: range.from ?? null, to: range.to ?? null, limit: range.limit ?? -1 }) as {
    id: string;
    title: string;
    air_date: string;
    on_air_sec: number;
    length_sec: number;
    updated_at: string;
    row_count: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    airDate: r.air_date,
    onAirSec: r.on_air_sec,
    lengthSec: r.length_sec,
    updatedAt: r.updated_at,
    rowCount: r.row_count,
  }));
}

/** What rows show of their stories: slug, people, status and the stored TRT. */
export function rowStories(db: Database, ids: readonly string[]): RowStory[] {
  if (ids.length === 0) return [];
  const rows = statement(
    db,
    `SELECT id, slug, format, presenter, reporter, status, total_sec,
            EXISTS (SELECT 1 FROM json_each(body_json)
                     WHERE json_extract(value, '$.type') = 'media'
                       AND json_extract(value, '$.durationSec') IS NULL) AS estimated
       FROM stories WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify([...new Set(ids)])) as {
    id: string;
    slug: string;
    format: StoryFormat;
    presenter: string;
    reporter: string;
    status: StoryStatus;
    total_sec: number;
    estimated: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    format: r.format,
    presenter: r.presenter,
    reporter: r.reporter,
    status: r.status,
    trtSec: r.total_sec,
    trtEstimated: r.estimated === 1,
  }));
}

/** The rundowns a story sits in (so deleting it can ask first). */
export function rundownsHolding(
  db: Database,
  storyId: string,
): { id: string; title: string; airDate: string }[] {
  return statement(
    db,
    `SELECT DISTINCT r.id, r.title, r.air_date AS airDate
       FROM rundown_rows rr JOIN rundowns r ON r.id = rr.rundown_id
      WHERE rr.story_id = ? ORDER BY r.air_date DESC, r.title`,
  ).all(storyId) as { id: string; title: string; airDate: string }[];
}

/** Takes a story out of every rundown (when its deletion was confirmed); returns the rundown ids. */
export function removeStoryRows(db: Database, storyId: string): string[] {
  const rundowns = rundownsHolding(db, storyId).map((r) => r.id);
  statement(db, 'DELETE FROM rundown_rows WHERE story_id = ?').run(storyId);
  return rundowns;
}

export function addHistory(
  db: Database,
  rundownId: string,
  entry: Omit<RundownHistoryEntry, 'seq'>,
): void {
  statement(
    db,
    `INSERT INTO rundown_history (rundown_id, at, author, action, row_id, detail_json)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(rundownId, entry.at, entry.author, entry.action, entry.rowId, JSON.stringify(entry.detail));
}

export function listHistory(db: Database, rundownId: string): RundownHistoryEntry[] {
  const rows = statement(
    db,
    `SELECT seq, at, author, action, row_id, detail_json FROM rundown_history
      WHERE rundown_id = ? ORDER BY seq DESC`,
  ).all(rundownId) as {
    seq: number;
    at: string;
    author: string;
    action: RundownHistoryEntry['action'];
    row_id: string | null;
    detail_json: string;
  }[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    author: r.author,
    action: r.action,
    rowId: r.row_id,
    detail: JSON.parse(r.detail_json) as RundownHistoryEntry['detail'],
  }));
}

export function listShowTemplates(db: Database): ShowTemplate[] {
  return (
    statement(db, 'SELECT template_json FROM show_templates ORDER BY name')
      .pluck()
      .all() as string[]
  ).flatMap((json) => {
    const parsed = ShowTemplateSchema.safeParse(JSON.parse(json));
    return parsed.success ? [parsed.data] : [];
  });
}

export function getShowTemplate(db: Database, name: string): ShowTemplate | null {
  const json = statement(db, 'SELECT template_json FROM show_templates WHERE name = ?')
    .pluck()
    .get(name) as string | undefined;
  if (json === undefined) return null;
  const parsed = ShowTemplateSchema.safeParse(JSON.parse(json));
  if (!parsed.success)
    throw new ArchiveError('ARCHIVE_CORRUPT', `The show template “${name}” is damaged.`);
  return parsed.data;
}

export function putShowTemplate(db: Database, template: ShowTemplate, at: string): void {
  statement(
    db,
    `INSERT INTO show_templates (name, template_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET name = excluded.name, template_json = excluded.template_json,
                                      updated_at = excluded.updated_at`,
  ).run(template.name, JSON.stringify(template), at);
}

export function deleteShowTemplate(db: Database, name: string): boolean {
  return statement(db, 'DELETE FROM show_templates WHERE name = ?').run(name).changes > 0;
}
