import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { getStory, putStory } from './stories';
import { listStories } from './storySummaries';
import { searchStories } from './search';
import { makeStory } from '../../shared/story/testing/makeStory';

describe('migration 0004: the filter index', () => {
  it('indexes a version-3 archive and keeps every story, found by the same filters', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 3));
    const pkg = makeStory({ slug: 'BRIDGE PKG', format: 'PKG', presenter: 'Dana Reyes' });
    const reader = makeStory({ slug: 'BRIDGE READER', format: 'READER', presenter: 'Tom Okafor' });
    putStory(db, pkg);
    putStory(db, reader);

    expect(migrate(db, MIGRATIONS.slice(0, 4))).toBe(4);
    expect(getStory(db, pkg.id)).toEqual(pkg);
    const index = db
      .prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = 'stories_filters'")
      .get() as { sql: string } | undefined;
    expect(index?.sql).toContain('(seq, status, format, presenter, reporter, updated_at)');

    expect(listStories(db, { format: 'PKG', limit: 10, offset: 0 })).toMatchObject({
      total: 1,
      items: [{ slug: 'BRIDGE PKG' }],
    });
    expect(listStories(db, { presenter: 'tom', limit: 10, offset: 0 }).total).toBe(1);
    expect(
      searchStories(db, 'harbor', { format: 'READER', limit: 10 }).items.map((s) => s.slug),
    ).toEqual(['BRIDGE READER']);
  });

  it('answers a filtered count and a filtered search from the index, not the table', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    expect(
      plan("SELECT count(*) FROM stories s INDEXED BY stories_filters WHERE s.format = 'PKG'"),
    ).toMatch(/COVERING INDEX stories_filters/);
    expect(
      plan(`SELECT rowid FROM stories_fts WHERE stories_fts MATCH 'bridge' AND EXISTS (
              SELECT 1 FROM stories s INDEXED BY stories_filters
              WHERE s.seq = stories_fts.rowid AND s.format = 'PKG')`),
    ).toMatch(/SEARCH s EXISTS USING COVERING INDEX stories_filters \(seq=\?\)/);
  });
});
