import { useCallback, useEffect, useRef, useState } from 'react';
import { createValueStore } from './valueStore';
import type { LexicalEditor } from 'lexical';
import type { Story } from '../../shared/story/model';
import { call } from '../api/calls';
import { $lexicalToStoryBody } from '../editor/model/storyBody';
import type { MetadataPatch } from '../metadata/MetadataBar';

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string };

/** Autosave shortly after typing pauses, and at least once a second while it does not. */
const AUTOSAVE_IDLE_MS = 700;
const AUTOSAVE_MAX_WAIT_MS = 1000;

/**
 * The open story: its metadata here, its body in the editor. Every change bumps a revision;
 * a save records which revision it wrote, so typing during a save is never marked saved.
 * A failed save keeps everything in the editor and says why.
 */
export function useStoryDocument(onSaved: (story: Story) => void) {
  const [story, setStory] = useState<Story | null>(null);
  // Held outside React state: it changes around every autosave, and only the status bar shows it.
  const [saveState] = useState(() => createValueStore<SaveState>({ kind: 'saved', at: '' }));
  const setSaveState = useCallback(
    (next: SaveState | ((s: SaveState) => SaveState)) =>
      saveState.set(typeof next === 'function' ? next(saveState.get()) : next),
    [saveState],
  );
  const storyRef = useRef<Story | null>(null);
  const editorRef = useRef<LexicalEditor | null>(null);
  const revision = useRef(0);
  const savedRevision = useRef(0);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const firstUnsavedAt = useRef<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  const replaceStory = useCallback((next: Story | null) => {
    storyRef.current = next;
    setStory(next);
  }, []);

  const save = useCallback(
    async (mode: 'explicit' | 'autosave' = 'explicit'): Promise<boolean> => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      firstUnsavedAt.current = null;
      while (inFlight.current) await inFlight.current;
      const current = storyRef.current;
      const editor = editorRef.current;
      if (!current || !editor || revision.current === savedRevision.current) return true;
      const rev = revision.current;
      const body = editor.getEditorState().read($lexicalToStoryBody);
      setSaveState({ kind: 'saving' });
      const attempt = (async () => {
        // A failure is shown by the save banner; the call logs it.
        const result = await call(
          'stories.save',
          { story: { ...current, body }, baseUpdatedAt: current.updatedAt, mode },
          { showsFailure: true },
        );
        if (!result.ok) {
          setSaveState({ kind: 'error', message: result.error.message });
          return false;
        }
        savedRevision.current = rev;
        const latest = storyRef.current;
        if (latest && latest.id === result.value.id) {
          storyRef.current = {
            ...latest,
            updatedAt: result.value.updatedAt,
            createdAt: result.value.createdAt,
          };
          setStory(storyRef.current);
        }
        setSaveState(
          rev === revision.current
            ? { kind: 'saved', at: result.value.updatedAt }
            : { kind: 'dirty' },
        );
        onSavedRef.current(result.value);
        return true;
      })();
      inFlight.current = attempt;
      try {
        return await attempt;
      } finally {
        inFlight.current = null;
      }
    },
    [setSaveState],
  );

  const changed = useCallback(() => {
    revision.current++;
    // The same state object when already dirty: a new one re-rendered the window per keystroke.
    setSaveState((s) => (s.kind === 'dirty' ? s : { kind: 'dirty' }));
    const now = Date.now();
    firstUnsavedAt.current ??= now;
    if (timer.current) clearTimeout(timer.current);
    const wait = Math.min(
      AUTOSAVE_IDLE_MS,
      Math.max(0, AUTOSAVE_MAX_WAIT_MS - (now - firstUnsavedAt.current)),
    );
    timer.current = setTimeout(() => void save('autosave'), wait);
  }, [save, setSaveState]);

  const updateMeta = useCallback(
    (patch: MetadataPatch) => {
      const current = storyRef.current;
      if (!current) return;
      replaceStory({ ...current, ...patch });
      changed();
    },
    [changed, replaceStory],
  );

  const open = useCallback(
    async (id: string): Promise<string | null> => {
      let result;
      let typed: number;
      // Typing while the other story is on its way belongs to this one: save it and fetch again
      // (reopening the same story, the fetched copy would be older than the save).
      do {
        if (!(await save('autosave')))
          return 'The current story could not be saved, so it stays open. Fix the problem shown below first.';
        typed = revision.current;
        result = await call('stories.get', { id }, { showsFailure: true });
        if (!result.ok) return result.error.message;
      } while (revision.current !== typed);
      revision.current = 0;
      savedRevision.current = 0;
      replaceStory(result.value);
      setGeneration((g) => g + 1);
      setSaveState({ kind: 'saved', at: result.value.updatedAt });
      return null;
    },
    [replaceStory, save, setSaveState],
  );

  const close = useCallback(() => {
    revision.current = 0;
    savedRevision.current = 0;
    replaceStory(null);
  }, [replaceStory]);

  const setEditor = useCallback((editor: LexicalEditor | null) => {
    editorRef.current = editor;
  }, []);

  const isDirty = useCallback(() => revision.current !== savedRevision.current, []);

  /** The body as it is in the editor right now, saved or not. */
  const editorBody = useCallback(
    () => editorRef.current?.getEditorState().read($lexicalToStoryBody) ?? null,
    [],
  );

  const editor = useCallback(() => editorRef.current, []);

  return {
    story,
    generation,
    editor,
    saveState,
    open,
    close,
    save,
    changed,
    updateMeta,
    setEditor,
    isDirty,
    editorBody,
  };
}
