import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../shared/ipc/result';
import type { RevisionSummary } from '../../shared/ipc/types';
import { testStory } from '../testing/stories';
import { fakeArchive } from '../testing/fakeApi';
import { button, click, render, settle, unmountAll } from '../testing/dom';
import { HistoryPanel } from './HistoryPanel';

vi.mock('../api/client', async () => (await import('../testing/fakeApi')).fakeClient);
// The person says yes to "Restore version 1?".
vi.mock('../common/confirm', () => ({ askToConfirm: async () => true }));

afterEach(() => {
  unmountAll();
  fakeArchive.reset();
});

const story = testStory({ status: 'draft' });
const revision = (number: number): RevisionSummary => ({
  id: `rev-${number}`,
  number,
  at: '2026-11-30T18:00:00.000Z',
  author: 'Robin Desk',
  kind: 'save',
  note: '',
  status: 'draft',
  slug: story.slug,
  parentId: null,
});

/** The history of a story with two versions; restores version 1 and says what was asked. */
async function restoreVersionOne(storesTyping: boolean) {
  fakeArchive.answer({
    'stories.history': () =>
      ok({ revisions: [revision(2), revision(1)], head: 'rev-2', conflict: null }),
    'stories.revision': () => ok(story),
    'stories.restore': () => ok(story),
  });
  const order: string[] = [];
  const onBeforeRestore = vi.fn(async () => {
    order.push('stored what was typed');
    return storesTyping;
  });
  const onRestored = vi.fn(() => order.push('restored'));
  const page = render(
    <HistoryPanel
      story={story}
      version={0}
      locked={false}
      onBeforeRestore={onBeforeRestore}
      onRestored={onRestored}
      onClose={() => {}}
    />,
  );
  await settle();
  click(button(page, 'Restore'));
  await settle();
  return { order, restores: fakeArchive.callsTo('stories.restore') };
}

describe('restoring a version', () => {
  it('stores what was typed first, so it is a version too', async () => {
    const { order, restores } = await restoreVersionOne(true);
    expect(order).toEqual(['stored what was typed', 'restored']);
    expect(restores).toHaveLength(1);
  });

  it('restores nothing when what was typed could not be stored', async () => {
    const { order, restores } = await restoreVersionOne(false);
    expect(order).toEqual(['stored what was typed']);
    expect(restores).toHaveLength(0);
  });
});
