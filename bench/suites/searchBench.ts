import type { Database } from 'better-sqlite3';
import type { ServiceHandlers } from '../../shared/ipc/contract';
import type { SearchPage } from '../../shared/ipc/types';
import { invokeService } from '../../main/services/serviceTable';
import { toFtsQuery } from '../../main/archive/ftsQuery';
import { RARE_WORD } from '../generate/stories';
import type { BenchConfig } from '../config';
import { summarize } from '../lib/stats';
import { row, type Row } from '../lib/report';

/** The fixed mix: what reporters type into the archive search, easy and hard. */
export const SEARCH_MIX: readonly { name: string; query: string; tag?: string }[] = [
  { name: 'single word', query: 'bridge' },
  { name: 'two words', query: 'council budget' },
  { name: 'phrase', query: '"city council"' },
  { name: 'prefix', query: 'elect*' },
  { name: 'tag filter + text', query: 'storm', tag: 'weather' },
  { name: 'rare word', query: RARE_WORD },
  { name: 'very common word', query: 'the' },
  { name: 'Korean word', query: '정부는' },
];

const PAGE = 50;
const GOAL_MS = 20;

/**
 * The limit: the one raw FTS5 statement a program would write for a ranked page with snippets,
 * on the same connection, with the same ranking weights and snippet() call, and no service
 * around it.
 */
function rawSearch(db: Database, tagged: boolean) {
  // The tag as a plain join: SQLite plans it well (index scan, then a key lookup per match),
  // unlike `rowid IN (…)`, which it turns into one full-text query per tagged story.
  const statement = db.prepare(
    `SELECT stories_fts.rowid, snippet(stories_fts, 1, char(2), char(3), '…', 16) AS snippet
     FROM stories_fts
     ${tagged ? 'JOIN story_tags st ON st.story_seq = stories_fts.rowid JOIN tags t ON t.id = st.tag_id AND t.name_key = @tag' : ''}
     WHERE stories_fts MATCH @match
     ORDER BY bm25(stories_fts, 8.0, 1.0) LIMIT ${PAGE}`,
  );
  return (match: string, tag?: string) => statement.all(tagged ? { match, tag } : { match });
}

export async function searchBench(
  config: BenchConfig,
  db: Database,
  services: ServiceHandlers,
): Promise<Row[]> {
  config.log(`search: ${SEARCH_MIX.length} queries × ${config.searchRuns} runs each…`);
  const rows: Row[] = [];
  const allOurs: number[] = [];
  const allBase: number[] = [];
  for (const entry of SEARCH_MIX) {
    const match = toFtsQuery(entry.query)!;
    const raw = rawSearch(db, entry.tag !== undefined);
    const ours: number[] = [];
    const base: number[] = [];
    let page: SearchPage | null = null;
    // Warm both paths once, then alternate so that noise from other work hits both alike.
    for (let i = -1; i < config.searchRuns; i++) {
      let start = performance.now();
      const result = await invokeService(services, 'stories.search', {
        query: entry.query,
        tag: entry.tag,
        limit: PAGE,
      });
      const oursMs = performance.now() - start;
      if (!result.ok) throw new Error(`search "${entry.query}" failed: ${result.error.message}`);
      page = result.value as SearchPage;
      start = performance.now();
      raw(match, entry.tag);
      const baseMs = performance.now() - start;
      if (i >= 0) {
        ours.push(oursMs);
        base.push(baseMs);
      }
    }
    allOurs.push(...ours);
    allBase.push(...base);
    const o = summarize(ours);
    const b = summarize(base);
    const matches = `${page!.totalEstimated ? '≈' : ''}${page!.total.toLocaleString('en')} matches`;
    rows.push(
      row({
        suite: 'search',
        name: `${entry.name} (${entry.tag ? `#${entry.tag} + ` : ''}${entry.query}), p95`,
        unit: 'ms',
        ours: o.p95,
        baseline: b.p95,
        baselineLabel: 'raw FTS5 + snippet()',
        goal: { text: '< 20 ms', met: o.p95 < GOAL_MS },
        note: `${matches}${page!.rankedNewest ? `, ranked among the newest ${page!.rankedNewest.toLocaleString('en')}` : ''}; p50 ${o.p50.toFixed(2)} ms vs ${b.p50.toFixed(2)} ms`,
      }),
    );
  }
  rows.push(...(await filteredSearch(config, db, services)));
  const o = summarize(allOurs);
  const b = summarize(allBase);
  rows.push(
    row({
      suite: 'search',
      name: 'whole mix, p50',
      unit: 'ms',
      ours: o.p50,
      baseline: b.p50,
      baselineLabel: 'raw FTS5 + snippet()',
    }),
    row({
      suite: 'search',
      name: 'whole mix, p95',
      unit: 'ms',
      ours: o.p95,
      baseline: b.p95,
      baselineLabel: 'raw FTS5 + snippet()',
      goal: { text: '≤ 1.3×, < 20 ms', met: o.p95 <= 1.3 * b.p95 && o.p95 < GOAL_MS },
    }),
  );
  return rows;
}

/**
 * Outside the mix: the very common word narrowed to killed stories (7 % of the archive), the
 * hardest case for the ranking window, which must pass over ~14 matches for each one it keeps.
 */
async function filteredSearch(
  config: BenchConfig,
  db: Database,
  services: ServiceHandlers,
): Promise<Row[]> {
  const raw = db.prepare(
    `SELECT stories_fts.rowid, snippet(stories_fts, 1, char(2), char(3), '…', 16) AS snippet
     FROM stories_fts JOIN stories s ON s.seq = stories_fts.rowid
     WHERE stories_fts MATCH @match AND s.status = 'killed'
     ORDER BY bm25(stories_fts, 8.0, 1.0) LIMIT ${PAGE}`,
  );
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = -1; i < Math.max(3, Math.round(config.searchRuns / 4)); i++) {
    let start = performance.now();
    const result = await invokeService(services, 'stories.search', {
      query: 'the',
      status: 'killed',
      limit: PAGE,
    });
    const o = performance.now() - start;
    if (!result.ok) throw new Error(`filtered search failed: ${result.error.message}`);
    start = performance.now();
    raw.all({ match: '"the"' });
    const b = performance.now() - start;
    if (i >= 0) {
      ours.push(o);
      base.push(b);
    }
  }
  const o = summarize(ours);
  const b = summarize(base);
  return [
    row({
      suite: 'search',
      name: 'very common word, killed stories only (not in the mix), p95',
      unit: 'ms',
      ours: o.p95,
      baseline: b.p95,
      baselineLabel: 'raw FTS5 + snippet(), joined',
      note: `p50 ${o.p50.toFixed(2)} ms vs ${b.p50.toFixed(2)} ms`,
    }),
  ];
}
