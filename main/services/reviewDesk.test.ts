import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../archive/open';
import { createServices, invokeService } from './serviceTable';
import type { Channel, Input, Output } from '../../shared/ipc/contract';
import { STORY_STATUSES, type Story, type StoryStatus } from '../../shared/story/model';
import { TRANSITIONS } from '../../shared/story/workflow';

const open: Archive[] = [];
afterEach(() => open.splice(0).forEach((a) => a.close()));

function setup() {
  const archive = openArchive(join(mkdtempSync(join(tmpdir(), 'copydesk-review-')), 'a.sqlite'));
  open.push(archive);
  let clock = Date.parse('2026-11-28T10:00:00.000Z');
  const advance = (ms: number) => (clock += ms);
  const services = createServices({
    archive,
    version: 'test',
    now: () => new Date((clock += 1000)),
  });
  const call = async <K extends Channel>(channel: K, input: Input<K>): Promise<Output<K>> => {
    const result = await invokeService(services, channel, input);
    if (!result.ok)
      throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as Output<K>;
  };
  const as = (name: string) => call('settings.save', { displayName: name });
  return { call, advance, as };
}

const withText = (story: Story, text: string): Story => ({
  ...story,
  body: [{ type: 'paragraph', runs: [{ text }] }],
});

describe('versions', () => {
  it('keeps every explicit save and coalesces autosaves by the same person', async () => {
    const { call, advance } = setup();
    const story = await call('stories.create', {});
    let current = await call('stories.save', {
      story: withText(story, 'one'),
      mode: 'autosave',
      baseUpdatedAt: story.updatedAt,
    });
    current = await call('stories.save', {
      story: withText(current, 'one two'),
      mode: 'autosave',
      baseUpdatedAt: current.updatedAt,
    });
    current = await call('stories.save', {
      story: withText(current, 'one two three'),
      mode: 'autosave',
      baseUpdatedAt: current.updatedAt,
    });
    current = await call('stories.save', {
      story: withText(current, 'explicit'),
      mode: 'explicit',
      baseUpdatedAt: current.updatedAt,
    });
    current = await call('stories.save', {
      story: withText(current, 'explicit again'),
      mode: 'explicit',
      baseUpdatedAt: current.updatedAt,
    });
    advance(11 * 60 * 1000);
    await call('stories.save', {
      story: withText(current, 'later autosave'),
      mode: 'autosave',
      baseUpdatedAt: current.updatedAt,
    });
    const { revisions, head } = await call('stories.history', { id: story.id });
    expect(revisions.map((r) => r.kind)).toEqual([
      'autosave',
      'save',
      'save',
      'autosave',
      'create',
    ]);
    expect(revisions.map((r) => r.number)).toEqual([5, 4, 3, 2, 1]);
    expect(head).toBe(revisions[0]!.id);
    // The coalesced autosave holds the last of the three.
    const coalesced = await call('stories.revision', {
      id: story.id,
      revisionId: revisions[3]!.id,
    });
    expect(coalesced.body).toEqual(withText(story, 'one two three').body);
  });

  it('restores an old version as a new one, keeping the workflow status', async () => {
    const { call } = setup();
    const story = await call('stories.create', {});
    const v2 = await call('stories.save', {
      story: withText(story, 'The first wording.'),
      baseUpdatedAt: story.updatedAt,
    });
    await call('stories.save', {
      story: withText(v2, 'A second wording.'),
      baseUpdatedAt: v2.updatedAt,
    });
    const history = await call('stories.history', { id: story.id });
    const first = history.revisions.find((r) => r.number === 2)!;
    const restored = await call('stories.restore', { id: story.id, revisionId: first.id });
    expect(restored.body).toEqual(withText(story, 'The first wording.').body);
    const after = await call('stories.history', { id: story.id });
    expect(after.revisions[0]).toMatchObject({
      kind: 'restore',
      note: 'Restored version 2',
      number: 4,
    });
    expect((await call('stories.get', { id: story.id })).body).toEqual(restored.body);
  });
});

describe('review workflow', () => {
  it('allows exactly the transitions of the workflow, and asks for a reason where one is due', async () => {
    const { call } = setup();
    for (const from of STORY_STATUSES) {
      for (const to of STORY_STATUSES) {
        const story = await call('stories.create', {});
        await reach(call, story.id, from);
        const allowed = TRANSITIONS[from].find((t) => t.to === to);
        const attempt = call('stories.setStatus', { id: story.id, status: to, note: 'because' });
        if (allowed)
          await expect(attempt, `${from} → ${to}`).resolves.toMatchObject({ status: to });
        else
          await expect(attempt, `${from} → ${to}`).rejects.toMatchObject({ code: 'INVALID_INPUT' });
        if (allowed?.needsNote) {
          const again = await call('stories.create', {});
          await reach(call, again.id, from);
          await expect(
            call('stories.setStatus', { id: again.id, status: to }),
            `${from} → ${to} without a note`,
          ).rejects.toMatchObject({
            code: 'INVALID_INPUT',
          });
        }
      }
    }
  });

  it('records who approved and when, locks the story, and unlocks it on reopening with a reason', async () => {
    const { call, as } = setup();
    await as('Kim Reporter');
    const story = await call('stories.create', {});
    const saved = await call('stories.save', {
      story: withText(story, 'Ready to go.'),
      baseUpdatedAt: story.updatedAt,
    });
    await call('stories.setStatus', { id: story.id, status: 'ready' });
    await as('Sam Editor');
    const approved = await call('stories.setStatus', { id: story.id, status: 'approved' });
    const [latest] = (await call('stories.history', { id: story.id })).revisions;
    expect(latest).toMatchObject({ kind: 'status', status: 'approved', author: 'Sam Editor' });
    expect(latest!.at).toBe(approved.updatedAt);

    await expect(
      call('stories.save', {
        story: withText(approved, 'Sneaky edit.'),
        baseUpdatedAt: approved.updatedAt,
      }),
    ).rejects.toMatchObject({ code: 'LOCKED' });
    await expect(call('stories.delete', { id: story.id })).rejects.toMatchObject({
      code: 'LOCKED',
    });
    expect((await call('stories.get', { id: story.id })).body).toEqual(saved.body);

    const reopened = await call('stories.setStatus', {
      id: story.id,
      status: 'draft',
      note: 'Mayor changed his quote',
    });
    expect((await call('stories.history', { id: story.id })).revisions[0]).toMatchObject({
      note: 'Mayor changed his quote',
      status: 'draft',
    });
    await expect(
      call('stories.save', {
        story: withText(reopened, 'New quote.'),
        baseUpdatedAt: reopened.updatedAt,
      }),
    ).resolves.toMatchObject({ status: 'draft' });
  });

  it('ignores a status smuggled into a save', async () => {
    const { call } = setup();
    const story = await call('stories.create', {});
    const saved = await call('stories.save', {
      story: { ...story, status: 'approved' },
      baseUpdatedAt: story.updatedAt,
    });
    expect(saved.status).toBe('draft');
  });

  it('lists the review queue', async () => {
    const { call } = setup();
    const a = await call('stories.create', { slug: 'A' });
    await call('stories.create', { slug: 'B' });
    await call('stories.setStatus', { id: a.id, status: 'ready' });
    expect((await call('stories.list', { status: 'ready' })).items.map((s) => s.slug)).toEqual([
      'A',
    ]);
  });
});

describe('comments', () => {
  it('adds threads and replies, resolves and reopens a thread', async () => {
    const { call, as } = setup();
    const story = await call('stories.create', {});
    const thread = '7b0a4c1e-2f3d-4e5a-8b6c-9d0e1f2a3b4c';
    await as('Sam Editor');
    await call('comments.add', {
      storyId: story.id,
      threadId: thread,
      body: 'Source for this figure?',
      quote: 'forty years',
    });
    await as('Kim Reporter');
    await call('comments.add', {
      storyId: story.id,
      threadId: thread,
      body: 'City engineering report, p. 4.',
    });
    await call('comments.resolve', { storyId: story.id, threadId: thread, resolved: true });
    const comments = await call('comments.list', { storyId: story.id });
    expect(comments.map((c) => [c.author, c.body, c.resolvedBy])).toEqual([
      ['Sam Editor', 'Source for this figure?', 'Kim Reporter'],
      ['Kim Reporter', 'City engineering report, p. 4.', 'Kim Reporter'],
    ]);
    await call('comments.resolve', { storyId: story.id, threadId: thread, resolved: false });
    expect(
      (await call('comments.list', { storyId: story.id })).every((c) => c.resolvedAt === null),
    ).toBe(true);
    await expect(
      call('comments.add', { storyId: story.id, threadId: thread, body: '   ' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

/** Walks a story through the workflow to a status, the shortest allowed way. */
async function reach(
  call: ReturnType<typeof setup>['call'],
  id: string,
  status: StoryStatus,
): Promise<void> {
  const paths: Record<StoryStatus, StoryStatus[]> = {
    draft: [],
    ready: ['ready'],
    returned: ['ready', 'returned'],
    approved: ['ready', 'approved'],
    aired: ['ready', 'approved', 'aired'],
    killed: ['killed'],
  };
  for (const step of paths[status])
    await call('stories.setStatus', { id, status: step, note: 'step' });
}
