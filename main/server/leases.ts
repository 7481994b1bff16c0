import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type {
  Lease,
  LeaseRequest,
  LeaseResponse,
  WireRevision,
} from '../../shared/newsroom/protocol';
import { takeOverRefusal } from '../../shared/newsroom/roles';
import type { Story } from '../../shared/story/model';
import type { Session } from './accounts';
import { leaseJson, toLease } from './changes';
import { inChange } from './db';
import { NewsroomError } from './errors';
import { insertRevision } from './revisions';

/**
 * Never two writers on one script: a desk that opens a story to edit it takes its lease, renews
 * it while the story is open (a heartbeat, or any save), and gives it back when it closes it. A
 * lease that is not renewed in time lapses and is released (sweepLeases), so a desk that went
 * silent does not hold a script forever. An editor may take a script over, with a note that
 * stays in its history.
 */

export const DEFAULT_LEASE_SECONDS = 30;

async function leaseRow(
  tx: PoolClient | Pool,
  storyId: string,
  lock = false,
): Promise<Lease | null> {
  const { rows } = await tx.query<{ p: Record<string, unknown>; live: boolean }>(
    `SELECT ${leaseJson('l')} AS p, (l.user_id IS NOT NULL AND l.expires_at > now()) AS live
     FROM leases l WHERE story_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [storyId],
  );
  const row = rows[0];
  return row?.live ? toLease(row.p) : null;
}

/** The live lease on a story held from another desk, or null. */
export async function heldByOther(
  tx: PoolClient,
  storyId: string,
  desk: string,
): Promise<Lease | null> {
  const lease = await leaseRow(tx, storyId);
  return lease && lease.desk !== desk ? lease : null;
}

/** Renews the sender's own lease on the story, if it holds one. */
export async function renewHeld(
  tx: PoolClient,
  storyId: string,
  session: Session,
  seconds: number,
): Promise<void> {
  await tx.query(
    `UPDATE leases SET expires_at = now() + make_interval(secs => $3)
     WHERE story_id = $1 AND desk = $2 AND user_id IS NOT NULL AND expires_at > now()`,
    [storyId, session.desk, seconds],
  );
}

async function setHolder(
  tx: PoolClient,
  storyId: string,
  session: Session | null,
  seconds: number,
  note = '',
): Promise<void> {
  await tx.query(
    `INSERT INTO leases (story_id, user_id, holder, desk, desk_label, since, expires_at, note, seq)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $2::uuid IS NULL THEN NULL ELSE now() END,
             CASE WHEN $2::uuid IS NULL THEN NULL ELSE now() + make_interval(secs => $6) END, $7, nextval('change_seq'))
     ON CONFLICT (story_id) DO UPDATE SET user_id = excluded.user_id, holder = excluded.holder,
       desk = excluded.desk, desk_label = excluded.desk_label, since = excluded.since,
       expires_at = excluded.expires_at, note = excluded.note, seq = excluded.seq`,
    [
      storyId,
      session?.identity.userId ?? null,
      session?.identity.displayName ?? '',
      session?.desk ?? null,
      session?.deskLabel ?? '',
      seconds,
      note,
    ],
  );
}

export async function handleLease(
  pool: Pool,
  session: Session,
  request: LeaseRequest & { note: string },
  seconds: number,
): Promise<LeaseResponse> {
  const { storyId, action } = request;
  const lease = await inChange(pool, async (tx) => {
    const { rows } = await tx.query<{ story: Story | null; deleted: boolean; version: number }>(
      'SELECT story, deleted, version FROM stories WHERE id = $1 FOR UPDATE',
      [storyId],
    );
    const story = rows[0];
    const current = await leaseRow(tx, storyId, true);
    const mine = current !== null && current.desk === session.desk;
    switch (action) {
      case 'take':
        if (current && !mine) return current;
        if (mine) await renewHeld(tx, storyId, session, seconds);
        else await setHolder(tx, storyId, session, seconds);
        break;
      case 'renew':
        if (!mine) return current;
        await renewHeld(tx, storyId, session, seconds);
        break;
      case 'release':
        if (mine) await setHolder(tx, storyId, null, seconds);
        return mine ? null : current;
      case 'takeOver': {
        if (!current || mine) {
          if (!mine) await setHolder(tx, storyId, session, seconds);
          break;
        }
        const refusal = takeOverRefusal(
          { displayName: session.identity.displayName, role: session.identity.role },
          current.holder,
        );
        if (refusal) throw new NewsroomError('FORBIDDEN', refusal);
        const note = `Took over editing from ${current.holder}${request.note ? `: ${request.note}` : ''}`;
        await setHolder(tx, storyId, session, seconds, request.note);
        if (story?.story && !story.deleted) await recordTakeOver(tx, session, story, note);
        break;
      }
    }
    return leaseRow(tx, storyId);
  });
  return { lease, serverTime: new Date().toISOString() };
}

/**
 * A take-over is a version of its own in the story's history (who, when, why), and moves the
 * story on: whatever the previous holder had not sent yet becomes a conflict on their desk, to
 * compare and settle, never lost.
 */
async function recordTakeOver(
  tx: PoolClient,
  session: Session,
  row: { story: Story | null; version: number },
  note: string,
): Promise<void> {
  const story = { ...row.story!, updatedAt: new Date().toISOString() };
  const { rows } = await tx.query<{ head: string | null }>(
    'SELECT head_revision AS head FROM stories WHERE id = $1',
    [story.id],
  );
  const revision: WireRevision = {
    id: randomUUID(),
    storyId: story.id,
    parentId: rows[0]?.head ?? null,
    at: story.updatedAt,
    author: session.identity.displayName,
    kind: 'save',
    note,
    story,
  };
  await insertRevision(tx, revision, session.identity.userId);
  await tx.query(
    `UPDATE stories SET version = version + 1, story = $2, head_revision = $3, updated_at = $4,
       seq = nextval('change_seq') WHERE id = $1`,
    [story.id, JSON.stringify(story), revision.id, story.updatedAt],
  );
}

/** Releases every lease whose desk stopped renewing it; resolves to how many. */
export async function sweepLeases(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    'SELECT count(*) AS n FROM leases WHERE user_id IS NOT NULL AND expires_at <= now()',
  );
  if (Number(rows[0]!.n) === 0) return 0;
  return inChange(pool, async (tx) => {
    const { rowCount } = await tx.query(
      `UPDATE leases SET user_id = NULL, holder = '', desk = NULL, desk_label = '', since = NULL,
         expires_at = NULL, note = '', seq = nextval('change_seq')
       WHERE user_id IS NOT NULL AND expires_at <= now()`,
    );
    return rowCount ?? 0;
  });
}
