import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { migrate } from '../../main/archive/migrate';
import { openArchive } from '../../main/archive/open';
import { createServices, invokeService } from '../../main/services/serviceTable';
import { storySearchText } from '../../shared/story/text';
import { storyTiming } from '../../shared/story/timing';
import { foldCase } from '../../shared/text/foldCase';
import { pronouncerKey, pronouncersIn } from '../../shared/story/pronouncers';
import type { Story } from '../../shared/story/model';
import { generateStory } from '../generate/stories';
import type { BenchConfig } from '../config';
import { removeDatabase } from '../lib/files';
import { row, type Row } from '../lib/report';
import { alternateBlocks, blockSizes, MIN_BLOCKS, steadyRatio, sum } from '../lib/blocks';

type Clock = { wallMs: number; cpuMs: number };

/** Wall and CPU time of `fn`, added to `clock`. CPU time is far less shaken by other work. */
async function measure<T>(clock: Clock, fn: () => T | Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  clock.wallMs += performance.now() - start;
  const used = process.cpuUsage(cpu);
  clock.cpuMs += (used.user + used.system) / 1000;
  return value;
}

function makeBatch(config: BenchConfig, size: number, index: number): Story[] {
  const start = index * size;
  const end = Math.min(config.stories, start + size);
  const batch: Story[] = [];
  for (let i = start; i < end; i++) batch.push(generateStory(config.seed, i, config.stories));
  return batch;
}

/** Our path: every batch through the service table's `import.stories`, validation included. */
function importThroughServices(path: string) {
  removeDatabase(path);
  const archive = openArchive(path);
  const services = createServices({ archive, version: 'bench' });
  return {
    async run(clock: Clock, stories: Story[]): Promise<void> {
      const result = await measure(clock, () =>
        invokeService(services, 'import.stories', { stories }),
      );
      if (!result.ok) throw new Error(`import.stories failed: ${result.error.message}`);
    },
    close: () => archive.close(),
  };
}

type BareRow = {
  story: (string | number | null)[];
  /** Each tag with the key it is stored under (the one case fold). */
  tags: (readonly [string, string])[];
  revision: string[];
  pronouncers: string[][];
};

/**
 * The limit: a bare better-sqlite3 script putting the same rows into the same schema (same
 * migrations, same pragmas, same full-text triggers) in one transaction: each story with its
 * tags, its first version (made its head) and its pronouncers, as `import.stories` stores them.
 * It builds those rows from the same stories in memory (the JSON, the search text, the times,
 * which any importer must) and inserts them; it skips only validation and the service layer.
 * Its inserts are also timed alone, for the strictest comparison.
 */
function importBare(path: string) {
  removeDatabase(path);
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const insertStory = db.prepare(
    `INSERT INTO stories (id, model_version, slug, format, presenter, reporter, status, created_at,
       updated_at, body_json, search_text, read_sec, total_sec, page, target_sec, head_revision)
     VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTag = db.prepare('INSERT INTO tags (name, name_key) VALUES (?, ?) RETURNING id');
  const link = db.prepare('INSERT INTO story_tags (story_seq, tag_id, position) VALUES (?, ?, ?)');
  const insertRevision = db.prepare(
    `INSERT INTO revisions (id, story_id, parent_id, at, author, kind, note, story_json)
     VALUES (?, ?, NULL, ?, 'Unnamed user', 'import', '', ?)`,
  );
  const learn = db.prepare(
    `INSERT INTO pronouncers (term, term_key, phonetic, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (term_key) DO UPDATE SET term = excluded.term, phonetic = excluded.phonetic,
       updated_at = excluded.updated_at`,
  );
  const tagIds = new Map<string, number>();
  const insertOnly: Clock = { wallMs: 0, cpuMs: 0 };
  db.exec('BEGIN');

  function insertRows(rows: readonly BareRow[]): void {
    for (const r of rows) {
      const seq = insertStory.run(...r.story).lastInsertRowid;
      r.tags.forEach(([tag, key], position) => {
        let id = tagIds.get(key);
        if (id === undefined) {
          id = (insertTag.get(tag, key) as { id: number }).id;
          tagIds.set(key, id);
        }
        link.run(seq, id, position);
      });
      insertRevision.run(...r.revision);
      for (const p of r.pronouncers) learn.run(...p);
    }
  }

  return {
    async run(clock: Clock, stories: Story[]): Promise<void> {
      const rows = await measure(clock, () =>
        stories.map((s): BareRow => {
          const timing = storyTiming(s);
          const revision = randomUUID();
          return {
            story: [
              s.id,
              s.slug,
              s.format,
              s.presenter,
              s.reporter,
              s.status,
              s.createdAt,
              s.updatedAt,
              JSON.stringify(s.body),
              storySearchText(s),
              timing.readSec,
              timing.totalSec,
              s.page ?? null,
              s.targetSec ?? null,
              revision,
            ],
            tags: s.tags.map((t) => [t, foldCase(t)] as const),
            revision: [revision, s.id, s.updatedAt, JSON.stringify(s)],
            pronouncers: pronouncersIn(s).map((p) => [
              p.term,
              pronouncerKey(p.term),
              p.phonetic,
              s.updatedAt,
            ]),
          };
        }),
      );
      await measure(clock, () => measure(insertOnly, () => insertRows(rows)));
    },
    insertOnlyMs: () => insertOnly.wallMs,
    /** Ends the one transaction; its time is the bare script's too. */
    async commit(clock: Clock): Promise<void> {
      await measure(clock, () => measure(insertOnly, () => db.exec('COMMIT')));
    },
    close: () => db.close(),
  };
}

function countRows(path: string): Record<string, number> {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      stories: n('SELECT count(*) AS n FROM stories'),
      links: n('SELECT count(*) AS n FROM story_tags'),
      revisions: n('SELECT count(*) AS n FROM revisions'),
      heads: n('SELECT count(*) AS n FROM stories WHERE head_revision IS NOT NULL'),
      pronouncers: n('SELECT count(*) AS n FROM pronouncers'),
      indexed: n(`SELECT count(*) AS n FROM stories_fts WHERE stories_fts MATCH '"the"'`),
    };
  } finally {
    db.close();
  }
}

/**
 * Both imports run side by side into their own files, in alternating blocks of batches (ours
 * first, then the bare script first, and so on), so that other work on the machine falls on both
 * alike; the ratio is the median of the blocks' ratios.
 */
export async function importBench(
  config: BenchConfig,
  archivePath: string,
  baselinePath: string,
): Promise<Row[]> {
  // Enough batches for every block to hold at least one (a small archive takes smaller batches).
  const wantBlocks = Math.max(MIN_BLOCKS, config.blocks * 2);
  const batchSize = Math.min(config.importBatch, Math.ceil(config.stories / wantBlocks));
  const batches = Math.ceil(config.stories / batchSize);
  const sizes = blockSizes(batches, wantBlocks);
  config.log(
    `import: ${config.stories.toLocaleString('en')} stories, ours and a bare better-sqlite3 script in ${sizes.length} alternating blocks…`,
  );
  const ours = importThroughServices(archivePath);
  const bare = importBare(baselinePath);
  const oursTotal: Clock = { wallMs: 0, cpuMs: 0 };
  const bareTotal: Clock = { wallMs: 0, cpuMs: 0 };
  const perBlock = {
    ours: [] as number[][],
    bare: [] as number[][],
    oursCpu: [] as number[][],
    bareCpu: [] as number[][],
  };
  try {
    let next = 0;
    const firstBatch = sizes.map((n) => ((next += n), next - n));
    /** One side's block of batches: the wall time of each, its CPU times kept in `cpuBlocks`. */
    const blockOf =
      (
        side: { run(clock: Clock, stories: Story[]): Promise<void> },
        total: Clock,
        cpuBlocks: number[][],
      ) =>
      async (block: number) => {
        const times: number[] = [];
        const cpu: number[] = [];
        for (let i = 0; i < sizes[block]!; i++) {
          const clock: Clock = { wallMs: 0, cpuMs: 0 };
          await side.run(clock, makeBatch(config, batchSize, firstBatch[block]! + i));
          add(total, clock);
          times.push(clock.wallMs);
          cpu.push(clock.cpuMs);
        }
        cpuBlocks[block] = cpu;
        return times;
      };
    const [o, b] = await alternateBlocks(sizes.length, [
      blockOf(ours, oursTotal, perBlock.oursCpu),
      blockOf(bare, bareTotal, perBlock.bareCpu),
    ]);
    perBlock.ours = o!;
    perBlock.bare = b!;
    await bare.commit(bareTotal);
  } finally {
    ours.close();
    bare.close();
  }
  const oursRows = countRows(archivePath);
  const bareRows = countRows(baselinePath);
  removeDatabase(baselinePath);
  if (JSON.stringify(oursRows) !== JSON.stringify(bareRows)) {
    throw new Error(
      `The two imports differ: ours ${JSON.stringify(oursRows)}, bare ${JSON.stringify(bareRows)}`,
    );
  }
  const oursMs = oursTotal.wallMs;
  const bareMs = bareTotal.wallMs;
  const steady = steadyRatio(perBlock.ours, perBlock.bare, sum);
  const cpu = steadyRatio(perBlock.oursCpu, perBlock.bareCpu, sum);
  const perSecond = (ms: number) => config.stories / (ms / 1000);
  const seconds = oursMs / 1000;
  return [
    row({
      suite: 'import',
      name: `${config.stories.toLocaleString('en')} stories, service layer in batches of ${batchSize}`,
      unit: 's',
      ours: seconds,
      baseline: bareMs / 1000,
      baselineLabel: 'bare better-sqlite3, one transaction',
      steady,
      rate: { ours: perSecond(oursMs), baseline: perSecond(bareMs), unit: 'stories/s' },
      goal: {
        text: '≤ 1.3×, 100k < 60 s',
        met: steady.ratio <= 1.3 && seconds * (100_000 / config.stories) < 60,
      },
      note:
        `CPU time ${(oursTotal.cpuMs / 1000).toFixed(2)} s vs ${(bareTotal.cpuMs / 1000).toFixed(2)} s, ` +
        `block ratios ${cpu.ratio.toFixed(2)}× (${cpu.low.toFixed(2)}–${cpu.high.toFixed(2)}); ` +
        `the bare script's inserts alone ${(bare.insertOnlyMs() / 1000).toFixed(2)} s (${(oursMs / bare.insertOnlyMs()).toFixed(2)}×)`,
    }),
  ];
}

function add(total: Clock, part: Clock): void {
  total.wallMs += part.wallMs;
  total.cpuMs += part.cpuMs;
}
