import type { Block, Story } from '../../shared/story/model';
import type { StorySummary } from '../../shared/ipc/types';
import { makeStory } from '../../shared/story/testing/makeStory';

/** A story as the archive would hand it out, with a fixed id and read text to edit. */
export function testStory(overrides: Partial<Story> = {}): Story {
  return makeStory({
    id: '0b6e2a8c-4d1f-4c3e-9a57-1e2f3a4b5c6d',
    presenter: '',
    text: 'The bridge closes at noon.',
    ...overrides,
  });
}

export function paragraph(text: string): Block {
  return { type: 'paragraph', runs: [{ text }] };
}

export function summaryOf(story: Story): StorySummary {
  return {
    id: story.id,
    slug: story.slug,
    format: story.format,
    presenter: story.presenter,
    reporter: story.reporter,
    tags: story.tags,
    status: story.status,
    createdAt: story.createdAt,
    updatedAt: story.updatedAt,
    readSec: 0,
    totalSec: 0,
  };
}
