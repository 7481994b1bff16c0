import { useCallback, useEffect, useRef, useState } from 'react';
import { createValueStore } from './valueStore';
import type { LexicalEditor } from 'lexical';
import type { Story } from '../../shared/story/model';
import { asClause } from '../../shared/ipc/inputMessages';
import { call } from '../api/calls';
import { $lexicalToStoryBody } from '../editor/model/storyBody';
import type { MetadataPatch } from '../metadata/MetadataBar';
import { sameApartFromComments, storyHasContent } from '../../shared/story/content';

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  /** A new story with nothing of its own in it yet: not stored, and nothing to lose. */
  | { kind: 'empty' }
  | { kind: 'error'; message: string };

/** Autosave shortly after typing pauses, and at least once a second while it does not. */
const AUTOSAVE_IDLE_MS = 700;
const AUTOSAVE_MAX_WAIT_MS = 1000;

/**
 * Asked when a story waiting in review is about to be saved with changed text or details:
 * withdrawn to Draft (the story as it now is), kept in review (the edit is then taken back), or
 * the withdrawal failed (the change stays on screen, unsaved, and why; `story` is the story as
 * the archive now has it, when it could be read: another desk may have approved it meanwhile).
 */
export type InReviewAnswer =
  | { kind: 'withdrawn'; story: Story }
  | { kind: 'kept' }
  | { kind: 'failed'; message: string; story: Story | null };
export type EditInReview = (story: Story) => Promise<InReviewAnswer>;

/**
 * The open story: its metadata here, its body in the editor. Every change bumps a revision;
 * a save records which revision it wrote, so typing during a save is never marked saved.
 * A failed save keeps everything in the editor and says why.
 */
export function useStoryDocument(onSaved: (story: Story) => void, onEditInReview?: EditInReview) {
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
  /**
   * A new story not stored yet, and the template it started from: it is stored by the first
   * save that finds content in it, and an empty one is never stored.
   */
  const draftTemplate = useRef<Story['body'] | null>(null);
  const [stored, setStored] = useState(true);
  const onSavedRef = useRef(onSaved);
  const onEditInReviewRef = useRef(onEditInReview);
  useEffect(() => {
    onSavedRef.current = onSaved;
    onEditInReviewRef.current = onEditInReview;
  }, [onSaved, onEditInReview]);
  const discardRef = useRef<((id: string) => Promise<string | null>) | null>(null);
  /** The story as last loaded or saved: what a story in review may differ from only in comments. */
  const savedStory = useRef<Story | null>(null);

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
      const isNew = draftTemplate.current !== null;
      if (isNew && !storyHasContent({ ...current, body }, draftTemplate.current!)) {
        // Nothing of the person's own yet: nothing to store, and nothing lost.
        savedRevision.current = rev;
        setSaveState({ kind: 'empty' });
        return true;
      }
      setSaveState({ kind: 'saving' });
      const attempt = (async () => {
        let base = current;
        const inReview =
          base.status === 'ready' &&
          savedStory.current?.id === base.id &&
          !sameApartFromComments(savedStory.current, { ...base, body });
        if (inReview) {
          const answer = (await onEditInReviewRef.current?.(base)) ?? { kind: 'kept' };
          if (answer.kind === 'failed') {
            // Not taken out of review (another desk approved it first, the archive is away):
            // the text stays on screen, unsaved, and the save banner says why. The story takes
            // the status the archive now gives it, so the next save meets the archive's own
            // answer (an approved story is locked) instead of asking the same question again.
            if (answer.story && storyRef.current?.id === answer.story.id) {
              storyRef.current = {
                ...storyRef.current,
                status: answer.story.status,
                updatedAt: answer.story.updatedAt,
              };
              setStory(storyRef.current);
            }
            setSaveState({
              kind: 'error',
              message: `It was not taken out of review: ${asClause(answer.message)}.`,
            });
            return false;
          }
          if (answer.kind === 'kept') {
            // Kept in review: the edit is taken back, once this attempt is over.
            const id = base.id;
            setTimeout(() => void discardRef.current?.(id), 0);
            return false;
          }
          const withdrawn = answer.story;
          base = {
            ...(storyRef.current ?? base),
            status: withdrawn.status,
            updatedAt: withdrawn.updatedAt,
          };
          storyRef.current = base;
          setStory(base);
        }
        // A failure is shown by the save banner; the call logs it.
        const result = await call(
          'stories.save',
          { story: { ...base, body }, baseUpdatedAt: base.updatedAt, mode, isNew },
          { showsFailure: true },
        );
        if (!result.ok) {
          setSaveState({ kind: 'error', message: result.error.message });
          return false;
        }
        savedRevision.current = rev;
        savedStory.current = result.value;
        if (isNew && storyRef.current?.id === result.value.id) {
          draftTemplate.current = null;
          setStored(true);
        }
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

  /** Counts requests to open (or close) a story: only the latest one may change what is shown. */
  const openRequest = useRef(0);
  const [editorLoad, setEditorLoad] = useState(0);

  /** Fills the editor with a story as the archive holds it: nothing unsaved, nothing new. */
  const showStored = useCallback(
    (stored: Story) => {
      revision.current = 0;
      savedRevision.current = 0;
      draftTemplate.current = null;
      setStored(true);
      savedStory.current = stored;
      replaceStory(stored);
      setGeneration((g) => g + 1);
      setEditorLoad((n) => n + 1);
      setSaveState({ kind: 'saved', at: stored.updatedAt });
    },
    [replaceStory, setSaveState],
  );

  const open = useCallback(
    async (id: string): Promise<string | null> => {
      const request = ++openRequest.current;
      let result: Awaited<ReturnType<typeof call<'stories.get'>>>;
      let asked: number;
      do {
        if (!(await save('autosave')))
          return 'The current story could not be saved, so it stays open. Fix the problem shown below first.';
        asked = revision.current;
        result = await call('stories.get', { id }, { showsFailure: true });
        if (request !== openRequest.current) return null;
        // Typed into the story on screen while this was fetched: save that too, and (if it is
        // this story) fetch what was just saved.
      } while (revision.current !== asked);
      if (!result.ok) return result.error.message;
      const shown = storyRef.current;
      if (shown?.id === id && shown.updatedAt === result.value.updatedAt) {
        // The editor already holds this very version: keep it, and with it the selection, the
        // caret and the undo history. Rebuilding it here lost whatever the next keys did.
        setGeneration((g) => g + 1);
        return null;
      }
      showStored(result.value);
      return null;
    },
    [showStored, save],
  );

  /** Shows the story as the archive holds it, whatever the editor holds now (an edit taken back). */
  const discardAndReload = useCallback(
    async (id: string): Promise<string | null> => {
      const result = await call('stories.get', { id }, { showsFailure: true });
      if (!result.ok) return result.error.message;
      showStored(result.value);
      return null;
    },
    [showStored],
  );
  useEffect(() => {
    discardRef.current = discardAndReload;
  }, [discardAndReload]);

  /** Shows a new story from `stories.draft`, stored once it has content (see `save`). */
  const openDraft = useCallback(
    async (draft: Story): Promise<string | null> => {
      const request = ++openRequest.current;
      if (!(await save('autosave')))
        return 'The current story could not be saved, so it stays open. Fix the problem shown below first.';
      if (request !== openRequest.current) return null;
      revision.current = 0;
      savedRevision.current = 0;
      draftTemplate.current = draft.body;
      setStored(false);
      replaceStory(draft);
      setGeneration((g) => g + 1);
      setEditorLoad((n) => n + 1);
      setSaveState({ kind: 'empty' });
      return null;
    },
    [replaceStory, save, setSaveState],
  );

  /** Whether anyone has asked for a story yet: the start-up's pick must not override a choice. */
  const openRequested = useCallback(() => openRequest.current > 0, []);

  const close = useCallback(() => {
    openRequest.current++;
    revision.current = 0;
    savedRevision.current = 0;
    draftTemplate.current = null;
    setStored(true);
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
    /** Key for the editor: changes only when it must be filled again from the archive. */
    editorKey: story ? `${story.id}:${editorLoad}` : '',
    openRequested,
    /** False while the open story is a new one with nothing in it yet (not in the archive). */
    stored,
    openDraft,
    discardAndReload,
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
