import type { Database } from 'better-sqlite3';
import type { ServiceHandlers } from '../../shared/ipc/contract';
import { invokeService } from '../../main/services/serviceTable';
import { createRng, hashSeed } from '../generate/prng';
import type { BenchConfig } from '../config';
import { summarize } from '../lib/stats';
import { row, type Row } from '../lib/report';

const SUMMARY =
  'seq, id, slug, format, presenter, reporter, status, created_at, updated_at, read_sec, total_sec';

async function call(services: ServiceHandlers, channel: string, input: unknown): Promise<void> {
  const result = await invokeService(services, channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
}

/** Alternates ours and the baseline, one call each per round, after one warm-up round. */
async function paired(
  rounds: number,
  ours: (i: number) => Promise<void>,
  base: (i: number) => void,
): Promise<{ ours: number[]; base: number[] }> {
  const out = { ours: [] as number[], base: [] as number[] };
  for (let i = -1; i < rounds; i++) {
    let start = performance.now();
    await ours(Math.max(i, 0));
    const o = performance.now() - start;
    start = performance.now();
    base(Math.max(i, 0));
    const b = performance.now() - start;
    if (i >= 0) {
      out.ours.push(o);
      out.base.push(b);
    }
  }
  return out;
}

export async function openListBench(
  config: BenchConfig,
  db: Database,
  services: ServiceHandlers,
): Promise<Row[]> {
  config.log('open and list…');
  const count = (db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number }).n;
  const rng = createRng(hashSeed(config.seed, -2));
  const byOffset = db.prepare('SELECT id FROM stories WHERE seq = ?');
  const ids = Array.from(
    { length: config.openSamples },
    () => (byOffset.get(rng.int(1, count)) as { id: string }).id,
  );

  const rawGet = db.prepare('SELECT * FROM stories WHERE id = ?');
  const open = await paired(
    ids.length,
    (i) => call(services, 'stories.get', { id: ids[i] }),
    (i) => rawGet.get(ids[i]),
  );

  const rawNewest = db.prepare(
    `SELECT ${SUMMARY} FROM stories ORDER BY updated_at DESC, seq DESC LIMIT 100 OFFSET ?`,
  );
  const newest = await paired(
    config.listRuns,
    () => call(services, 'stories.list', { limit: 100 }),
    () => rawNewest.all(0),
  );
  // Where the virtualised archive list asks when someone scrolls nine tenths of the way down.
  const deepOffset = Math.max(0, Math.floor(count * 0.9) - 100);
  const deep = await paired(
    config.listRuns,
    () => call(services, 'stories.list', { limit: 100, offset: deepOffset }),
    () => rawNewest.all(deepOffset),
  );

  const TAG = 'politics';
  // The fastest raw form: walk the by-date index, check the tag by key. (A plain join makes
  // SQLite collect and sort every tagged story first: ~90 ms here.)
  const rawTagged = db.prepare(
    `SELECT ${SUMMARY} FROM stories s
     WHERE EXISTS (SELECT 1 FROM story_tags st JOIN tags t ON t.id = st.tag_id
                   WHERE st.story_seq = s.seq AND t.name_key = ?)
     ORDER BY updated_at DESC, seq DESC LIMIT 100`,
  );
  const tagged = await paired(
    config.listRuns,
    () => call(services, 'stories.list', { limit: 100, tag: TAG }),
    () => rawTagged.all(TAG),
  );

  // A filter on a column: the page walks the by-date index, the count reads the filter index.
  const rawFormat = db.prepare(
    `SELECT ${SUMMARY} FROM stories WHERE format = ? ORDER BY updated_at DESC, seq DESC LIMIT 100`,
  );
  const byFormat = await paired(
    config.listRuns,
    () => call(services, 'stories.list', { limit: 100, format: 'PKG' }),
    () => rawFormat.all('PKG'),
  );

  const result = (name: string, samples: { ours: number[]; base: number[] }, label: string) => {
    const o = summarize(samples.ours);
    const b = summarize(samples.base);
    return row({
      suite: 'open/list',
      name,
      unit: 'ms',
      ours: o.p95,
      baseline: b.p95,
      baselineLabel: label,
      note: `p50 ${o.p50.toFixed(2)} ms vs ${b.p50.toFixed(2)} ms`,
    });
  };
  return [
    result('open a story (fetch + model validation), p95', open, 'raw SELECT of the row'),
    result('list the newest 100, p95', newest, 'raw SELECT of the 100 rows'),
    result(
      `list 100 at offset ${deepOffset.toLocaleString('en')}, p95`,
      deep,
      'raw SELECT, same OFFSET',
    ),
    result(`list the newest 100 tagged #${TAG}, p95`, tagged, 'raw SELECT, same plan'),
    result('list the newest 100 packages (format filter), p95', byFormat, 'raw SELECT, no count'),
  ];
}
