import { describe, expect, it } from 'vitest';
import { openArchive } from './open';
import { insertStories, putStory } from './stories';
import { searchStories } from './search';
import { toFtsQuery } from './ftsQuery';
import { makeStory } from '../../shared/story/testing/makeStory';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../shared/ipc/types';
import { generateArchive } from '../../bench/generate/stories';

function archiveWith(count: number, text: (i: number) => string, tags?: (i: number) => string[]) {
  const archive = openArchive(':memory:');
  insertStories(
    archive.db,
    Array.from({ length: count }, (_, i) =>
      makeStory({ slug: `STORY ${i}`, text: text(i), tags: tags?.(i) ?? [] }),
    ),
  );
  return archive.db;
}

describe('search over more matches than it ranks', () => {
  it('ranks only the newest matches, best first, and still counts them all exactly', () => {
    // Older stories say "bridge" more often, so a ranking of all of them would put them first.
    const db = archiveWith(30, (i) =>
      i < 20 ? 'bridge bridge bridge closes bridge' : 'the bridge closes tonight for good',
    );
    const page = searchStories(db, 'bridge', { limit: 5, rankWindow: 10 });
    expect(page.total).toBe(30);
    expect(page.totalEstimated).toBe(false);
    expect(page.rankedNewest).toBe(10);
    expect(page.items.map((s) => s.slug)).toEqual([
      'STORY 29',
      'STORY 28',
      'STORY 27',
      'STORY 26',
      'STORY 25',
    ]);
  });

  it('ranks every match, as one plain ranked query would, when they fit the window', () => {
    const archive = openArchive(':memory:');
    insertStories(archive.db, [...generateArchive('search-window', 400)]);
    for (const query of ['council budget', '"city council"', 'elect*', 'storm', 'the']) {
      const naive = archive.db
        .prepare(
          `SELECT s.slug FROM stories_fts JOIN stories s ON s.seq = stories_fts.rowid
           WHERE stories_fts MATCH ? ORDER BY bm25(stories_fts, 8.0, 1.0), s.seq DESC LIMIT 20`,
        )
        .all(toFtsQuery(query)) as { slug: string }[];
      const page = searchStories(archive.db, query, { limit: 20 });
      expect(page.rankedNewest, query).toBeNull();
      expect(
        page.items.map((s) => s.slug),
        query,
      ).toEqual(naive.map((r) => r.slug));
    }
  });

  it('estimates the total of a filtered search whose window is full, and says so', () => {
    // Every third story carries the tag: 100 of 300 match both.
    const db = archiveWith(
      300,
      () => 'storm warning for the coast',
      (i) => (i % 3 === 0 ? ['weather'] : []),
    );
    const page = searchStories(db, 'storm', { tag: 'weather', limit: 5, rankWindow: 20 });
    expect(page.totalEstimated).toBe(true);
    expect(page.rankedNewest).toBe(20);
    expect(page.total).toBeGreaterThan(80);
    expect(page.total).toBeLessThan(120);
    expect(page.items.every((s) => s.tags.includes('weather'))).toBe(true);

    const exact = searchStories(db, 'storm', { tag: 'weather', limit: 5 });
    expect(exact).toMatchObject({ total: 100, totalEstimated: false, rankedNewest: null });
  });

  it('finds nothing for a tag no story has', () => {
    const db = archiveWith(5, () => 'storm');
    expect(searchStories(db, 'storm', { tag: 'nowhere', limit: 5 })).toEqual({
      total: 0,
      items: [],
      totalEstimated: false,
      rankedNewest: null,
    });
  });

  it('highlights the hit in every snippet, for words and for prefixes', () => {
    const archive = openArchive(':memory:');
    for (let i = 0; i < 12; i++) {
      putStory(
        archive.db,
        makeStory({ slug: `S${i}`, text: `Item ${i}: the election commission met today.` }),
      );
    }
    for (const [query, hit] of [
      ['election', 'election'],
      ['elect*', 'election'],
      ['"election commission"', 'election commission'],
    ] as const) {
      const page = searchStories(archive.db, query, { limit: 10, rankWindow: 8 });
      expect(page.items).toHaveLength(8);
      for (const item of page.items) {
        expect(item.snippet, query).toContain(`${SNIPPET_OPEN}${hit}${SNIPPET_CLOSE}`);
      }
    }
  });

  // FTS5 ignores `rowid = ?` when better-sqlite3 binds the number as a REAL: every story got the
  // first match's snippet.
  it('gives each story its own snippet', () => {
    const archive = openArchive(':memory:');
    for (let i = 0; i < 6; i++) {
      putStory(archive.db, makeStory({ slug: `S${i}`, text: `Item ${i}: the election.` }));
    }
    for (const query of ['election', 'elect*']) {
      for (const item of searchStories(archive.db, query, { limit: 10 }).items) {
        expect(item.snippet, query).toContain(`Item ${item.slug.slice(1)}:`);
      }
    }
  });
});
