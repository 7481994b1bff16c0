import type { Database } from 'better-sqlite3';
import type { SearchHit, StoryPage } from '../../shared/ipc/types';
import { toFtsQuery } from './ftsQuery';
import { SUMMARY_COLUMNS, summariesFor, type SummaryRow } from './stories';
import { filterConditions, type StoryFilters } from './storyFilters';

export type SearchOptions = StoryFilters & { limit: number };

/**
 * Ranked full-text search with a highlighted snippet. A slug hit weighs more than a body hit.
 * Snippet highlights use \u0002 and \u0003 (see SNIPPET_OPEN), never HTML.
 */
export function searchStories(
  db: Database,
  query: string,
  options: SearchOptions,
): StoryPage<SearchHit> {
  const match = toFtsQuery(query);
  if (match === null) return { total: 0, items: [] };
  const filters = filterConditions(options, 's');
  const tagFilter = filters.conditions.map((c) => `AND ${c}`).join(' ');
  const params = { ...filters.params, match, limit: options.limit };
  const columns = SUMMARY_COLUMNS.split(', ')
    .map((c) => `s.${c}`)
    .join(', ');
  const rows = db
    .prepare(
      `SELECT ${columns}, snippet(stories_fts, 1, char(2), char(3), '…', 16) AS snippet
       FROM stories_fts JOIN stories s ON s.seq = stories_fts.rowid
       WHERE stories_fts MATCH @match ${tagFilter}
       ORDER BY bm25(stories_fts, 8.0, 1.0) LIMIT @limit`,
    )
    .all(params) as (SummaryRow & { snippet: string })[];
  const { total } = db
    .prepare(
      `SELECT count(*) AS total FROM stories_fts JOIN stories s ON s.seq = stories_fts.rowid
       WHERE stories_fts MATCH @match ${tagFilter}`,
    )
    .get(params) as { total: number };
  const summaries = summariesFor(db, rows);
  return { total, items: summaries.map((s, i) => ({ ...s, snippet: rows[i]!.snippet })) };
}
