// Lists of stories as summaries (no bodies): a filtered page of the archive, or given ids.
import type { Database } from 'better-sqlite3';
import type { StorySummary } from '../../shared/ipc/types';
import { FILTER_INDEX, filterConditions, type StoryFilters } from './storyFilters';
import { statement } from './statements';
import { rowToSummary, SUMMARY_COLUMNS, type SummaryRow } from './storyRows';
import { tagKey, tagsOf } from './tags';

export function summariesFor(db: Database, rows: readonly SummaryRow[]): StorySummary[] {
  const tags = tagsOf(
    db,
    rows.map((r) => r.seq),
  );
  return rows.map((r) => rowToSummary(r, tags.get(r.seq) ?? []));
}

/** Summaries of the given stories, in the order of `ids`; unknown ids are skipped. */
export function summariesByIds(db: Database, ids: readonly string[]): StorySummary[] {
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM stories WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as SummaryRow[];
  const byId = new Map(summariesFor(db, rows).map((s) => [s.id, s]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type ListOptions = StoryFilters & { limit: number; offset: number };

/**
 * A page of the archive, newest first, narrowed by any filters. The page walks the by-date index
 * and checks each story as it comes, so it stops after `offset + limit` matches.
 */
export function listStories(
  db: Database,
  options: ListOptions,
): { total: number; items: StorySummary[] } {
  const { conditions, params } = filterConditions(options, 's');
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const columns = SUMMARY_COLUMNS.split(', ')
    .map((c) => `s.${c}`)
    .join(', ');
  const rows = statement(
    db,
    `SELECT ${columns} FROM stories s ${where}
     ORDER BY s.updated_at DESC, s.seq DESC LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: options.limit, offset: options.offset }) as SummaryRow[];
  // A tag alone is counted on the by-tag index (a range count) rather than story by story;
  // format, presenter and reporter are counted from the filter index, not the stories' rows.
  // (Status and dates have indexes of their own, which SQLite picks.)
  const fromIndex = options.format || options.presenter || options.reporter;
  const total =
    options.tag && conditions.length === 1
      ? (
          statement(
            db,
            'SELECT count(*) AS n FROM story_tags st JOIN tags t ON t.id = st.tag_id WHERE t.name_key = ?',
          ).get(tagKey(options.tag)) as { n: number }
        ).n
      : (
          statement(
            db,
            `SELECT count(*) AS n FROM stories s ${fromIndex ? `INDEXED BY ${FILTER_INDEX}` : ''} ${where}`,
          ).get(params) as { n: number }
        ).n;
  return { total, items: summariesFor(db, rows) };
}

/**
 * The ids of every story (or every story with a tag) in the order they were written: by creation
 * time, and among stories created in the same millisecond (one import), in the order they were
 * stored. A total order, so a show exports the same way every time.
 */
export function storyIdsInWritingOrder(db: Database, tag?: string): string[] {
  const rows = (
    tag === undefined
      ? statement(db, 'SELECT id FROM stories ORDER BY created_at, seq').all()
      : statement(
          db,
          `SELECT s.id FROM stories s JOIN story_tags st ON st.story_seq = s.seq
           JOIN tags t ON t.id = st.tag_id WHERE t.name = ? ORDER BY s.created_at, s.seq`,
        ).all(tag)
  ) as { id: string }[];
  return rows.map((r) => r.id);
}
