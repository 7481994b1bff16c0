import { randomUUID } from 'node:crypto';
import type { Story } from '../model';

/** A valid story for tests, with one read paragraph unless a body is given. */
export function makeStory(overrides: Partial<Story> & { text?: string } = {}): Story {
  const { text = 'The harbor bridge closes tonight.', ...rest } = overrides;
  return {
    schemaVersion: 1,
    id: randomUUID(),
    slug: 'HARBOR BRIDGE',
    format: 'READER',
    presenter: 'Dana Reyes',
    reporter: '',
    tags: [],
    status: 'draft',
    createdAt: '2026-11-28T09:00:00.000Z',
    updatedAt: '2026-11-28T09:00:00.000Z',
    body: [{ type: 'paragraph', runs: [{ text }] }],
    ...rest,
  };
}
