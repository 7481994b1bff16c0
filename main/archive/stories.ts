import type { Database } from 'better-sqlite3';
import { StorySchema, STORY_SCHEMA_VERSION, type Story } from '../../shared/story/model';
import { storySearchText } from '../../shared/story/text';
import { DEFAULT_TIMING, storyTiming, type TimingSettings } from '../../shared/story/timing';
import type { StorySummary } from '../../shared/ipc/types';
import { ArchiveError } from './errors';
import { filterConditions, type StoryFilters } from './storyFilters';

/** One row of `stories` as SQLite returns it. */
type StoryRow = {
  seq: number;
  id: string;
  model_version: number;
  slug: string;
  format: string;
  presenter: string;
  reporter: string;
  status: string;
  created_at: string;
  updated_at: string;
  body_json: string;
  read_sec: number;
  total_sec: number;
  page: string | null;
  target_sec: number | null;
};

type SummaryRow = Omit<StoryRow, 'body_json' | 'model_version' | 'page' | 'target_sec'>;

const SUMMARY_COLUMNS =
  'seq, id, slug, format, presenter, reporter, status, created_at, updated_at, read_sec, total_sec';

function storyToRow(
  story: Story,
  timingSettings: TimingSettings,
): Omit<StoryRow, 'seq'> & { search_text: string } {
  const timing = storyTiming(story, timingSettings);
  return {
    id: story.id,
    model_version: STORY_SCHEMA_VERSION,
    slug: story.slug,
    format: story.format,
    presenter: story.presenter,
    reporter: story.reporter,
    status: story.status,
    created_at: story.createdAt,
    updated_at: story.updatedAt,
    body_json: JSON.stringify(story.body),
    search_text: storySearchText(story),
    read_sec: timing.readSec,
    total_sec: timing.totalSec,
    page: story.page ?? null,
    target_sec: story.targetSec ?? null,
  };
}

function rowToStory(row: StoryRow, tags: string[]): Story {
  const candidate = {
    schemaVersion: row.model_version,
    id: row.id,
    slug: row.slug,
    format: row.format,
    presenter: row.presenter,
    reporter: row.reporter,
    tags,
    status: row.status,
    ...(row.page !== null && { page: row.page }),
    ...(row.target_sec !== null && { targetSec: row.target_sec }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    body: JSON.parse(row.body_json) as unknown,
  };
  const parsed = StorySchema.safeParse(candidate);
  if (!parsed.success) {
    throw new ArchiveError(
      'ARCHIVE_CORRUPT',
      `Story ${row.id} in the archive does not match the story model: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

function rowToSummary(row: SummaryRow, tags: string[]): StorySummary {
  return {
    id: row.id,
    slug: row.slug,
    format: row.format as StorySummary['format'],
    presenter: row.presenter,
    reporter: row.reporter,
    status: row.status as StorySummary['status'],
    tags,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    readSec: row.read_sec,
    totalSec: row.total_sec,
  };
}

export function getStorySeq(db: Database, id: string): number | null {
  const row = db.prepare('SELECT seq FROM stories WHERE id = ?').get(id) as
    { seq: number } | undefined;
  return row?.seq ?? null;
}

export function getStory(db: Database, id: string): Story | null {
  const row = db.prepare('SELECT * FROM stories WHERE id = ?').get(id) as StoryRow | undefined;
  if (!row) return null;
  return rowToStory(row, tagsOf(db, [row.seq]).get(row.seq) ?? []);
}

/**
 * Inserts or replaces a story and its tags in one transaction. The story must already be valid.
 * The stored read and total times use the archive's presenters and rates.
 */
export function putStory(
  db: Database,
  story: Story,
  timingSettings: TimingSettings = DEFAULT_TIMING,
): void {
  const row = storyToRow(story, timingSettings);
  db.transaction(() => {
    const existing = getStorySeq(db, story.id);
    let seq: number;
    if (existing === null) {
      const info = db
        .prepare(
          `INSERT INTO stories (id, model_version, slug, format, presenter, reporter, status, created_at,
             updated_at, body_json, search_text, read_sec, total_sec, page, target_sec)
           VALUES (@id, @model_version, @slug, @format, @presenter, @reporter, @status, @created_at,
             @updated_at, @body_json, @search_text, @read_sec, @total_sec, @page, @target_sec)`,
        )
        .run(row);
      seq = Number(info.lastInsertRowid);
    } else {
      seq = existing;
      db.prepare(
        `UPDATE stories SET model_version = @model_version, slug = @slug, format = @format,
           presenter = @presenter, reporter = @reporter, status = @status, created_at = @created_at,
           updated_at = @updated_at, body_json = @body_json, search_text = @search_text,
           read_sec = @read_sec, total_sec = @total_sec, page = @page, target_sec = @target_sec
         WHERE seq = @seq`,
      ).run({ ...row, seq });
    }
    setStoryTags(db, seq, story.tags);
  })();
}

/**
 * Recomputes the stored read and total times of every story (after read rates changed), touching
 * only the rows whose times move and never the full-text index.
 */
export function retimeStories(db: Database, timingSettings: TimingSettings): number {
  const rows = db
    .prepare('SELECT seq, presenter, body_json, read_sec, total_sec FROM stories')
    .iterate() as IterableIterator<{
    seq: number;
    presenter: string;
    body_json: string;
    read_sec: number;
    total_sec: number;
  }>;
  const changes: [number, number, number][] = [];
  for (const row of rows) {
    const timing = storyTiming(
      { presenter: row.presenter, body: JSON.parse(row.body_json) as Story['body'] },
      timingSettings,
    );
    if (timing.readSec !== row.read_sec || timing.totalSec !== row.total_sec)
      changes.push([timing.readSec, timing.totalSec, row.seq]);
  }
  const update = db.prepare('UPDATE stories SET read_sec = ?, total_sec = ? WHERE seq = ?');
  db.transaction(() => changes.forEach((c) => update.run(...c)))();
  return changes.length;
}

export function deleteStory(db: Database, id: string): boolean {
  return db.prepare('DELETE FROM stories WHERE id = ?').run(id).changes > 0;
}

function setStoryTags(db: Database, seq: number, tags: readonly string[]): void {
  db.prepare('DELETE FROM story_tags WHERE story_seq = ?').run(seq);
  const ensure = db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING');
  const find = db.prepare('SELECT id FROM tags WHERE name = ?');
  const link = db.prepare('INSERT INTO story_tags (story_seq, tag_id, position) VALUES (?, ?, ?)');
  tags.forEach((tag, position) => {
    ensure.run(tag);
    const { id } = find.get(tag) as { id: number };
    link.run(seq, id, position);
  });
  // Tags no story uses any more would linger in the tag list and filters.
  db.prepare('DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM story_tags)').run();
}

/** Tags of many stories in one query, in each story's own order. */
export function tagsOf(db: Database, seqs: readonly number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (seqs.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT st.story_seq AS seq, t.name AS name FROM story_tags st JOIN tags t ON t.id = st.tag_id
       WHERE st.story_seq IN (SELECT value FROM json_each(?)) ORDER BY st.story_seq, st.position`,
    )
    .all(JSON.stringify(seqs)) as { seq: number; name: string }[];
  for (const { seq, name } of rows) {
    const list = out.get(seq);
    if (list) list.push(name);
    else out.set(seq, [name]);
  }
  return out;
}

export function summariesFor(db: Database, rows: readonly SummaryRow[]): StorySummary[] {
  const tags = tagsOf(
    db,
    rows.map((r) => r.seq),
  );
  return rows.map((r) => rowToSummary(r, tags.get(r.seq) ?? []));
}

/** Summaries of the given stories, in the order of `ids`; unknown ids are skipped. */
export function summariesByIds(db: Database, ids: readonly string[]): StorySummary[] {
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM stories WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as SummaryRow[];
  const byId = new Map(summariesFor(db, rows).map((s) => [s.id, s]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type ListOptions = StoryFilters & { limit: number; offset: number };

export function listStories(
  db: Database,
  options: ListOptions,
): { total: number; items: StorySummary[] } {
  const { conditions, params } = filterConditions(options, 's');
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const { total } = db.prepare(`SELECT count(*) AS total FROM stories s ${where}`).get(params) as {
    total: number;
  };
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS.split(', ')
        .map((c) => `s.${c}`)
        .join(', ')} FROM stories s ${where}
       ORDER BY s.updated_at DESC, s.seq DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: options.limit, offset: options.offset }) as SummaryRow[];
  return { total, items: summariesFor(db, rows) };
}

export function listTags(db: Database): { name: string; count: number }[] {
  return db
    .prepare(
      `SELECT t.name AS name, count(st.story_seq) AS count FROM tags t
       JOIN story_tags st ON st.tag_id = t.id GROUP BY t.id ORDER BY count DESC, t.name COLLATE NOCASE`,
    )
    .all() as { name: string; count: number }[];
}

export { SUMMARY_COLUMNS, type SummaryRow };
