import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/newsroom/protocol';
import { startPgCluster, type PgCluster } from '../server/testing/pgCluster';
import { addPerson, startTestServer, type Person } from '../server/testing/newsroom';
import type { NewsroomServer } from '../server/server';
import { openDesk, type TestDesk } from './testing/desk';
import { deskSync } from './deskSync';
import { writeSession } from './session';
import { setReplicaServer } from '../archive/replica';
import type { Story } from '../../shared/story/model';

// Each test signs three people in (scrypt) and starts two server processes.
vi.setConfig({ testTimeout: 30_000 });

let cluster: PgCluster;
const cleanup: (() => Promise<void>)[] = [];

beforeAll(async () => {
  cluster = await startPgCluster();
}, 60_000);
// Stopping PostgreSQL waits for its processes to exit: seconds on a machine under load.
afterAll(() => cluster.stop(), 60_000);
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});

async function newsroom() {
  const databaseUrl = await cluster.createDatabase();
  const one = await startTestServer(databaseUrl, { leaseSeconds: 2 });
  const two = await startTestServer(databaseUrl, { leaseSeconds: 2 });
  cleanup.push(
    () => one.close(),
    () => two.close(),
  );
  const park = await addPerson(one, 'park', 'reporter', 'Park Ji-won');
  const kim = await addPerson(one, 'kim', 'editor', 'Kim Min-ji');
  const lee = await addPerson(one, 'lee', 'producer', 'Lee Seo-yeon');
  return { databaseUrl, one, two, park, kim, lee };
}

async function desk(
  label: string,
  server: NewsroomServer,
  person: Person,
  live = true,
): Promise<TestDesk> {
  const d = openDesk(label);
  cleanup.push(() => d.close());
  await d.call('newsroom.connect', {
    url: server.url,
    name: person.name,
    password: person.password,
  });
  await d.call('newsroom.sync', {});
  if (live) {
    d.sync.startLive();
    await vi.waitFor(async () =>
      expect((await d.call('newsroom.status', {})).state).toBe('online'),
    );
  }
  return d;
}

async function write(d: TestDesk, slug: string, text: string): Promise<Story> {
  const story = await d.call('stories.create', { format: 'READER', slug });
  return d.call('stories.save', {
    story: { ...story, body: [{ type: 'paragraph', runs: [{ text }] }] },
    baseUpdatedAt: story.updatedAt,
    mode: 'autosave',
  });
}

function bodyText(story: Story): string {
  return story.body
    .flatMap((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text) : []))
    .join(' ');
}

describe('two desks, two server processes, one database', () => {
  it('a save on one desk shows on the other, through the other server process', async () => {
    const { one, two, park, kim } = await newsroom();
    const reporter = await desk('reporter', one, park);
    const editor = await desk('editor', two, kim);
    const story = await write(reporter, 'HARBOR FIRE', 'Fire crews fought the blaze overnight.');
    const seen = await vi.waitFor(async () => editor.call('stories.get', { id: story.id }), {
      timeout: 5000,
    });
    expect(bodyText(seen)).toBe('Fire crews fought the blaze overnight.');
    // The versions come along: the editor's history shows who wrote it.
    const history = await editor.call('stories.history', { id: story.id });
    expect(history.revisions[0]).toMatchObject({ author: 'Park Ji-won' });

    await reporter.call('stories.save', {
      story: {
        ...seen,
        body: [{ type: 'paragraph', runs: [{ text: 'Two crews are still there.' }] }],
      },
      baseUpdatedAt: seen.updatedAt,
      mode: 'autosave',
    });
    await vi.waitFor(async () =>
      expect(bodyText(await editor.call('stories.get', { id: story.id }))).toBe(
        'Two crews are still there.',
      ),
    );
    expect((await reporter.call('newsroom.status', {})).pending).toBe(0);
  });

  it('comments, the review state, the pronouncer dictionary and templates reach the other desk too', async () => {
    const { one, two, park, kim } = await newsroom();
    const reporter = await desk('reporter', one, park);
    const editor = await desk('editor', two, kim);
    const story = await write(reporter, 'COUNCIL BUDGET', 'Kim Min-ji reports from city hall.');
    await reporter.call('comments.add', {
      storyId: story.id,
      threadId: crypto.randomUUID(),
      body: 'Check the figure with the clerk.',
      quote: 'city hall',
    });
    await reporter.call('stories.setStatus', { id: story.id, status: 'ready', note: '' });
    await reporter.call('pronouncers.save', { term: 'Nguyen', phonetic: 'WIN' });
    // Templates are the editors' and producers' (a reporter's would be refused).
    const template = [{ type: 'paragraph' as const, runs: [{ text: 'AT CITY HALL TONIGHT' }] }];
    await editor.call('templates.save', { format: 'LIVE', body: template });

    await vi.waitFor(
      async () => {
        const seen = await editor.call('stories.get', { id: story.id });
        expect(seen.status).toBe('ready');
        const comments = await editor.call('comments.list', { storyId: story.id });
        expect(comments).toMatchObject([
          { body: 'Check the figure with the clerk.', quote: 'city hall', author: 'Park Ji-won' },
        ]);
        const pronouncers = await editor.call('pronouncers.list', {});
        expect(pronouncers).toContainEqual(
          expect.objectContaining({ term: 'Nguyen', phonetic: 'WIN' }),
        );
      },
      { timeout: 10_000 },
    );
    // The editor's windows hear of it, and read the dictionary again for their hints.
    const heard = await editor.call('newsroom.events', { after: 0, waitMs: 0 });
    expect(heard.events).toContainEqual({ type: 'pronouncers' });
    await vi.waitFor(
      async () => {
        const templates = await reporter.call('templates.list', {});
        expect(templates.find((t) => t.format === 'LIVE')).toMatchObject({
          custom: true,
          body: template,
        });
      },
      { timeout: 10_000 },
    );
    // The editor approves; the reporter's desk has it, locked.
    await editor.call('stories.setStatus', { id: story.id, status: 'approved', note: '' });
    await vi.waitFor(
      async () =>
        expect((await reporter.call('stories.get', { id: story.id })).status).toBe('approved'),
      { timeout: 10_000 },
    );
  });

  it('a desk offline for a while keeps working and sends its changes when the server is back', async () => {
    const { databaseUrl, one, park, kim } = await newsroom();
    const reporter = await desk('reporter', one, park);
    const editor = await desk('editor', one, kim);
    const port = one.port;
    await one.close();
    await vi.waitFor(async () =>
      expect((await reporter.call('newsroom.status', {})).state).toBe('offline'),
    );

    const story = await write(reporter, 'OFFLINE DRAFT', 'Written in a field with no network.');
    expect((await reporter.call('newsroom.status', {})).pending).toBeGreaterThan(0);

    const back = await startNewsroomOn(databaseUrl, port);
    cleanup.push(() => back.close());
    const seen = await vi.waitFor(async () => editor.call('stories.get', { id: story.id }), {
      timeout: 20_000,
    });
    expect(bodyText(seen)).toBe('Written in a field with no network.');
    await vi.waitFor(async () =>
      expect((await reporter.call('newsroom.status', {})).pending).toBe(0),
    );
  }, 40_000);

  it('both sides editing the same story offline: never merged silently, settled by a person, then everyone has it', async () => {
    const { one, park, kim } = await newsroom();
    const reporter = await desk('reporter', one, park, false);
    const editor = await desk('editor', one, kim, false);
    const story = await write(reporter, 'VOTE COUNT', 'Counting began at six.');
    await reporter.call('newsroom.sync', {});
    await editor.call('newsroom.sync', {});
    const base = await editor.call('stories.get', { id: story.id });

    // Neither is connected live: both change the same story.
    const mine = await reporter.call('stories.save', {
      story: {
        ...story,
        body: [{ type: 'paragraph', runs: [{ text: 'Counting began at six, an hour late.' }] }],
      },
      baseUpdatedAt: story.updatedAt,
      mode: 'explicit',
    });
    await editor.call('stories.save', {
      story: {
        ...base,
        body: [{ type: 'paragraph', runs: [{ text: 'Counting began at 6 p.m.' }] }],
      },
      baseUpdatedAt: base.updatedAt,
      mode: 'explicit',
    });
    expect(await editor.call('newsroom.sync', {})).toMatchObject({ sent: 1, conflicts: 0 });
    const second = await reporter.call('newsroom.sync', {});
    expect(second.conflicts).toBe(1);

    // The reporter's text stays current on their desk; the editor's is kept as the conflict.
    const history = await reporter.call('stories.history', { id: story.id });
    expect(history.conflict).not.toBeNull();
    expect(bodyText(await reporter.call('stories.get', { id: story.id }))).toBe(bodyText(mine));
    expect(
      bodyText(
        await reporter.call('stories.revision', { id: story.id, revisionId: history.conflict! }),
      ),
    ).toBe('Counting began at 6 p.m.');
    expect((await reporter.call('newsroom.status', {})).conflicts).toEqual([
      { id: story.id, slug: 'VOTE COUNT' },
    ]);
    // Syncing again sends nothing while the conflict waits for a person.
    expect(await reporter.call('newsroom.sync', {})).toMatchObject({ sent: 0 });
    expect(bodyText(await editor.call('stories.get', { id: story.id }))).toBe(
      'Counting began at 6 p.m.',
    );

    await reporter.call('stories.resolveConflict', { id: story.id, keep: 'mine' });
    expect(await reporter.call('newsroom.sync', {})).toMatchObject({ sent: 1, conflicts: 0 });
    await editor.call('newsroom.sync', {});
    expect(bodyText(await editor.call('stories.get', { id: story.id }))).toBe(
      'Counting began at six, an hour late.',
    );
    expect((await editor.call('stories.history', { id: story.id })).conflict).toBeNull();
  });
});

describe('roles and sign-ins on the desk', () => {
  it('a reporter trying to approve is refused with a clear message, and nothing changes anywhere', async () => {
    const { one, park, kim } = await newsroom();
    const reporter = await desk('reporter', one, park, false);
    const story = await write(reporter, 'GSOMIA EXPIRY', 'The pact expires at midnight.');
    await reporter.call('stories.setStatus', { id: story.id, status: 'ready' });
    await reporter.call('newsroom.sync', {});
    const error = await reporter.refused('stories.setStatus', { id: story.id, status: 'approved' });
    expect(error).toEqual({
      code: 'FORBIDDEN',
      message:
        'Only an editor can approve a story: you are signed in to the newsroom as Park Ji-won, a reporter.',
    });
    expect((await reporter.call('stories.get', { id: story.id })).status).toBe('ready');
    expect(await reporter.call('newsroom.sync', {})).toMatchObject({ sent: 0 });

    const editor = await desk('editor', one, kim, false);
    await editor.call('stories.setStatus', { id: story.id, status: 'approved' });
    await editor.call('newsroom.sync', {});
    await reporter.call('newsroom.sync', {});
    expect((await reporter.call('stories.get', { id: story.id })).status).toBe('approved');
  });

  it('a wrong password is refused in words and the desk stays as it was', async () => {
    const { one, park } = await newsroom();
    const d = openDesk('reporter');
    cleanup.push(() => d.close());
    const error = await d.refused('newsroom.connect', {
      url: one.url,
      name: park.name,
      password: 'not-my-password',
    });
    expect(error).toEqual({
      code: 'SIGNED_OUT',
      message: 'The user name or the password is wrong.',
    });
    expect((await d.call('newsroom.status', {})).state).toBe('alone');
  });

  /** An older release's server: it answers its health with an older link version. */
  async function olderServer(port = 0) {
    const asked: string[] = [];
    const old = createServer((req, res) => {
      asked.push(req.url ?? '');
      res.writeHead(req.url === '/v1/health' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, version: '0.9.0', protocol: PROTOCOL_VERSION - 1 }));
    });
    // Its live link opens as an older server's would (and is sent nothing).
    const live = new WebSocketServer({ server: old });
    live.on('connection', (_socket, req) => asked.push(req.url ?? ''));
    await new Promise<void>((resolve) => old.listen(port, '127.0.0.1', resolve));
    cleanup.push(async () => {
      for (const client of live.clients) client.terminate();
      await new Promise<void>((resolve) => live.close(() => resolve()));
      await new Promise<void>((resolve) => old.close(() => resolve()));
    });
    const url = `http://127.0.0.1:${(old.address() as AddressInfo).port}`;
    const said = `The newsroom server at ${url} is older than this desk (its link is version ${PROTOCOL_VERSION - 1}, this desk's ${PROTOCOL_VERSION}): ask the administrator to update the server. Your work stays on this desk until then.`;
    return { url, asked, said };
  }

  /**
   * A desk with a story of its own, signed in to `url` at an earlier run (the session kept on
   * disk), and its sync started afresh as at the next start.
   */
  async function signedInEarlier(url: string) {
    const d = openDesk('reporter');
    cleanup.push(() => d.close());
    const story = await write(d, 'HARBOR FIRE', 'The fire is out.');
    writeSession(d.archive.path, {
      url,
      token: 'a-token-from-before',
      expiresAt: '2099-01-01T00:00:00.000Z',
      identity: {
        userId: randomUUID(),
        name: 'park',
        displayName: 'Park Ji-won',
        role: 'reporter',
      },
    });
    setReplicaServer(d.archive.db, url, 30);
    const again = deskSync({ archive: d.archive, deskLabel: 'reporter' });
    cleanup.push(() => again.stop());
    return { d, story, again };
  }

  it('a newsroom server older than the desk is refused in words before signing in', async () => {
    const { url, asked, said } = await olderServer();
    const d = openDesk('reporter');
    cleanup.push(() => d.close());
    const error = await d.refused('newsroom.connect', { url, name: 'park', password: 'pw' });
    expect(error).toEqual({ code: 'OFFLINE', message: said });
    expect(asked).toEqual(['/v1/health']);
    expect((await d.call('newsroom.status', {})).state).toBe('alone');
  });

  it('a desk signed in from an earlier run sends nothing to a server that is now older, and says why', async () => {
    const { url, asked, said } = await olderServer();
    // Signed in at an earlier run; the server has since been put back to an older release.
    const { again } = await signedInEarlier(url);
    await expect(again.sync()).rejects.toThrow(said);
    expect(asked).toEqual(['/v1/health']);
    expect(again.status()).toMatchObject({ state: 'offline', problem: said });
    // The live link says the same, and tries again later.
    again.startLive();
    await vi.waitFor(() => expect(asked.filter((a) => a === '/v1/live').length).toBeGreaterThan(0));
    expect(asked).not.toContain('/v1/push');
    expect(again.status()).toMatchObject({ state: 'offline', problem: said });
  });

  it('a server put back to an older release while the desk is connected is asked again when the link comes back', async () => {
    // Today's release: its health says this desk's link version, and its live link opens.
    const current = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          req.url === '/v1/health'
            ? { ok: true, version: '1.0.0', protocol: PROTOCOL_VERSION }
            : { outcomes: [], cursor: 0 },
        ),
      );
    });
    const live = new WebSocketServer({ server: current });
    await new Promise<void>((resolve) => current.listen(0, '127.0.0.1', resolve));
    const port = (current.address() as AddressInfo).port;
    const { again } = await signedInEarlier(`http://127.0.0.1:${port}`);
    again.startLive();
    await vi.waitFor(() => expect(again.status()).toMatchObject({ state: 'online' }), {
      timeout: 10_000,
    });
    // The administrator puts the server back to an older release, on the same address.
    for (const client of live.clients) client.terminate();
    await new Promise<void>((resolve) => live.close(() => resolve()));
    await new Promise<void>((resolve) => current.close(() => resolve()));
    const { asked, said } = await olderServer(port);
    await vi.waitFor(
      () => expect(again.status()).toMatchObject({ state: 'offline', problem: said }),
      { timeout: 10_000 },
    );
    expect(asked).toContain('/v1/health');
    expect(asked).not.toContain('/v1/push');
  });

  it('a desk signed in from an earlier run, behind a newer server, says the server’s words and keeps its work', async () => {
    // A later release's server: a newer link, and every request from this desk refused as a
    // newer server refuses an older desk (HTTP and the live link alike).
    const said =
      "This desk's Copydesk is older than the newsroom server (its link is version 2, the server's 3): update Copydesk on this desk to connect. Its work stays on this desk until then.";
    const asked: string[] = [];
    const newer = createServer((req, res) => {
      asked.push(req.url ?? '');
      const health = req.url === '/v1/health';
      res.writeHead(health ? 200 : 426, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          health
            ? { ok: true, version: '9.0.0', protocol: PROTOCOL_VERSION + 1 }
            : { error: { code: 'DESK_OUTDATED', message: said } },
        ),
      );
    });
    newer.on('upgrade', (req, socket: Duplex) => {
      asked.push(req.url ?? '');
      socket.end(`HTTP/1.1 426 Upgrade Required\r\nconnection: close\r\n\r\n${said}`);
    });
    await new Promise<void>((resolve) => newer.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise<void>((resolve) => newer.close(() => resolve())));
    const url = `http://127.0.0.1:${(newer.address() as AddressInfo).port}`;
    const { d, story, again } = await signedInEarlier(url);
    await expect(again.sync()).rejects.toThrow(said);
    expect(again.status()).toMatchObject({ state: 'offline', problem: said });
    again.startLive();
    await vi.waitFor(() => expect(asked).toContain('/v1/live'));
    await vi.waitFor(() =>
      expect(again.status()).toMatchObject({ state: 'offline', problem: said }),
    );
    // Nothing of the desk's work was lost or marked sent.
    expect((await d.call('stories.get', { id: story.id })).slug).toBe('HARBOR FIRE');
    expect((await again.status()).pending).toBeGreaterThan(0);
  });

  it('an expired sign-in: the desk says so, keeps working, and sends everything after signing in again', async () => {
    const { one, park, kim } = await newsroom();
    const reporter = await desk('reporter', one, park);
    const editor = await desk('editor', one, kim, false);
    await one.pool.query(
      "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE name = 'park')",
    );
    const story = await write(reporter, 'LATE SHIFT', 'Written after the sign-in expired.');
    const error = await reporter.refused('newsroom.sync', {});
    expect(error.code).toBe('SIGNED_OUT');
    expect(error.message).toMatch(/sign-in has expired: sign in again/);
    const status = await reporter.call('newsroom.status', {});
    expect(status).toMatchObject({ state: 'signedOut' });
    expect(status.pending).toBeGreaterThan(0);
    await reporter.call('newsroom.connect', {
      url: one.url,
      name: park.name,
      password: park.password,
    });
    await vi.waitFor(async () =>
      expect((await reporter.call('newsroom.status', {})).pending).toBe(0),
    );
    await editor.call('newsroom.sync', {});
    expect(bodyText(await editor.call('stories.get', { id: story.id }))).toBe(
      'Written after the sign-in expired.',
    );
  });
});

describe('leases: never two writers on one script', () => {
  it('shows who is editing, refuses a second writer, lapses when the desk goes silent, and lets an editor take over with a note', async () => {
    const { one, park, kim } = await newsroom();
    const reporter = await desk('reporter', one, park);
    const editor = await desk('editor', one, kim);
    const story = await write(reporter, 'ROAD CLOSURE', 'The bridge is closed.');
    await vi.waitFor(async () => editor.call('stories.get', { id: story.id }));

    expect(
      await reporter.call('newsroom.lease', { storyId: story.id, action: 'take' }),
    ).toMatchObject({ holder: 'Park Ji-won', mine: true });
    const seen = await vi.waitFor(async () => {
      const lease = (await editor.call('newsroom.leases', {})).find((l) => l.storyId === story.id);
      expect(lease).toMatchObject({ holder: 'Park Ji-won', mine: false });
      return lease;
    });
    expect(seen?.deskLabel).toBe('reporter');
    const current = await editor.call('stories.get', { id: story.id });
    const refused = await editor.refused('stories.save', {
      story: { ...current, slug: 'ROAD CLOSURE (KIM)' },
      baseUpdatedAt: current.updatedAt,
    });
    expect(refused).toEqual({
      code: 'LEASED',
      message: 'Park Ji-won is editing “ROAD CLOSURE”: it is read-only here until they close it.',
    });

    // The editor takes it over, with a note that stays in the history.
    expect(
      await editor.call('newsroom.lease', {
        storyId: story.id,
        action: 'takeOver',
        note: 'Park is on air, I finish it',
      }),
    ).toMatchObject({ holder: 'Kim Min-ji', mine: true });
    await vi.waitFor(async () =>
      expect(
        (await reporter.call('newsroom.leases', {})).find((l) => l.storyId === story.id),
      ).toMatchObject({ holder: 'Kim Min-ji', mine: false }),
    );
    await vi.waitFor(async () => {
      const history = await reporter.call('stories.history', { id: story.id });
      expect(history.revisions[0]).toMatchObject({
        author: 'Kim Min-ji',
        note: 'Took over editing from Park Ji-won: Park is on air, I finish it',
      });
    });

    // A reporter cannot take over.
    const back = await reporter.refused('newsroom.lease', {
      storyId: story.id,
      action: 'takeOver',
    });
    expect(back).toEqual({
      code: 'FORBIDDEN',
      message:
        'Kim Min-ji is editing this script. Only an editor can take it over; ask Kim Min-ji to close it.',
    });

    // The editor's desk goes silent: the lease lapses (2 s here) and everyone hears of it.
    await editor.sync.stop();
    await one.pool.query("UPDATE leases SET expires_at = now() - interval '1 second'");
    await vi.waitFor(
      async () =>
        expect(
          (await reporter.call('newsroom.leases', {})).find((l) => l.storyId === story.id),
        ).toBeUndefined(),
      { timeout: 10_000 },
    );
  }, 30_000);
});

describe('rundowns across desks', () => {
  it("a producer's rundown, rows moved and floated, reaches another desk in running order", async () => {
    const { one, two, park, lee } = await newsroom();
    const producer = await desk('producer', one, lee);
    const reporter = await desk('reporter', two, park);
    const a = await write(producer, 'LEAD STORY', 'First.');
    const b = await write(producer, 'SECOND STORY', 'Second.');
    const show = await producer.call('rundowns.create', {
      title: '6 PM NEWS',
      airDate: '2026-11-30',
      onAirSec: 64800,
      lengthSec: 1800,
    });
    let detail = await producer.call('rundowns.addRow', {
      id: show.rundown.id,
      row: { kind: 'story', storyId: a.id },
    });
    detail = await producer.call('rundowns.addRow', {
      id: show.rundown.id,
      baseVersion: detail.rundown.version,
      row: { kind: 'story', storyId: b.id },
    });
    const moved = await producer.call('rundowns.moveRow', {
      id: show.rundown.id,
      baseVersion: detail.rundown.version,
      rowId: detail.rowId,
      to: 0,
    });
    await producer.call('rundowns.setRow', {
      id: show.rundown.id,
      baseVersion: moved.rundown.version,
      rowId: moved.rundown.rows[1]!.id,
      floated: true,
    });

    const seen = await vi.waitFor(async () => {
      const got = await reporter.call('rundowns.get', { id: show.rundown.id });
      expect(got.rundown.rows.map((r) => [r.storyId, r.floated])).toEqual([
        [b.id, false],
        [a.id, true],
      ]);
      return got;
    });
    expect(
      (await reporter.call('rundowns.history', { id: show.rundown.id })).map((h) => h.action),
    ).toEqual(['floated', 'moved', 'added', 'added', 'created']);
    // A reporter may not change it.
    const refused = await reporter.refused('rundowns.removeRow', {
      id: show.rundown.id,
      baseVersion: seen.rundown.version,
      rowId: seen.rundown.rows[0]!.id,
    });
    expect(refused.message).toBe(
      'Only a producer can change a rundown: you are signed in to the newsroom as Park Ji-won, a reporter.',
    );
  });
});

describe('two producers on one show', () => {
  /**
   * Lee's and Cho's desks, synced by hand (each changes the show before it hears of the other's
   * change), both holding tonight's show of these stories.
   */
  async function twoProducers(slugs: string[]) {
    const { one, two, lee } = await newsroom();
    const cho = await addPerson(one, 'cho', 'producer', 'Cho Min-ho');
    const first = await desk('first', one, lee, false);
    const second = await desk('second', two, cho, false);
    const stories: Story[] = [];
    for (const slug of slugs)
      stories.push(await write(first, slug, `${slug.toLowerCase()} tonight.`));
    let show = await first.call('rundowns.create', {
      title: '6 PM NEWS',
      airDate: '2026-11-30',
      onAirSec: 64800,
      lengthSec: 1800,
    });
    const id = show.rundown.id;
    for (const story of stories)
      show = await first.call('rundowns.addRow', { id, row: { kind: 'story', storyId: story.id } });
    await first.call('newsroom.sync', {});
    await second.call('newsroom.sync', {});
    const rowOf = (slug: string) =>
      show.rundown.rows[stories.findIndex((s) => s.slug === slug)]!.id;
    return { first, second, id, rowOf };
  }

  it('keeps both desks’ changes when they change the show at the same time', async () => {
    const { first, second, id, rowOf } = await twoProducers(['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA']);

    // The first producer moves DELTA to the top and floats BRAVO.
    await first.call('rundowns.moveRow', { id, rowId: rowOf('DELTA'), to: 0 });
    await first.call('rundowns.setRow', { id, rowId: rowOf('BRAVO'), floated: true });
    // The second, at the same time, types ALPHA's actual, a hit on CHARLIE, and adds a break
    // after CHARLIE.
    await second.call('rundowns.setRow', { id, rowId: rowOf('ALPHA'), actualSec: 95 });
    await second.call('rundowns.setRow', { id, rowId: rowOf('CHARLIE'), hitSec: 64800 + 600 });
    const added = await second.call('rundowns.addRow', {
      id,
      row: { kind: 'break', label: 'BREAK 1', estSec: 120 },
      at: 3,
    });

    await first.call('newsroom.sync', {});
    await second.call('newsroom.sync', {});
    await first.call('newsroom.sync', {});

    const expected = [
      [rowOf('DELTA'), false, null, null],
      [rowOf('ALPHA'), false, 95, null],
      [rowOf('BRAVO'), true, null, null],
      [rowOf('CHARLIE'), false, null, 64800 + 600],
      [added.rowId, false, null, null],
    ];
    for (const d of [first, second]) {
      const got = await d.call('rundowns.get', { id });
      expect(got.rundown.rows.map((r) => [r.id, r.floated, r.actualSec, r.hitSec])).toEqual(
        expected,
      );
      expect((await d.call('newsroom.status', {})).notices).toEqual([]);
      const history = await d.call('rundowns.history', { id });
      expect(history.map((h) => h.action).sort()).toEqual([
        'actual',
        'added',
        'added',
        'added',
        'added',
        'added',
        'created',
        'floated',
        'hit',
        'moved',
      ]);
    }
    expect((await second.call('newsroom.status', {})).pending).toBe(0);
  });

  it('tells both producers whose estimate replaced whose when both set the same row’s', async () => {
    const { first, second, id, rowOf } = await twoProducers(['ALPHA']);
    const rowId = rowOf('ALPHA');
    const { cursor } = await second.call('newsroom.events', { after: 0, waitMs: 0 });

    // Lee makes ALPHA 1:30 and it reaches the newsroom; Cho, not having heard, makes it 2:00.
    await first.call('rundowns.setRow', { id, rowId, estSec: 90 });
    await first.call('newsroom.sync', {});
    await second.call('rundowns.setRow', { id, rowId, estSec: 120 });
    await second.call('newsroom.sync', {});
    await first.call('newsroom.sync', {});

    for (const d of [first, second])
      expect((await d.call('rundowns.get', { id })).rundown.rows[0]!.estSec).toBe(120);
    const said =
      'Changed at another desk too, and yours was kept. ALPHA’s estimate: yours, 2:00, replaced Lee Seo-yeon’s 1:30.';
    const notices = [{ kind: 'rundownClash', id, label: '6 PM NEWS', message: said }];
    expect((await second.call('newsroom.status', {})).notices).toMatchObject(notices);
    const { events } = await second.call('newsroom.events', { after: cursor, waitMs: 0 });
    expect(events.filter((e) => e.type === 'notice')).toEqual([
      { type: 'notice', kind: 'rundown', id, label: '6 PM NEWS', message: said },
    ]);
    // Lee's desk is told whose value replaced hers.
    expect((await first.call('newsroom.status', {})).notices).toMatchObject([
      {
        kind: 'rundownClash',
        id,
        label: '6 PM NEWS',
        message:
          'Changed at another desk too, and theirs was kept. ALPHA’s estimate: Cho Min-ho’s 2:00 replaced 1:30 here.',
      },
    ]);

    // Cho's next change to the show goes up: the notice stays until the next clash.
    await second.call('rundowns.setRow', { id, rowId, actualSec: 100 });
    await second.call('newsroom.sync', {});
    expect((await second.call('newsroom.status', {})).pending).toBe(0);
    expect((await second.call('newsroom.status', {})).notices).toMatchObject(notices);
    // Read, it is put away.
    const after = await second.call('newsroom.dismissNotice', { kind: 'rundownClash', id });
    expect(after.notices).toEqual([]);
    expect((await second.call('newsroom.status', {})).notices).toEqual([]);
  });
});

async function startNewsroomOn(databaseUrl: string, port: number): Promise<NewsroomServer> {
  const { startNewsroomServer } = await import('../server/server');
  return startNewsroomServer({
    databaseUrl,
    host: '127.0.0.1',
    port,
    version: 'test',
    leaseSeconds: 2,
  });
}
