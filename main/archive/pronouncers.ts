import type { Database } from 'better-sqlite3';
import type { Story } from '../../shared/story/model';
import type { PronouncerEntry } from '../../shared/settings';
import { foldCase } from '../../shared/text/foldCase';
import { statement } from './statements';

type PronouncerRow = { term: string; phonetic: string; updated_at: string };

export function listPronouncers(db: Database): PronouncerEntry[] {
  return (
    db
      .prepare('SELECT term, phonetic, updated_at FROM pronouncers ORDER BY term_key, term')
      .all() as PronouncerRow[]
  ).map((r) => ({ term: r.term, phonetic: r.phonetic, updatedAt: r.updated_at }));
}

/** The key a term is stored and found under: the one case fold, spaces at the ends left out. */
export function pronouncerKey(term: string): string {
  return foldCase(term.trim());
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

/** The pronouncers a story uses, so the dictionary learns from every script that is saved. */
export function pronouncersIn(story: Pick<Story, 'body'>): PronouncerEntry[] {
  const found = new Map<string, PronouncerEntry>();
  for (const block of story.body) {
    if (block.type !== 'paragraph') continue;
    for (const run of block.runs) {
      const term = run.text.trim();
      if (run.pronouncer && term)
        found.set(pronouncerKey(term), { term, phonetic: run.pronouncer.trim() });
    }
  }
  return [...found.values()];
}
