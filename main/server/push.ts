import type { PoolClient } from 'pg';
import { LOCKED_STATUSES, STATUS_LABELS, transition } from '../../shared/story/workflow';
import type { Story, StoryStatus } from '../../shared/story/model';
import type {
  PushOutcome,
  PushRundown,
  PushStory,
  StoryChange,
  RundownChange,
  WireComment,
  WireDoc,
} from '../../shared/newsroom/protocol';
import {
  rundownRefusal,
  statusRefusal,
  templateRefusal,
  type Actor,
} from '../../shared/newsroom/roles';
import { storySearchDocument } from '../../shared/newsroom/searchText';
import { sameDocument } from '../../shared/newsroom/sameDocument';
import {
  clashingValues,
  clashKey,
  replayChanges,
  type ValueClash,
} from '../../shared/rundown/replay';
import type { Session } from './accounts';
import { heldByOther, renewHeld } from './leases';
import { insertRevision } from './revisions';

/**
 * What the server does with what a desk sends. Each story and rundown is checked against the
 * version it was made on (an older story is a conflict, sent back with the current one: never
 * merged; an older rundown has the desk's recorded changes made again on the current one),
 * against who sent it (roles), and against who is editing it (leases). Everything that passes is
 * stored with a new change number; refusals change nothing.
 */

type StoryRow = {
  id: string;
  version: number;
  story: Story | null;
  head_revision: string | null;
  deleted: boolean;
  seq: string;
};

function actor(session: Session): Actor {
  return { displayName: session.identity.displayName, role: session.identity.role };
}

export function storyChange(row: StoryRow): StoryChange {
  return {
    type: 'story',
    seq: Number(row.seq),
    id: row.id,
    version: row.version,
    story: row.deleted ? null : row.story,
    headRevision: row.head_revision,
  };
}

/** The story without what every save changes: did the script or its details change? */
function content(story: Story): string {
  return JSON.stringify({ ...story, updatedAt: '' });
}

function slugOf(story: Story | null | undefined): string {
  return story?.slug || 'Untitled';
}

/** Why the sender may not make these workflow steps, or null. Walks the versions in order. */
function workflowRefusal(
  session: Session,
  from: StoryStatus,
  item: PushStory & { story: Story },
): string | null {
  let status = from;
  const steps = [...item.revisions].sort((a, b) => a.at.localeCompare(b.at));
  for (const revision of [...steps, { story: item.story, note: '' }]) {
    const to = revision.story.status;
    if (to === status) continue;
    const refusal = statusRefusal(actor(session), status, to);
    if (refusal) return refusal;
    if (transition(status, to)?.needsNote && 'kind' in revision && revision.note.trim() === '')
      return `${transition(status, to)!.action} needs a reason; it stays in the story's history.`;
    status = to;
  }
  return null;
}

export async function pushStory(
  tx: PoolClient,
  session: Session,
  item: PushStory,
  leaseSeconds: number,
): Promise<PushOutcome> {
  const { rows } = await tx.query<StoryRow>(
    'SELECT id, version, story, head_revision, deleted, seq FROM stories WHERE id = $1 FOR UPDATE',
    [item.id],
  );
  const current = rows[0];
  const refused = (message: string): PushOutcome => ({
    type: 'story',
    id: item.id,
    result: 'refused',
    message,
  });

  const holder = await heldByOther(tx, item.id, session.desk);
  if (holder)
    return {
      type: 'story',
      id: item.id,
      result: 'leased',
      message: `${holder.holder} is editing “${slugOf(current?.story ?? item.story)}”: your change waits on this desk until they are done.`,
    };

  if (current) {
    if (current.deleted && item.story === null)
      return { type: 'story', id: item.id, result: 'accepted', version: current.version };
    // Sent again after the answer was lost (a dropped connection, a server killed after its
    // commit): the newsroom already has exactly this.
    if (!current.deleted && item.story && sameDocument(current.story, item.story))
      return { type: 'story', id: item.id, result: 'accepted', version: current.version };
    if (item.baseVersion !== current.version)
      return { type: 'story', id: item.id, result: 'conflict', current: storyChange(current) };
  } else if (item.story === null) {
    // Made and deleted on the desk before it ever reached the newsroom.
    return { type: 'story', id: item.id, result: 'accepted', version: 0 };
  }

  const before = current && !current.deleted ? current.story : null;
  if (item.story === null) {
    if (before && LOCKED_STATUSES.has(before.status))
      return refused(
        `“${slugOf(before)}” is ${STATUS_LABELS[before.status].toLowerCase()} and locked on the newsroom server: reopen it, with a reason, before deleting it.`,
      );
  } else {
    // A story new to the newsroom starts where its first version stands; only editors bring
    // one in past review (an approved script imported from elsewhere).
    const first = [...item.revisions].sort((a, b) => a.at.localeCompare(b.at))[0]?.story.status;
    const editor = session.identity.role === 'editor' || session.identity.role === 'admin';
    const from = before?.status ?? (editor ? (first ?? item.story.status) : 'draft');
    const refusal = workflowRefusal(session, from, item as PushStory & { story: Story });
    if (refusal) return refused(refusal);
    if (
      before &&
      LOCKED_STATUSES.has(before.status) &&
      item.story.status === before.status &&
      content(item.story) !== content(before)
    )
      return refused(
        `“${slugOf(before)}” is ${STATUS_LABELS[before.status].toLowerCase()} and locked on the newsroom server: reopen it, with a reason, before editing it.`,
      );
  }

  if (item.revisions.some((r) => r.storyId !== item.id))
    return refused('A version was sent with the wrong story.');
  const version = (current?.version ?? 0) + 1;
  const story = item.story;
  await tx.query(
    `INSERT INTO stories (id, version, story, head_revision, slug, status, updated_at, deleted, search_doc, seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, nextval('change_seq'))
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, story = excluded.story,
       head_revision = excluded.head_revision, slug = excluded.slug, status = excluded.status,
       updated_at = excluded.updated_at, deleted = excluded.deleted, search_doc = excluded.search_doc,
       seq = excluded.seq`,
    [
      item.id,
      version,
      story ? JSON.stringify(story) : null,
      story ? item.headRevision : null,
      story?.slug ?? current?.story?.slug ?? '',
      story?.status ?? 'draft',
      story?.updatedAt ?? new Date().toISOString(),
      story === null,
      story ? storySearchDocument(story) : '',
    ],
  );
  // After the story, so a desk reading the feed in order has the story when its versions come.
  for (const revision of item.revisions)
    await insertRevision(tx, revision, session.identity.userId);

  // Saving is a sign of life: the desk editing it keeps its lease.
  await renewHeld(tx, item.id, session, leaseSeconds);
  return { type: 'story', id: item.id, result: 'accepted', version };
}

export async function pushComment(
  tx: PoolClient,
  session: Session,
  comment: WireComment,
): Promise<PushOutcome> {
  const { rows } = await tx.query<{ deleted: boolean }>(
    'SELECT deleted FROM stories WHERE id = $1',
    [comment.storyId],
  );
  if (!rows[0] || rows[0].deleted)
    return {
      type: 'comment',
      id: comment.id,
      result: 'refused',
      message: 'The story this comment is on is not in the newsroom.',
    };
  // A comment's words stay as written; anyone may resolve or reopen its thread.
  await tx.query(
    `INSERT INTO comments (id, story_id, thread_id, author, at, body, quote, resolved_at, resolved_by, user_id, seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, nextval('change_seq'))
     ON CONFLICT (id) DO UPDATE SET resolved_at = excluded.resolved_at, resolved_by = excluded.resolved_by,
       seq = excluded.seq
     WHERE comments.resolved_at IS DISTINCT FROM excluded.resolved_at
        OR comments.resolved_by IS DISTINCT FROM excluded.resolved_by`,
    [
      comment.id,
      comment.storyId,
      comment.threadId,
      comment.author,
      comment.at,
      comment.body,
      comment.quote,
      comment.resolvedAt,
      comment.resolvedBy,
      session.identity.userId,
    ],
  );
  return { type: 'comment', id: comment.id, result: 'accepted' };
}

type RundownRow = {
  id: string;
  version: number;
  rundown: RundownChange['rundown'];
  deleted: boolean;
  seq: string;
};

export function rundownChange(row: RundownRow): RundownChange {
  return {
    type: 'rundown',
    seq: Number(row.seq),
    id: row.id,
    version: row.version,
    rundown: row.deleted ? null : row.rundown,
  };
}

export async function pushRundown(
  tx: PoolClient,
  session: Session,
  item: PushRundown,
): Promise<PushOutcome> {
  const refusal = rundownRefusal(actor(session));
  if (refusal) return { type: 'rundown', id: item.id, result: 'refused', message: refusal };
  const { rows } = await tx.query<RundownRow>(
    'SELECT id, version, rundown, deleted, seq FROM rundowns WHERE id = $1 FOR UPDATE',
    [item.id],
  );
  const current = rows[0];
  let merged = false;
  let clashes: ValueClash[] = [];
  let deskVersion = item.rundown?.version ?? 0;
  if (current) {
    if (current.deleted && item.rundown === null)
      return { type: 'rundown', id: item.id, result: 'accepted', version: current.version };
    if (
      !current.deleted &&
      item.rundown &&
      sameDocument(current.rundown, item.rundown, ['version'])
    )
      return { type: 'rundown', id: item.id, result: 'accepted', version: current.version };
    if (item.baseVersion !== current.version) {
      // Another desk's change came first. What this desk did (its history since the version it
      // worked on) is made again on the newsroom's version, so that neither desk's work is lost;
      // without a history to go by, or on a show taken out, it is the conflict it always was.
      const ours = item.history.filter((h) => h.rundownId === item.id);
      if (current.deleted || !current.rundown || !item.rundown || ours.length === 0)
        return {
          type: 'rundown',
          id: item.id,
          result: 'conflict',
          current: rundownChange(current),
        };
      // A push sent again (its answer was lost) brings changes the newsroom already made: made
      // twice, they would put back a row another desk took out since, or a value it changed.
      const stored = await tx.query<{ uid: string }>(
        'SELECT uid FROM rundown_history WHERE uid = ANY($1::text[])',
        [ours.map((h) => h.uid)],
      );
      const made = new Set(stored.rows.map((r) => r.uid));
      const mine = ours.filter((h) => !made.has(h.uid));
      if (mine.length === 0)
        return {
          type: 'rundown',
          id: item.id,
          result: 'merged',
          version: current.version,
          current: rundownChange(current),
        };
      // The desk's own count of its versions is kept: the newsroom's number never goes back.
      deskVersion = item.rundown.version;
      clashes = await whoSet(tx, item.id, clashingValues(current.rundown, mine, item.rundown));
      item = { ...item, rundown: replayChanges(current.rundown, item.rundown, mine) };
      merged = true;
    }
  } else if (item.rundown === null) {
    return { type: 'rundown', id: item.id, result: 'accepted', version: 0 };
  }
  if (item.rundown) {
    const storyIds = [
      ...new Set(item.rundown.rows.flatMap((r) => (r.storyId === null ? [] : [r.storyId]))),
    ];
    if (storyIds.length > 0) {
      const found = await tx.query<{ id: string }>(
        'SELECT id FROM stories WHERE id = ANY($1::uuid[]) AND NOT deleted',
        [storyIds],
      );
      if (found.rows.length < storyIds.length)
        return {
          type: 'rundown',
          id: item.id,
          result: 'refused',
          message: `“${item.rundown.title}” holds a story the newsroom does not have: it goes up after the story does.`,
          waits: true,
        };
    }
  }
  // The desk counts its own changes made offline; the server's number never goes back.
  const version = Math.max((current?.version ?? 0) + 1, deskVersion);
  const rundown = item.rundown ? { ...item.rundown, version } : null;
  const stored = await tx.query<{ seq: string }>(
    `INSERT INTO rundowns (id, version, rundown, air_date, deleted, seq)
     VALUES ($1, $2, $3, $4, $5, nextval('change_seq'))
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, rundown = excluded.rundown,
       air_date = excluded.air_date, deleted = excluded.deleted, seq = excluded.seq
     RETURNING seq`,
    [
      item.id,
      version,
      rundown ? JSON.stringify(rundown) : null,
      rundown?.airDate ?? '',
      rundown === null,
    ],
  );
  for (const entry of item.history) {
    if (entry.rundownId !== item.id) continue;
    await tx.query(
      `INSERT INTO rundown_history (uid, rundown_id, entry, seq) VALUES ($1, $2, $3, nextval('change_seq'))
       ON CONFLICT (uid) DO NOTHING`,
      [entry.uid, entry.rundownId, JSON.stringify(entry)],
    );
  }
  if (merged)
    return {
      type: 'rundown',
      id: item.id,
      result: 'merged',
      version,
      ...(clashes.length > 0 && { clashes }),
      current: rundownChange({
        id: item.id,
        version,
        rundown,
        deleted: false,
        seq: stored.rows[0]!.seq,
      }),
    };
  return { type: 'rundown', id: item.id, result: 'accepted', version };
}

/** Each clash with the name of whoever last set that value, as the show's history has it. */
async function whoSet(
  tx: PoolClient,
  rundownId: string,
  clashes: ValueClash[],
): Promise<ValueClash[]> {
  if (clashes.length === 0) return clashes;
  // The newest entry that sets each clashing value names who set it last: one row per value,
  // keyed in SQL as `valueKey` keys it (an older `edited` entry names its field in `from`).
  const { rows } = await tx.query<{ key: string; author: string }>(
    `SELECT DISTINCT ON (key) key, author FROM (
       SELECT CASE WHEN entry->>'action' = 'edited'
                THEN 'show ' || COALESCE(entry->'detail'->>'field', entry->'detail'->>'from')
                ELSE 'row ' || (entry->>'rowId') || ' ' || (entry->>'action') END AS key,
              entry->>'author' AS author, seq
       FROM rundown_history
       WHERE rundown_id = $1 AND (entry->>'rowId' = ANY($2::text[]) OR entry->>'action' = 'edited')
     ) AS sets
     WHERE key = ANY($3::text[])
     ORDER BY key, seq DESC`,
    [rundownId, clashes.flatMap((c) => (c.rowId === null ? [] : [c.rowId])), clashes.map(clashKey)],
  );
  const by = new Map(rows.map((r) => [r.key, r.author]));
  return clashes.map((c) => {
    const author = by.get(clashKey(c));
    return author ? { ...c, by: author } : c;
  });
}

export async function pushDoc(
  tx: PoolClient,
  session: Session,
  doc: WireDoc,
): Promise<PushOutcome> {
  const id = `${doc.docKind}:${doc.key}`;
  const refusal =
    doc.docKind === 'template'
      ? templateRefusal(actor(session))
      : doc.docKind === 'showTemplate'
        ? rundownRefusal(actor(session))
        : null;
  if (refusal) return { type: 'doc', id, result: 'refused', message: refusal };
  // The newest version wins; an older one arriving late changes nothing.
  await tx.query(
    `INSERT INTO docs (doc_kind, key, body, updated_at, seq) VALUES ($1, $2, $3, $4, nextval('change_seq'))
     ON CONFLICT (doc_kind, key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at,
       seq = excluded.seq
     WHERE docs.updated_at < excluded.updated_at`,
    [doc.docKind, doc.key, doc.body === null ? null : JSON.stringify(doc.body), doc.updatedAt],
  );
  return { type: 'doc', id, result: 'accepted' };
}
