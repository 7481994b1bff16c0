import { useMemo, useState } from 'react';
import type { Comment } from '../../shared/ipc/types';
import { isRepeatClick } from '../common/repeatClick';
import { useInFlight } from '../common/useInFlight';
import './review.css';

type Thread = { threadId: string; comments: Comment[]; resolved: boolean; quote: string };

type Props = {
  comments: readonly Comment[];
  /** Thread ids in the order their marks appear in the script. */
  order: readonly string[];
  /** A thread just opened on the selection, waiting for its first comment. */
  pending: { threadId: string; quote: string } | null;
  canComment: boolean;
  /** Resolves true once the comment is stored; the box keeps what was typed until then. */
  onPost: (threadId: string, body: string, quote: string) => Promise<boolean>;
  onCancelPending: () => void;
  /** Escape in a reply box: back to the script, just after the thread's words. */
  onReturnToScript: (threadId: string) => void;
  onResolve: (threadId: string, resolved: boolean) => void;
  onReveal: (threadId: string) => void;
  onClose: () => void;
};

function Composer({
  placeholder,
  action,
  autoFocus,
  onSubmit,
  onCancel,
  onEscape,
}: {
  placeholder: string;
  action: string;
  autoFocus?: boolean;
  /** Resolves true once it is stored: only then is the box emptied. */
  onSubmit: (body: string) => Promise<boolean>;
  onCancel?: () => void;
  /** Escape without cancelling (a reply box keeps what was typed). */
  onEscape?: () => void;
}) {
  const [body, setBody] = useState('');
  const { busy: posting, run } = useInFlight();
  // A comment that could not be stored (the story's first save failed, the archive is away)
  // stays in the box to be sent again; one that is stored leaves it, unless more was typed.
  // While one is on its way, sending again does nothing: it would be stored twice.
  const submit = async () => {
    const text = body.trim();
    if (text && (await run(() => onSubmit(text))))
      setBody((now) => (now.trim() === text ? '' : now));
  };
  return (
    <form
      className="cd-composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <textarea
        rows={2}
        value={body}
        placeholder={placeholder}
        aria-label={placeholder}
        autoFocus={autoFocus}
        maxLength={4000}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            (onCancel ?? onEscape)?.();
          }
        }}
      />
      <div className="cd-composer-actions">
        {onCancel && (
          <button type="button" className="cd-button cd-button-quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button
          type="submit"
          className="cd-button cd-button-primary"
          disabled={!body.trim()}
          aria-disabled={posting || undefined}
        >
          {action}
        </button>
      </div>
    </form>
  );
}

/** Comments in the margin: one card per thread, in script order, open threads first. */
export function CommentsPanel({
  comments,
  order,
  pending,
  canComment,
  onPost,
  onCancelPending,
  onReturnToScript,
  onResolve,
  onReveal,
  onClose,
}: Props) {
  const [showResolved, setShowResolved] = useState(false);
  const threads = useMemo(() => {
    const byThread = new Map<string, Comment[]>();
    for (const c of comments) byThread.set(c.threadId, [...(byThread.get(c.threadId) ?? []), c]);
    const position = (id: string) => {
      const i = order.indexOf(id);
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    return [...byThread.entries()]
      .map(([threadId, list]): Thread => ({
        threadId,
        comments: list,
        resolved: list.every((c) => c.resolvedAt !== null),
        quote: list[0]!.quote,
      }))
      .sort(
        (a, b) =>
          Number(a.resolved) - Number(b.resolved) || position(a.threadId) - position(b.threadId),
      );
  }, [comments, order]);
  const open = threads.filter((t) => !t.resolved);
  const shown = showResolved ? threads : open;

  return (
    <aside className="cd-side-panel" aria-label="Comments" data-testid="comments-panel">
      <header className="cd-side-head">
        <h2>Comments {open.length > 0 && <span className="cd-count">{open.length}</span>}</h2>
        <button
          type="button"
          className="cd-icon-button"
          aria-label="Close comments"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {pending && (
        <article className="cd-thread cd-thread-new" data-testid="new-thread">
          <blockquote>{pending.quote}</blockquote>
          <Composer
            key={pending.threadId}
            placeholder="Your comment"
            action="Comment"
            autoFocus
            onSubmit={(body) => onPost(pending.threadId, body, pending.quote)}
            onCancel={onCancelPending}
          />
        </article>
      )}
      {shown.length === 0 && !pending && (
        <p className="cd-side-note">
          {canComment
            ? 'Select words in the script and press Comment (Ctrl+Alt+M).'
            : 'No comments.'}
        </p>
      )}
      {shown.map((thread) => (
        <article
          key={thread.threadId}
          className={`cd-thread${thread.resolved ? ' cd-thread-resolved' : ''}`}
          data-testid="thread"
        >
          <button
            type="button"
            className="cd-quote"
            onClick={() => onReveal(thread.threadId)}
            title="Show in the script"
          >
            “{thread.quote}”
          </button>
          {thread.comments.map((c) => (
            <div key={c.id} className="cd-comment">
              <div className="cd-comment-head">
                <strong>{c.author}</strong>
                <time dateTime={c.at}>
                  {new Date(c.at).toLocaleString([], {
                    month: 'short',
                    day: 'numeric',
                    hour: '2-digit',
                    minute: '2-digit',
                  })}
                </time>
              </div>
              <p>{c.body}</p>
            </div>
          ))}
          {!thread.resolved && (
            <Composer
              placeholder="Reply"
              action="Reply"
              onSubmit={(body) => onPost(thread.threadId, body, thread.quote)}
              onEscape={() => onReturnToScript(thread.threadId)}
            />
          )}
          <button
            type="button"
            className="cd-button cd-button-quiet cd-resolve"
            // The next thread's Resolve moves up under the pointer as this one closes.
            onClick={(e) => !isRepeatClick(e) && onResolve(thread.threadId, !thread.resolved)}
          >
            {thread.resolved ? 'Reopen thread' : 'Resolve'}
          </button>
        </article>
      ))}
      {threads.length > open.length && (
        <button
          type="button"
          className="cd-button cd-button-quiet"
          onClick={() => setShowResolved((s) => !s)}
        >
          {showResolved ? 'Hide resolved' : `Show ${threads.length - open.length} resolved`}
        </button>
      )}
    </aside>
  );
}
