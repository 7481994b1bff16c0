import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from './migrate';
import { MIGRATIONS } from './migrations';
import { APPLICATION_ID, openArchive, type Archive } from './open';
import { ArchiveError } from './errors';
import { deleteStory, getStory, putStory } from './stories';
import { listStories } from './storySummaries';
import { listTags } from './tags';
import { searchStories } from './search';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../shared/ipc/types';
import { makeStory } from '../../shared/story/testing/makeStory';

const dirs: string[] = [];
function tempPath(name = 'archive.sqlite'): string {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-archive-'));
  dirs.push(dir);
  return join(dir, name);
}
const open: Archive[] = [];
function openTemp(path = tempPath()): Archive {
  const archive = openArchive(path);
  open.push(archive);
  return archive;
}
afterEach(() => {
  for (const a of open.splice(0)) if (a.db.open) a.close();
});

describe('migrations', () => {
  it('brings a new file to the latest schema, in WAL mode, with foreign keys on', () => {
    const { db } = openTemp();
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
  });

  it('refuses an archive from a newer Copydesk and leaves it byte-for-byte unchanged', () => {
    const path = tempPath();
    openArchive(path).close();
    const raw = new BetterSqlite3(path);
    raw.pragma('journal_mode = DELETE');
    raw.pragma('user_version = 999');
    raw.close();
    const before = readFileSync(path);
    expect(() => openArchive(path)).toThrow(expect.objectContaining({ code: 'ARCHIVE_TOO_NEW' }));
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('rolls a failing migration back whole, leaving the previous version', () => {
    const db = new BetterSqlite3(':memory:');
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.at(-1)!.version + 1,
        name: 'broken',
        sql: 'CREATE TABLE x (a); SELECT nope FROM nowhere;',
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'x'").get()).toEqual({
      n: 0,
    });
  });

  it('0002 adds the editor tables and keeps every story of a version-1 archive', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, MIGRATIONS.slice(0, 1));
    const story = makeStory();
    // A row as version 1 wrote it (today's putStory knows columns version 1 did not have).
    db.prepare(
      `INSERT INTO stories (id, model_version, slug, format, presenter, reporter, status, created_at, updated_at, body_json, search_text)
       VALUES (?, 1, ?, ?, ?, '', 'draft', ?, ?, ?, 'harbor')`,
    ).run(
      story.id,
      story.slug,
      story.format,
      story.presenter,
      story.createdAt,
      story.updatedAt,
      JSON.stringify(story.body),
    );
    expect(migrate(db, MIGRATIONS.slice(0, 2))).toBe(2);
    expect(getStory(db, story.id)).toEqual(story);
    expect(searchStories(db, 'harbor', { limit: 5 }).total).toBe(1);
    const tables = (
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]
    ).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['templates', 'pronouncers', 'settings']));
  });

  it('0003 adds revisions and comments and keeps every story of a version-2 archive', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 2));
    const story = makeStory({ tags: ['kept'], page: 'B2' });
    db.prepare(
      `INSERT INTO stories (id, model_version, slug, format, presenter, reporter, status, created_at, updated_at, body_json, search_text, page)
       VALUES (?, 1, ?, ?, ?, '', 'draft', ?, ?, ?, 'harbor', 'B2')`,
    ).run(
      story.id,
      story.slug,
      story.format,
      story.presenter,
      story.createdAt,
      story.updatedAt,
      JSON.stringify(story.body),
    );
    db.prepare("INSERT INTO tags (name) VALUES ('kept')").run();
    db.prepare(
      'INSERT INTO story_tags (story_seq, tag_id, position) SELECT seq, (SELECT id FROM tags), 0 FROM stories',
    ).run();
    expect(migrate(db, MIGRATIONS.slice(0, 3))).toBe(3);
    expect(getStory(db, story.id)).toEqual(story);
    db.prepare(
      "INSERT INTO revisions (id, story_id, at, kind, story_json) VALUES ('r1', ?, ?, 'save', '{}')",
    ).run(story.id, story.updatedAt);
    db.prepare(
      "INSERT INTO comments (id, story_id, thread_id, at, body) VALUES ('c1', ?, 't1', ?, 'Check this')",
    ).run(story.id, story.updatedAt);
    deleteStory(db, story.id);
    expect(
      db
        .prepare('SELECT (SELECT count(*) FROM revisions) + (SELECT count(*) FROM comments) AS n')
        .get(),
    ).toEqual({ n: 0 });
  });

  it('matches the committed schema snapshot', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db);
    const schema = (
      db.prepare('SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name').all() as {
        sql: string;
      }[]
    )
      .map((r) => `${r.sql};`)
      .join('\n');
    const snapshot = readFileSync(new URL('./schema.snapshot.sql', import.meta.url), 'utf8');
    expect(`${schema}\n`).toBe(snapshot);
  });
});

describe('bad archive files are refused and never written', () => {
  it.each([
    ['a text file', Buffer.from('These are my notes, not a database.\n')],
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
  ])('%s', (_what, bytes) => {
    const path = tempPath();
    writeFileSync(path, bytes);
    expect(() => openArchive(path)).toThrow(expect.objectContaining({ code: 'NOT_AN_ARCHIVE' }));
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('a truncated archive', () => {
    const path = tempPath();
    const a = openArchive(path);
    for (let i = 0; i < 50; i++) putStory(a.db, makeStory({ slug: `STORY ${i}` }));
    a.db.pragma('wal_checkpoint(TRUNCATE)');
    a.db.pragma('journal_mode = DELETE');
    a.close();
    const whole = readFileSync(path);
    const truncated = whole.subarray(0, Math.floor(whole.length / 3));
    writeFileSync(path, truncated);
    let error: unknown;
    try {
      openArchive(path).close();
    } catch (e) {
      error = e;
    }
    // SQLite may open a truncated file and only fail on the pages that are missing; either way
    // the file must come out as it went in.
    if (error) expect(error).toBeInstanceOf(ArchiveError);
    expect(readFileSync(path).equals(truncated)).toBe(true);
  });

  it('another application’s SQLite database', () => {
    const path = tempPath();
    const other = new BetterSqlite3(path);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)');
    other.close();
    const before = readFileSync(path);
    expect(() => openArchive(path)).toThrow(/not a Copydesk archive/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('stories', () => {
  it('stores and reads back a story exactly, tags in order', () => {
    const { db } = openTemp();
    const story = makeStory({ tags: ['Weather', 'storm', '서울'], page: 'A3', targetSec: 90 });
    putStory(db, story);
    expect(getStory(db, story.id)).toEqual(story);
  });

  it('updates in place and keeps the tag list tidy', () => {
    const { db } = openTemp();
    const story = makeStory({ tags: ['a', 'b'] });
    putStory(db, story);
    putStory(db, { ...story, slug: 'NEW SLUG', tags: ['b', 'c'] });
    expect(getStory(db, story.id)?.slug).toBe('NEW SLUG');
    expect(listTags(db)).toEqual([
      { name: 'b', count: 1 },
      { name: 'c', count: 1 },
    ]);
    expect(listStories(db, { limit: 10, offset: 0 }).total).toBe(1);
  });

  it('lists newest first and filters by tag', () => {
    const { db } = openTemp();
    putStory(db, makeStory({ slug: 'OLD', tags: ['x'], updatedAt: '2026-01-01T00:00:00.000Z' }));
    putStory(db, makeStory({ slug: 'NEW', updatedAt: '2026-06-01T00:00:00.000Z' }));
    expect(listStories(db, { limit: 10, offset: 0 }).items.map((s) => s.slug)).toEqual([
      'NEW',
      'OLD',
    ]);
    expect(listStories(db, { tag: 'X', limit: 10, offset: 0 }).items.map((s) => s.slug)).toEqual([
      'OLD',
    ]);
  });

  it('deletes a story, its tags and its index entries', () => {
    const { db } = openTemp();
    const story = makeStory({ tags: ['gone'] });
    putStory(db, story);
    expect(deleteStory(db, story.id)).toBe(true);
    expect(getStory(db, story.id)).toBeNull();
    expect(listTags(db)).toEqual([]);
    expect(searchStories(db, 'harbor', { limit: 10 }).total).toBe(0);
  });

  it('reports a row that no longer matches the model instead of returning garbage', () => {
    const { db } = openTemp();
    const story = makeStory();
    putStory(db, story);
    db.prepare('UPDATE stories SET body_json = \'[{"type":"hologram"}]\' WHERE id = ?').run(
      story.id,
    );
    expect(() => getStory(db, story.id)).toThrow(
      expect.objectContaining({ code: 'ARCHIVE_CORRUPT' }),
    );
  });
});

describe('search', () => {
  function seeded() {
    const { db } = openTemp();
    putStory(
      db,
      makeStory({ slug: 'HARBOR BRIDGE', text: 'The harbor bridge closes tonight for repairs.' }),
    );
    putStory(
      db,
      makeStory({
        slug: 'COUNCIL VOTE',
        text: 'The council will vote on the bridge budget next week.',
        tags: ['politics'],
      }),
    );
    putStory(db, makeStory({ slug: 'TYPHOON', text: '태풍이 오늘 밤 남해안에 상륙합니다.' }));
    return db;
  }

  it('ranks a slug hit above a body hit and highlights the match', () => {
    const db = seeded();
    const result = searchStories(db, 'bridge', { limit: 10 });
    expect(result.total).toBe(2);
    expect(result.items[0]?.slug).toBe('HARBOR BRIDGE');
    expect(result.items[0]?.snippet).toContain(`${SNIPPET_OPEN}bridge${SNIPPET_CLOSE}`);
  });

  it('combines text with a tag filter', () => {
    const db = seeded();
    expect(
      searchStories(db, 'bridge', { tag: 'politics', limit: 10 }).items.map((s) => s.slug),
    ).toEqual(['COUNCIL VOTE']);
  });

  it('finds Hangul words and prefixes', () => {
    const db = seeded();
    expect(searchStories(db, '태풍이', { limit: 10 }).items.map((s) => s.slug)).toEqual([
      'TYPHOON',
    ]);
    expect(searchStories(db, '남해*', { limit: 10 }).items.map((s) => s.slug)).toEqual(['TYPHOON']);
  });

  it('filters by format, presenter, reporter and date, with or without text, and sorts by date', () => {
    const db = seeded();
    putStory(
      db,
      makeStory({
        slug: 'OLD BRIDGE',
        format: 'PKG',
        presenter: 'Dana Reyes',
        reporter: 'Park Ji-won',
        text: 'An old bridge story.',
        updatedAt: '2025-03-01T10:00:00.000Z',
      }),
    );
    const slugs = (page: { items: { slug: string }[] }) => page.items.map((s) => s.slug);
    expect(slugs(listStories(db, { format: 'PKG', limit: 10, offset: 0 }))).toEqual(['OLD BRIDGE']);
    expect(
      slugs(listStories(db, { presenter: 'dana', reporter: 'ji-won', limit: 10, offset: 0 })),
    ).toEqual(['OLD BRIDGE']);
    expect(slugs(listStories(db, { presenter: '%', limit: 10, offset: 0 }))).toEqual([]);
    expect(
      slugs(listStories(db, { from: '2025-01-01', to: '2025-12-31', limit: 10, offset: 0 })),
    ).toEqual(['OLD BRIDGE']);
    expect(slugs(listStories(db, { to: '2025-03-01', limit: 10, offset: 0 }))).toEqual([
      'OLD BRIDGE',
    ]);
    expect(slugs(searchStories(db, 'bridge', { from: '2026-01-01', limit: 10 }))).toEqual([
      'HARBOR BRIDGE',
      'COUNCIL VOTE',
    ]);
    // Same time for the two seeded stories: the later one stored comes first.
    expect(slugs(searchStories(db, 'bridge', { sort: 'date', limit: 10 }))).toEqual([
      'COUNCIL VOTE',
      'HARBOR BRIDGE',
      'OLD BRIDGE',
    ]);
  });

  it('uses the full-text index', () => {
    const db = seeded();
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT s.id FROM stories_fts JOIN stories s ON s.seq = stories_fts.rowid WHERE stories_fts MATCH ? ORDER BY bm25(stories_fts)',
      )
      .all('"bridge"') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/VIRTUAL TABLE INDEX \d+:M/);
  });

  it.each(['"', '(', 'bridge)', '-', '*', 'NEAR(', 'col:bridge', '"""'])(
    'survives the query %j',
    (q) => {
      const db = seeded();
      expect(() => searchStories(db, q, { limit: 10 })).not.toThrow();
    },
  );
});
