// Whole stories in and out of the archive: read by id, write one or a batch, retime, delete.
import type { Database } from 'better-sqlite3';
import type { Story } from '../../shared/story/model';
import { DEFAULT_TIMING, storyTiming, type TimingSettings } from '../../shared/story/timing';
import { statement } from './statements';
import { writeTransaction } from './writeTransaction';
import { INSERT_STORY, insertValues, rowToStory, storyToRow, type StoryRow } from './storyRows';
import { dropUnusedTags, linkTags, tagsOf } from './tags';

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
