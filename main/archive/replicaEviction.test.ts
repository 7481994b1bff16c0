import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { migrate } from './migrate';
import { getStory, putStory } from './stories';
import { putRundown } from './rundowns';
import { evictOldStories, pinStory, setMark } from './replica';
import { makeStory } from '../../shared/story/testing/makeStory';

const NOW = new Date('2026-11-30T12:00:00.000Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

describe('a desk keeps the newsroom’s last days', () => {
  it('lets go of old stories the server has, and keeps what is unsent, opened, in a rundown or in conflict', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db);
    const story = (slug: string, age: number, synced = true) => {
      const s = makeStory({ slug, createdAt: daysAgo(age), updatedAt: daysAgo(age) });
      putStory(db, s);
      if (synced) setMark(db, 'story', s.id, s.updatedAt, 1);
      return s;
    };
    const old = story('OLD AND IN THE NEWSROOM', 120);
    const recent = story('LAST WEEK', 7);
    const unsent = story('OLD BUT NEVER SENT', 120, false);
    const editedSince = story('OLD, CHANGED HERE SINCE', 120);
    putStory(db, { ...editedSince, slug: 'CHANGED OFFLINE' });
    setMark(db, 'story', editedSince.id, daysAgo(200), 1);
    const opened = story('OPENED FROM THE NEWSROOM', 300);
    pinStory(db, opened.id, NOW.toISOString());
    const inShow = story('IN A RUNDOWN', 300);
    putRundown(db, {
      id: randomUUID(),
      title: '6 PM NEWS',
      airDate: '2026-08-01',
      onAirSec: 64800,
      lengthSec: 1800,
      blockBudgets: {},
      rows: [
        {
          id: randomUUID(),
          kind: 'story',
          storyId: inShow.id,
          label: '',
          page: null,
          estSec: null,
          actualSec: null,
          floated: false,
          hitSec: null,
        },
      ],
      createdAt: daysAgo(300),
      updatedAt: daysAgo(300),
      version: 1,
    });
    const inConflict = story('IN CONFLICT', 120);
    db.prepare('UPDATE stories SET conflict_revision = ? WHERE id = ?').run('r1', inConflict.id);

    expect(evictOldStories(db, 90, NOW)).toBe(1);
    expect(getStory(db, old.id)).toBeNull();
    for (const kept of [recent, unsent, editedSince, opened, inShow, inConflict])
      expect(getStory(db, kept.id), kept.slug).not.toBeNull();
    // Nothing left to let go of the second time; a shorter window lets go of more.
    expect(evictOldStories(db, 90, NOW)).toBe(0);
    expect(evictOldStories(db, 3, NOW)).toBe(1);
    expect(getStory(db, recent.id)).toBeNull();
  });
});
