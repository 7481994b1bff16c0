import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LexicalEditor } from 'lexical';
import type { Story } from '../../shared/story/model';
import type { Comment, RevisionSummary } from '../../shared/ipc/types';
import type { Transition } from '../../shared/story/workflow';
import { call } from '../api/calls';
import { saveHandoff } from '../api/platform';
import {
  REMOVE_THREAD_COMMAND,
  RETURN_TO_THREAD_COMMAND,
  REVEAL_THREAD_COMMAND,
} from '../editor/comments/CommentMarksPlugin';

type Deps = {
  /** The story on screen, stored or not. */
  story: Story | null;
  /**
   * False for a new story its first save has not stored yet: it has no comments or history to
   * read, and a comment made on it saves it first.
   */
  stored: boolean;
  /** Bumped each time the story is (re)loaded, so its history is read again. */
  generation: number;
  editor: () => LexicalEditor | null;
  /** Saves the open story; false when it could not be saved. */
  save: (mode: 'explicit' | 'autosave') => Promise<boolean>;
  isDirty: () => boolean;
  reopen: (id: string) => Promise<void>;
  onArchiveChanged: () => void;
  /** A failure outside the calls to main (the package could not be written). */
  onError: (message: string) => void;
};

export type SidePanel = 'comments' | 'history' | null;

/**
 * The review desk around the open story: its comment threads, its history, and its place in the
 * workflow. Everything here goes through the service table; the editor only holds the anchors.
 */
export function useReview({
  story,
  stored,
  generation,
  editor,
  save,
  isDirty,
  reopen,
  onArchiveChanged,
  onError,
}: Deps) {
  const [comments, setComments] = useState<Comment[]>([]);
  const [threadOrder, setThreadOrder] = useState<string[]>([]);
  const [pending, setPending] = useState<{ threadId: string; quote: string } | null>(null);
  const [panel, setPanel] = useState<SidePanel>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const [lastStatusChange, setLastStatusChange] = useState<RevisionSummary | null>(null);
  /** The open story's versions, newest first: who wrote and last changed it. */
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  /** A diverging version a package brought in, and the story's own head, when they wait to be settled. */
  const [conflict, setConflict] = useState<{ theirs: RevisionSummary; mine: string | null } | null>(
    null,
  );
  const [comparePair, setComparePair] = useState<string[] | null>(null);
  const openId = story?.id ?? null;
  /** The story whose threads and history there are to read: none before the first save. */
  const storyId = stored ? openId : null;
  const updatedAt = story?.updatedAt;

  // Only the latest answer counts: another story's, arriving late, must not show on this one.
  const commentsRequest = useRef(0);
  const loadComments = useCallback(
    async (id: string | null = storyId) => {
      const request = ++commentsRequest.current;
      if (!id) return setComments([]);
      const result = await call('comments.list', { storyId: id });
      if (result.ok && request === commentsRequest.current) setComments(result.value);
    },
    [storyId],
  );

  useEffect(() => {
    setPending(null);
    // Another story's threads go at once, even if this one's cannot be read.
    setComments([]);
    setLastStatusChange(null);
    setRevisions([]);
    setConflict(null);
    // The story on screen, not its stored state: the first save keeps a thread being written.
  }, [openId]);

  useEffect(() => {
    void loadComments();
  }, [loadComments]);

  useEffect(() => {
    if (!storyId) return;
    let current = true;
    void call('stories.history', { id: storyId }).then((r) => {
      if (!r.ok || !current) return;
      setLastStatusChange(r.value.revisions.find((x) => x.kind === 'status') ?? null);
      setRevisions(r.value.revisions);
      const theirs = r.value.conflict
        ? r.value.revisions.find((x) => x.id === r.value.conflict)
        : undefined;
      setConflict(theirs ? { theirs, mine: r.value.head } : null);
    });
    setHistoryVersion((v) => v + 1);
    return () => {
      current = false;
    };
  }, [storyId, updatedAt, generation]);

  useEffect(() => {
    const open = comments.some((c) => c.storyId === storyId && c.resolvedAt === null);
    if (open && panel === null) setPanel('comments');
    // Only when a story with open threads loads, not every time a comment changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storyId, comments.length > 0]);

  const resolvedThreads = useMemo(() => {
    const open = new Set(comments.filter((c) => c.resolvedAt === null).map((c) => c.threadId));
    return new Set(comments.map((c) => c.threadId).filter((id) => !open.has(id)));
  }, [comments]);

  const startThread = useCallback((thread: { threadId: string; quote: string }) => {
    setPending(thread);
    setPanel('comments');
  }, []);

  /** The keyboard goes back to the script, the caret just after the thread's words. */
  const returnToScript = useCallback(
    (threadId: string) => {
      const current = editor();
      if (!current) return;
      current.dispatchCommand(RETURN_TO_THREAD_COMMAND, threadId);
      current.focus();
    },
    [editor],
  );

  const cancelPending = useCallback(() => {
    if (pending) {
      returnToScript(pending.threadId);
      editor()?.dispatchCommand(REMOVE_THREAD_COMMAND, pending.threadId);
    }
    setPending(null);
  }, [editor, pending, returnToScript]);

  const post = useCallback(
    async (threadId: string, body: string, quote: string): Promise<boolean> => {
      if (!openId) return false;
      // A comment on a new story made before its first autosave stores the story first; the
      // anchor is content, so that save stores it. A save that fails keeps the thread open.
      if (!stored && !(await save('explicit'))) return false;
      const result = await call('comments.add', { storyId: openId, threadId, body, quote });
      if (!result.ok) return false;
      if (pending?.threadId === threadId) {
        setPending(null);
        returnToScript(threadId);
        // The new anchor is part of the story text: keep it with an explicit save.
        await save('explicit');
      }
      await loadComments(openId);
      return true;
    },
    [openId, stored, pending, save, loadComments, returnToScript],
  );

  const resolve = useCallback(
    async (threadId: string, resolved: boolean) => {
      if (!storyId) return;
      const result = await call('comments.resolve', { storyId, threadId, resolved });
      if (!result.ok) return;
      await loadComments();
    },
    [storyId, loadComments],
  );

  const reveal = useCallback(
    (threadId: string) => editor()?.dispatchCommand(REVEAL_THREAD_COMMAND, threadId),
    [editor],
  );

  const changeStatus = useCallback(
    async (step: Transition, note: string): Promise<boolean> => {
      if (!openId) return false;
      // A new story is stored by its first save: Submit on one saves it first.
      if ((!stored || isDirty()) && !(await save('explicit'))) return false;
      const result = await call(
        'stories.setStatus',
        { id: openId, status: step.to, note },
        { showsFailure: !stored },
      );
      if (!result.ok) {
        // Still not stored: it has nothing of its own in it yet, so there is nothing to review.
        if (!stored)
          onError(
            result.error.code === 'NOT_FOUND'
              ? 'This new story is empty: write a slug or some text first, then submit it.'
              : result.error.message,
          );
        return false;
      }
      onArchiveChanged();
      await reopen(openId);
      return true;
    },
    [openId, stored, isDirty, save, reopen, onArchiveChanged, onError],
  );

  /** What was typed and not saved yet, stored (an explicit save); true when there was none. */
  const saveTyped = useCallback(async () => !isDirty() || save('explicit'), [isDirty, save]);

  const compareConflict = useCallback(() => {
    if (!conflict) return;
    setComparePair([conflict.mine, conflict.theirs.id].filter((x): x is string => x !== null));
    setPanel('history');
  }, [conflict]);

  const settleConflict = useCallback(
    async (keep: 'mine' | 'theirs') => {
      if (!storyId) return;
      if (keep === 'theirs' && isDirty() && !(await save('explicit'))) return;
      const result = await call('stories.resolveConflict', { id: storyId, keep });
      if (!result.ok) return;
      onArchiveChanged();
      await reopen(storyId);
    },
    [storyId, isDirty, save, reopen, onArchiveChanged],
  );

  const sendPackage = useCallback(async () => {
    if (!storyId) return;
    if (isDirty() && !(await save('explicit'))) return;
    const saved = await saveHandoff({ id: storyId });
    if (!saved.ok) onError(saved.error.message);
  }, [storyId, isDirty, save, onError]);

  return {
    conflict,
    comparePair,
    compareConflict,
    settleConflict,
    sendPackage,
    comments,
    threadOrder,
    setThreadOrder,
    pending,
    panel,
    setPanel,
    historyVersion,
    lastStatusChange,
    revisions,
    resolvedThreads,
    startThread,
    saveTyped,
    /** A thread could not be opened on the selection: why, for the person who asked. */
    refuseThread: onError,
    cancelPending,
    returnToScript,
    post,
    resolve,
    reveal,
    changeStatus,
  };
}
