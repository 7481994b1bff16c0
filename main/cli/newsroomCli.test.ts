import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, startPgCluster, type PgCluster } from '../server/testing/pgCluster';
import { spawnNewsroomServer } from '../server/testing/serverProcess';
import { selfSignedCertificate } from '../server/testing/newsroom';
import { openDesk } from '../sync/testing/desk';
import { makeStory } from '../../shared/story/testing/makeStory';
import { cliWorkspace } from './testing/cliWorkspace';

// Real server processes, started from the built CLI, killed and started again.
vi.setConfig({ testTimeout: 60_000 });

const CLI = new URL('../../out/main/cli.js', import.meta.url).pathname;
let cluster: PgCluster;
const cleanup: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('These tests run the built CLI: `npm run build` first.');
  cluster = await startPgCluster();
}, 60_000);
// Stopping PostgreSQL waits for its processes to exit: seconds on a machine under load.
afterAll(() => cluster.stop(), 60_000);
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});

/** `copydesk server` as its own process, killed after the test; resolves once it listens. */
async function serverProcess(
  databaseUrl: string,
  listen = '127.0.0.1:0',
  extra: readonly string[] = [],
): Promise<{ url: string; child: ChildProcess }> {
  const server = await spawnNewsroomServer(CLI, databaseUrl, ['--listen', listen, ...extra]);
  cleanup.push(() => {
    if (server.child.exitCode === null && server.child.signalCode === null)
      server.child.kill('SIGKILL');
  });
  return server;
}

async function addUser(
  databaseUrl: string,
  name: string,
  role: string,
  displayName: string,
): Promise<string> {
  const ws = cliWorkspace();
  const result = await ws.run(
    'server',
    'user',
    'add',
    name,
    '--role',
    role,
    '--display-name',
    displayName,
    '--database',
    databaseUrl,
    '--json',
  );
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { oneTimePassword: string }).oneTimePassword;
}

describe('the newsroom from the command line', () => {
  it('adds a person, connects a desk with the one-time password and a new one, and reports who it is', async () => {
    const databaseUrl = await cluster.createDatabase();
    const { url } = await serverProcess(databaseUrl);
    const once = await addUser(databaseUrl, 'park', 'reporter', 'Park Ji-won');
    const list = await cliWorkspace().run('server', 'user', 'list', '--database', databaseUrl);
    expect(list.stdout).toMatch(/^park\s+Park Ji-won\s+reporter\s+not signed in yet$/m);

    const desk = cliWorkspace();
    const answers = [once, 'harbor-fire-2026'];
    const connected = await desk.runWith(
      { readSecret: async () => answers.shift() ?? '' },
      'connect',
      url,
      '--user',
      'park',
    );
    expect(connected.stderr).toContain('That was a one-time password: choose a new password');
    expect(connected.code).toBe(0);
    expect(connected.stdout).toContain(`Park Ji-won (park), a reporter, at ${url}`);
    expect(connected.stdout).toContain('Online.');

    const imported = await desk.run(
      'import',
      new URL('../../fixtures/harbor-bridge.txt', import.meta.url).pathname,
    );
    expect(imported.code).toBe(0);
    const once2 = await desk.run('sync', '--once');
    expect(once2.code).toBe(0);
    expect(once2.stdout).toMatch(/^sent 1, received \d+\.$/m);
    const who = await desk.run('whoami');
    expect(who.stdout).toContain('Nothing waiting to go up');

    const wrong = await cliWorkspace().runWith(
      { readSecret: async () => 'not-the-password' },
      'connect',
      url,
      '--user',
      'park',
    );
    expect(wrong.code).toBe(1);
    // A fresh workspace: the archive is made first (to hold the sign-in), then the refusal.
    expect(wrong.stderr).toMatch(/\ncopydesk: The user name or the password is wrong\.\n$/);

    const refused = await cliWorkspace().run('server', 'user', 'list');
    expect(refused.code).toBe(2);
  });

  it('a forgotten password: the admin resets it, the old one and every session stop working, the person signs in with the new one-time password', async () => {
    const databaseUrl = await cluster.createDatabase();
    const { url } = await serverProcess(databaseUrl);
    const once = await addUser(databaseUrl, 'lee', 'editor', 'Lee Su-bin');
    const desk = cliWorkspace();
    const first = [once, 'first-password-2026'];
    const connected = await desk.runWith(
      { readSecret: async () => first.shift() ?? '' },
      'connect',
      url,
      '--user',
      'lee',
    );
    expect(connected.code).toBe(0);

    const reset = await cliWorkspace().run(
      'server',
      'user',
      'reset',
      'lee',
      '--database',
      databaseUrl,
    );
    expect(reset.code).toBe(0);
    const fresh = reset.stdout.trim().split('\n').at(-1)!;
    expect(reset.stdout).toContain('every session of lee has ended');
    expect(fresh).not.toBe(once);

    // The desk that was signed in is signed out; the old password no longer works.
    const sync = await desk.run('sync', '--once');
    expect(sync.code).not.toBe(0);
    expect(sync.stderr).toMatch(/sign in/i);
    const old = await cliWorkspace().runWith(
      { readSecret: async () => 'first-password-2026' },
      'connect',
      url,
      '--user',
      'lee',
    );
    expect(old.stderr).toMatch(/The user name or the password is wrong\.\n$/);

    const again = [fresh, 'second-password-2026'];
    const back = await cliWorkspace().runWith(
      { readSecret: async () => again.shift() ?? '' },
      'connect',
      url,
      '--user',
      'lee',
    );
    expect(back.stderr).toContain('That was a one-time password: choose a new password');
    expect(back.code).toBe(0);

    // Disabled, then enabled again: refused while disabled, welcome after.
    const run = (action: string) =>
      cliWorkspace().run('server', 'user', action, 'lee', '--database', databaseUrl);
    expect((await run('disable')).code).toBe(0);
    const signIn = () =>
      cliWorkspace().runWith(
        { readSecret: async () => 'second-password-2026' },
        'connect',
        url,
        '--user',
        'lee',
      );
    expect((await signIn()).code).not.toBe(0);
    expect((await run('enable')).stdout).toBe('Enabled lee.\n');
    expect((await signIn()).code).toBe(0);
    expect((await run('reset-all')).code).toBe(2);
  });

  it("a desk over HTTPS: a certificate it does not trust is refused in words; given the station's CA, it connects and syncs", async () => {
    const databaseUrl = await cluster.createDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-tls-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const tls = selfSignedCertificate();
    writeFileSync(join(dir, 'cert.pem'), tls.cert);
    writeFileSync(join(dir, 'key.pem'), tls.key);
    const { url } = await serverProcess(databaseUrl, '127.0.0.1:0', [
      '--tls-cert',
      join(dir, 'cert.pem'),
      '--tls-key',
      join(dir, 'key.pem'),
    ]);
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const once = await addUser(databaseUrl, 'park', 'reporter', 'Park Ji-won');

    const untrusted = await cliWorkspace().runWith(
      { readSecret: async () => once },
      'connect',
      url,
      '--user',
      'park',
    );
    expect(untrusted.code).not.toBe(0);
    expect(untrusted.stderr).toContain('certificate is not trusted here');
    expect(untrusted.stderr).toContain('NODE_EXTRA_CA_CERTS');

    // NODE_EXTRA_CA_CERTS is read when Node starts: the desk is its own process, as on a laptop.
    const desk = (...args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          [CLI, ...args, '--archive', join(dir, 'desk.sqlite')],
          {
            env: { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') },
            stdio: ['pipe', 'pipe', 'pipe'],
          },
        );
        let stdout = '';
        let stderr = '';
        child.stdout!.on('data', (c: Buffer) => (stdout += String(c)));
        child.stderr!.on('data', (c: Buffer) => (stderr += String(c)));
        child.stdin!.end(`${once}\nharbor-fire-2026\n`);
        child.once('exit', (code) => resolve({ code, stdout, stderr }));
      });
    const connected = await desk('connect', url, '--user', 'park');
    expect(connected.stderr).not.toContain('not trusted');
    expect(connected.code).toBe(0);
    expect(connected.stdout).toContain(`Park Ji-won (park), a reporter, at ${url}`);
    const imported = await desk(
      'import',
      new URL('../../fixtures/harbor-bridge.txt', import.meta.url).pathname,
    );
    expect(imported.code).toBe(0);
    const synced = await desk('sync', '--once');
    expect(synced.code).toBe(0);
    expect(synced.stdout).toMatch(/^sent 1, received \d+\.$/m);
    const stored = await queryRows(databaseUrl, 'SELECT count(*)::int AS n FROM stories');
    expect(stored).toEqual([{ n: 1 }]);
  });

  it('a server killed with SIGKILL in the middle of a sync: nothing lost, nothing twice, no false conflict', async () => {
    const databaseUrl = await cluster.createDatabase();
    const first = await serverProcess(databaseUrl);
    const port = new URL(first.url).port;
    const once = await addUser(databaseUrl, 'park', 'reporter', 'Park Ji-won');
    const desk = openDesk('reporter');
    cleanup.push(() => desk.close());
    await desk.call('newsroom.connect', {
      url: first.url,
      name: 'park',
      password: once,
      newPassword: 'harbor-fire-2026',
    });
    const stories = Array.from({ length: 400 }, (_, i) => makeStory({ slug: `STORY ${i + 1}` }));
    await desk.call('import.stories', { stories });

    const storiesThere = async () =>
      Number((await queryRows(databaseUrl, 'SELECT count(*) AS n FROM stories'))[0]!.n);
    const syncing = desk.refused('newsroom.sync', {});
    // Kill it once some batches are in, others not yet.
    await vi.waitFor(async () => expect(await storiesThere()).toBeGreaterThan(0), {
      timeout: 30_000,
      interval: 5,
    });
    first.child.kill('SIGKILL');
    const error = await syncing;
    expect(error.code).toBe('OFFLINE');
    expect(await storiesThere()).toBeLessThan(400);

    await serverProcess(databaseUrl, `127.0.0.1:${port}`);
    const summary = await desk.call('newsroom.sync', {});
    expect(summary).toMatchObject({ conflicts: 0, refused: 0 });
    const rows = await queryRows(
      databaseUrl,
      'SELECT count(*)::int AS n, max(version) AS v, count(DISTINCT slug)::int AS slugs FROM stories',
    );
    expect(rows[0]).toEqual({ n: 400, v: 1, slugs: 400 });
    const status = await desk.call('newsroom.status', {});
    expect(status).toMatchObject({ pending: 0, conflicts: [] });
  });
});
