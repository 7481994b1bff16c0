import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { LexicalEditor } from 'lexical';
import { fail, ok, type Result } from '../../shared/ipc/result';
import type { Comment, RevisionSummary } from '../../shared/ipc/types';
import type { Story } from '../../shared/story/model';
import { transition } from '../../shared/story/workflow';
import { fakeArchive } from '../testing/fakeApi';
import { mount, settle, unmountAll } from '../testing/dom';
import { testStory } from '../testing/stories';
import {
  REMOVE_THREAD_COMMAND,
  RETURN_TO_THREAD_COMMAND,
} from '../editor/comments/CommentMarksPlugin';
import { useReview } from './useReview';

vi.mock('../api/client', async () => (await import('../testing/fakeApi')).fakeClient);
vi.mock('../api/platform', () => ({
  saveFile: vi.fn(async () => ({ ok: true, value: { saved: true } })),
}));

type Review = ReturnType<typeof useReview>;
type History = { revisions: RevisionSummary[]; head: string | null; conflict: string | null };

const A = testStory();
const B = testStory({ id: '5f0c9d2e-7a1b-4c8d-9e3f-2a4b6c8d0e1f', slug: 'FERRIES' });
const THREAD = '7b0a4c1e-2f3d-4e5a-8b6c-9d0e1f2a3b4c';

function comment(story: Story, over: Partial<Comment> = {}): Comment {
  return {
    id: `c-${story.id.slice(0, 4)}`,
    storyId: story.id,
    threadId: THREAD,
    author: 'Sam Okafor',
    at: '2026-11-28T10:00:00.000Z',
    body: 'Check the number.',
    quote: 'noon',
    resolvedAt: null,
    resolvedBy: null,
    ...over,
  };
}

function revision(number: number, over: Partial<RevisionSummary> = {}): RevisionSummary {
  return {
    id: `r${number}`,
    number,
    at: '2026-11-28T10:00:00.000Z',
    author: 'Kim Min-ji',
    kind: 'save',
    note: '',
    status: 'draft',
    slug: A.slug,
    parentId: null,
    ...over,
  };
}

/** Answers that wait until the test gives them, for channels where order matters. */
function deferred<T>() {
  const waiting: { input: unknown; answer: (r: Result<T>) => void }[] = [];
  const handler = (input: unknown) =>
    new Promise<Result<T>>((resolve) => waiting.push({ input, answer: resolve }));
  return { waiting, handler };
}

let review: Review;
const deps = {
  dirty: false,
  saveWorks: true,
  saves: [] as string[],
  /** Saves and archive calls in the order they were made. */
  order: [] as string[],
  reopened: [] as string[],
  changed: 0,
  errors: [] as string[],
  dispatched: [] as [unknown, unknown][],
};
const editor = {
  dispatchCommand: (command: unknown, payload: unknown) => {
    deps.dispatched.push([command, payload]);
    return true;
  },
  focus: () => void deps.dispatched.push(['focus', null]),
} as unknown as LexicalEditor;

function Harness(p: { story: Story | null; generation: number; stored: boolean }) {
  review = useReview({
    story: p.story,
    stored: p.stored,
    generation: p.generation,
    editor: () => editor,
    save: async (mode) => {
      deps.saves.push(mode);
      deps.order.push(`save ${mode}`);
      if (deps.saveWorks) deps.dirty = false;
      return deps.saveWorks;
    },
    isDirty: () => deps.dirty,
    reopen: async (id) => void deps.reopened.push(id),
    onArchiveChanged: () => void deps.changed++,
    onError: (m) => void deps.errors.push(m),
  });
  return null;
}

let update: ((node: React.ReactNode) => void) | null = null;
/** Draws the hook for this story (and load generation), as the app does when either changes. */
async function showStory(story: Story | null, generation = 0, stored = true): Promise<void> {
  const node = <Harness story={story} generation={generation} stored={stored} />;
  if (update) update(node);
  else update = mount(node).update;
  await settle();
}

beforeEach(() => {
  update = null;
  Object.assign(deps, {
    dirty: false,
    saveWorks: true,
    saves: [],
    order: [],
    reopened: [],
    changed: 0,
    errors: [],
    dispatched: [],
  });
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  fakeArchive.answer({
    'comments.list': ({ storyId }) => ok(storyId === A.id ? [comment(A)] : []),
    'stories.history': () => ok({ revisions: [revision(1)], head: 'r1', conflict: null }),
    'log.rendererError': () => ok({ logged: true }),
  });
});
afterEach(() => {
  unmountAll();
  fakeArchive.reset();
  vi.restoreAllMocks();
});

describe('comments', () => {
  it('are read for the open story, and the panel opens when it has open threads', async () => {
    await showStory(A);
    expect(review.comments).toEqual([comment(A)]);
    expect(review.panel).toBe('comments');
    expect([...review.resolvedThreads]).toEqual([]);
  });

  it('of a story left behind never show on the next one, whichever answers last', async () => {
    const list = deferred<Comment[]>();
    fakeArchive.answer({ 'comments.list': list.handler });
    await showStory(A);
    await showStory(B);
    const [forA, forB] = list.waiting;
    act(() => forB!.answer(ok([])));
    await settle();
    act(() => forA!.answer(ok([comment(A)])));
    await settle();
    expect(review.comments).toEqual([]);
  });

  it('count a thread as resolved when every comment in it is', async () => {
    fakeArchive.answer({
      'comments.list': () =>
        ok([comment(A, { resolvedAt: '2026-11-28T11:00:00.000Z', resolvedBy: 'Sam' })]),
    });
    await showStory(A);
    expect([...review.resolvedThreads]).toEqual([THREAD]);
    expect(review.panel).toBe(null);
  });

  it('posted on a new thread keep its anchor with an explicit save, then reload', async () => {
    fakeArchive.answer({ 'comments.add': (input) => ok(comment(A, { body: input.body })) });
    await showStory(B);
    act(() => review.startThread({ threadId: THREAD, quote: 'noon' }));
    expect(review.panel).toBe('comments');
    await act(() => review.post(THREAD, 'Which noon?', 'noon'));
    expect(review.pending).toBe(null);
    expect(deps.saves).toEqual(['explicit']);
    expect(fakeArchive.callsTo('comments.list')).toHaveLength(2);
  });

  it('on a new story not stored yet are not read, and posting one stores the story first', async () => {
    fakeArchive.answer({
      'comments.add': (input) => {
        deps.order.push(`add ${input.storyId}`);
        return ok(comment(B, { body: input.body }));
      },
      'comments.list': ({ storyId }) => ok(storyId === B.id ? [comment(B)] : []),
    });
    await showStory(B, 0, false);
    expect(fakeArchive.callsTo('comments.list')).toHaveLength(0);
    expect(fakeArchive.callsTo('stories.history')).toHaveLength(0);
    act(() => review.startThread({ threadId: THREAD, quote: 'noon' }));
    deps.dirty = true;
    await act(() => review.post(THREAD, 'Which noon?', 'noon'));
    // Stored before the comment names it; the thread is then read back and shown.
    expect(deps.order.slice(0, 2)).toEqual(['save explicit', `add ${B.id}`]);
    expect(review.pending).toBe(null);
    expect(review.comments).toEqual([comment(B)]);
  });

  it('on a new story whose first save fails are not posted, and the thread stays open', async () => {
    deps.saveWorks = false;
    await showStory(B, 0, false);
    act(() => review.startThread({ threadId: THREAD, quote: 'noon' }));
    await act(() => review.post(THREAD, 'Which noon?', 'noon'));
    expect(fakeArchive.callsTo('comments.add')).toHaveLength(0);
    expect(review.pending).toEqual({ threadId: THREAD, quote: 'noon' });
  });

  it('not posted leave no anchor behind when the thread is cancelled', async () => {
    await showStory(B);
    act(() => review.startThread({ threadId: THREAD, quote: 'noon' }));
    act(() => review.cancelPending());
    // The caret goes back after the words first, then their mark goes.
    expect(deps.dispatched).toEqual([
      [RETURN_TO_THREAD_COMMAND, THREAD],
      ['focus', null],
      [REMOVE_THREAD_COMMAND, THREAD],
    ]);
    expect(review.pending).toBe(null);
  });

  it('that fail to post keep the new thread open to try again', async () => {
    fakeArchive.answer({ 'comments.add': () => fail('ARCHIVE_UNAVAILABLE', 'The disk is full.') });
    await showStory(B);
    act(() => review.startThread({ threadId: THREAD, quote: 'noon' }));
    await act(() => review.post(THREAD, 'Which noon?', 'noon'));
    expect(review.pending).toEqual({ threadId: THREAD, quote: 'noon' });
    expect(deps.saves).toEqual([]);
  });
});

describe('a new story not stored yet', () => {
  const submit = transition('draft', 'ready')!;

  it('is saved first when submitted, then sent to review', async () => {
    fakeArchive.answer({
      'stories.setStatus': (input) => {
        deps.order.push(`status ${input.id} ${input.status}`);
        return ok({ ...B, status: 'ready' });
      },
    });
    await showStory(B, 0, false);
    await act(() => review.changeStatus(submit, ''));
    expect(deps.order).toEqual(['save explicit', `status ${B.id} ready`]);
    expect(deps.reopened).toEqual([B.id]);
  });

  it('that is still empty says so in words when submitted, and changes nothing', async () => {
    fakeArchive.answer({
      'stories.setStatus': () => fail('NOT_FOUND', 'There is no story with that id.'),
    });
    await showStory(B, 0, false);
    await act(() => review.changeStatus(submit, ''));
    expect(deps.errors).toEqual([
      'This new story is empty: write a slug or some text first, then submit it.',
    ]);
    expect(deps.reopened).toEqual([]);
    expect(deps.changed).toBe(0);
  });
});

describe('the story’s history', () => {
  it('gives the last status change, and a conflict with the story’s own head', async () => {
    const status = revision(2, { kind: 'status', status: 'ready', note: 'Ready' });
    const theirs = revision(3, { kind: 'merge' });
    fakeArchive.answer({
      'stories.history': () =>
        ok({ revisions: [theirs, status, revision(1)], head: 'r2', conflict: 'r3' }),
    });
    await showStory(A);
    expect(review.lastStatusChange).toEqual(status);
    expect(review.conflict).toEqual({ theirs, mine: 'r2' });
    act(() => review.compareConflict());
    expect(review.comparePair).toEqual(['r2', 'r3']);
    expect(review.panel).toBe('history');
  });

  it('of a story left behind never shows on the next one, whichever answers last', async () => {
    const history = deferred<History>();
    fakeArchive.answer({ 'stories.history': history.handler });
    await showStory(A);
    await showStory(B);
    const [forA, forB] = history.waiting;
    act(() => forB!.answer(ok({ revisions: [revision(1)], head: 'r1', conflict: null })));
    await settle();
    act(() =>
      forA!.answer(
        ok({
          revisions: [revision(4, { kind: 'merge' }), revision(3, { kind: 'status' })],
          head: 'r3',
          conflict: 'r4',
        }),
      ),
    );
    await settle();
    expect(review.conflict).toBe(null);
    expect(review.lastStatusChange).toBe(null);
  });

  it('is read again when the story is saved or reloaded', async () => {
    await showStory(A);
    await showStory({ ...A, updatedAt: '2026-11-28T12:00:00.000Z' });
    await showStory({ ...A, updatedAt: '2026-11-28T12:00:00.000Z' }, 1);
    expect(fakeArchive.callsTo('stories.history')).toHaveLength(3);
  });
});

describe('the workflow', () => {
  const submit = transition('draft', 'ready')!;

  it('saves unsaved text first, then changes the status and reopens the story', async () => {
    fakeArchive.answer({ 'stories.setStatus': () => ok({ ...A, status: 'ready' }) });
    await showStory(A);
    deps.dirty = true;
    await act(() => review.changeStatus(submit, ''));
    expect(deps.saves).toEqual(['explicit']);
    expect(fakeArchive.callsTo('stories.setStatus')).toEqual([
      { id: A.id, status: 'ready', note: '' },
    ]);
    expect(deps.changed).toBe(1);
    expect(deps.reopened).toEqual([A.id]);
  });

  it('changes nothing when the unsaved text cannot be saved', async () => {
    await showStory(A);
    deps.dirty = true;
    deps.saveWorks = false;
    await act(() => review.changeStatus(submit, ''));
    await act(() => review.settleConflict('theirs'));
    await act(() => review.sendPackage());
    expect(fakeArchive.callsTo('stories.setStatus')).toEqual([]);
    expect(fakeArchive.callsTo('stories.resolveConflict')).toEqual([]);
    expect(fakeArchive.callsTo('stories.handoff')).toEqual([]);
    expect(deps.reopened).toEqual([]);
  });

  it('keeps the story as it is when the status change is refused', async () => {
    fakeArchive.answer({
      'stories.setStatus': () => fail('LOCKED', '“HARBOR BRIDGE” is approved and locked.'),
    });
    await showStory(A);
    await act(() => review.changeStatus(submit, ''));
    expect(deps.changed).toBe(0);
    expect(deps.reopened).toEqual([]);
  });
});

describe('the comments panel', () => {
  it('opens for a story with open threads, not for the one before it', async () => {
    fakeArchive.answer({
      'comments.list': ({ storyId }) => ok(storyId === A.id ? [comment(A)] : []),
    });
    await showStory(B);
    expect(review.panel).toBe(null);
    await showStory(A);
    expect(review.panel).toBe('comments');
    act(() => review.setPanel(null));
    await showStory(B);
    expect(review.panel).toBe(null);
  });
});
