import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import WebSocket from 'ws';
import { makeStory } from '../../shared/story/testing/makeStory';
import {
  DESK_HEADERS,
  PROTOCOL_VERSION,
  type ChangesPage,
  type LiveMessage,
  type PushResponse,
} from '../../shared/newsroom/protocol';
import type { Story } from '../../shared/story/model';
import type { RundownRow } from '../../shared/rundown/model';
import { makeRow, makeRundown } from '../../shared/rundown/testing/makeRundown';
import { addUser, disableUser, listUsers } from './accounts';
import { migrateNewsroom, schemaVersion } from './migrate';
import { PG_MIGRATIONS } from './migrations';
import { startNewsroomServer, type NewsroomServer } from './server';
import { startPgCluster, type PgCluster } from './testing/pgCluster';
import {
  addPerson,
  api,
  selfSignedCertificate,
  signInAs,
  startTestServer,
} from './testing/newsroom';

// Signing people in runs scrypt a few times a test: slow by design.
vi.setConfig({ testTimeout: 30_000 });

let cluster: PgCluster;
const running: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  cluster = await startPgCluster();
}, 60_000);
// Stopping PostgreSQL waits for its processes to exit: seconds on a machine under load.
afterAll(() => cluster.stop(), 60_000);
afterEach(async () => {
  for (const s of running.splice(0).reverse()) await s.close();
});

async function newsroom(options: { leaseSeconds?: number } = {}) {
  const url = await cluster.createDatabase();
  const server = await startTestServer(url, options);
  running.push(server);
  return { databaseUrl: url, server };
}

function revision(story: Story, kind: 'create' | 'save' | 'status' = 'save', note = '') {
  return {
    id: randomUUID(),
    storyId: story.id,
    parentId: null,
    at: story.updatedAt,
    author: 'x',
    kind,
    note,
    story,
  };
}

function pushOne(
  story: Story,
  baseVersion: number | null,
  kind: 'create' | 'save' | 'status' = 'save',
  note = '',
) {
  const rev = revision(story, kind, note);
  return {
    stories: [{ id: story.id, baseVersion, story, headRevision: rev.id, revisions: [rev] }],
  };
}

describe('the newsroom database', () => {
  it('is set up by numbered migrations, once, and refuses a database from a newer Copydesk', async () => {
    const pool = new pg.Pool({ connectionString: await cluster.createDatabase() });
    try {
      expect(await migrateNewsroom(pool)).toBe(PG_MIGRATIONS.length);
      expect(await migrateNewsroom(pool)).toBe(PG_MIGRATIONS.length);
      await pool.query('UPDATE copydesk_schema SET version = 99');
      await expect(migrateNewsroom(pool)).rejects.toThrow(/newer Copydesk \(schema 99/);
      expect(await schemaVersion(pool)).toBe(99);
    } finally {
      await pool.end();
    }
  });

  it("refuses a database that holds another application's tables, and changes nothing", async () => {
    const pool = new pg.Pool({ connectionString: await cluster.createDatabase() });
    try {
      await pool.query('CREATE TABLE invoices (id int)');
      await expect(migrateNewsroom(pool)).rejects.toThrow(/not Copydesk’s/);
      const { rows } = await pool.query(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
      );
      expect(rows).toEqual([{ tablename: 'invoices' }]);
    } finally {
      await pool.end();
    }
  });

  it('applies a migration and its version in one transaction: a failing one leaves the last whole version', async () => {
    const pool = new pg.Pool({ connectionString: await cluster.createDatabase() });
    try {
      const broken = [
        ...PG_MIGRATIONS,
        { version: 2, name: 'broken', sql: 'CREATE TABLE half (id int); SELECT 1/0;' },
      ];
      await expect(migrateNewsroom(pool, broken)).rejects.toThrow(/division by zero/);
      expect(await schemaVersion(pool)).toBe(1);
      const { rows } = await pool.query("SELECT to_regclass('half') AS t");
      expect(rows[0].t).toBeNull();
    } finally {
      await pool.end();
    }
  });
});

describe('people and sessions', () => {
  it('gives a new person a one-time password that must be changed at the first sign-in', async () => {
    const { server } = await newsroom();
    const once = await addUser(server.pool, {
      name: 'park',
      displayName: 'Park Ji-won',
      role: 'reporter',
    });
    expect(once).toMatch(/^[\w]{5}-[\w]{5}-[\w]{5}$/);
    const desk = randomUUID();
    const first = await api(server.url, '/v1/login', {
      body: { name: 'park', password: once, desk },
    });
    expect(first.status).toBe(401);
    expect(first.body.error?.message).toMatch(/one-time password: choose a new password/);
    const ok = await api<{ token: string; identity: { displayName: string; role: string } }>(
      server.url,
      '/v1/login',
      { body: { name: 'Park', password: once, newPassword: 'harbor-fire-2026', desk } },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.identity).toMatchObject({ displayName: 'Park Ji-won', role: 'reporter' });
    const again = await api(server.url, '/v1/login', {
      body: { name: 'park', password: once, desk },
    });
    expect(again.body.error?.message).toBe('The user name or the password is wrong.');
    const who = await api<{ identity: { name: string } }>(server.url, '/v1/whoami', {
      token: ok.body.token,
    });
    expect(who.body.identity.name).toBe('park');
    expect(
      (await listUsers(server.pool)).map((u) => [u.name, u.role, u.mustChangePassword]),
    ).toEqual([['park', 'reporter', false]]);
  });

  it('tells a desk older than the server to update, at sign-in, on every call and on the live link', async () => {
    const { server } = await newsroom();
    const lee = await addPerson(server, 'lee', 'producer');
    const token = await signInAs(server.url, lee);
    const older = { 'content-type': 'application/json' };
    const update = `This desk's Copydesk is older than the newsroom server (its link is version 1, the server's ${PROTOCOL_VERSION}): update Copydesk on this desk to connect. Its work stays on this desk until then.`;
    // A desk from before version 2 names no version; one naming an older version reads the same.
    for (const headers of [older, { ...older, 'copydesk-protocol': '1' }]) {
      const signIn = await api(server.url, '/v1/login', {
        headers,
        body: { name: 'lee', password: lee.password, desk: randomUUID() },
      });
      expect([signIn.status, signIn.body.error]).toEqual([
        426,
        { code: 'DESK_OUTDATED', message: update },
      ]);
      const push = await api(server.url, '/v1/push', {
        headers,
        token,
        body: pushOne(makeStory({ slug: 'FROM AN OLD DESK' }), null, 'create'),
      });
      expect([push.status, push.body.error?.message]).toEqual([426, update]);
      const feed = await api(server.url, '/v1/changes?since=0', { headers, token });
      expect(feed.status).toBe(426);
    }
    // Nothing the older desk sent was stored; the server still says what it is.
    const stories = await server.pool.query('SELECT count(*)::int AS n FROM stories');
    expect(stories.rows[0]).toEqual({ n: 0 });
    const health = await api<{ protocol: number }>(server.url, '/v1/health', { headers: older });
    expect([health.status, health.body.protocol]).toEqual([200, PROTOCOL_VERSION]);
    // A path the server does not have is not there, whoever asks.
    const nowhere = await api(server.url, '/v1/nowhere', { headers: older, body: {} });
    expect([nowhere.status, nowhere.body.error?.code]).toEqual([404, 'NOT_FOUND']);

    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/v1/live`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const refused = await new Promise<[number, string]>((resolve) =>
      socket.on('unexpected-response', (_req, res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve([res.statusCode ?? 0, text]));
      }),
    );
    expect(refused).toEqual([426, update]);
  });

  it('refuses a wrong password, an unknown name and a repeated name with clear messages', async () => {
    const { server } = await newsroom();
    await addPerson(server, 'kim', 'editor');
    const desk = randomUUID();
    for (const body of [
      { name: 'kim', password: 'not-her-password', desk },
      { name: 'nobody', password: 'whatever-it-is', desk },
    ]) {
      const answer = await api(server.url, '/v1/login', { body });
      expect(answer.status).toBe(401);
      expect(answer.body.error).toEqual({
        code: 'SIGNED_OUT',
        message: 'The user name or the password is wrong.',
      });
    }
    await expect(addUser(server.pool, { name: 'KIM', role: 'reporter' })).rejects.toThrow(
      /already a user named KIM/,
    );
  });

  it('locks an account for a few minutes after five wrong passwords in a row', async () => {
    const { server } = await newsroom();
    const kim = await addPerson(server, 'kim', 'editor');
    const desk = randomUUID();
    for (let i = 0; i < 5; i++)
      await api(server.url, '/v1/login', {
        body: { name: 'kim', password: 'wrong-wrong-wrong', desk },
      });
    const locked = await api(server.url, '/v1/login', {
      body: { name: 'kim', password: kim.password, desk },
    });
    expect(locked.body.error?.message).toMatch(/Too many wrong passwords for kim: try again after/);
  });

  it('ends a session when it expires, and every session of a disabled account at once', async () => {
    const { server } = await newsroom();
    const park = await addPerson(server, 'park', 'reporter');
    const token = await signInAs(server.url, park);
    expect((await api(server.url, '/v1/whoami', { token })).status).toBe(200);
    await server.pool.query("UPDATE sessions SET expires_at = now() - interval '1 second'");
    const expired = await api(server.url, '/v1/whoami', { token });
    expect(expired.status).toBe(401);
    expect(expired.body.error?.message).toMatch(/sign-in has expired: sign in again/);

    const fresh = await signInAs(server.url, park);
    expect(await disableUser(server.pool, 'park')).toBe(1);
    expect((await api(server.url, '/v1/whoami', { token: fresh })).body.error?.message).toMatch(
      /ended on the newsroom server/,
    );
    const refused = await api(server.url, '/v1/login', {
      body: { name: 'park', password: park.password, desk: randomUUID() },
    });
    expect(refused.body.error?.message).toMatch(/disabled/);
  });

  it('stores passwords only as scrypt hashes and tokens only as their digests', async () => {
    const { server } = await newsroom();
    const park = await addPerson(server, 'park', 'reporter');
    const token = await signInAs(server.url, park);
    const { rows } = await server.pool.query(
      'SELECT u.password_hash, s.token_hash FROM users u JOIN sessions s ON s.user_id = u.id',
    );
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(row.password_hash).not.toContain(park.password);
      expect(Buffer.from(row.token_hash).toString('base64url')).not.toBe(token);
    }
  });
});

describe('pushing stories', () => {
  it('accepts a change made on the current version and refuses a stale one as a conflict, sending the current back', async () => {
    const { server } = await newsroom();
    const park = await addPerson(server, 'park', 'reporter');
    const token = await signInAs(server.url, park);
    const story = makeStory({ slug: 'HARBOR FIRE' });
    const first = await api<PushResponse>(server.url, '/v1/push', {
      token,
      body: pushOne(story, null, 'create'),
    });
    expect(first.body.outcomes).toEqual([
      { type: 'story', id: story.id, result: 'accepted', version: 1 },
    ]);

    const edited = {
      ...story,
      slug: 'HARBOR FIRE UPDATE',
      updatedAt: new Date(Date.parse(story.updatedAt) + 1000).toISOString(),
    };
    const second = await api<PushResponse>(server.url, '/v1/push', {
      token,
      body: pushOne(edited, 1),
    });
    expect(second.body.outcomes[0]).toMatchObject({ result: 'accepted', version: 2 });

    const stale = { ...story, slug: 'HARBOR FIRE (OLD DESK)', updatedAt: edited.updatedAt };
    const third = await api<PushResponse>(server.url, '/v1/push', {
      token,
      body: pushOne(stale, 1),
    });
    expect(third.body.outcomes[0]).toMatchObject({
      result: 'conflict',
      current: { version: 2, story: { slug: 'HARBOR FIRE UPDATE' } },
    });
    const { rows } = await server.pool.query('SELECT slug, version FROM stories');
    expect(rows).toEqual([{ slug: 'HARBOR FIRE UPDATE', version: 2 }]);
  });

  it('takes a push sent again after its answer was lost as done, not as a conflict with itself', async () => {
    const { server } = await newsroom();
    const park = await addPerson(server, 'park', 'reporter');
    const token = await signInAs(server.url, park);
    const story = makeStory({ slug: 'SENT TWICE' });
    const body = pushOne(story, null, 'create');
    const first = await api<PushResponse>(server.url, '/v1/push', { token, body });
    const again = await api<PushResponse>(server.url, '/v1/push', { token, body });
    expect(again.body.outcomes).toEqual(first.body.outcomes);
    expect((await server.pool.query('SELECT version FROM stories')).rows).toEqual([{ version: 1 }]);
  });

  it('refuses a reporter approving a story, with a clear message, and changes nothing', async () => {
    const { server } = await newsroom();
    const park = await addPerson(server, 'park', 'reporter', 'Park Ji-won');
    const kim = await addPerson(server, 'kim', 'editor', 'Kim Min-ji');
    const parkToken = await signInAs(server.url, park);
    const story = makeStory({ slug: 'GSOMIA EXPIRY', status: 'ready' });
    expect(
      (
        await api<PushResponse>(server.url, '/v1/push', {
          token: parkToken,
          body: pushOne(story, null, 'create'),
        })
      ).body.outcomes[0],
    ).toMatchObject({ result: 'accepted' });
    const before = (await server.pool.query('SELECT story, version, seq FROM stories')).rows[0];

    const approved = {
      ...story,
      status: 'approved' as const,
      updatedAt: new Date(Date.parse(story.updatedAt) + 1000).toISOString(),
    };
    const refused = await api<PushResponse>(server.url, '/v1/push', {
      token: parkToken,
      body: pushOne(approved, 1, 'status'),
    });
    expect(refused.body.outcomes[0]).toEqual({
      type: 'story',
      id: story.id,
      result: 'refused',
      message:
        'Only an editor can approve a story: you are signed in to the newsroom as Park Ji-won, a reporter.',
    });
    expect((await server.pool.query('SELECT story, version, seq FROM stories')).rows[0]).toEqual(
      before,
    );
    expect((await server.pool.query('SELECT count(*)::int AS n FROM revisions')).rows[0].n).toBe(1);

    const kimToken = await signInAs(server.url, kim);
    const byEditor = await api<PushResponse>(server.url, '/v1/push', {
      token: kimToken,
      body: pushOne(approved, 1, 'status'),
    });
    expect(byEditor.body.outcomes[0]).toMatchObject({ result: 'accepted', version: 2 });
  });

  it('refuses editing an approved story until an editor reopens it with a reason', async () => {
    const { server } = await newsroom();
    const kim = await addPerson(server, 'kim', 'editor', 'Kim Min-ji');
    const token = await signInAs(server.url, kim);
    const story = makeStory({ slug: 'VOTE', status: 'approved' });
    await api(server.url, '/v1/push', { token, body: pushOne(story, null, 'create') });
    const edited = {
      ...story,
      slug: 'VOTE (EDITED)',
      updatedAt: new Date(Date.parse(story.updatedAt) + 1000).toISOString(),
    };
    const locked = await api<PushResponse>(server.url, '/v1/push', {
      token,
      body: pushOne(edited, 1),
    });
    expect(locked.body.outcomes[0]).toMatchObject({
      result: 'refused',
      message: expect.stringMatching(/approved and locked/),
    });
    const reopened = { ...story, status: 'draft' as const, updatedAt: edited.updatedAt };
    const noReason = await api<PushResponse>(server.url, '/v1/push', {
      token,
      body: pushOne(reopened, 1, 'status'),
    });
    expect(noReason.body.outcomes[0]).toMatchObject({
      result: 'refused',
      message: "Reopen needs a reason; it stays in the story's history.",
    });
    const withReason = await api<PushResponse>(server.url, '/v1/push', {
      token,
      body: pushOne(reopened, 1, 'status', 'Figures changed'),
    });
    expect(withReason.body.outcomes[0]).toMatchObject({ result: 'accepted' });
  });

  it('refuses a producer-only change to a rundown from a reporter', async () => {
    const { server } = await newsroom();
    const park = await addPerson(server, 'park', 'reporter', 'Park Ji-won');
    const token = await signInAs(server.url, park);
    const rundown = {
      id: randomUUID(),
      title: '6 PM',
      airDate: '2026-11-30',
      onAirSec: 64800,
      lengthSec: 1800,
      blockBudgets: {},
      rows: [],
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      version: 0,
    };
    const answer = await api<PushResponse>(server.url, '/v1/push', {
      token,
      body: { rundowns: [{ id: rundown.id, baseVersion: null, rundown, history: [] }] },
    });
    expect(answer.body.outcomes[0]).toMatchObject({
      result: 'refused',
      message:
        'Only a producer can change a rundown: you are signed in to the newsroom as Park Ji-won, a reporter.',
    });
    expect((await server.pool.query('SELECT count(*)::int AS n FROM rundowns')).rows[0].n).toBe(0);
    // Refused for good: not a refusal the desk waits out.
    expect(answer.body.outcomes[0]).not.toHaveProperty('waits');
  });

  it('refuses a show holding a story it does not have for now, and takes it once the story is there', async () => {
    const { server } = await newsroom();
    const lee = await addPerson(server, 'lee', 'producer', 'Lee Seo-yeon');
    const token = await signInAs(server.url, lee);
    const story = makeStory({ slug: 'HARBOR FIRE' });
    const show = makeRundown([makeRow(randomUUID(), { kind: 'story', storyId: story.id })]);
    const sendShow = async () =>
      (
        await api<PushResponse>(server.url, '/v1/push', {
          token,
          body: { rundowns: [{ id: show.id, baseVersion: null, rundown: show, history: [] }] },
        })
      ).body.outcomes[0];
    expect(await sendShow()).toEqual({
      type: 'rundown',
      id: show.id,
      result: 'refused',
      message: `“${show.title}” holds a story the newsroom does not have: it goes up after the story does.`,
      waits: true,
    });
    await api(server.url, '/v1/push', { token, body: pushOne(story, null, 'create') });
    expect(await sendShow()).toMatchObject({ result: 'accepted', version: 1 });
  });
});

describe('one show changed at two desks', () => {
  it('makes a push sent again after its answer was lost once, not twice', async () => {
    const { server } = await newsroom();
    const lee = await addPerson(server, 'lee', 'producer', 'Lee Seo-yeon');
    const token = await signInAs(server.url, lee);
    const at = '2026-11-30T09:00:00.000Z';
    const ids = { alpha: randomUUID(), bravo: randomUUID(), break: randomUUID() };
    const row = (id: keyof typeof ids, over: Partial<RundownRow> = {}) =>
      makeRow(ids[id], { label: id.toUpperCase(), ...over });
    const base = makeRundown([row('alpha'), row('bravo')]);
    const entry = (uid: string, action: string, rowId: string | null, detail: object) => ({
      uid,
      rundownId: base.id,
      at,
      author: 'Lee Seo-yeon',
      action,
      rowId,
      detail,
    });
    const push = async (baseVersion: number | null, rundown: object, history: object[]) => {
      const answer = await api<PushResponse>(server.url, '/v1/push', {
        token,
        body: { rundowns: [{ id: base.id, baseVersion, rundown, history }] },
      });
      expect(answer.body.error).toBeUndefined();
      return answer.body.outcomes[0]!;
    };
    const stored = async () =>
      (await server.pool.query('SELECT version, rundown FROM rundowns WHERE id = $1', [base.id]))
        .rows[0] as { version: number; rundown: typeof base };

    expect(await push(null, base, [entry('c', 'created', null, {})])).toMatchObject({
      result: 'accepted',
      version: 1,
    });
    // The other desk floats BRAVO (version 2).
    await push(1, { ...base, version: 2, rows: [row('alpha'), row('bravo', { floated: true })] }, [
      entry('f', 'floated', ids.bravo, {}),
    ]);
    // This desk, still on version 1, adds a break at the end: made on version 2.
    const mine = { ...base, version: 2, rows: [...base.rows, row('break', { kind: 'break' })] };
    const resend = [entry('a', 'added', ids.break, { to: 3 })];
    expect(await push(1, mine, resend)).toMatchObject({ result: 'merged', version: 3 });
    // Its answer is lost. The other desk takes the break out again (version 4).
    const now = await stored();
    await push(
      now.version,
      { ...now.rundown, rows: now.rundown.rows.filter((r) => r.id !== ids.break) },
      [entry('r', 'removed', ids.break, { from: 3 })],
    );
    // This desk sends the same push again: nothing is made twice, the break stays out.
    const again = await push(1, mine, resend);
    expect(again).toMatchObject({ result: 'merged', version: 4 });
    const last = await stored();
    expect(last.version).toBe(4);
    expect(last.rundown.rows.map((r) => [r.id, r.floated])).toEqual([
      [ids.alpha, false],
      [ids.bravo, true],
    ]);
  });
});

describe('one value set at two desks', () => {
  it('keeps the later desk’s value and tells it whose value it replaced', async () => {
    const { server } = await newsroom();
    const lee = await addPerson(server, 'lee', 'producer', 'Lee Seo-yeon');
    const token = await signInAs(server.url, lee);
    const at = '2026-11-30T09:00:00.000Z';
    const ids = { alpha: randomUUID(), bravo: randomUUID() };
    const row = (id: keyof typeof ids, over: Partial<RundownRow> = {}) =>
      makeRow(ids[id], { label: id.toUpperCase(), ...over });
    const base = makeRundown([row('alpha'), row('bravo')]);
    let uid = 0;
    const entry = (author: string, action: string, rowId: string | null, detail: object) => ({
      uid: `u${++uid}`,
      rundownId: base.id,
      at,
      author,
      action,
      rowId,
      detail,
    });
    const push = async (baseVersion: number | null, rundown: object, history: object[]) =>
      (
        await api<PushResponse>(server.url, '/v1/push', {
          token,
          body: { rundowns: [{ id: base.id, baseVersion, rundown, history }] },
        })
      ).body.outcomes[0]!;

    await push(null, base, [{ ...entry('Lee Seo-yeon', 'created', ids.alpha, {}), rowId: null }]);
    const onAir = base.onAirSec;
    const moved = (by: number, to = onAir + by) => ({ field: 'on-air time', from: onAir, to });
    // Cho, at another desk, makes ALPHA 1:30 (after Park's 1:00) and puts the show on air 15
    // minutes later (version 2).
    await push(
      1,
      {
        ...base,
        version: 2,
        onAirSec: onAir + 900,
        rows: [row('alpha', { estSec: 90 }), row('bravo')],
      },
      [
        // Another hand set it first at that desk: the last one to set it is named.
        entry('Park Ji-woo', 'estimate', ids.alpha, { slug: 'ALPHA', from: 30, to: 60 }),
        entry('Cho Min-ho', 'estimate', ids.alpha, { slug: 'ALPHA', from: 60, to: 90 }),
        // Recorded before entries named their field: the detail in `from`, no values.
        entry('Cho Min-ho', 'edited', null, { from: 'on-air time' }),
      ],
    );
    // Lee, still on version 1, makes it 2:00, sets BRAVO's actual and renames the show (which
    // nobody else touched) and puts it on air half an hour later.
    const outcome = await push(
      1,
      {
        ...base,
        version: 2,
        title: 'LATE NEWS',
        onAirSec: onAir + 1800,
        rows: [row('alpha', { estSec: 120 }), row('bravo', { actualSec: 40 })],
      },
      [
        entry('Lee Seo-yeon', 'estimate', ids.alpha, { slug: 'ALPHA', from: 30, to: 120 }),
        entry('Lee Seo-yeon', 'actual', ids.bravo, { slug: 'BRAVO', from: null, to: 40 }),
        entry('Lee Seo-yeon', 'edited', null, {
          field: 'title',
          from: base.title,
          to: 'LATE NEWS',
        }),
        entry('Lee Seo-yeon', 'edited', null, moved(1800)),
      ],
    );
    expect(outcome).toMatchObject({
      result: 'merged',
      clashes: [
        { rowId: ids.alpha, action: 'estimate', theirs: 90, mine: 120, by: 'Cho Min-ho' },
        {
          rowId: null,
          action: 'edited',
          field: 'on-air time',
          theirs: onAir + 900,
          mine: onAir + 1800,
          by: 'Cho Min-ho',
        },
      ],
    });
    expect((outcome as { clashes: unknown[] }).clashes).toHaveLength(2);
    const stored = await server.pool.query('SELECT rundown FROM rundowns WHERE id = $1', [base.id]);
    const show = (stored.rows[0] as { rundown: typeof base }).rundown;
    expect(show.rows.map((r) => [r.estSec, r.actualSec])).toEqual([
      [120, null],
      [30, 40],
    ]);
    expect([show.title, show.onAirSec]).toEqual(['LATE NEWS', onAir + 1800]);
  });
});

describe('several server processes on one database', () => {
  it('streams a change pushed through one process to a desk listening on another', async () => {
    const { databaseUrl, server: one } = await newsroom();
    const two = await startTestServer(databaseUrl);
    running.push(two);
    const park = await addPerson(one, 'park', 'reporter');
    const token = await signInAs(one.url, park);

    const socket = new WebSocket(`${two.url.replace('http', 'ws')}/v1/live`, {
      headers: { ...DESK_HEADERS, authorization: `Bearer ${token}` },
    });
    const seen: ChangesPage['changes'] = [];
    const arrived = new Promise<void>((resolve) => {
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as LiveMessage;
        if (message.type === 'changes') seen.push(...message.changes);
        if (seen.some((c) => c.type === 'story' && c.story?.slug === 'LIVE FROM ONE')) resolve();
      });
    });
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'since', cursor: 0 }));
    const story = makeStory({ slug: 'LIVE FROM ONE' });
    await api(one.url, '/v1/push', { token, body: pushOne(story, null, 'create') });
    await arrived;
    socket.close();
    expect(seen.map((c) => c.type).sort()).toEqual(['revision', 'story']);
  });

  it('refuses a live connection without a valid session', async () => {
    const { server } = await newsroom();
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/v1/live`, {
      headers: { ...DESK_HEADERS, authorization: 'Bearer nope' },
    });
    const status = await new Promise<number>((resolve) =>
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(401);
  });

  it('answers a live connection it cannot check with its own failure, not a sign-out', async () => {
    const { server } = await newsroom();
    const park = await addPerson(server, 'park', 'reporter');
    const token = await signInAs(server.url, park);
    // The sessions cannot be read (as when the database fails): the desk's sign-in is not the
    // problem, and a 401 would sign it out.
    await server.pool.query('ALTER TABLE sessions RENAME TO sessions_away');
    try {
      const socket = new WebSocket(`${server.url.replace('http', 'ws')}/v1/live`, {
        headers: { ...DESK_HEADERS, authorization: `Bearer ${token}` },
      });
      const answer = await new Promise<[number, string]>((resolve) =>
        socket.on('unexpected-response', (_req, res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve([res.statusCode ?? 0, text]));
        }),
      );
      expect(answer).toEqual([
        500,
        'Something went wrong on the newsroom server; the details are in its log.',
      ]);
    } finally {
      await server.pool.query('ALTER TABLE sessions_away RENAME TO sessions');
    }
  });
});

describe('listening', () => {
  it('refuses a non-loopback address over plain HTTP unless told --insecure-http', async () => {
    const databaseUrl = await cluster.createDatabase();
    await expect(
      startNewsroomServer({ databaseUrl, host: '0.0.0.0', port: 0, version: 'test' }),
    ).rejects.toThrow(/Refusing to serve 0\.0\.0\.0 over plain HTTP/);
  });

  it('serves HTTPS with the certificate it is given', async () => {
    const databaseUrl = await cluster.createDatabase();
    const tls = selfSignedCertificate();
    const server: NewsroomServer = await startNewsroomServer({
      databaseUrl,
      host: '127.0.0.1',
      port: 0,
      version: 'test',
      tls,
    });
    running.push(server);
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const { Agent, request } = await import('node:https');
    const body = await new Promise<string>((resolve, reject) => {
      request(`${server.url}/v1/health`, { agent: new Agent({ ca: tls.cert }) }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve(text));
      })
        .on('error', reject)
        .end();
    });
    expect(JSON.parse(body)).toMatchObject({ ok: true, protocol: PROTOCOL_VERSION });
  });

  it('says in words when the database cannot be reached', async () => {
    await expect(
      startNewsroomServer({
        databaseUrl: 'postgres://copydesk:secret@127.0.0.1:1/newsroom',
        host: '127.0.0.1',
        port: 0,
        version: 'test',
      }),
    ).rejects.toThrow(
      'Cannot reach the newsroom database at postgres://copydesk:%E2%80%A6@127.0.0.1:1/newsroom: is PostgreSQL running there?',
    );
  });
});

describe('searching the whole newsroom', () => {
  it('finds English words, phrases and prefixes, and Korean and Japanese inside longer words; never a deleted story; hostile queries find nothing without an error', async () => {
    const { server } = await newsroom();
    const park = await addPerson(server, 'park', 'reporter');
    const token = await signInAs(server.url, park);
    const harbor = makeStory({ slug: 'HARBOR BRIDGE', text: 'The Harbor Bridge closes tonight.' });
    const korean = makeStory({ slug: '시의회', text: '김민지가 오늘 예산안을 발표했습니다.' });
    const japanese = makeStory({ slug: 'TOKYO', text: '東京都知事は記者会見を開いた。' });
    const gone = makeStory({ slug: 'SPIKED', text: 'The harbor ferry story nobody ran.' });
    for (const story of [harbor, korean, japanese, gone]) {
      const pushed = await api<PushResponse>(server.url, '/v1/push', {
        token,
        body: pushOne(story, null, 'create'),
      });
      expect(pushed.body.outcomes[0]).toMatchObject({ result: 'accepted' });
    }
    const deleted = await api<PushResponse>(server.url, '/v1/push', {
      token,
      body: {
        stories: [{ id: gone.id, baseVersion: 1, story: null, headRevision: null, revisions: [] }],
      },
    });
    expect(deleted.body.outcomes[0]).toMatchObject({ result: 'accepted' });

    const slugs = async (query: string, status?: string) => {
      const answer = await api<{ hits: { slug: string; snippet: string }[] }>(
        server.url,
        '/v1/search',
        { token, body: { query, ...(status ? { status } : {}) } },
      );
      expect(answer.status, query).toBe(200);
      return answer.body.hits.map((h) => h.slug).sort();
    };
    expect(await slugs('harbor')).toEqual(['HARBOR BRIDGE']);
    expect(await slugs('"harbor bridge"')).toEqual(['HARBOR BRIDGE']);
    expect(await slugs('"bridge harbor"')).toEqual([]);
    expect(await slugs('brid*')).toEqual(['HARBOR BRIDGE']);
    expect(await slugs('harbor -tonight')).toEqual([]);
    expect(await slugs('김민지')).toEqual(['시의회']);
    expect(await slugs('예산')).toEqual(['시의회']);
    expect(await slugs('都知事')).toEqual(['TOKYO']);
    expect(await slugs('ferry')).toEqual([]);
    expect(await slugs('harbor', 'approved')).toEqual([]);
    for (const hostile of ["'&|!:*()<->", '!!', '"', '-', '\\', 'a:* & !b', "x' OR 1=1 --"])
      expect(await slugs(hostile)).toEqual([]);

    const hit = await api<{ hits: { snippet: string }[] }>(server.url, '/v1/search', {
      token,
      body: { query: '김민지' },
    });
    expect(hit.body.hits[0]!.snippet).toContain('김민지');

    const signedOut = await api(server.url, '/v1/search', { body: { query: 'harbor' } });
    expect(signedOut.status).toBe(401);
  });
});
