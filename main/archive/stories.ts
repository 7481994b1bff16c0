import type { Database } from 'better-sqlite3';
import { StorySchema, STORY_SCHEMA_VERSION, type Story } from '../../shared/story/model';
import { storySearchText } from '../../shared/story/text';
import { storyTiming } from '../../shared/story/timing';
import type { StorySummary } from '../../shared/ipc/types';
import { ArchiveError } from './errors';
import { statement } from './statements';

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
};

type SummaryRow = Omit<StoryRow, 'body_json' | 'model_version'>;

const SUMMARY_COLUMNS =
  'seq, id, slug, format, presenter, reporter, status, created_at, updated_at, read_sec, total_sec';

function storyToRow(story: Story): Omit<StoryRow, 'seq'> & { search_text: string } {
  const timing = storyTiming(story);
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
  const row = statement(db, 'SELECT seq FROM stories WHERE id = ?').get(id) as
    { seq: number } | undefined;
  return row?.seq ?? null;
}

export function getStory(db: Database, id: string): Story | null {
  const row = statement(db, 'SELECT * FROM stories WHERE id = ?').get(id) as StoryRow | undefined;
  if (!row) return null;
  return rowToStory(row, tagsOf(db, [row.seq]).get(row.seq) ?? []);
}

// Bound by position: binding by name costs a lookup per column per row, which a bulk import feels.
const INSERT_STORY = `INSERT INTO stories (id, model_version, slug, format, presenter, reporter, status,
    created_at, updated_at, body_json, search_text, read_sec, total_sec)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function insertValues(row: ReturnType<typeof storyToRow>): (string | number)[] {
  return [
    row.id,
    row.model_version,
    row.slug,
    row.format,
    row.presenter,
    row.reporter,
    row.status,
    row.created_at,
    row.updated_at,
    row.body_json,
    row.search_text,
    row.read_sec,
    row.total_sec,
  ];
}

/**
 * Many stories by id, in the order asked, in two queries (rows, then all their tags) rather than
 * two per story; ids not in the archive are left out. Each is checked against the model.
 */
export function getStories(db: Database, ids: readonly string[]): Story[] {
  const rows = statement(
    db,
    'SELECT * FROM stories WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ids)) as StoryRow[];
  const tags = tagsOf(
    db,
    rows.map((r) => r.seq),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [rowToStory(row, tags.get(row.seq) ?? [])] : [];
  });
}

/** Inserts or replaces a story and its tags in one transaction. The story must already be valid. */
export function putStory(db: Database, story: Story): void {
  const row = storyToRow(story);
  db.transaction(() => {
    const existing = getStorySeq(db, story.id);
    let seq: number;
    if (existing === null) {
      seq = Number(statement(db, INSERT_STORY).run(insertValues(row)).lastInsertRowid);
    } else {
      seq = existing;
      statement(
        db,
        `UPDATE stories SET model_version = @model_version, slug = @slug, format = @format,
           presenter = @presenter, reporter = @reporter, status = @status, created_at = @created_at,
           updated_at = @updated_at, body_json = @body_json, search_text = @search_text,
           read_sec = @read_sec, total_sec = @total_sec
         WHERE seq = @seq`,
      ).run({ ...row, seq });
      statement(db, 'DELETE FROM story_tags WHERE story_seq = ?').run(seq);
    }
    linkTags(db, seq, story.tags, new Map());
    // Tags no story uses any more would linger in the tag list and filters.
    if (existing !== null) dropUnusedTags(db);
  })();
}

/** Thrown by insertStories when a story's id is already in the archive; nothing was written. */
export class StoryExistsError extends Error {
  readonly id: string;
  readonly slug: string;
  constructor(id: string, slug: string) {
    super(`A story with id ${id} (“${slug || 'UNTITLED'}”) is already in the archive.`);
    this.name = 'StoryExistsError';
    this.id = id;
    this.slug = slug;
  }
}

/**
 * Adds many new stories in one transaction: all of them, or none when one fails (an id already
 * in the archive throws StoryExistsError). The stories must already be valid. This is the bulk
 * path: statements are compiled once and tag ids are looked up once per batch.
 */
export function insertStories(db: Database, stories: readonly Story[]): number[] {
  const insert = statement(db, INSERT_STORY);
  const tagIds = new Map<string, number>();
  const seqs: number[] = [];
  try {
    db.transaction(() => {
      for (const story of stories) {
        const seq = Number(insert.run(insertValues(storyToRow(story))).lastInsertRowid);
        linkTags(db, seq, story.tags, tagIds);
        seqs.push(seq);
      }
    })();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      const taken = stories.find((s) => getStorySeq(db, s.id) !== null);
      if (taken) throw new StoryExistsError(taken.id, taken.slug);
    }
    throw error;
  }
  return seqs;
}

export function deleteStory(db: Database, id: string): boolean {
  const deleted = statement(db, 'DELETE FROM stories WHERE id = ?').run(id).changes > 0;
  if (deleted) dropUnusedTags(db);
  return deleted;
}

/** `tagIds` remembers ids by lower-cased name (tag names are unique without case). */
function linkTags(
  db: Database,
  seq: number,
  tags: readonly string[],
  tagIds: Map<string, number>,
): void {
  const ensure = statement(db, 'INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING');
  const find = statement(db, 'SELECT id FROM tags WHERE name = ?');
  const link = statement(
    db,
    'INSERT INTO story_tags (story_seq, tag_id, position) VALUES (?, ?, ?)',
  );
  tags.forEach((tag, position) => {
    const key = tag.toLocaleLowerCase();
    let id = tagIds.get(key);
    if (id === undefined) {
      ensure.run(tag);
      id = (find.get(tag) as { id: number }).id;
      tagIds.set(key, id);
    }
    link.run(seq, id, position);
  });
}

function dropUnusedTags(db: Database): void {
  statement(db, 'DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM story_tags)').run();
}

/** Tags of many stories in one query, in each story's own order. */
export function tagsOf(db: Database, seqs: readonly number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (seqs.length === 0) return out;
  const rows = statement(
    db,
    `SELECT st.story_seq AS seq, t.name AS name FROM story_tags st JOIN tags t ON t.id = st.tag_id
       WHERE st.story_seq IN (SELECT value FROM json_each(?)) ORDER BY st.story_seq, st.position`,
  ).all(JSON.stringify(seqs)) as { seq: number; name: string }[];
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

export type ListOptions = { tag?: string; limit: number; offset: number };

/**
 * A page of the archive, newest first. With a tag, the page walks the by-date index and checks
 * each story's tag by key, and the total is a range count on the by-tag index: `seq IN (tagged
 * stories)` made SQLite collect and sort every tagged story first (50 ms for a common tag on
 * 100,000 stories, for every page).
 */
export function listStories(
  db: Database,
  options: ListOptions,
): { total: number; items: StorySummary[] } {
  const order = 'ORDER BY updated_at DESC, seq DESC LIMIT ? OFFSET ?';
  if (options.tag === undefined) {
    const { total } = statement(db, 'SELECT count(*) AS total FROM stories').get() as {
      total: number;
    };
    const rows = statement(db, `SELECT ${SUMMARY_COLUMNS} FROM stories ${order}`).all(
      options.limit,
      options.offset,
    ) as SummaryRow[];
    return { total, items: summariesFor(db, rows) };
  }
  const tag = statement(db, 'SELECT id FROM tags WHERE name = ?').get(options.tag) as
    { id: number } | undefined;
  if (!tag) return { total: 0, items: [] };
  const { total } = statement(db, 'SELECT count(*) AS total FROM story_tags WHERE tag_id = ?').get(
    tag.id,
  ) as { total: number };
  const rows = statement(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM stories s
     WHERE EXISTS (SELECT 1 FROM story_tags st WHERE st.story_seq = s.seq AND st.tag_id = ?)
     ${order}`,
  ).all(tag.id, options.limit, options.offset) as SummaryRow[];
  return { total, items: summariesFor(db, rows) };
}

/** Tags in use, most used first; each count is a range count on the by-tag index. */
export function listTags(db: Database): { name: string; count: number }[] {
  return statement(
    db,
    `SELECT name, count FROM (
       SELECT t.name AS name, (SELECT count(*) FROM story_tags st WHERE st.tag_id = t.id) AS count
       FROM tags t)
     WHERE count > 0 ORDER BY count DESC, name COLLATE NOCASE`,
  ).all() as { name: string; count: number }[];
}

export { SUMMARY_COLUMNS, type SummaryRow };
