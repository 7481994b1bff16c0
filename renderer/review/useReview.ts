import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LexicalEditor } from 'lexical';
import type { Story } from '../../shared/story/model';
import type { Comment, RevisionSummary } from '../../shared/ipc/types';
import type { Transition } from '../../shared/story/workflow';
import { call } from '../api/calls';
import { saveHandoff } from '../api/platform';
import {
  REMOVE_THREAD_COMMAND,
  REVEAL_THREAD_COMMAND,
} from '../editor/comments/CommentMarksPlugin';

type Deps = {
  story: Story | null;
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
  /** A diverging version a package brought in, and the story's own head, when they wait to be settled. */
  const [conflict, setConflict] = useState<{ theirs: RevisionSummary; mine: string | null } | null>(
    null,
  );
  const [comparePair, setComparePair] = useState<string[] | null>(null);
  const storyId = story?.id ?? null;
  const updatedAt = story?.updatedAt;

  // Only the latest answer counts: another story's, arriving late, must not show on this one.
  const commentsRequest = useRef(0);
  const loadComments = useCallback(async () => {
    const request = ++commentsRequest.current;
    if (!storyId) return setComments([]);
    const result = await call('comments.list', { storyId });
    if (result.ok && request === commentsRequest.current) setComments(result.value);
  }, [storyId]);

  useEffect(() => {
    setPending(null);
    // Another story's threads go at once, even if this one's cannot be read.
    setComments([]);
    setLastStatusChange(null);
    setConflict(null);
  }, [storyId]);

  useEffect(() => {
    void loadComments();
  }, [loadComments]);

  useEffect(() => {
    if (!storyId) return;
    let current = true;
    void call('stories.history', { id: storyId }).then((r) => {
      if (!r.ok || !current) return;
      setLastStatusChange(r.value.revisions.find((x) => x.kind === 'status') ?? null);
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

  const cancelPending = useCallback(() => {
    if (pending) editor()?.dispatchCommand(REMOVE_THREAD_COMMAND, pending.threadId);
    setPending(null);
  }, [editor, pending]);

  const post = useCallback(
    async (threadId: string, body: string, quote: string) => {
      if (!storyId) return;
      const result = await call('comments.add', { storyId, threadId, body, quote });
      if (!result.ok) return;
      if (pending?.threadId === threadId) {
        setPending(null);
        // The new anchor is part of the story text: keep it with an explicit save.
        await save('explicit');
      }
      await loadComments();
    },
    [storyId, pending, save, loadComments],
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
    async (step: Transition, note: string) => {
      if (!storyId) return;
      if (isDirty() && !(await save('explicit'))) return;
      const result = await call('stories.setStatus', { id: storyId, status: step.to, note });
      if (!result.ok) return;
      onArchiveChanged();
      await reopen(storyId);
    },
    [storyId, isDirty, save, reopen, onArchiveChanged],
  );

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
    resolvedThreads,
    startThread,
    cancelPending,
    post,
    resolve,
    reveal,
    changeStatus,
  };
}
