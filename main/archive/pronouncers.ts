import type { Database } from 'better-sqlite3';
import type { PronouncerEntry } from '../../shared/settings';
import { pronouncerKey } from '../../shared/story/pronouncers';
import { statement } from './statements';

type PronouncerRow = { term: string; phonetic: string; updated_at: string };

export function listPronouncers(db: Database): PronouncerEntry[] {
  return (
    db
      .prepare('SELECT term, phonetic, updated_at FROM pronouncers ORDER BY term_key, term')
      .all() as PronouncerRow[]
  ).map((r) => ({ term: r.term, phonetic: r.phonetic, updatedAt: r.updated_at }));
}

/** Adds or changes one entry; terms compare by their folded key, and the latest spelling wins. */
export function upsertPronouncer(db: Database, entry: PronouncerEntry, at: string): void {
  statement(
    db,
    `INSERT INTO pronouncers (term, term_key, phonetic, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (term_key) DO UPDATE SET term = excluded.term, phonetic = excluded.phonetic, updated_at = excluded.updated_at`,
  ).run(entry.term, pronouncerKey(entry.term), entry.phonetic, at);
}

/** Deletes the entry for a term, however it is cased or composed. */
export function deletePronouncer(db: Database, term: string): boolean {
  return (
    statement(db, 'DELETE FROM pronouncers WHERE term_key = ?').run(pronouncerKey(term)).changes > 0
  );
}
