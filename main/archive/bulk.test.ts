import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openArchive } from './open';
import { getStories, getStory, insertStories, StoryExistsError } from './stories';
import { listTags } from './tags';
import { makeStory } from '../../shared/story/testing/makeStory';

describe('many stories at once', () => {
  it('inserts a batch with its tags, and reads it back in the order asked', () => {
    const { db } = openArchive(':memory:');
    const stories = [
      makeStory({ slug: 'A', tags: ['Weather', 'storm'] }),
      makeStory({ slug: 'B', tags: ['weather'] }),
      makeStory({ slug: 'C' }),
    ];
    insertStories(db, stories);
    expect(getStories(db, [stories[2]!.id, stories[0]!.id, randomUUID()])).toEqual([
      stories[2],
      stories[0],
    ]);
    expect(getStory(db, stories[1]!.id)?.tags).toEqual(['Weather']);
    expect(listTags(db)).toEqual([
      { name: 'Weather', count: 2 },
      { name: 'storm', count: 1 },
    ]);
  });

  it('refuses a whole batch when one story is already in the archive', () => {
    const { db } = openArchive(':memory:');
    const existing = makeStory({ slug: 'OLD' });
    insertStories(db, [existing]);
    const fresh = makeStory({ slug: 'NEW' });
    expect(() => insertStories(db, [fresh, { ...existing, slug: 'CHANGED' }])).toThrow(
      StoryExistsError,
    );
    expect(getStory(db, fresh.id)).toBeNull();
    expect(getStory(db, existing.id)?.slug).toBe('OLD');
  });
});
