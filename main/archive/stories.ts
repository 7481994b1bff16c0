import type { Database } from 'better-sqlite3';
import { StorySchema, STORY_SCHEMA_VERSION, type Story } from '../../shared/story/model';
import { storySearchText } from '../../shared/story/text';
import { DEFAULT_TIMING, storyTiming, type TimingSettings } from '../../shared/story/timing';
import type { StorySummary } from '../../shared/ipc/types';
import { ArchiveError } from './errors';
import { FILTER_INDEX, filterConditions, type StoryFilters } from './storyFilters';
import { statement } from './statements';
import { writeTransaction } from './writeTransaction';

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
  const row = statement(db, 'SELECT seq FROM stories WHERE id = ?').get(id) as
    { seq: number } | undefined;
  return row?.seq ?? null;
}

export function getStory(db: Database, id: string): Story | null {
  const row = statement(db, 'SELECT * FROM stories WHERE id = ?').get(id) as StoryRow | undefined;
  if (!row) return null;
  return rowToStory(row, tagsOf(db, [row.seq]).get(row.seq) ?? []);
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

// Bound by position: binding by name costs a lookup per column per row, which a bulk import feels.
const INSERT_STORY = `INSERT INTO stories (id, model_version, slug, format, presenter, reporter, status,
    created_at, updated_at, body_json, search_text, read_sec, total_sec, page, target_sec,
    head_revision)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function insertValues(
  row: ReturnType<typeof storyToRow>,
  headRevision: string | null = null,
): (string | number | null)[] {
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
    row.page,
    row.target_sec,
    headRevision,
  ];
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
  writeTransaction(db, () => {
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
           read_sec = @read_sec, total_sec = @total_sec, page = @page, target_sec = @target_sec
         WHERE seq = @seq`,
      ).run({ ...row, seq });
      statement(db, 'DELETE FROM story_tags WHERE story_seq = ?').run(seq);
    }
    linkTags(db, seq, story.tags, new Map());
    // Tags no story uses any more would linger in the tag list and filters.
    if (existing !== null) dropUnusedTags(db);
  });
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
 * path: statements are compiled once and tag ids are looked up once per batch. `headRevisions`
 * names each story's current version, when the caller records them (see importStories).
 */
export function insertStories(
  db: Database,
  stories: readonly Story[],
  timingSettings: TimingSettings = DEFAULT_TIMING,
  headRevisions?: readonly string[],
): number[] {
  const insert = statement(db, INSERT_STORY);
  const tagIds = new Map<string, number>();
  const seqs: number[] = [];
  try {
    writeTransaction(db, () => {
      stories.forEach((story, i) => {
        const row = storyToRow(story, timingSettings);
        const seq = Number(insert.run(insertValues(row, headRevisions?.[i])).lastInsertRowid);
        linkTags(db, seq, story.tags, tagIds);
        seqs.push(seq);
      });
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      const taken = stories.find((s) => getStorySeq(db, s.id) !== null);
      if (taken) throw new StoryExistsError(taken.id, taken.slug);
    }
    throw error;
  }
  return seqs;
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
  writeTransaction(db, () => changes.forEach((c) => update.run(...c)));
  return changes.length;
}

export function deleteStory(db: Database, id: string): boolean {
  return writeTransaction(db, () => {
    const deleted = statement(db, 'DELETE FROM stories WHERE id = ?').run(id).changes > 0;
    if (deleted) dropUnusedTags(db);
    return deleted;
  });
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

export type ListOptions = StoryFilters & { limit: number; offset: number };

/**
 * A page of the archive, newest first, narrowed by any filters. The page walks the by-date index
 * and checks each story as it comes, so it stops after `offset + limit` matches.
 */
export function listStories(
  db: Database,
  options: ListOptions,
): { total: number; items: StorySummary[] } {
  const { conditions, params } = filterConditions(options, 's');
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const columns = SUMMARY_COLUMNS.split(', ')
    .map((c) => `s.${c}`)
    .join(', ');
  const rows = statement(
    db,
    `SELECT ${columns} FROM stories s ${where}
     ORDER BY s.updated_at DESC, s.seq DESC LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: options.limit, offset: options.offset }) as SummaryRow[];
  // A tag alone is counted on the by-tag index (a range count) rather than story by story;
  // format, presenter and reporter are counted from the filter index, not the stories' rows.
  // (Status and dates have indexes of their own, which SQLite picks.)
  const fromIndex = options.format || options.presenter || options.reporter;
  const total =
    options.tag && conditions.length === 1
      ? (
          statement(
            db,
            'SELECT count(*) AS n FROM story_tags st JOIN tags t ON t.id = st.tag_id WHERE t.name = ?',
          ).get(options.tag) as { n: number }
        ).n
      : (
          statement(
            db,
            `SELECT count(*) AS n FROM stories s ${fromIndex ? `INDEXED BY ${FILTER_INDEX}` : ''} ${where}`,
          ).get(params) as { n: number }
        ).n;
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

/**
 * Renames a tag on every story that has it; renaming onto an existing tag merges the two. Stories
 * keep their tag order, and a story that had both keeps one. Returns how many stories it touched.
 */
export function renameTag(db: Database, from: string, to: string): number {
  return writeTransaction(db, () => {
    const source = db.prepare('SELECT id FROM tags WHERE name = ?').get(from) as
      { id: number } | undefined;
    if (!source) return 0;
    const touched = (
      db.prepare('SELECT count(*) AS n FROM story_tags WHERE tag_id = ?').get(source.id) as {
        n: number;
      }
    ).n;
    const target = db.prepare('SELECT id FROM tags WHERE name = ?').get(to) as
      { id: number } | undefined;
    if (!target || target.id === source.id) {
      db.prepare('UPDATE tags SET name = ? WHERE id = ?').run(to, source.id);
      return touched;
    }
    db.prepare(
      `UPDATE story_tags SET tag_id = @target WHERE tag_id = @source
         AND story_seq NOT IN (SELECT story_seq FROM story_tags WHERE tag_id = @target)`,
    ).run({ source: source.id, target: target.id });
    db.prepare('DELETE FROM tags WHERE id = ?').run(source.id);
    return touched;
  });
}

/** Takes a tag off every story. Returns how many stories had it. */
export function deleteTag(db: Database, name: string): number {
  return writeTransaction(db, () => {
    const tag = db.prepare('SELECT id FROM tags WHERE name = ?').get(name) as
      { id: number } | undefined;
    if (!tag) return 0;
    const touched = db.prepare('DELETE FROM story_tags WHERE tag_id = ?').run(tag.id).changes;
    db.prepare('DELETE FROM tags WHERE id = ?').run(tag.id);
    return touched;
  });
}
