// The dictionary-learning rules: which pronouncers a story carries, and which of them a save
// teaches the archive's dictionary. Main stores what a save teaches; the window reloads its copy
// of the dictionary when a save taught it something. Both ask here.
import type { PronouncerEntry } from '../settings';
import { foldCase } from '../text/foldCase';
import type { Story } from './model';

/** The key a term is known by: the one case fold, spaces at the ends left out. */
export function pronouncerKey(term: string): string {
  return foldCase(term.trim());
}

/**
 * The pronouncers a story uses, one per term (by key; the last one written wins, as it would
 * when saved one after another), trimmed. Runs without text or without a pronouncer teach nothing.
 */
export function pronouncersIn(story: Pick<Story, 'body'>): PronouncerEntry[] {
  const found = new Map<string, PronouncerEntry>();
  for (const block of story.body) {
    if (block.type !== 'paragraph') continue;
    for (const run of block.runs) {
      const term = run.text.trim();
      const phonetic = run.pronouncer?.trim();
      if (term && phonetic) found.set(pronouncerKey(term), { term, phonetic });
    }
  }
  return [...found.values()];
}

/**
 * What saving a story teaches a dictionary that holds `known`: its pronouncers that are new, or
 * spelt or pronounced otherwise than the dictionary has them (a save stores the latest of both).
 */
export function pronouncersTaught(
  story: Pick<Story, 'body'>,
  known: readonly PronouncerEntry[],
): PronouncerEntry[] {
  const byKey = new Map(known.map((entry) => [pronouncerKey(entry.term), entry]));
  return pronouncersIn(story).filter((entry) => {
    const had = byKey.get(pronouncerKey(entry.term));
    return had?.term !== entry.term || had.phonetic !== entry.phonetic;
  });
}
