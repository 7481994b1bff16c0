import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Rundown } from '../../shared/rundown/model';
import type { Story } from '../../shared/story/model';
import { newsroomTsQuery } from '../../shared/newsroom/searchText';
import { hashPassword } from '../../main/server/passwords';
import { startPgCluster } from '../../main/server/testing/pgCluster';
import { spawnNewsroomServer } from '../../main/server/testing/serverProcess';
import type { BenchConfig } from '../config';
import { repoRoot } from '../lib/files';
import { row, type Row } from '../lib/report';
import { summarize } from '../lib/stats';
import {
  createStory,
  moveRundownRow,
  openSimDesk,
  openStory,
  post,
  QUERIES,
  search,
  signIn,
  typeAndSave,
  type SentAt,
  type SimDesk,
  type Timings,
} from '../lib/simDesk';

const PASSWORD = 'bench-password-2026';
const STORIES_PER_DESK = 3;
const PRODUCERS_EVERY = 10;

/** `copydesk server` from the build, as an operator starts it; resolves once it listens. */
async function serverProcess(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const cli = join(repoRoot(), 'out/main/cli.js');
  if (!existsSync(cli)) throw new Error('the newsroom bench runs the built server: npm run build');
  return spawnNewsroomServer(cli, databaseUrl);
}

/** Resident memory of a process, in MB (Linux). */
function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * Baselines from bare `pg` on the same database during the same minute, one at a time at a
 * person's pace: the write a save is at the least (lock the row, update it, add a version, commit
 * durably); a NOTIFY's trip from one connection to another (what save-to-visible adds at the
 * least); reading one story's row (an open); the server's own full-text query (a search).
 */
async function bareSampler(databaseUrl: string, ids: readonly string[]) {
  const writer = new pg.Client({ connectionString: databaseUrl });
  const listener = new pg.Client({ connectionString: databaseUrl });
  await writer.connect();
  await listener.connect();
  await writer.query('CREATE TABLE bench_bare (id int PRIMARY KEY, story jsonb, n int)');
  await writer.query('CREATE TABLE bench_bare_versions (id uuid PRIMARY KEY, story jsonb)');
  await writer.query(`INSERT INTO bench_bare VALUES (1, '{}', 0)`);
  await listener.query('LISTEN bench_bare');
  const write: number[] = [];
  const notify: number[] = [];
  const read: number[] = [];
  const find: number[] = [];
  let waiting: ((at: number) => void) | null = null;
  listener.on('notification', () => waiting?.(performance.now()));
  const body = JSON.stringify({ body: 'x'.repeat(2000) });
  let stop = false;
  const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
  const loop = (async () => {
    while (!stop) {
      const t0 = performance.now();
      await writer.query('BEGIN');
      await writer.query('SELECT n FROM bench_bare WHERE id = 1 FOR UPDATE');
      await writer.query('UPDATE bench_bare SET story = $1, n = n + 1 WHERE id = 1', [body]);
      await writer.query('INSERT INTO bench_bare_versions VALUES ($1, $2)', [randomUUID(), body]);
      await writer.query('COMMIT');
      write.push(performance.now() - t0);
      const arrived = new Promise<number>((resolve) => (waiting = resolve));
      const t1 = performance.now();
      await writer.query("SELECT pg_notify('bench_bare', 'x')");
      notify.push((await arrived) - t1);
      const t2 = performance.now();
      await writer.query('SELECT story FROM stories WHERE id = $1', [pick(ids)]);
      read.push(performance.now() - t2);
      const t3 = performance.now();
      await writer.query(
        `SELECT story, updated_at FROM stories, to_tsquery('simple', $1) q
         WHERE NOT deleted AND search @@ q ORDER BY ts_rank_cd(search, q) DESC, updated_at DESC
         LIMIT 50`,
        [newsroomTsQuery(pick(QUERIES)) ?? 'council'],
      );
      find.push(performance.now() - t3);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    async stop() {
      stop = true;
      await loop;
      await writer.end();
      await listener.end();
      return { write, notify, read, find };
    },
  };
}

async function seed(databaseUrl: string, desks: number): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  const hash = await hashPassword(PASSWORD);
  for (let i = 0; i < desks; i++) {
    const role = i % PRODUCERS_EVERY === 0 ? 'producer' : i % 5 === 1 ? 'editor' : 'reporter';
    await pool.query(
      `INSERT INTO users (id, name, display_name, role, password_hash, must_change_password)
       VALUES ($1, $2, $3, $4, $5, false)`,
      [randomUUID(), `desk${i}`, `Desk ${i}`, role, hash],
    );
  }
  await pool.end();
}

/**
 * Fifty desks on one newsroom for a minute of mixed work — type and save, open, search, submit,
 * move rundown rows — against two server processes on one PostgreSQL database. Measured: save
 * latency, save-to-visible-on-another-desk latency, updates lost, the servers' memory.
 */
export async function newsroomBench(config: BenchConfig): Promise<Row[]> {
  const desks = config.newsroomDesks;
  const seconds = config.newsroomSeconds;
  config.log(`newsroom: ${desks} desks for ${seconds} s on two server processes…`);
  const cluster = await startPgCluster({ durable: true });
  const children: ChildProcess[] = [];
  const open: SimDesk[] = [];
  try {
    const databaseUrl = await cluster.createDatabase('newsroom');
    const servers = [await serverProcess(databaseUrl), await serverProcess(databaseUrl)];
    children.push(...servers.map((s) => s.child));
    const idleMb = servers.map((s) => rssMb(s.child.pid!));
    await seed(databaseUrl, desks);

    const sent: SentAt = new Map();
    const timings: Timings = {
      saveMs: [],
      visibleMs: [],
      openMs: [],
      searchMs: [],
      moveMs: [],
      rundownConflicts: 0,
      errors: [],
    };
    for (let i = 0; i < desks; i++) {
      const url = servers[i % servers.length]!.url;
      const token = await signIn(url, `desk${i}`, PASSWORD);
      const desk = await openSimDesk(url, `desk${i}`, token, 0, sent, timings);
      open.push(desk);
      for (let s = 0; s < STORIES_PER_DESK; s++)
        await createStory(url, desk, `DESK ${i} STORY ${s + 1}`);
    }
    const allIds = open.flatMap((d) => [...d.own.keys()]);
    // The show the producers build, from the first stories.
    const producer = open[0]!;
    const at = new Date().toISOString();
    const show: Rundown = {
      id: randomUUID(),
      title: '6 PM NEWS',
      airDate: at.slice(0, 10),
      onAirSec: 64800,
      lengthSec: 1800,
      blockBudgets: {},
      rows: allIds.slice(0, 20).map((storyId) => ({
        id: randomUUID(),
        kind: 'story' as const,
        storyId,
        label: '',
        page: null,
        estSec: null,
        actualSec: null,
        floated: false,
        hitSec: null,
      })),
      createdAt: at,
      updatedAt: at,
      version: 0,
    };
    await post(servers[0]!.url, '/v1/push', producer.token, {
      rundowns: [{ id: show.id, baseVersion: null, rundown: show, history: [] }],
    });

    const sampler = await bareSampler(databaseUrl, allIds);
    const peakMb = [...idleMb];
    const memory = setInterval(() => {
      servers.forEach((s, i) => (peakMb[i] = Math.max(peakMb[i]!, rssMb(s.child.pid!))));
    }, 500);
    const until = performance.now() + seconds * 1000;
    let actions = 0;
    await Promise.all(
      open.map(async (desk, i) => {
        const url = servers[i % servers.length]!.url;
        const isProducer = i % PRODUCERS_EVERY === 0;
        // The first action of each desk goes round save, open, search, so that even a run of a
        // few desks for a few seconds measures each; then the mix decides.
        let first: number | null = [0.5, 0.7, 0.9][i % 3]!;
        while (performance.now() < until) {
          // A person's pace: an action every second or two.
          await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 1500));
          const roll = first ?? Math.random();
          first = null;
          try {
            if (isProducer && roll < 0.4) await moveRundownRow(url, desk, timings);
            else if (roll < 0.6) await typeAndSave(url, desk, sent, timings);
            else if (roll < 0.65) await typeAndSave(url, desk, sent, timings, true);
            else if (roll < 0.85) await openStory(url, desk, allIds, timings);
            else await search(url, desk, timings);
            actions++;
          } catch (error) {
            timings.errors.push(`${desk.name}: ${(error as Error).message}`);
          }
        }
      }),
    );
    clearInterval(memory);
    const bare = await sampler.stop();
    // Let the last saves reach every desk before counting.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    // Updates lost: a save the server accepted that the newsroom does not hold as sent.
    const pool = new pg.Pool({ connectionString: databaseUrl });
    const { rows } = await pool.query<{ id: string; story: Story; version: number }>(
      'SELECT id, story, version FROM stories',
    );
    await pool.end();
    const stored = new Map(rows.map((r) => [r.id, r]));
    let lost = 0;
    for (const desk of open)
      for (const [id, mine] of desk.own) {
        const there = stored.get(id);
        if (
          !there ||
          there.version !== mine.version ||
          there.story.updatedAt !== mine.story.updatedAt
        )
          lost++;
      }

    const save = summarize(timings.saveMs);
    const visible = summarize(timings.visibleMs);
    const write = summarize(bare.write);
    const notify = summarize(bare.notify);
    const note = `${desks} desks (${Math.ceil(desks / PRODUCERS_EVERY)} producers), ${actions} actions in ${seconds} s; ${timings.saveMs.length} saves (${(timings.saveMs.length / seconds).toFixed(1)}/s across the newsroom), ${timings.visibleMs.length} arrivals seen on other desks; updates lost ${lost}; rundown moves refused as stale and redone ${timings.rundownConflicts}; errors ${timings.errors.length}${timings.errors.length ? ` (${timings.errors.slice(0, 3).join('; ')})` : ''}`;
    return [
      row({
        suite: 'newsroom',
        name: 'save (push to the server, committed), p95',
        unit: 'ms',
        ours: save.p95,
        baseline: write.p95,
        baselineLabel: 'bare pg: lock, update, add a version, commit',
        note,
      }),
      row({
        suite: 'newsroom',
        name: 'save to visible on another desk, p95',
        unit: 'ms',
        ours: visible.p95,
        baseline: write.p95 + notify.p95,
        baselineLabel: 'bare pg: that write + a NOTIFY to another connection',
        goal: { text: '< 1 s, 0 updates lost', met: visible.p95 < 1000 && lost === 0 },
      }),
      row({
        suite: 'newsroom',
        name: 'open a story from the newsroom, p95',
        unit: 'ms',
        ours: summarize(timings.openMs).p95,
        baseline: summarize(bare.read).p95,
        baselineLabel: 'bare pg: SELECT the story’s row',
      }),
      row({
        suite: 'newsroom',
        name: 'search the whole newsroom, p95',
        unit: 'ms',
        ours: summarize(timings.searchMs).p95,
        baseline: summarize(bare.find).p95,
        baselineLabel: 'bare pg: the same full-text query, top 50',
      }),
      row({
        suite: 'newsroom',
        name: 'server memory, the larger of two processes at its peak',
        unit: 'MB',
        ours: Math.max(...peakMb),
        baseline: Math.max(...idleMb),
        baselineLabel: 'the same process idle, before any desk',
      }),
    ];
  } finally {
    for (const desk of open) desk.close();
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map(
        (c) =>
          new Promise((resolve) => (c.exitCode !== null ? resolve(null) : c.once('exit', resolve))),
      ),
    );
    await cluster.stop();
  }
}
