import { describe, expect, it } from 'vitest';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { getStory, putStory } from './stories';
import { listStories } from './storySummaries';
import { searchStories } from './search';
import { storyToRow } from './storyRows';
import { deletePronouncer, listPronouncers, upsertPronouncer } from './pronouncers';
import { listTags, renameTag } from './tags';
import { DEFAULT_TIMING } from '../../shared/story/timing';
import type { Story } from '../../shared/story/model';
import { makeStory } from '../../shared/story/testing/makeStory';

const BEFORE_FOLD_KEYS = MIGRATIONS.filter((m) => m.version < 6);

/** A story written the way the archive stored it before 0006: its row, then its tags by name. */
function putOldStory(db: Database, story: Story): void {
  const row = storyToRow(story, DEFAULT_TIMING);
  const seq = db
    .prepare(
      `INSERT INTO stories (id, model_version, slug, format, presenter, reporter, status,
         created_at, updated_at, body_json, search_text, read_sec, total_sec, page, target_sec)
       VALUES (@id, @model_version, @slug, @format, @presenter, @reporter, @status, @created_at,
         @updated_at, @body_json, @search_text, @read_sec, @total_sec, @page, @target_sec)`,
    )
    .run(row).lastInsertRowid;
  story.tags.forEach((tag, position) => {
    db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(tag);
    const { id } = db.prepare('SELECT id FROM tags WHERE name = ?').get(tag) as { id: number };
    db.prepare('INSERT INTO story_tags (story_seq, tag_id, position) VALUES (?, ?, ?)').run(
      seq,
      id,
      position,
    );
  });
}

function oldArchive(): Database {
  const db = new BetterSqlite3(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, BEFORE_FOLD_KEYS);
  return db;
}

const at = (month: number) => `2026-0${month}-01T09:00:00.000Z`;

describe('migration 0006: case-folded keys for pronouncers and tags', () => {
  it('merges pronouncers that are one term without case, keeping the most recently updated', () => {
    const db = oldArchive();
    const learn = db.prepare(
      'INSERT INTO pronouncers (term, phonetic, updated_at) VALUES (?, ?, ?)',
    );
    // NOCASE folds ASCII only: these three were three rows.
    learn.run('Émile', 'ay-MEEL (old)', at(1));
    learn.run('émile', 'ay-MEEL', at(3));
    learn.run('E\u0301MILE', 'ay-MEEL (older)', at(2));
    learn.run('Raghunathan', 'RAH-goo-NAH-tun', at(1));
    learn.run('Straße', 'SHTRAH-seh', at(2));
    learn.run('STRASSE', 'SHTRAH-seh (new)', at(4));

    expect(migrate(db)).toBe(MIGRATIONS.at(-1)!.version);
    // In key order, as SQLite's NOCASE also put them: accented letters after z.
    expect(listPronouncers(db)).toEqual([
      { term: 'Raghunathan', phonetic: 'RAH-goo-NAH-tun', updatedAt: at(1) },
      { term: 'STRASSE', phonetic: 'SHTRAH-seh (new)', updatedAt: at(4) },
      { term: 'émile', phonetic: 'ay-MEEL', updatedAt: at(3) },
    ]);

    // From now on every spelling finds the one entry.
    upsertPronouncer(db, { term: 'ÉMILE', phonetic: 'ay-MEEL!' }, at(5));
    expect(listPronouncers(db).filter((p) => p.phonetic.startsWith('ay-MEEL'))).toEqual([
      { term: 'ÉMILE', phonetic: 'ay-MEEL!', updatedAt: at(5) },
    ]);
    expect(deletePronouncer(db, 'straße')).toBe(true);
    expect(listPronouncers(db).map((p) => p.term)).toEqual(['Raghunathan', 'ÉMILE']);
  });

  it('merges tags that are one name, keeping the spelling on the latest story and each story’s order', () => {
    const db = oldArchive();
    const vote = makeStory({ slug: 'VOTE', tags: ['élection'], updatedAt: at(1) });
    const count = makeStory({ slug: 'COUNT', tags: ['Élection', 'budget'], updatedAt: at(3) });
    const street = makeStory({
      slug: 'STREET',
      tags: ['Straße', 'budget', 'STRASSE'],
      updatedAt: at(2),
    });
    const parade = makeStory({ slug: 'PARADE', tags: ['STRASSE'], updatedAt: at(4) });
    for (const story of [vote, count, street, parade]) putOldStory(db, story);
    expect(db.prepare('SELECT count(*) AS n FROM tags').get()).toEqual({ n: 5 });

    migrate(db);
    expect(listTags(db)).toEqual([
      { name: 'budget', count: 2 },
      { name: 'STRASSE', count: 2 },
      { name: 'Élection', count: 2 },
    ]);
    expect(getStory(db, vote.id)?.tags).toEqual(['Élection']);
    expect(getStory(db, count.id)?.tags).toEqual(['Élection', 'budget']);
    expect(getStory(db, street.id)?.tags).toEqual(['STRASSE', 'budget']);
    expect(getStory(db, parade.id)?.tags).toEqual(['STRASSE']);
    // Every other column of the stories is as it was.
    expect(getStory(db, street.id)).toEqual({ ...street, tags: ['STRASSE', 'budget'] });

    // The filters and the tag manager find a tag by any spelling of it.
    const slugs = (tag: string) =>
      listStories(db, { tag, limit: 10, offset: 0 }).items.map((s) => s.slug);
    expect(slugs('ÉLECTION')).toEqual(['COUNT', 'VOTE']);
    expect(slugs('strasse')).toEqual(['PARADE', 'STREET']);
    expect(searchStories(db, 'harbor', { tag: 'e\u0301lection', limit: 10 }).total).toBe(2);
    expect(renameTag(db, 'élection', 'Vote 2026')).toBe(2);
    expect(getStory(db, vote.id)?.tags).toEqual(['Vote 2026']);
  });

  it('keeps one row per key from then on', () => {
    const db = oldArchive();
    migrate(db);
    const story = makeStory({ tags: ['Élection'] });
    putStory(db, story);
    putStory(db, makeStory({ tags: ['élection', 'ＳＴＲＡＳＳＥ'] }));
    expect(listTags(db)).toEqual([
      { name: 'Élection', count: 2 },
      { name: 'ＳＴＲＡＳＳＥ', count: 1 },
    ]);
    expect(() =>
      db.prepare("INSERT INTO tags (name, name_key) VALUES ('ELECTION2', 'élection')").run(),
    ).toThrow(/UNIQUE constraint failed: tags.name_key/);
  });
});
