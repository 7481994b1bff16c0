import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { $getRoot, $isTextNode, createEditor, type LexicalEditor } from 'lexical';
import { fail, ok, type Result } from '../../shared/ipc/result';
import type { Story } from '../../shared/story/model';
import { runsText } from '../../shared/story/text';
import { SCRIPT_NODES } from '../editor/nodes';
import { $storyBodyToLexical } from '../editor/model/storyBody';
import { fakeArchive } from '../testing/fakeApi';
import { render, unmountAll } from '../testing/dom';
import { testStory } from '../testing/stories';
import { useStoryDocument } from './useStoryDocument';

vi.mock('../api/client', async () => (await import('../testing/fakeApi')).fakeClient);

type Doc = ReturnType<typeof useStoryDocument>;
type SaveInput = { story: Story; baseUpdatedAt?: string; mode?: string };

const STORY = testStory();
const OTHER = testStory({ id: '5f0c9d2e-7a1b-4c8d-9e3f-2a4b6c8d0e1f', slug: 'FERRIES' });

/** Saves main has not answered yet: each waits until the test answers it. */
let pending: { input: SaveInput; answer: (result?: Result<Story>) => void }[] = [];
let clock = Date.parse('2026-11-28T10:00:00.000Z');
let doc: Doc;
let saved: Story[] = [];

function Harness() {
  doc = useStoryDocument((story) => saved.push(story));
  return null;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  pending = [];
  saved = [];
  fakeArchive.answer({
    'stories.get': ({ id }) => ok(id === OTHER.id ? OTHER : STORY),
    'log.rendererError': () => ok({ logged: true }),
    'stories.save': (input) =>
      new Promise((resolve) => {
        const request = input as SaveInput;
        pending.push({
          input: request,
          answer: (result) =>
            resolve(
              result ??
                ok({ ...request.story, updatedAt: new Date((clock += 1000)).toISOString() }),
            ),
        });
      }),
  });
  render(<Harness />);
});
afterEach(() => {
  unmountAll();
  fakeArchive.reset();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Opens a story into a headless editor, as the app's ScriptEditor would show it. */
async function openStory(story: Story = STORY): Promise<LexicalEditor> {
  await act(async () => expect(await doc.open(story.id)).toBeNull());
  const editor = createEditor({
    nodes: [...SCRIPT_NODES],
    onError: (e) => {
      throw e;
    },
  });
  editor.update(() => $storyBodyToLexical(story.body), { discrete: true });
  doc.setEditor(editor);
  return editor;
}

/** Types at the end of the script; the editor reports the change as ScriptEditor does. */
function type(editor: LexicalEditor, text: string): void {
  editor.update(
    () => {
      const last = $getRoot().getLastDescendant();
      if (!$isTextNode(last)) throw new Error('no text to type after');
      last.setTextContent(last.getTextContent() + text);
    },
    { discrete: true },
  );
  act(() => doc.changed());
}

const text = (story: Story) =>
  story.body.map((b) => (b.type === 'paragraph' ? runsText(b.runs) : '')).join('\n');
const state = () => doc.saveState.get().kind;
const wait = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));
/** Answers the oldest waiting save and lets everything that follows settle. */
async function answer(result?: Result<Story>): Promise<void> {
  const next = pending.shift();
  if (!next) throw new Error('no save is waiting for an answer');
  next.answer(result);
  await wait(0);
}

describe('autosave', () => {
  it('saves 0.7 s after typing stops', async () => {
    const editor = await openStory();
    type(editor, ' Ferries');
    await wait(600);
    expect(pending).toHaveLength(0);
    await wait(100);
    expect(pending.map((p) => text(p.input.story))).toEqual(['The bridge closes at noon. Ferries']);
    expect(pending[0]!.input.mode).toBe('autosave');
    await answer();
    expect(state()).toBe('saved');
    expect(doc.isDirty()).toBe(false);
  });

  it('saves at least once a second while typing goes on', async () => {
    const editor = await openStory();
    for (let i = 0; i < 5; i++) {
      type(editor, ` w${i}`);
      await wait(300);
    }
    expect(pending.length).toBeGreaterThanOrEqual(1);
    expect(text(pending[0]!.input.story)).toMatch(/ w0 w1 w2( w3)?$/);
  });

  it('saves nothing when nothing changed', async () => {
    await openStory();
    await act(async () => expect(await doc.save('explicit')).toBe(true));
    await wait(2000);
    expect(fakeArchive.callsTo('stories.save')).toEqual([]);
  });
});

describe('a save answered after more typing', () => {
  it('is not taken for the newer text: the story stays unsaved and the newer text is saved next', async () => {
    const editor = await openStory();
    type(editor, ' Ferries');
    await wait(700);
    type(editor, ' run late.');
    await answer();
    expect(state()).toBe('dirty');
    expect(doc.isDirty()).toBe(true);

    await wait(700);
    expect(pending.map((p) => text(p.input.story))).toEqual([
      'The bridge closes at noon. Ferries run late.',
    ]);
    await answer();
    expect(state()).toBe('saved');
    expect(doc.isDirty()).toBe(false);
    expect(saved.map(text)).toEqual([
      'The bridge closes at noon. Ferries',
      'The bridge closes at noon. Ferries run late.',
    ]);
  });

  it('hands its new time to the next save, which is not taken for someone else’s', async () => {
    const editor = await openStory();
    type(editor, ' Ferries');
    await wait(700);
    type(editor, ' run late.');
    const first = pending[0]!;
    await answer();
    await wait(700);
    expect(first.input.baseUpdatedAt).toBe(STORY.updatedAt);
    expect(pending[0]!.input.baseUpdatedAt).toBe(saved[0]!.updatedAt);
  });

  it('keeps details changed meanwhile, and saves them next', async () => {
    const editor = await openStory();
    type(editor, ' Ferries');
    await wait(700);
    act(() => doc.updateMeta({ slug: 'FERRIES LATE' }));
    await answer();
    expect(doc.story?.slug).toBe('FERRIES LATE');
    expect(state()).toBe('dirty');
    await wait(700);
    expect(pending[0]!.input.story.slug).toBe('FERRIES LATE');
  });
});

describe('saves that overlap', () => {
  it('wait for the one in flight, then save the newest text once', async () => {
    const editor = await openStory();
    type(editor, ' Ferries');
    await wait(700);
    type(editor, ' run late.');
    let explicit: Promise<boolean> = Promise.resolve(false);
    act(() => {
      explicit = doc.save('explicit');
    });
    await wait(0);
    expect(pending).toHaveLength(1);
    await answer();
    expect(pending.map((p) => [p.input.mode, text(p.input.story)])).toEqual([
      ['explicit', 'The bridge closes at noon. Ferries run late.'],
    ]);
    await answer();
    await act(async () => expect(await explicit).toBe(true));
    await wait(2000);
    expect(fakeArchive.callsTo('stories.save')).toHaveLength(2);
    expect(state()).toBe('saved');
  });
});

describe('a failed save', () => {
  it('says why, keeps the text unsaved, and is tried again with the next change', async () => {
    const editor = await openStory();
    type(editor, ' Ferries');
    await wait(700);
    await answer(fail('ARCHIVE_UNAVAILABLE', 'The disk is full.'));
    expect(doc.saveState.get()).toEqual({ kind: 'error', message: 'The disk is full.' });
    expect(doc.isDirty()).toBe(true);
    expect(saved).toEqual([]);

    type(editor, '.');
    await wait(700);
    expect(pending.map((p) => text(p.input.story))).toEqual([
      'The bridge closes at noon. Ferries.',
    ]);
    await answer();
    expect(state()).toBe('saved');
  });

  it('keeps the story open when opening another cannot save it first', async () => {
    const editor = await openStory();
    type(editor, ' Ferries');
    let problem: Promise<string | null> = Promise.resolve(null);
    act(() => {
      problem = doc.open(OTHER.id);
    });
    await wait(0);
    await answer(fail('ARCHIVE_UNAVAILABLE', 'The disk is full.'));
    await act(async () => expect(await problem).toMatch(/could not be saved, so it stays open/));
    expect(doc.story?.id).toBe(STORY.id);
    expect(doc.isDirty()).toBe(true);
  });

  it('is saved before another story opens', async () => {
    const editor = await openStory();
    type(editor, ' Ferries');
    let problem: Promise<string | null> = Promise.resolve('not yet');
    act(() => {
      problem = doc.open(OTHER.id);
    });
    await wait(0);
    expect(pending.map((p) => text(p.input.story))).toEqual(['The bridge closes at noon. Ferries']);
    await answer();
    await act(async () => expect(await problem).toBeNull());
    expect(doc.story?.id).toBe(OTHER.id);
    expect(state()).toBe('saved');
  });
});

describe('opening a story when the editor is gone', () => {
  it('opens it once, even with changes no editor can save any more (a crashed editor)', async () => {
    const editor = await openStory();
    type(editor, ' Ferries');
    doc.setEditor(null);
    let gets = 0;
    fakeArchive.answer({
      'stories.get': ({ id }) => {
        // Bounded, so that fetching over and over fails this test instead of hanging it.
        if (++gets > 5) throw new Error('fetched over and over');
        return ok(id === OTHER.id ? OTHER : STORY);
      },
    });
    await act(async () => expect(await doc.open(OTHER.id)).toBeNull());
    expect(gets).toBe(1);
    expect(doc.story?.id).toBe(OTHER.id);
  });
});
