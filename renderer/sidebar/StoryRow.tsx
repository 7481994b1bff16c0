import type { StorySummary } from '../../shared/ipc/types';
import { formatDuration } from '../../shared/story/timing';
import { STATUS_BADGES } from '../../shared/story/workflow';
import { Snippet } from './Snippet';
import './sidebar.css';

// Formatters are made once: the list draws a hundred rows after every save, and building a
// formatter per row cost more than the rows themselves.
const TIME = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });
const DAY_THIS_YEAR = new Intl.DateTimeFormat([], { month: 'short', day: 'numeric' });
const DAY = new Intl.DateTimeFormat([], { month: 'short', day: 'numeric', year: 'numeric' });

function relativeTime(iso: string): string {
  const then = new Date(iso);
  const now = new Date();
  if (then.toDateString() === now.toDateString()) return TIME.format(then);
  return (then.getFullYear() === now.getFullYear() ? DAY_THIS_YEAR : DAY).format(then);
}

/**
 * One row: a button, loaded or not, so that focus stays on it when its story arrives (another
 * element would drop the focus the keyboard just moved there).
 */
export function StoryRow({
  story,
  snippet,
  index,
  tabIndex,
  selected,
  onOpen,
}: {
  story: StorySummary | undefined;
  snippet: string | null;
  index: number;
  tabIndex: 0 | -1;
  selected: boolean;
  onOpen: (id: string) => void;
}) {
  if (!story) {
    return (
      <button
        type="button"
        className="cd-story-item cd-story-loading"
        data-index={index}
        tabIndex={tabIndex}
        aria-busy="true"
        aria-label={`Story ${index + 1}, loading`}
      >
        <span className="cd-item-top">
          <span className="cd-item-slug">…</span>
        </span>
      </button>
    );
  }
  return (
    <button
      type="button"
      className={`cd-story-item${selected ? ' cd-selected' : ''}`}
      aria-current={selected ? 'true' : undefined}
      data-index={index}
      data-testid="story-row"
      tabIndex={tabIndex}
      onClick={() => onOpen(story.id)}
    >
      <span className="cd-item-top">
        <span className="cd-item-slug">{story.slug || 'UNTITLED'}</span>
        <span className="cd-item-time">{formatDuration(story.totalSec)}</span>
      </span>
      <span className="cd-item-meta">
        <span className={`cd-badge cd-format-${story.format.replace('/', '-').toLowerCase()}`}>
          {story.format}
        </span>
        {story.status !== 'draft' && (
          <span className={`cd-badge cd-status-badge cd-status-${story.status}`}>
            {STATUS_BADGES[story.status]}
          </span>
        )}
        <span className="cd-item-date">{relativeTime(story.updatedAt)}</span>
        {story.presenter && <span className="cd-item-person">{story.presenter}</span>}
      </span>
      {snippet && <Snippet text={snippet} />}
      {story.tags.length > 0 && (
        <span className="cd-item-tags">
          {story.tags.map((t) => (
            <span key={t} className="cd-item-tag">
              #{t}
            </span>
          ))}
        </span>
      )}
    </button>
  );
}
