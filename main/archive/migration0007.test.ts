import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { putStory, getStory } from './stories';
import { addHistory, listHistory, putRundown } from './rundowns';
import { changedStoryIds, outgoingRundown, replicaState, setMark } from './replica';
import { makeStory } from '../../shared/story/testing/makeStory';

describe('migration 0007: the desk as a newsroom replica', () => {
  it('keeps every story and rundown, gives each history entry an id of its own, and finds what is new', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    const before = MIGRATIONS.filter((m) => m.version < 7);
    migrate(db, before);
    const story = makeStory({ slug: 'HARBOR FIRE' });
    putStory(db, story);
    const rundown = {
      id: '6f1d3c1e-8a7b-4f7e-9a53-0b7c2a5d9e10',
      title: '6 PM NEWS',
      airDate: '2026-11-30',
      onAirSec: 64800,
      lengthSec: 1800,
      blockBudgets: {},
      rows: [],
      createdAt: '2026-11-30T10:00:00.000Z',
      updatedAt: '2026-11-30T10:00:00.000Z',
      version: 3,
    };
    putRundown(db, rundown);
    const entry = {
      at: rundown.createdAt,
      author: 'Lee',
      action: 'created' as const,
      rowId: null,
      detail: {},
    };
    addHistory(db, rundown.id, entry);
    addHistory(db, rundown.id, { ...entry, action: 'edited', detail: { from: 'title' } });

    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 7),
      ),
    ).toBe(7);
    expect(getStory(db, story.id)).toEqual(story);
    expect(listHistory(db, rundown.id).map((h) => h.action)).toEqual(['edited', 'created']);
    const uids = db
      .prepare('SELECT uid FROM rundown_history ORDER BY seq')
      .pluck()
      .all() as string[];
    expect(uids).toHaveLength(2);
    expect(new Set(uids).size).toBe(2);
    expect(uids.every((u) => /^[0-9a-f]{32}$/.test(u))).toBe(true);

    // Entries written after the migration get an id too.
    addHistory(db, rundown.id, { ...entry, action: 'moved', detail: { from: 1, to: 2 } });
    expect(
      outgoingRundown(db, rundown.id).history.map((h) => [h.action, /^[0-9a-f]{32}$/.test(h.uid)]),
    ).toEqual([
      ['created', true],
      ['edited', true],
      ['moved', true],
    ]);

    // A desk that was never connected: one desk id, every story waiting to go up.
    expect(replicaState(db)).toMatchObject({ serverUrl: null, cursor: 0, keepDays: 90 });
    expect(replicaState(db).deskId).toBe(replicaState(db).deskId);
    expect(changedStoryIds(db)).toEqual([story.id]);
    setMark(db, 'story', story.id, story.updatedAt, 1);
    expect(changedStoryIds(db)).toEqual([]);
  });
});
