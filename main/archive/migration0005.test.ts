import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { getStory, putStory } from './stories';
import { getRundown, putRundown, rowStories, rundownsHolding } from './rundowns';
import { makeStory } from '../../shared/story/testing/makeStory';

describe('migration 0005: rundowns', () => {
  it('adds rundowns to a version-4 archive, keeps every story, and lets rows point at them', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 4));
    const story = makeStory({ slug: 'HARBOR FIRE' });
    putStory(db, story);

    expect(migrate(db, MIGRATIONS.slice(0, 5))).toBe(5);
    expect(getStory(db, story.id)).toEqual(story);

    const rundown = {
      id: '6f1d3c1e-8a7b-4f7e-9a53-0b7c2a5d9e10',
      title: '6 PM NEWS',
      airDate: '2026-11-30',
      onAirSec: 64800,
      lengthSec: 1800,
      blockBudgets: { A: 600 },
      rows: [
        {
          id: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
          kind: 'story' as const,
          storyId: story.id,
          label: '',
          page: null,
          estSec: null,
          actualSec: null,
          floated: false,
          hitSec: null,
        },
      ],
      createdAt: '2026-11-30T10:00:00.000Z',
      updatedAt: '2026-11-30T10:00:00.000Z',
      version: 0,
    };
    putRundown(db, rundown);
    expect(getRundown(db, rundown.id)).toEqual(rundown);
    expect(rundownsHolding(db, story.id)).toEqual([
      { id: rundown.id, title: '6 PM NEWS', airDate: '2026-11-30' },
    ]);
    expect(rowStories(db, [story.id])[0]).toMatchObject({ slug: 'HARBOR FIRE' });
    // The row holds the story: it cannot be deleted from under the rundown.
    expect(() => db.prepare('DELETE FROM stories WHERE id = ?').run(story.id)).toThrow(
      /FOREIGN KEY/,
    );
  });
});
