import type { Database } from 'better-sqlite3';
import type { Story } from '../../shared/story/model';
import type { PronouncerEntry } from '../../shared/settings';
import { statement } from './statements';

type PronouncerRow = { term: string; phonetic: string; updated_at: string };

export function listPronouncers(db: Database): PronouncerEntry[] {
  return (
    db
      .prepare('SELECT term, phonetic, updated_at FROM pronouncers ORDER BY term COLLATE NOCASE')
      .all() as PronouncerRow[]
  ).map((r) => ({ term: r.term, phonetic: r.phonetic, updatedAt: r.updated_at }));
}

/** Adds or changes one entry; terms compare without case, and the latest spelling wins. */
export function upsertPronouncer(db: Database, entry: PronouncerEntry, at: string): void {
  statement(
    db,
    `INSERT INTO pronouncers (term, phonetic, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (term) DO UPDATE SET term = excluded.term, phonetic = excluded.phonetic, updated_at = excluded.updated_at`,
  ).run(entry.term, entry.phonetic, at);
}

export function deletePronouncer(db: Database, term: string): boolean {
  return db.prepare('DELETE FROM pronouncers WHERE term = ?').run(term).changes > 0;
}

/** The pronouncers a story uses, so the dictionary learns from every script that is saved. */
export function pronouncersIn(story: Pick<Story, 'body'>): PronouncerEntry[] {
  const found = new Map<string, PronouncerEntry>();
  for (const block of story.body) {
    if (block.type !== 'paragraph') continue;
    for (const run of block.runs) {
      const term = run.text.trim();
      if (run.pronouncer && term)
        found.set(term.toLocaleLowerCase(), { term, phonetic: run.pronouncer.trim() });
    }
  }
  return [...found.values()];
}
