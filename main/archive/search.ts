import type { Database } from 'better-sqlite3';
import type { SearchHit, SearchPage } from '../../shared/ipc/types';
import { toFtsQuery } from './ftsQuery';
import { statement } from './statements';
import { SUMMARY_COLUMNS, type SummaryRow } from './storyRows';
import { summariesFor } from './storySummaries';
import { findTagId } from './tags';
import { FILTER_INDEX, filterConditions, type StoryFilters } from './storyFilters';

export type SearchOptions = StoryFilters & {
  limit: number;
  sort?: 'relevance' | 'date';
  /** How many of the newest matches are ranked (RANK_WINDOW); smaller only in tests. */
  rankWindow?: number;
};

/**
 * Past this many matches a search ranks only the newest ones. Ranking means scoring every match
 * (bm25 reads each one's term counts): for a word in nearly every story that is ~55 ms on 100,000
 * stories, far more than a keystroke; 5,000 cost ~4 ms. The newest matches are what a newsroom
 * looks for first, and the count still covers them all.
 */
export const RANK_WINDOW = 5_000;

/** A slug hit weighs eight times a body hit. */
const RANK = 'bm25(stories_fts, 8.0, 1.0)';
const SNIPPET = "snippet(stories_fts, 1, char(2), char(3), '…', 16)";

/** A condition on `stories_fts.rowid` (a story's seq), with the parameters it binds. */
type Filter = { sql: string; params: Record<string, unknown> };

/**
 * Filters become conditions on the match's rowid, checked one match at a time as the full-text
 * index hands them out newest first, so a filtered search stops as soon as the ranking window is
 * full instead of joining every match. A tag alone is checked by key on story_tags, without
 * reading the story's row. (SQLite would turn `rowid IN (...)` into one full-text lookup per
 * tagged story, which is far slower.)
 */
function filtersFor(db: Database, options: SearchOptions): Filter[] | null {
  const filters: Filter[] = [];
  const { tag, ...rest } = options;
  if (tag) {
    const tagId = findTagId(db, tag);
    if (tagId === undefined) return null;
    filters.push({
      sql: 'EXISTS (SELECT 1 FROM story_tags WHERE story_seq = stories_fts.rowid AND tag_id = @tagId)',
      params: { tagId },
    });
  }
  const { conditions, params } = filterConditions(
    {
      status: rest.status,
      format: rest.format,
      presenter: rest.presenter,
      reporter: rest.reporter,
      from: rest.from,
      to: rest.to,
    },
    's',
  );
  if (conditions.length > 0) {
    filters.push({
      sql: `EXISTS (SELECT 1 FROM stories s INDEXED BY ${FILTER_INDEX}
                    WHERE s.seq = stories_fts.rowid AND ${conditions.join(' AND ')})`,
      params,
    });
  }
  return filters;
}

/**
 * Snippets for the page's stories only, in one pass over the index between the page's oldest and
 * newest story. One statement per story would cost more: a prefix term is expanded again by each
 * (40 ms for 50 stories on 100,000), and `rowid = ?` is no way round it anyway, since FTS5 drops
 * an equality bound as a REAL (as better-sqlite3 binds JS numbers) yet tells SQLite it applied
 * it, returning every match. `+rowid` keeps SQLite from turning the IN list back into one
 * full-text query per story.
 */
function pageSnippets(db: Database, match: string, seqs: readonly number[]): Map<number, string> {
  const rows = statement(
    db,
    `SELECT rowid AS seq, ${SNIPPET} AS snippet FROM stories_fts
     WHERE stories_fts MATCH @match AND rowid BETWEEN @low AND @high
       AND +rowid IN (SELECT value FROM json_each(@seqs))`,
  ).all({
    match,
    low: Math.min(...seqs),
    high: Math.max(...seqs),
    seqs: JSON.stringify(seqs),
  }) as { seq: number; snippet: string }[];
  return new Map(rows.map((r) => [r.seq, r.snippet]));
}

/**
 * Full-text search with a highlighted snippet (\u0002 and \u0003 around each hit, see
 * SNIPPET_OPEN, never HTML), best match first or latest change first. It runs as four small
 * queries, because the one-statement version (join, snippet and bm25 for every match, then sort)
 * spends nearly all its time on rows that are never shown:
 *   1. the newest RANK_WINDOW matches that pass the filters, and the best `limit` of them (by
 *      bm25, or by last change);
 *   2. the total: exact from the window when it was not full, else counted in the index alone
 *      (no join), or estimated when filters would need a check per match;
 *   3. the summaries of the page's stories;
 *   4. snippets for the page's stories only.
 */
export function searchStories(db: Database, query: string, options: SearchOptions): SearchPage {
  const none: SearchPage = { total: 0, items: [], totalEstimated: false, rankedNewest: null };
  const match = toFtsQuery(query);
  if (match === null) return none;
  const filters = filtersFor(db, options);
  if (filters === null) return none;
  const window = options.rankWindow ?? RANK_WINDOW;
  const where = ['stories_fts MATCH @match', ...filters.map((f) => f.sql)].join(' AND ');
  const params = Object.assign({ match }, ...filters.map((f) => f.params)) as Record<
    string,
    unknown
  >;
  const order =
    options.sort === 'date'
      ? `(SELECT updated_at FROM stories WHERE stories.seq = window.seq) DESC, seq DESC`
      : 'score, seq DESC';

  const ranked = statement(
    db,
    `WITH window AS MATERIALIZED (
       SELECT stories_fts.rowid AS seq, ${RANK} AS score FROM stories_fts WHERE ${where}
       ORDER BY stories_fts.rowid DESC LIMIT @window)
     SELECT seq, (SELECT count(*) FROM window) AS scanned, (SELECT min(seq) FROM window) AS oldest
     FROM window ORDER BY ${order} LIMIT @limit`,
  ).all({ ...params, window, limit: options.limit }) as {
    seq: number;
    scanned: number;
    oldest: number;
  }[];
  if (ranked.length === 0) return none;
  const { scanned, oldest } = ranked[0]!;
  const windowFull = scanned >= window;

  let total = scanned;
  let totalEstimated = false;
  if (windowFull) {
    const countMatches = (from: number) =>
      (
        statement(
          db,
          'SELECT count(*) AS n FROM stories_fts WHERE stories_fts MATCH @match AND rowid >= @from',
        ).get({ match, from }) as { n: number }
      ).n;
    const all = countMatches(0);
    if (filters.length === 0) total = all;
    else {
      // The window's share of the matches since its oldest story, applied to all matches: the
      // filters are assumed to pass old and new stories alike.
      total = Math.round((window * all) / countMatches(oldest));
      totalEstimated = true;
    }
  }

  const seqs = ranked.map((r) => r.seq);
  const rows = statement(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM stories WHERE seq IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(seqs)) as SummaryRow[];
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const ordered = seqs.flatMap((seq) => bySeq.get(seq) ?? []);
  const snippets = pageSnippets(db, match, seqs);
  const items: SearchHit[] = summariesFor(db, ordered).map((summary, i) => ({
    ...summary,
    snippet: snippets.get(ordered[i]!.seq) ?? '',
  }));
  return { total, items, totalEstimated, rankedNewest: windowFull ? window : null };
}
