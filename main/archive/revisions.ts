import type { Database } from 'better-sqlite3';
import { StorySchema, type Story } from '../../shared/story/model';
import type { RevisionKind, RevisionSummary } from '../../shared/ipc/types';
import { ArchiveError } from './errors';
import { writeTransaction } from './writeTransaction';

type RevisionRow = {
  id: string;
  story_id: string;
  parent_id: string | null;
  at: string;
  author: string;
  kind: string;
  note: string;
  story_json: string;
};

/** Autosaves by the same person within this long of the last one replace it instead of piling up. */
export const AUTOSAVE_COALESCE_MS = 10 * 60 * 1000;

export type NewRevision = {
  id: string;
  story: Story;
  kind: RevisionKind;
  author: string;
  note?: string;
  at: string;
};

function rowToSummary(
  row: Omit<RevisionRow, 'story_json'> & { status: string; slug: string },
  number: number,
): RevisionSummary {
  return {
    id: row.id,
    number,
    at: row.at,
    author: row.author,
    kind: row.kind as RevisionKind,
    note: row.note,
    status: row.status as RevisionSummary['status'],
    slug: row.slug,
    parentId: row.parent_id,
  };
}

export function headRevisionId(db: Database, storyId: string): string | null {
  const row = db.prepare('SELECT head_revision AS head FROM stories WHERE id = ?').get(storyId) as
    { head: string | null } | undefined;
  return row?.head ?? null;
}

/**
 * Records a version of a story and makes it the story's head. An autosave right after another
 * autosave by the same person replaces it, so typing does not flood the history; an explicit
 * save, a status change or a restore always stays.
 */
export function recordRevision(db: Database, revision: NewRevision): string {
  return writeTransaction(db, () => {
    const head = headRevisionId(db, revision.story.id);
    const latest = head
      ? (db
          .prepare('SELECT id, kind, author, at, parent_id, origin FROM revisions WHERE id = ?')
          .get(head) as
          | (Pick<RevisionRow, 'id' | 'kind' | 'author' | 'at' | 'parent_id'> & { origin: string })
          | undefined)
      : undefined;
    const json = JSON.stringify(revision.story);
    let id = revision.id;
    if (
      revision.kind === 'autosave' &&
      latest?.kind === 'autosave' &&
      // A version from a hand-off package is the same on both machines: never rewrite it.
      latest.origin === 'local' &&
      latest.author === revision.author &&
      Date.parse(revision.at) - Date.parse(latest.at) < AUTOSAVE_COALESCE_MS
    ) {
      id = latest.id;
      db.prepare('UPDATE revisions SET story_json = ?, at = ? WHERE id = ?').run(
        json,
        revision.at,
        id,
      );
    } else {
      db.prepare(
        `INSERT INTO revisions (id, story_id, parent_id, at, author, kind, note, story_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        revision.story.id,
        head,
        revision.at,
        revision.author,
        revision.kind,
        revision.note ?? '',
        json,
      );
    }
    db.prepare('UPDATE stories SET head_revision = ? WHERE id = ?').run(id, revision.story.id);
    return id;
  });
}

/** Every version of a story, newest first, numbered from the first (1) up. */
export function listRevisions(db: Database, storyId: string): RevisionSummary[] {
  const rows = db
    .prepare(
      `SELECT id, story_id, parent_id, at, author, kind, note,
              json_extract(story_json, '$.status') AS status, json_extract(story_json, '$.slug') AS slug
       FROM revisions WHERE story_id = ? ORDER BY at, rowid`,
    )
    .all(storyId) as (Omit<RevisionRow, 'story_json'> & { status: string; slug: string })[];
  return rows.map((row, i) => rowToSummary(row, i + 1)).reverse();
}

export function getRevision(db: Database, storyId: string, revisionId: string): Story | null {
  const row = db
    .prepare('SELECT story_json FROM revisions WHERE id = ? AND story_id = ?')
    .get(revisionId, storyId) as { story_json: string } | undefined;
  if (!row) return null;
  const parsed = StorySchema.safeParse(JSON.parse(row.story_json));
  if (!parsed.success)
    throw new ArchiveError(
      'ARCHIVE_CORRUPT',
      `Revision ${revisionId} does not match the story model.`,
    );
  return parsed.data;
}

/** Full revision rows of a story, oldest first: what a hand-off package carries. */
export function exportRevisions(
  db: Database,
  storyId: string,
): (Omit<RevisionRow, 'story_json'> & { story: Story })[] {
  const rows = db
    .prepare('SELECT * FROM revisions WHERE story_id = ? ORDER BY at, rowid')
    .all(storyId) as RevisionRow[];
  return rows.map(({ story_json, ...rest }) => ({
    ...rest,
    story: StorySchema.parse(JSON.parse(story_json)),
  }));
}

export function hasRevision(db: Database, revisionId: string): boolean {
  return db.prepare('SELECT 1 FROM revisions WHERE id = ?').get(revisionId) !== undefined;
}

/** Inserts a revision brought in from elsewhere exactly as it was (same id, time and author). */
export function insertForeignRevision(
  db: Database,
  revision: {
    id: string;
    storyId: string;
    parentId: string | null;
    at: string;
    author: string;
    kind: string;
    note: string;
    story: Story;
  },
): void {
  db.prepare(
    `INSERT OR IGNORE INTO revisions (id, story_id, parent_id, at, author, kind, note, story_json, origin)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'package')`,
  ).run(
    revision.id,
    revision.storyId,
    revision.parentId,
    revision.at,
    revision.author,
    revision.kind,
    revision.note,
    JSON.stringify(revision.story),
  );
}

/** Whether `ancestor` is `revisionId` itself or one of the versions it was made from. */
export function isAncestor(db: Database, ancestor: string, revisionId: string): boolean {
  const row = db
    .prepare(
      `WITH RECURSIVE chain (id, parent) AS (
         SELECT id, parent_id FROM revisions WHERE id = @start
         UNION SELECT r.id, r.parent_id FROM revisions r JOIN chain c ON r.id = c.parent
       )
       SELECT 1 AS found FROM chain WHERE id = @ancestor LIMIT 1`,
    )
    .get({ start: revisionId, ancestor }) as { found: number } | undefined;
  return row !== undefined;
}
