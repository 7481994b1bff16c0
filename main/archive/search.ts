import type { Database } from 'better-sqlite3';
import type { SearchHit, SearchPage } from '../../shared/ipc/types';
import { ftsExpression, parseSearchQuery, type SearchTerm } from './ftsQuery';
import { leadSnippet, makeSnippet } from './snippet';
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
  /** Totals up to this are counted exactly (EXACT_COUNT_LIMIT); smaller only in tests. */
  exactCountLimit?: number;
};

/**
 * Past this many matches a search ranks only the newest ones. Ranking means scoring every match
 * (bm25 reads each one's term counts and length, ~1 µs a story, after counting every story that
 * holds each term): 1,000 cost 1–3 ms on 100,000 stories, 5,000 up to 9 ms. For a word in a
 * fifth of the stories, 1,000 matches are the last five months of a station's scripts: what a
 * newsroom looks for first. The count still covers them all.
 */
export const RANK_WINDOW = 1_000;

/**
 * A term in at least this share of the stories carries no ranking signal: FTS5's bm25 gives it
 * an idf of log((N − n + ½) / (n + ½)), which is at most zero from here and then clamped to 10⁻⁶,
 * so beside any other term it weighs nothing, and alone it ranks stories by how often they say
 * it ("the" forty times is no better a match). When such a term has more matches than the
 * window ranks, it still narrows the matches but is left out of the ranking, which also saves
 * counting its many stories; a query made only of such terms lists its matches newest first.
 */
export const COMMON_SHARE = 0.5;

/** A term's share of the stories is read from this many of its newest matches. */
const PROBE = 256;

/**
 * Totals up to about this many matches are counted one by one (a few tenths of a millisecond);
 * larger ones, which cost up to 5 ms to count, are estimated from the share of the newest
 * stories that match, and shown as "about".
 */
export const EXACT_COUNT_LIMIT = 5_000;

/** A slug hit weighs eight times a body hit. */
const RANK = 'bm25(stories_fts, 8.0, 1.0)';
const SNIPPET = "snippet(stories_fts, 1, char(2), char(3), '…', 16)";

/**
 * Story numbers bound for FTS5 as integers. better-sqlite3 binds a JS number as a REAL, and FTS5
 * reads a REAL rowid bound as no bound at all: `rowid >= ?` then walks every match, and
 * `rowid = ?` returns every match (while telling SQLite it applied the bound).
 */
const seqParam = (seq: number) => BigInt(seq);

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
 * The archive's size, as the number of its newest story: stories are numbered as they are added
 * and few are ever deleted, so this is the count to within a few, read from the end of the key
 * instead of counted.
 */
type Archive = { stories: number; newest: number };

function archiveSize(db: Database): Archive {
  const max = statement(db, 'SELECT max(seq) AS n FROM stories').get() as { n: number | null };
  return { stories: max.n ?? 0, newest: max.n ?? 0 };
}

/** The newest PROBE matches of `match` (no filters): how many there are, and the oldest. */
function probe(db: Database, match: string): { n: number; oldest: number } {
  return statement(
    db,
    `SELECT count(*) AS n, coalesce(min(rowid), 0) AS oldest FROM (
       SELECT rowid FROM stories_fts WHERE stories_fts MATCH ? ORDER BY rowid DESC LIMIT ${PROBE})`,
  ).get(match) as { n: number; oldest: number };
}

/**
 * The share of the stories that hold `match`, from its newest PROBE matches: the share of the
 * stories since the oldest of them, or, when it has fewer matches than that, of all stories.
 */
function shareOf(db: Database, match: string, archive: Archive): number {
  const { n, oldest } = probe(db, match);
  if (n < PROBE) return n / Math.max(1, archive.stories);
  return n / (archive.newest - oldest + 1);
}

/**
 * Whether a term is in so many stories that bm25 gives it no weight, and in more than the window
 * can rank (below that, ranking all its matches is cheap). A prefix is not checked:
 * FTS5 gathers every word it starts before the first match, which would double its cost. A phrase
 * is common only if each of its words is (checked first: they are cheap) and the phrase itself.
 */
function isCommon(db: Database, term: SearchTerm, archive: Archive, window: number): boolean {
  if (term.prefix) return false;
  const common = (match: string) => {
    const share = shareOf(db, match, archive);
    return share >= COMMON_SHARE && share * archive.stories > window;
  };
  if (term.words.length > 1 && !term.words.every((word) => common(`"${word}"`))) return false;
  return common(term.fts);
}

/** Matches of `match` (no filters) from story `from` on: exact, counted in the index alone. */
function countMatches(db: Database, match: string, from: number): number {
  return (
    statement(
      db,
      'SELECT count(*) AS n FROM stories_fts WHERE stories_fts MATCH @match AND rowid >= @from',
    ).get({ match, from: seqParam(from) }) as { n: number }
  ).n;
}

/** A large estimate shown to two significant digits: "about 95,000", not "about 95,133". */
function roundEstimate(n: number): number {
  if (n < 100) return Math.round(n);
  const step = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / step) * step;
}

/**
 * How many stories match `match` in the whole archive (no filters), given that `seen` of them lie
 * among the stories from `oldest` on: counted when that is cheap, else estimated from that share.
 */
function allMatches(
  db: Database,
  match: string,
  archive: Archive,
  seen: number,
  oldest: number,
  exactLimit: number,
): { total: number; estimated: boolean } {
  const expected = (seen / Math.max(1, archive.newest - oldest + 1)) * archive.stories;
  if (expected <= exactLimit) return { total: countMatches(db, match, 0), estimated: false };
  return { total: roundEstimate(Math.max(seen, expected)), estimated: true };
}

type Ranked = {
  /** The page's stories, best first. */
  seqs: number[];
  total: number;
  totalEstimated: boolean;
  rankedNewest: number | null;
};

type Query = {
  match: string;
  where: string;
  params: Record<string, unknown>;
  filtered: boolean;
  limit: number;
  window: number;
  exactLimit: number;
  archive: Archive;
};

/**
 * The total when the window was full: exact from the index when affordable, else estimated. With
 * filters, the window's share of the matches since its oldest story is applied to all matches
 * (the filters are assumed to pass old and new stories alike).
 */
function totalBeyond(db: Database, q: Query, kept: number, oldest: number) {
  if (!q.filtered) return allMatches(db, q.match, q.archive, kept, oldest, q.exactLimit);
  const since = countMatches(db, q.match, oldest);
  const all = allMatches(db, q.match, q.archive, since, oldest, q.exactLimit);
  return { total: roundEstimate((kept * all.total) / Math.max(1, since)), estimated: true };
}

/** The newest `count` matches that pass the filters, newest first (FTS5 reads them in order). */
function newestMatches(db: Database, q: Query, count: number): number[] {
  return (
    statement(
      db,
      `SELECT stories_fts.rowid AS seq FROM stories_fts WHERE ${q.where}
       ORDER BY stories_fts.rowid DESC LIMIT @count`,
    ).all({ ...q.params, count }) as { seq: number }[]
  ).map((r) => r.seq);
}

/**
 * Every word of the query is in most stories: bm25 cannot tell the matches apart, so they come
 * newest first, and only a page of them is read.
 */
function newestFirst(db: Database, q: Query): Ranked {
  const seqs = newestMatches(db, q, q.limit);
  const page = { seqs, rankedNewest: null };
  if (seqs.length < q.limit) return { ...page, total: seqs.length, totalEstimated: false };
  const oldest = seqs.at(-1)!;
  if (q.filtered) {
    const { total, estimated } = totalBeyond(db, q, seqs.length, oldest);
    return { ...page, total, totalEstimated: estimated };
  }
  const newest = probe(db, q.match);
  if (newest.n < PROBE) return { ...page, total: newest.n, totalEstimated: false };
  const all = allMatches(db, q.match, q.archive, newest.n, newest.oldest, q.exactLimit);
  return { ...page, total: all.total, totalEstimated: all.estimated };
}

/**
 * The newest `window` matches that pass the filters, ranked by bm25 in the same pass (or by last
 * change, for sort=date), and the best `limit` of them.
 */
function rankedWindow(db: Database, q: Query, byDate: boolean): Ranked {
  const score = byDate ? '' : `, ${RANK} AS score`;
  const order = byDate
    ? `(SELECT updated_at FROM stories WHERE stories.seq = window.seq) DESC, seq DESC`
    : 'score, seq DESC';
  const rows = statement(
    db,
    `WITH window AS MATERIALIZED (
       SELECT stories_fts.rowid AS seq${score} FROM stories_fts WHERE ${q.where}
       ORDER BY stories_fts.rowid DESC LIMIT @window)
     SELECT seq, (SELECT count(*) FROM window) AS scanned, (SELECT min(seq) FROM window) AS oldest
     FROM window ORDER BY ${order} LIMIT @limit`,
  ).all({ ...q.params, window: q.window, limit: q.limit }) as {
    seq: number;
    scanned: number;
    oldest: number;
  }[];
  return finish(
    db,
    q,
    rows.map((r) => r.seq),
    rows[0]?.scanned ?? 0,
    rows[0]?.oldest ?? 0,
  );
}

/**
 * Some words of the query are in most stories, others are not: the window is taken with all of
 * them, and ranked by bm25 over the others only, which is the order bm25 of the whole query gives
 * (the common words weigh 10⁻⁶) without counting every story that holds a common word.
 */
function rankedByRareTerms(db: Database, q: Query, rare: readonly SearchTerm[]): Ranked {
  const window = newestMatches(db, q, q.window);
  if (window.length === 0) return finish(db, q, [], 0, 0);
  const seqs = (
    statement(
      db,
      `SELECT rowid AS seq, ${RANK} AS score FROM stories_fts
       WHERE stories_fts MATCH @rare AND rowid BETWEEN @low AND @high
         AND +rowid IN (SELECT value FROM json_each(@window))
       ORDER BY score, rowid DESC LIMIT @limit`,
    ).all({
      rare: rare.map((t) => t.fts).join(' '),
      low: seqParam(window.at(-1)!),
      high: seqParam(window[0]!),
      window: JSON.stringify(window),
      limit: q.limit,
    }) as { seq: number }[]
  ).map((r) => r.seq);
  return finish(db, q, seqs, window.length, window.at(-1)!);
}

function finish(db: Database, q: Query, seqs: number[], scanned: number, oldest: number): Ranked {
  if (scanned < q.window)
    return { seqs, total: scanned, totalEstimated: false, rankedNewest: null };
  const { total, estimated } = totalBeyond(db, q, scanned, oldest);
  return { seqs, total, totalEstimated: estimated, rankedNewest: q.window };
}

/**
 * The snippet of a story's text; when only its slug holds the terms, the text's first words (as
 * FTS5's snippet() gives); null when neither shows a hit (the index is then asked).
 */
function storySnippet(text: string, slug: string, terms: readonly SearchTerm[]): string | null {
  return makeSnippet(text, terms) ?? (makeSnippet(slug, terms) === null ? null : leadSnippet(text));
}

/**
 * FTS5's snippets, for the few stories whose hits the quick scan (snippet.ts) did not find: in
 * one pass over the index between the oldest and newest of them. `+rowid` keeps SQLite from
 * turning the IN list back into one full-text query per story.
 */
function indexSnippets(db: Database, match: string, seqs: readonly number[]): Map<number, string> {
  if (seqs.length === 0) return new Map();
  const rows = statement(
    db,
    `SELECT rowid AS seq, ${SNIPPET} AS snippet FROM stories_fts
     WHERE stories_fts MATCH @match AND rowid BETWEEN @low AND @high
       AND +rowid IN (SELECT value FROM json_each(@seqs))`,
  ).all({
    match,
    low: seqParam(Math.min(...seqs)),
    high: seqParam(Math.max(...seqs)),
    seqs: JSON.stringify(seqs),
  }) as { seq: number; snippet: string }[];
  return new Map(rows.map((r) => [r.seq, r.snippet]));
}

/**
 * Full-text search with a highlighted snippet (\u0002 and \u0003 around each hit, see
 * SNIPPET_OPEN, never HTML), best match first or latest change first. It runs as a few small
 * queries, because the one-statement version (join, snippet and bm25 for every match, then sort)
 * spends nearly all its time on rows that are never shown:
 *   1. which of the query's terms are in most stories (COMMON_SHARE), from their newest matches;
 *   2. the page: when every term is common, simply the newest matches; else the newest
 *      RANK_WINDOW matches that pass the filters, ranked by bm25 over the terms that are not
 *      common, and the best `limit` of them (or by last change, for sort=date);
 *   3. the total: exact from the window when it was not full, else counted in the index alone
 *      (no join) when that is cheap, else estimated;
 *   4. the page's summaries and texts, and a snippet made from each text (snippet.ts).
 */
export function searchStories(db: Database, query: string, options: SearchOptions): SearchPage {
  const none: SearchPage = {
    total: 0,
    items: [],
    totalEstimated: false,
    rankedNewest: null,
    commonTerms: [],
    newestFirst: false,
  };
  const parsed = parseSearchQuery(query);
  const match = ftsExpression(parsed);
  if (match === null) return none;
  const filters = filtersFor(db, options);
  if (filters === null) return none;
  const archive = archiveSize(db);
  const q: Query = {
    match,
    where: ['stories_fts MATCH @match', ...filters.map((f) => f.sql)].join(' AND '),
    params: Object.assign({ match }, ...filters.map((f) => f.params)) as Record<string, unknown>,
    filtered: filters.length > 0,
    limit: options.limit,
    window: options.rankWindow ?? RANK_WINDOW,
    exactLimit: options.exactCountLimit ?? EXACT_COUNT_LIMIT,
    archive,
  };
  const byDate = options.sort === 'date';
  const common = byDate ? [] : parsed.include.filter((t) => isCommon(db, t, archive, q.window));
  const rare = parsed.include.filter((t) => !common.includes(t));
  const ranked =
    rare.length === 0
      ? newestFirst(db, q)
      : common.length === 0
        ? rankedWindow(db, q, byDate)
        : rankedByRareTerms(db, q, rare);
  if (ranked.seqs.length === 0) return none;

  const rows = statement(
    db,
    `SELECT ${SUMMARY_COLUMNS}, search_text FROM stories
     WHERE seq IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ranked.seqs)) as (SummaryRow & { search_text: string })[];
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const ordered = ranked.seqs.flatMap((seq) => bySeq.get(seq) ?? []);
  const snippets = new Map(
    ordered.map((r) => [r.seq, storySnippet(r.search_text, r.slug, parsed.include)]),
  );
  const missing = [...snippets].filter(([, s]) => s === null).map(([seq]) => seq);
  for (const [seq, snippet] of indexSnippets(db, match, missing)) snippets.set(seq, snippet);
  const items: SearchHit[] = summariesFor(db, ordered).map((summary, i) => ({
    ...summary,
    snippet: snippets.get(ordered[i]!.seq) ?? '',
  }));
  return {
    total: ranked.total,
    items,
    totalEstimated: ranked.totalEstimated,
    rankedNewest: ranked.rankedNewest,
    commonTerms: common.map((t) => `${t.words.join(' ')}${t.prefix ? '*' : ''}`),
    newestFirst: rare.length === 0,
  };
}
