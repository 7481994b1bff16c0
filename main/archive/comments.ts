import type { Database } from 'better-sqlite3';
import type { Comment } from '../../shared/ipc/types';

export type CommentRow = {
  id: string;
  story_id: string;
  thread_id: string;
  author: string;
  at: string;
  body: string;
  quote: string;
  resolved_at: string | null;
  resolved_by: string | null;
};

export function rowToComment(row: CommentRow): Comment {
  return {
    id: row.id,
    storyId: row.story_id,
    threadId: row.thread_id,
    author: row.author,
    at: row.at,
    body: row.body,
    quote: row.quote,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
  };
}

/** A story's comments, thread by thread, each thread in the order it was written. */
export function listComments(db: Database, storyId: string): Comment[] {
  return (
    db
      .prepare('SELECT * FROM comments WHERE story_id = ? ORDER BY thread_id, at, rowid')
      .all(storyId) as CommentRow[]
  ).map(rowToComment);
}

export function getComment(db: Database, id: string): Comment | null {
  const row = db.prepare('SELECT * FROM comments WHERE id = ?').get(id) as CommentRow | undefined;
  return row ? rowToComment(row) : null;
}

export function insertComment(db: Database, comment: Comment): void {
  db.prepare(
    `INSERT INTO comments (id, story_id, thread_id, author, at, body, quote, resolved_at, resolved_by)
     VALUES (@id, @storyId, @threadId, @author, @at, @body, @quote, @resolvedAt, @resolvedBy)
     ON CONFLICT (id) DO UPDATE SET resolved_at = excluded.resolved_at, resolved_by = excluded.resolved_by
     WHERE excluded.resolved_at IS NOT comments.resolved_at`,
  ).run(comment);
}

/** Resolving (or reopening) applies to the whole thread. */
export function setThreadResolved(
  db: Database,
  storyId: string,
  threadId: string,
  resolvedAt: string | null,
  resolvedBy: string | null,
): number {
  return db
    .prepare(
      'UPDATE comments SET resolved_at = ?, resolved_by = ? WHERE story_id = ? AND thread_id = ?',
    )
    .run(resolvedAt, resolvedBy, storyId, threadId).changes;
}
