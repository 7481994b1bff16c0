import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import {
  $createTextNode,
  $getRoot,
  $isElementNode,
  createEditor,
  type LexicalEditor,
} from 'lexical';
import type { Story } from '../../shared/story/model';
import { makeStory } from '../../shared/story/testing/makeStory';
import type { Result } from '../../shared/ipc/result';
import { SCRIPT_NODES } from '../editor/nodes';
import { $storyBodyToLexical } from '../editor/model/storyBody';
import { useStoryDocument } from './useStoryDocument';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

/** The archive as the hook sees it: `stories.get` answers only when the test says so. */
const archive = vi.hoisted(() => {
  type Pending = { id: string; answer: () => void };
  const state = {
    stories: new Map<string, Story>(),
    pending: [] as Pending[],
    saves: [] as Story[],
    clock: Date.parse('2026-11-28T10:00:00.000Z'),
  };
  return state;
});

vi.mock('../api/client', () => ({
  api: {
    'stories.get': ({ id }: { id: string }) =>
      new Promise<Result<Story>>((resolve) => {
        archive.pending.push({
          id,
          answer: () => resolve({ ok: true, value: structuredClone(archive.stories.get(id)!) }),
        });
      }),
    'stories.save': async ({ story }: { story: Story }) => {
      const saved = { ...story, updatedAt: new Date(++archive.clock).toISOString() };
      archive.stories.set(story.id, saved);
      archive.saves.push(saved);
      return { ok: true, value: saved } satisfies Result<Story>;
    },
  },
}));

const A = '0b7c5d9e-1111-4a57-9a4e-6f0d1c2b3a41';
const B = '0b7c5d9e-2222-4a57-9a4e-6f0d1c2b3a42';

type Doc = ReturnType<typeof useStoryDocument>;
let root: Root | null = null;
let doc: Doc;

function Probe() {
  doc = useStoryDocument(() => {});
  return null;
}

/** A real (headless) Lexical editor, loaded with the open story as the app's editor would be. */
function attachEditor(): LexicalEditor {
  const editor = createEditor({
    namespace: 'story-document-test',
    nodes: [...SCRIPT_NODES],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(() => $storyBodyToLexical(doc.story!.body), { discrete: true });
  act(() => doc.setEditor(editor));
  return editor;
}

/** Typing at the end of the script, reported to the document as the editor's listener does. */
function type(editor: LexicalEditor, text: string) {
  editor.update(
    () => {
      const last = $getRoot().getLastChild();
      if ($isElementNode(last)) last.append($createTextNode(text));
    },
    { discrete: true },
  );
  act(() => doc.changed());
}

async function answer(id: string) {
  const at = archive.pending.findIndex((p) => p.id === id);
  expect(at, `a stories.get for ${id} is waiting`).toBeGreaterThanOrEqual(0);
  const [pending] = archive.pending.splice(at, 1);
  await act(async () => pending!.answer());
}

/**
 * Starts opening a story; its fetch waits for `answer`. (Wrapped: an async function returning
 * the open's promise would wait for it.)
 */
async function startOpen(id: string): Promise<{ done: Promise<string | null> }> {
  let done!: Promise<string | null>;
  await act(async () => {
    done = doc.open(id);
  });
  return { done };
}

async function openNow(id: string) {
  const { done } = await startOpen(id);
  await answer(id);
  expect(await done).toBeNull();
}

beforeEach(() => {
  archive.stories = new Map([
    [A, makeStory({ id: A, slug: 'HARBOR BRIDGE', text: 'The bridge closes tonight.' })],
    [B, makeStory({ id: B, slug: 'FERRY STRIKE', text: 'Ferry crews walked off.' })],
  ]);
  archive.pending = [];
  archive.saves = [];
  root = createRoot(document.createElement('div'));
  act(() => root!.render(<Probe />));
});

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  vi.useRealTimers();
});

describe('opening a story', () => {
  // Clicking the story already on screen rebuilt the editor: the selection, the caret and the
  // undo history went, and keys typed meanwhile landed in an editor about to be thrown away.
  it('keeps the editor when the story on screen is opened again unchanged', async () => {
    await openNow(A);
    const key = doc.editorKey;
    const generation = doc.generation;
    attachEditor();

    await openNow(A);
    expect(doc.editorKey).toBe(key);
    // The review desk still reads the story's history again (a package may have added to it).
    expect(doc.generation).toBeGreaterThan(generation);
  });

  it('rebuilds the editor when the archive changed the story since it was loaded', async () => {
    await openNow(A);
    const key = doc.editorKey;
    attachEditor();
    archive.stories.set(A, {
      ...archive.stories.get(A)!,
      status: 'ready',
      updatedAt: '2026-11-28T09:30:00.000Z',
    });

    await openNow(A);
    expect(doc.editorKey).not.toBe(key);
    expect(doc.story?.status).toBe('ready');
  });

  // The app opens the newest story when it starts; a story picked before that answered was
  // replaced by it (the answer that came last won, not the story asked for last).
  it('shows the story asked for last, whichever answer comes last', async () => {
    const first = await startOpen(B);
    const second = await startOpen(A);
    await answer(A);
    expect(await second.done).toBeNull();
    expect(doc.story?.slug).toBe('HARBOR BRIDGE');
    const key = doc.editorKey;

    await answer(B);
    expect(await first.done).toBeNull();
    expect(doc.story?.slug).toBe('HARBOR BRIDGE');
    expect(doc.editorKey).toBe(key);
  });

  it('says whether any story was asked for, so the start-up does not override a choice', async () => {
    expect(doc.openRequested()).toBe(false);
    const pending = await startOpen(B);
    expect(doc.openRequested()).toBe(true);
    await answer(B);
    await pending.done;
  });

  // Keys typed while the next story was fetched went into the story on screen and were thrown
  // away with its editor.
  it('saves what was typed while the next story was being fetched', async () => {
    await openNow(A);
    const editor = attachEditor();
    const opening = await startOpen(B);
    type(editor, ' Typed while the ferry story loaded.');

    // The first answer is stale: the story on screen changed after it was asked for.
    await answer(B);
    await vi.waitFor(() => expect(archive.pending.map((p) => p.id)).toEqual([B]));
    expect(archive.stories.get(A)!.body).toEqual([
      {
        type: 'paragraph',
        runs: [{ text: 'The bridge closes tonight. Typed while the ferry story loaded.' }],
      },
    ]);
    await answer(B);
    expect(await opening.done).toBeNull();
    expect(doc.story?.slug).toBe('FERRY STRIKE');
  });

  it('keeps what was typed into the story on screen while it was opened again', async () => {
    await openNow(A);
    const editor = attachEditor();
    const key = doc.editorKey;
    const opening = await startOpen(A);
    type(editor, ' And more.');
    await answer(A);
    await vi.waitFor(() => expect(archive.pending.map((p) => p.id)).toEqual([A]));
    await answer(A);
    expect(await opening.done).toBeNull();
    expect(doc.editorKey).toBe(key);
    expect(doc.isDirty()).toBe(false);
    expect(archive.stories.get(A)!.body).toEqual([
      { type: 'paragraph', runs: [{ text: 'The bridge closes tonight. And more.' }] },
    ]);
  });
});
