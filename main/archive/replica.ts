import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type {
  PushRundown,
  PushStory,
  WireComment,
  WireDoc,
  WireHistoryEntry,
  WireRevision,
} from '../../shared/newsroom/protocol';
import { StorySchema } from '../../shared/story/model';
import { getStory } from './stories';
import { getRundown } from './rundowns';
import { statement } from './statements';
import { writeTransaction } from './writeTransaction';
import { rowToComment, type CommentRow } from './comments';

/**
 * The desk as a replica of the newsroom: what was last agreed with the server (marks), which
 * stories stay whatever their age (pins), what the server refused (notices), and what has changed
 * here since (found by comparing each thing with its mark: nothing to forget after a crash).
 */

export type ReplicaState = {
  deskId: string;
  serverUrl: string | null;
  cursor: number;
  keepDays: number;
  lastSyncAt: string | null;
};

export type MarkKind =
  | 'story'
  | 'revision'
  | 'comment'
  | 'rundown'
  | 'history'
  /** The last clash said of a rundown (values set at two desks), so it is not said twice. */
  | 'clash'
  | 'pronouncer'
  | 'template'
  | 'showTemplate';

export type Mark = { mark: string; serverVersion: number | null };

/**
 * A rundown history entry's mark: written here and taken by the newsroom (`SENT_HERE`), or come
 * from another desk through the newsroom (`FROM_FEED`). Entries marked before the two were told
 * apart carry '1': they are neither, as far as anyone can now say.
 */
export const SENT_HERE = 'sent';
export const FROM_FEED = 'feed';

export function replicaState(db: Database): ReplicaState {
  let row = statement(db, 'SELECT * FROM replica WHERE id = 1').get() as
    | {
        desk_id: string;
        server_url: string | null;
        cursor: number;
        keep_days: number;
        last_sync_at: string | null;
      }
    | undefined;
  if (!row) {
    statement(db, 'INSERT OR IGNORE INTO replica (id, desk_id) VALUES (1, ?)').run(randomUUID());
    row = statement(db, 'SELECT * FROM replica WHERE id = 1').get() as NonNullable<typeof row>;
  }
  return {
    deskId: row.desk_id,
    serverUrl: row.server_url,
    cursor: row.cursor,
    keepDays: row.keep_days,
    lastSyncAt: row.last_sync_at,
  };
}

/**
 * Points the replica at a server. Another server than before knows nothing of what this desk
 * agreed with the last one: the marks and the cursor start again, so every story here goes up.
 */
export function setReplicaServer(db: Database, url: string, keepDays: number): void {
  writeTransaction(db, () => {
    const state = replicaState(db);
    if (state.serverUrl !== url) {
      statement(db, 'DELETE FROM replica_marks').run();
      statement(db, 'DELETE FROM replica_notices').run();
      statement(db, 'UPDATE replica SET cursor = 0, last_sync_at = NULL WHERE id = 1').run();
    }
    statement(db, 'UPDATE replica SET server_url = ?, keep_days = ? WHERE id = 1').run(
      url,
      keepDays,
    );
  });
}

export function setCursor(db: Database, cursor: number, at: string): void {
  statement(db, 'UPDATE replica SET cursor = max(cursor, ?), last_sync_at = ? WHERE id = 1').run(
    cursor,
    at,
  );
}

export function getMark(db: Database, kind: MarkKind, id: string): Mark | null {
  const row = statement(
    db,
    'SELECT mark, server_version FROM replica_marks WHERE kind = ? AND id = ?',
  ).get(kind, id) as { mark: string; server_version: number | null } | undefined;
  return row ? { mark: row.mark, serverVersion: row.server_version } : null;
}

export function setMark(
  db: Database,
  kind: MarkKind,
  id: string,
  mark: string,
  serverVersion: number | null = null,
): void {
  statement(
    db,
    `INSERT INTO replica_marks (kind, id, mark, server_version) VALUES (?, ?, ?, ?)
     ON CONFLICT (kind, id) DO UPDATE SET mark = excluded.mark, server_version = excluded.server_version`,
  ).run(kind, id, mark, serverVersion);
}

export function dropMark(db: Database, kind: MarkKind, id: string): void {
  statement(db, 'DELETE FROM replica_marks WHERE kind = ? AND id = ?').run(kind, id);
}

export function pinStory(db: Database, storyId: string, at: string): void {
  statement(db, 'INSERT OR IGNORE INTO replica_pins (story_id, pinned_at) VALUES (?, ?)').run(
    storyId,
    at,
  );
}

export type Notice = { kind: string; id: string; label: string; message: string; at: string };

export function putNotice(db: Database, notice: Notice): void {
  statement(
    db,
    `INSERT INTO replica_notices (kind, id, label, message, at) VALUES (@kind, @id, @label, @message, @at)
     ON CONFLICT (kind, id) DO UPDATE SET label = excluded.label, message = excluded.message, at = excluded.at`,
  ).run(notice);
}

/**
 * Of these rundown history entries from the newsroom's feed, the ones this desk wrote (it has
 * them): the newsroom has them now, so they are marked sent — a push whose answer was lost is
 * not made again on top of its own outcome. Returns their uids.
 */
export function markOwnHistoryMade(db: Database, uids: readonly string[]): Set<string> {
  if (uids.length === 0) return new Set();
  const own = statement(
    db,
    'SELECT uid FROM rundown_history WHERE uid IN (SELECT value FROM json_each(?))',
  )
    .pluck()
    .all(JSON.stringify(uids)) as string[];
  for (const uid of own) setMark(db, 'history', uid, SENT_HERE);
  return new Set(own);
}

export function clearNotice(db: Database, kind: string, id: string): void {
  statement(db, 'DELETE FROM replica_notices WHERE kind = ? AND id = ?').run(kind, id);
}

export function listNotices(db: Database): Notice[] {
  return statement(
    db,
    'SELECT kind, id, label, message, at FROM replica_notices ORDER BY at DESC',
  ).all() as Notice[];
}

/** Stories waiting for a person to settle a conflict with the newsroom's version. */
export function conflictedStories(db: Database): { id: string; slug: string }[] {
  return statement(
    db,
    'SELECT id, slug FROM stories WHERE conflict_revision IS NOT NULL ORDER BY updated_at DESC',
  ).all() as { id: string; slug: string }[];
}

// --- What changed here since the server last agreed -------------------------------------------

/** Story ids with changes to send (new, edited or deleted here), not those in conflict. */
export function changedStoryIds(db: Database, only?: readonly string[]): string[] {
  const filter = only ? 'AND s.id IN (SELECT value FROM json_each(@only))' : '';
  const markFilter = only ? 'AND m.id IN (SELECT value FROM json_each(@only))' : '';
  return statement(
    db,
    `SELECT s.id FROM stories s
       LEFT JOIN replica_marks m ON m.kind = 'story' AND m.id = s.id
      WHERE (m.mark IS NULL OR m.mark <> s.updated_at) AND s.conflict_revision IS NULL ${filter}
     UNION ALL
     SELECT m.id FROM replica_marks m
      WHERE m.kind = 'story' AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = m.id) ${markFilter}`,
  )
    .pluck()
    .all(only ? { only: JSON.stringify(only) } : {}) as string[];
}

type RevisionRow = {
  id: string;
  story_id: string;
  parent_id: string | null;
  at: string;
  author: string;
  kind: WireRevision['kind'];
  note: string;
  story_json: string;
};

/** A story's changes as the server takes them: the story now and the versions made since. */
export function outgoingStory(db: Database, id: string): PushStory {
  const story = getStory(db, id);
  const mark = getMark(db, 'story', id);
  const head = statement(db, 'SELECT head_revision FROM stories WHERE id = ?').pluck().get(id) as
    string | null | undefined;
  const rows = story
    ? (statement(
        db,
        `SELECT r.id, r.story_id, r.parent_id, r.at, r.author, r.kind, r.note, r.story_json
           FROM revisions r LEFT JOIN replica_marks m ON m.kind = 'revision' AND m.id = r.id
          WHERE r.story_id = ? AND (m.mark IS NULL OR m.mark <> r.at) ORDER BY r.at, r.rowid`,
      ).all(id) as RevisionRow[])
    : [];
  return {
    id,
    baseVersion: mark?.serverVersion ?? null,
    story,
    headRevision: head ?? null,
    revisions: rows.map((r) => ({
      id: r.id,
      storyId: r.story_id,
      parentId: r.parent_id,
      at: r.at,
      author: r.author,
      kind: r.kind,
      note: r.note,
      story: StorySchema.parse(JSON.parse(r.story_json)),
    })),
  };
}

/** Records that the server took this story as sent (at `version`). */
export function markStorySent(db: Database, sent: PushStory, version: number): void {
  writeTransaction(db, () => {
    if (sent.story) setMark(db, 'story', sent.id, sent.story.updatedAt, version);
    else dropMark(db, 'story', sent.id);
    for (const r of sent.revisions) setMark(db, 'revision', r.id, r.at);
  });
}

export function commentMark(c: Pick<WireComment, 'resolvedAt' | 'resolvedBy'>): string {
  return `${c.resolvedAt ?? ''}|${c.resolvedBy ?? ''}`;
}

/** Comments written or resolved here since the server last had them. */
export function outgoingComments(db: Database, limit: number): WireComment[] {
  const rows = statement(
    db,
    `SELECT c.* FROM comments c LEFT JOIN replica_marks m ON m.kind = 'comment' AND m.id = c.id
      WHERE m.mark IS NULL OR m.mark <> (coalesce(c.resolved_at, '') || '|' || coalesce(c.resolved_by, ''))
      ORDER BY c.at LIMIT ?`,
  ).all(limit) as CommentRow[];
  return rows.map(rowToComment);
}

/** Rundown ids changed (or deleted) here since the server last agreed. */
export function changedRundownIds(db: Database): string[] {
  return statement(
    db,
    `SELECT r.id FROM rundowns r LEFT JOIN replica_marks m ON m.kind = 'rundown' AND m.id = r.id
      WHERE m.mark IS NULL OR m.mark <> CAST(r.version AS TEXT)
     UNION ALL
     SELECT m.id FROM replica_marks m
      WHERE m.kind = 'rundown' AND NOT EXISTS (SELECT 1 FROM rundowns r WHERE r.id = m.id)`,
  )
    .pluck()
    .all() as string[];
}

type HistoryRow = {
  uid: string;
  rundown_id: string;
  at: string;
  author: string;
  action: WireHistoryEntry['action'];
  row_id: string | null;
  detail_json: string;
};

export function outgoingRundown(db: Database, id: string): PushRundown {
  const rows = statement(
    db,
    `SELECT h.uid, h.rundown_id, h.at, h.author, h.action, h.row_id, h.detail_json
       FROM rundown_history h LEFT JOIN replica_marks m ON m.kind = 'history' AND m.id = h.uid
      WHERE h.rundown_id = ? AND m.mark IS NULL ORDER BY h.seq`,
  ).all(id) as HistoryRow[];
  return {
    id,
    baseVersion: getMark(db, 'rundown', id)?.serverVersion ?? null,
    rundown: getRundown(db, id),
    history: rows.map((r) => ({
      uid: r.uid,
      rundownId: r.rundown_id,
      at: r.at,
      author: r.author,
      action: r.action,
      rowId: r.row_id,
      detail: JSON.parse(r.detail_json) as WireHistoryEntry['detail'],
    })),
  };
}

export function markRundownSent(db: Database, sent: PushRundown, version: number): void {
  writeTransaction(db, () => {
    if (sent.rundown) {
      // The server may number the version past the desk's own count; the desk follows it.
      if (version !== sent.rundown.version)
        statement(db, 'UPDATE rundowns SET version = ? WHERE id = ? AND version = ?').run(
          version,
          sent.id,
          sent.rundown.version,
        );
      setMark(db, 'rundown', sent.id, String(version), version);
    } else dropMark(db, 'rundown', sent.id);
    for (const h of sent.history) setMark(db, 'history', h.uid, SENT_HERE);
  });
}

/** Pronouncers, story templates and show templates changed or deleted here. */
export function outgoingDocs(db: Database): WireDoc[] {
  const docs: WireDoc[] = [];
  const sources: { kind: WireDoc['docKind']; sql: string }[] = [
    {
      kind: 'pronouncer',
      sql: `SELECT lower(term) AS key, json_object('term', term, 'phonetic', phonetic) AS body, updated_at FROM pronouncers`,
    },
    { kind: 'template', sql: 'SELECT format AS key, body_json AS body, updated_at FROM templates' },
    {
      kind: 'showTemplate',
      sql: 'SELECT lower(name) AS key, template_json AS body, updated_at FROM show_templates',
    },
  ];
  for (const { kind, sql } of sources) {
    const rows = statement(
      db,
      `SELECT d.key, d.body, d.updated_at FROM (${sql}) d
         LEFT JOIN replica_marks m ON m.kind = '${kind}' AND m.id = d.key
        WHERE m.mark IS NULL OR m.mark <> d.updated_at`,
    ).all() as { key: string; body: string; updated_at: string }[];
    for (const r of rows)
      docs.push({ docKind: kind, key: r.key, body: JSON.parse(r.body), updatedAt: r.updated_at });
    const gone = statement(
      db,
      `SELECT m.id FROM replica_marks m WHERE m.kind = '${kind}' AND m.id NOT IN (SELECT key FROM (${sql}))`,
    )
      .pluck()
      .all() as string[];
    for (const key of gone)
      docs.push({ docKind: kind, key, body: null, updatedAt: new Date().toISOString() });
  }
  return docs;
}

export function markDocSent(db: Database, doc: WireDoc): void {
  if (doc.body === null) dropMark(db, doc.docKind, doc.key);
  else setMark(db, doc.docKind, doc.key, doc.updatedAt);
}

/**
 * Lets go of stories older than the desk keeps: not changed in `keepDays`, not pinned, in no
 * rundown here, with nothing waiting to go up and no conflict. The server still has them.
 */
export function evictOldStories(db: Database, keepDays: number, now: Date): number {
  const before = new Date(now.getTime() - keepDays * 86_400_000).toISOString();
  return writeTransaction(db, () => {
    const ids = statement(
      db,
      `SELECT s.id FROM stories s JOIN replica_marks m ON m.kind = 'story' AND m.id = s.id AND m.mark = s.updated_at
        WHERE s.updated_at < ? AND s.conflict_revision IS NULL
          AND NOT EXISTS (SELECT 1 FROM replica_pins p WHERE p.story_id = s.id)
          AND NOT EXISTS (SELECT 1 FROM rundown_rows r WHERE r.story_id = s.id)`,
    )
      .pluck()
      .all(before) as string[];
    for (const id of ids) {
      statement(db, 'DELETE FROM stories WHERE id = ?').run(id);
      statement(db, "DELETE FROM replica_marks WHERE kind = 'story' AND id = ?").run(id);
    }
    return ids.length;
  });
}
