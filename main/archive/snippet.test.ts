import { describe, expect, it } from 'vitest';
import { SNIPPET_CLOSE as C, SNIPPET_OPEN as O } from '../../shared/ipc/types';
import { storySearchText } from '../../shared/story/text';
import { generateArchive } from '../../bench/generate/stories';
import { parseSearchQuery, toFtsQuery } from './ftsQuery';
import { insertStories } from './stories';
import { openArchive } from './open';
import { makeSnippet } from './snippet';

const snippet = (text: string, query: string, size?: number) =>
  makeSnippet(text, parseSearchQuery(query).include, size);

describe('makeSnippet', () => {
  it('marks the hit, keeps the text as written, and cuts at sixteen words', () => {
    const text =
      'Tonight the Harbor Bridge closes for repairs. Drivers will need the ferry, ' +
      'which runs every twenty minutes until the work is done in March next year.';
    expect(snippet(text, 'bridge')).toBe(
      `Tonight the Harbor ${O}Bridge${C} closes for repairs. Drivers will need the ferry, which runs every twenty…`,
    );
    // The sentence is too long to start at: the last sixteen words.
    expect(snippet(text, 'march')).toBe(
      `…the ferry, which runs every twenty minutes until the work is done in ${O}March${C} next year.`,
    );
  });

  it('starts at the sentence that holds the hit when it fits', () => {
    const text = `${'word '.repeat(30)}end. The council voted again today on the bridge budget.`;
    expect(snippet(text, 'budget')).toBe(
      `…The council voted again today on the bridge ${O}budget${C}.`,
    );
  });

  it('marks a phrase as one span, prefixes and every term of the query', () => {
    const text = 'The election commission met, and the electoral roll was read out.';
    expect(snippet(text, '"election commission"')).toContain(`${O}election commission${C} met`);
    expect(snippet(text, 'elect*')).toBe(
      `The ${O}election${C} commission met, and the ${O}electoral${C} roll was read out.`,
    );
    expect(snippet(text, 'roll commission')).toBe(
      `The election ${O}commission${C} met, and the electoral ${O}roll${C} was read out.`,
    );
  });

  it('prefers the window holding every term of the query', () => {
    const text = `budget ${'filler '.repeat(40)}the council budget vote`;
    expect(snippet(text, 'council budget', 8)).toBe(
      `…${'filler '.repeat(4)}the ${O}council${C} ${O}budget${C} vote`,
    );
  });

  it('folds case and diacritics as the index does, and reads Hangul', () => {
    expect(snippet('Un CAFÉ à Séoul', 'cafe seoul')).toBe(`Un ${O}CAFÉ${C} à ${O}Séoul${C}`);
    expect(snippet('Le café', 'CAFÉ')).toBe(`Le ${O}café${C}`);
    expect(snippet('오늘 정부는 대책을 발표했습니다', '정부는')).toBe(
      `오늘 ${O}정부는${C} 대책을 발표했습니다`,
    );
  });

  it('finds no hit where there is none (the caller then asks the index)', () => {
    expect(snippet('The ferry is late.', 'bridge')).toBeNull();
    // A word that merely contains the term is no hit.
    expect(snippet('Cambridge is far.', 'bridge')).toBeNull();
  });
});

// The index's own highlight() marks every token it matched: each word marked here must be one of
// those, and the text between the marks must be the story's own.
describe('makeSnippet beside FTS5', () => {
  it('marks only words the index matched, in text taken verbatim from the story', () => {
    const archive = openArchive(':memory:');
    const stories = [...generateArchive('snippet-check', 300)];
    insertStories(archive.db, stories);
    const texts = new Map(stories.map((s, i) => [i + 1, storySearchText(s)]));
    const marked = (s: string) =>
      [...s.matchAll(new RegExp(`${O}([^${C}]*)${C}`, 'g'))].map((m) => m[1]!);
    for (const query of ['the', 'bridge', 'council budget', '"of the"', 'elect*', '정부는']) {
      const rows = archive.db
        .prepare(
          `SELECT rowid AS seq, highlight(stories_fts, 1, char(2), char(3)) AS marked
           FROM stories_fts WHERE stories_fts MATCH ?`,
        )
        .all(toFtsQuery(query)) as { seq: number; marked: string }[];
      expect(rows.length, query).toBeGreaterThan(0);
      for (const row of rows) {
        const ours = snippet(texts.get(row.seq)!, query);
        if (ours === null) continue;
        const hits = new Set(marked(row.marked).map((h) => h.toLowerCase()));
        for (const hit of marked(ours))
          expect(hits, `${query} in ${row.seq}`).toContain(hit.toLowerCase());
        const plain = ours.replaceAll(O, '').replaceAll(C, '').replace(/^…|…$/g, '');
        expect(texts.get(row.seq), query).toContain(plain);
      }
    }
  });
});
