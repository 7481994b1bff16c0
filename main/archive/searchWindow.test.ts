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
    // One story in three is about the bridge; those before STORY 40 say "bridge" more often, so
    // a ranking of all of them would put the oldest first. The window holds STORY 30 to 57.
    const db = archiveWith(60, (i) =>
      i % 3 !== 0
        ? 'a council vote on the budget'
        : i < 40
          ? 'bridge bridge bridge closes bridge'
          : 'the bridge closes tonight for good',
    );
    const page = searchStories(db, 'bridge', { limit: 5, rankWindow: 10 });
    expect(page.total).toBe(20);
    expect(page.totalEstimated).toBe(false);
    expect(page.rankedNewest).toBe(10);
    expect(page.commonTerms).toEqual([]);
    expect(page.items.map((s) => s.slug)).toEqual([
      'STORY 39',
      'STORY 36',
      'STORY 33',
      'STORY 30',
      'STORY 57',
    ]);
  });

  it('lists a query made only of very common words newest first, and says why', () => {
    // Every story says both words; every other one says them far more often, so bm25 (which
    // weighs words in most stories at 10⁻⁶ but still counts how often a story says them) would
    // put those first.
    const db = archiveWith(60, (i) =>
      i % 2 === 0
        ? `the mayor said the plan said the vote said the end ${'the '.repeat(20)}`
        : `Story ${i}: the ferry is late, the captain said.`,
    );
    const page = searchStories(db, 'the said', { limit: 5, rankWindow: 10 });
    expect(page.items.map((s) => s.slug)).toEqual([
      'STORY 59',
      'STORY 58',
      'STORY 57',
      'STORY 56',
      'STORY 55',
    ]);
    expect(page.commonTerms).toEqual(['the', 'said']);
    expect(page.newestFirst).toBe(true);
    expect(page.rankedNewest).toBeNull();
    expect(page.total).toBe(60);
    expect(page.items[0]!.snippet).toContain(`${SNIPPET_OPEN}the${SNIPPET_CLOSE} ferry`);
    // Newest first also under a filter, with the total estimated from the page.
    const tagged = archiveWith(
      60,
      () => 'the mayor said the plan',
      (i) => (i % 2 === 0 ? ['city'] : []),
    );
    const filtered = searchStories(tagged, 'the', { tag: 'city', limit: 5, rankWindow: 10 });
    expect(filtered.items.map((s) => s.slug)).toEqual([
      'STORY 58',
      'STORY 56',
      'STORY 54',
      'STORY 52',
      'STORY 50',
    ]);
    expect(filtered.totalEstimated).toBe(true);
    expect(filtered.total).toBeGreaterThan(20);
    expect(filtered.total).toBeLessThan(40);
  });

  it('ranks a query mixing common and rarer words by the rarer ones, as bm25 of it all would', () => {
    const db = archiveWith(80, (i) => {
      const bridge = i % 3 === 0 ? ` ${'bridge '.repeat(1 + (i % 4))}` : '';
      return `the council met${bridge} and the ${'the '.repeat(i % 7)}vote went ahead`;
    });
    const page = searchStories(db, 'the bridge', { limit: 8, rankWindow: 20 });
    expect(page.commonTerms).toEqual(['the']);
    expect(page.newestFirst).toBe(false);
    expect(page.rankedNewest).toBe(20);
    const naive = db
      .prepare(
        `SELECT slug FROM (SELECT stories_fts.rowid AS seq, bm25(stories_fts, 8.0, 1.0) AS score
           FROM stories_fts WHERE stories_fts MATCH '"the" "bridge"'
           ORDER BY stories_fts.rowid DESC LIMIT 20) w
         JOIN stories s ON s.seq = w.seq ORDER BY score, w.seq DESC LIMIT 8`,
      )
      .all() as { slug: string }[];
    expect(page.items.map((s) => s.slug)).toEqual(naive.map((r) => r.slug));
  });

  it('estimates a very large total from the newest matches, and says so', () => {
    const db = archiveWith(200, (i) => (i % 4 === 0 ? 'storm warning' : 'calm seas'));
    const page = searchStories(db, 'storm', { limit: 5, rankWindow: 10, exactCountLimit: 20 });
    expect(page.totalEstimated).toBe(true);
    expect(page.total).toBeGreaterThanOrEqual(45);
    expect(page.total).toBeLessThanOrEqual(55);
    const exact = searchStories(db, 'storm', { limit: 5, rankWindow: 10 });
    expect(exact).toMatchObject({ total: 50, totalEstimated: false });
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
    // Two stories in five warn of a storm and every third carries the tag: 40 of 300 match both.
    const db = archiveWith(
      300,
      (i) => (i % 5 < 2 ? 'storm warning for the coast' : 'calm seas for the coast'),
      (i) => (i % 3 === 0 ? ['weather'] : []),
    );
    const page = searchStories(db, 'storm', { tag: 'weather', limit: 5, rankWindow: 20 });
    expect(page.totalEstimated).toBe(true);
    expect(page.rankedNewest).toBe(20);
    expect(page.total).toBeGreaterThan(30);
    expect(page.total).toBeLessThan(50);
    expect(page.items.every((s) => s.tags.includes('weather'))).toBe(true);

    const exact = searchStories(db, 'storm', { tag: 'weather', limit: 5 });
    expect(exact).toMatchObject({ total: 40, totalEstimated: false, rankedNewest: null });
  });

  it('finds nothing for a tag no story has', () => {
    const db = archiveWith(5, () => 'storm');
    expect(searchStories(db, 'storm', { tag: 'nowhere', limit: 5 })).toEqual({
      total: 0,
      items: [],
      totalEstimated: false,
      rankedNewest: null,
      commonTerms: [],
      newestFirst: false,
    });
  });

  it('highlights the hit in every snippet, for words and for prefixes', () => {
    const archive = openArchive(':memory:');
    // One story in three is about the election, so the words are not common ones.
    for (let i = 0; i < 36; i++) {
      putStory(
        archive.db,
        makeStory({
          slug: `S${i}`,
          text: i % 3 === 0 ? `Item ${i}: the election commission met today.` : `Item ${i}.`,
        }),
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
