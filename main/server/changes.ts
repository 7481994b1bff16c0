import type { Pool, PoolClient } from 'pg';
import type {
  Change,
  ChangesPage,
  Lease,
  StoryChange,
  RundownChange,
  WireComment,
  WireRevision,
} from '../../shared/newsroom/protocol';

/** What a desk asks for: everything after `cursor`, or, with `days`, only what it keeps. */
export type ChangesQuery = {
  cursor: number;
  limit: number;
  /** Only stories changed in the last `days` (and those in rundowns airing since then). */
  days?: number;
};

export const PAGE_LIMIT = 500;

type Row = { t: Change['type']; seq: string; p: Record<string, unknown> };

/**
 * One page of changes after the cursor, oldest first. Each table is read by its seq index with
 * its own limit, so a page costs the same at the start of the newsroom's history as at its end.
 */
export async function changesSince(
  db: Pool | PoolClient,
  query: ChangesQuery,
): Promise<ChangesPage> {
  const { cursor, limit, days } = query;
  const windowed = days !== undefined;
  // Stories a desk keeps: changed in the window, or sitting in a rundown that airs in it.
  const kept = `(s.updated_at > now() - make_interval(days => $3) OR s.id IN (
      SELECT (row ->> 'storyId')::uuid FROM rundowns r, jsonb_array_elements(r.rundown -> 'rows') row
      WHERE NOT r.deleted AND r.air_date >= to_char(current_date - $3::int, 'YYYY-MM-DD')
        AND row ->> 'storyId' IS NOT NULL))`;
  const storyFilter = windowed ? `AND ${kept}` : '';
  const ofKeptStory = windowed
    ? `AND EXISTS (SELECT 1 FROM stories s WHERE s.id = x.story_id AND ${kept})`
    : '';
  const rundownFilter = windowed
    ? `AND x.air_date >= to_char(current_date - $3::int, 'YYYY-MM-DD')`
    : '';
  const ofKeptRundown = windowed
    ? `AND EXISTS (SELECT 1 FROM rundowns r WHERE r.id = x.rundown_id AND r.air_date >= to_char(current_date - $3::int, 'YYYY-MM-DD'))`
    : '';
  const branch = (sql: string) => `(${sql} ORDER BY seq LIMIT $2)`;
  const sql = `
    SELECT t, seq, p FROM (
      ${branch(`SELECT 'story' AS t, s.seq, jsonb_build_object('id', s.id, 'version', s.version, 'story', s.story, 'headRevision', s.head_revision) AS p
                FROM stories s WHERE s.seq > $1 ${storyFilter}`)}
      UNION ALL
      ${branch(`SELECT 'revision', x.seq, jsonb_build_object('id', x.id, 'storyId', x.story_id, 'parentId', x.parent_id, 'at', x.at, 'author', x.author, 'kind', x.kind, 'note', x.note, 'story', x.story)
                FROM revisions x WHERE x.seq > $1 ${ofKeptStory}`)}
      UNION ALL
      ${branch(`SELECT 'comment', x.seq, jsonb_build_object('id', x.id, 'storyId', x.story_id, 'threadId', x.thread_id, 'author', x.author, 'at', x.at, 'body', x.body, 'quote', x.quote, 'resolvedAt', x.resolved_at, 'resolvedBy', x.resolved_by)
                FROM comments x WHERE x.seq > $1 ${ofKeptStory}`)}
      UNION ALL
      ${branch(`SELECT 'rundown', x.seq, jsonb_build_object('id', x.id, 'version', x.version, 'rundown', x.rundown)
                FROM rundowns x WHERE x.seq > $1 ${rundownFilter}`)}
      UNION ALL
      ${branch(`SELECT 'rundownHistory', x.seq, x.entry FROM rundown_history x WHERE x.seq > $1 ${ofKeptRundown}`)}
      UNION ALL
      ${branch(`SELECT 'doc', x.seq, jsonb_build_object('docKind', x.doc_kind, 'key', x.key, 'body', x.body, 'updatedAt', x.updated_at)
                FROM docs x WHERE x.seq > $1`)}
      UNION ALL
      ${branch(`SELECT 'lease', x.seq, ${leaseJson('x')} FROM leases x WHERE x.seq > $1`)}
    ) c ORDER BY seq LIMIT $2`;
  const params: unknown[] = [cursor, limit];
  if (windowed) params.push(days);
  const { rows } = await db.query<Row>(sql, params);
  const changes = rows.map(toChange);
  return {
    changes,
    cursor: changes.length > 0 ? changes.at(-1)!.seq : cursor,
    more: rows.length === limit,
    serverTime: new Date().toISOString(),
  };
}

/**
 * The newest change number committed. (The sequence's own last value may belong to a change still
 * being written; every number up to the highest committed one is committed, in commit order.)
 */
export async function committedSeq(db: Pool | PoolClient): Promise<number> {
  const tables = [
    'stories',
    'revisions',
    'comments',
    'rundowns',
    'rundown_history',
    'docs',
    'leases',
  ];
  const { rows } = await db.query<{ n: string | null }>(
    `SELECT GREATEST(${tables.map((t) => `(SELECT max(seq) FROM ${t})`).join(', ')}) AS n`,
  );
  return Number(rows[0]!.n ?? 0);
}

export function leaseJson(alias: string): string {
  return `jsonb_build_object('storyId', ${alias}.story_id, 'userId', ${alias}.user_id, 'holder', ${alias}.holder,
    'desk', ${alias}.desk, 'deskLabel', ${alias}.desk_label, 'since', ${alias}.since, 'expiresAt', ${alias}.expires_at,
    'note', ${alias}.note)`;
}

/** A lease row as JSON from PostgreSQL: null when nobody holds it. */
export function toLease(p: Record<string, unknown>): Lease | null {
  if (p.userId === null || p.userId === undefined) return null;
  return {
    storyId: p.storyId as string,
    userId: p.userId as string,
    holder: p.holder as string,
    desk: p.desk as string,
    deskLabel: p.deskLabel as string,
    since: new Date(p.since as string).toISOString(),
    expiresAt: new Date(p.expiresAt as string).toISOString(),
    note: p.note as string,
  };
}

function toChange(row: Row): Change {
  const seq = Number(row.seq);
  const p = row.p;
  switch (row.t) {
    case 'story':
      return {
        type: 'story',
        seq,
        id: p.id as string,
        version: p.version as number,
        story: (p.story as StoryChange['story']) ?? null,
        headRevision: (p.headRevision as string | null) ?? null,
      };
    case 'revision':
      return { type: 'revision', seq, revision: p as WireRevision };
    case 'comment':
      return { type: 'comment', seq, comment: p as WireComment };
    case 'rundown':
      return {
        type: 'rundown',
        seq,
        id: p.id as string,
        version: p.version as number,
        rundown: (p.rundown as RundownChange['rundown']) ?? null,
      };
    case 'rundownHistory':
      return { type: 'rundownHistory', seq, entry: p as never };
    case 'doc':
      return { type: 'doc', seq, doc: p as never };
    case 'lease':
      return { type: 'lease', seq, storyId: p.storyId as string, lease: toLease(p) };
  }
}
