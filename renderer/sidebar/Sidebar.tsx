import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SearchPage, StorySummary, TagCount } from '../../shared/ipc/types';
import { formatDuration } from '../../shared/story/timing';
import { api } from '../api/client';
import { Snippet } from './Snippet';
import { VirtualList } from './VirtualList';
import { useStoryPages, type ListFilters } from './useStoryPages';
import {
  STORY_FORMATS,
  STORY_STATUSES,
  type StoryFormat,
  type StoryStatus,
} from '../../shared/story/model';
import { STATUS_BADGES, STATUS_LABELS } from '../../shared/story/workflow';
import './sidebar.css';

type Props = {
  selectedId: string | null;
  /** Bumped by the app whenever the archive changed, so the list reloads. */
  version: number;
  onOpen: (id: string) => void;
  onError: (message: string) => void;
  searchRef: React.RefObject<HTMLInputElement | null>;
  onManageTags: () => void;
};

/** Best matches fetched for a search: ranked results past these are rarely what anyone wants. */
const SEARCH_LIMIT = 200;
const ROW_HEIGHT = 80;
const SEARCH_ROW_HEIGHT = 118;

function relativeTime(iso: string): string {
  const then = new Date(iso);
  const now = new Date();
  if (then.toDateString() === now.toDateString())
    return then.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return then.toLocaleDateString([], {
    month: 'short',
    day: 'numeric',
    year: then.getFullYear() === now.getFullYear() ? undefined : 'numeric',
  });
}

/**
 * One row: a button, loaded or not, so that focus stays on it when its story arrives (another
 * element would drop the focus the keyboard just moved there).
 */
function StoryRow({
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

/**
 * The archive: search box, filters and the stories, newest first or best match first. The whole
 * archive scrolls (it is fetched a page at a time and only the rows in view are drawn); a search
 * shows its best matches.
 */
export const Sidebar = memo(function Sidebar({
  selectedId,
  version,
  onOpen,
  onError,
  searchRef,
  onManageTags,
}: Props) {
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [view, setView] = useState<'archive' | 'queue'>('archive');
  const [status, setStatus] = useState<StoryStatus | ''>('');
  const [queueCount, setQueueCount] = useState(0);
  const [moreOpen, setMoreOpen] = useState(false);
  const [more, setMore] = useState<{
    format: StoryFormat | '';
    presenter: string;
    reporter: string;
    from: string;
    to: string;
  }>({
    format: '',
    presenter: '',
    reporter: '',
    from: '',
    to: '',
  });
  const [sort, setSort] = useState<'relevance' | 'date'>('relevance');
  const moreCount = Object.values(more).filter(Boolean).length;
  const [tags, setTags] = useState<TagCount[]>([]);
  const [results, setResults] = useState<SearchPage | null>(null);
  const request = useRef(0);
  const onErrorRef = useRef(onError);
  useEffect(() => {
    onErrorRef.current = onError;
  }, [onError]);
  const reportError = useCallback((message: string) => onErrorRef.current(message), []);

  useEffect(() => {
    void api['tags.list']({}).then((r) => {
      if (r.ok) setTags(r.value);
    });
    void api['stories.list']({ status: 'ready', limit: 1 }).then((r) => {
      if (r.ok) setQueueCount(r.value.total);
    });
  }, [version]);

  const effectiveStatus = view === 'queue' ? 'ready' : status || undefined;
  const filters = useMemo<ListFilters>(
    () => ({
      tag: tag || undefined,
      status: effectiveStatus,
      format: more.format || undefined,
      presenter: more.presenter.trim() || undefined,
      reporter: more.reporter.trim() || undefined,
      from: more.from || undefined,
      to: more.to || undefined,
    }),
    [tag, effectiveStatus, more],
  );
  const browse = useStoryPages(filters, version, reportError);
  const searching = query.trim() !== '';

  useEffect(() => {
    const id = ++request.current;
    if (!searching) return;
    const run = async () => {
      const result = await api['stories.search']({ query, ...filters, sort, limit: SEARCH_LIMIT });
      if (id !== request.current) return;
      if (result.ok) setResults(result.value);
      else onErrorRef.current(result.error.message);
    };
    const timer = setTimeout(() => void run(), 120);
    return () => clearTimeout(timer);
  }, [query, searching, filters, version, sort]);

  const shown = searching ? results : null;
  const loading = searching ? shown === null : browse.total === null;
  const count = searching ? (shown?.items.length ?? 0) : (browse.total ?? 0);
  const total = searching ? (shown?.total ?? 0) : (browse.total ?? 0);
  const countLabel = searching
    ? `${shown?.totalEstimated ? 'about ' : ''}${total.toLocaleString()} ${total === 1 ? 'match' : 'matches'}`
    : `${total.toLocaleString()} ${total === 1 ? 'story' : 'stories'}${tag ? ` tagged ${tag}` : ''}`;

  const renderRow = (index: number, tabIndex: 0 | -1) => {
    const story = shown ? shown.items[index] : browse.item(index);
    return (
      <StoryRow
        story={story}
        snippet={shown ? (shown.items[index]?.snippet ?? null) : null}
        index={index}
        tabIndex={tabIndex}
        selected={story !== undefined && story.id === selectedId}
        onOpen={onOpen}
      />
    );
  };

  return (
    <nav className="cd-sidebar-inner" aria-label="Archive">
      <div className="cd-tabs" role="tablist" aria-label="Archive or review queue">
        <button
          type="button"
          role="tab"
          aria-selected={view === 'archive'}
          onClick={() => setView('archive')}
        >
          Archive
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={view === 'queue'}
          onClick={() => setView('queue')}
          data-testid="queue-tab"
        >
          Review queue {queueCount > 0 && <span className="cd-count">{queueCount}</span>}
        </button>
      </div>
      <div className="cd-search">
        <input
          ref={searchRef}
          type="search"
          placeholder="Search the archive"
          aria-label="Search the archive"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="archive-search"
        />
        {view === 'archive' && (
          <select
            aria-label="Filter by status"
            value={status}
            onChange={(e) => setStatus(e.target.value as StoryStatus | '')}
            data-testid="status-filter"
          >
            <option value="">Any status</option>
            {STORY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        )}
        <select
          aria-label="Filter by tag"
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          data-testid="tag-filter"
        >
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t.name} value={t.name}>
              #{t.name} ({t.count})
            </option>
          ))}
        </select>
        <div className="cd-filter-links">
          <button
            type="button"
            className="cd-link"
            aria-expanded={moreOpen}
            onClick={() => setMoreOpen((o) => !o)}
            data-testid="more-filters"
          >
            {moreOpen ? 'Fewer filters' : `More filters${moreCount ? ` (${moreCount})` : ''}`}
          </button>
          <button
            type="button"
            className="cd-link"
            onClick={onManageTags}
            data-testid="manage-tags"
          >
            Manage tags…
          </button>
        </div>
        {moreOpen && (
          <div className="cd-more-filters">
            <select
              aria-label="Filter by format"
              value={more.format}
              onChange={(e) => setMore({ ...more, format: e.target.value as StoryFormat | '' })}
            >
              <option value="">Any format</option>
              {STORY_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
            <input
              aria-label="Filter by presenter"
              placeholder="Presenter"
              value={more.presenter}
              onChange={(e) => setMore({ ...more, presenter: e.target.value })}
            />
            <input
              aria-label="Filter by reporter"
              placeholder="Reporter"
              value={more.reporter}
              onChange={(e) => setMore({ ...more, reporter: e.target.value })}
            />
            <label className="cd-date-filter">
              <span>From</span>
              <input
                type="date"
                aria-label="Changed on or after"
                value={more.from}
                onChange={(e) => setMore({ ...more, from: e.target.value })}
              />
            </label>
            <label className="cd-date-filter">
              <span>To</span>
              <input
                type="date"
                aria-label="Changed on or before"
                value={more.to}
                onChange={(e) => setMore({ ...more, to: e.target.value })}
              />
            </label>
            {moreCount > 0 && (
              <button
                type="button"
                className="cd-link"
                onClick={() =>
                  setMore({ format: '', presenter: '', reporter: '', from: '', to: '' })
                }
              >
                Clear these filters
              </button>
            )}
          </div>
        )}
      </div>
      <div className="cd-list-count" aria-live="polite" data-testid="list-count">
        <span>{loading ? 'Loading…' : countLabel}</span>
        {searching && (
          <select
            className="cd-sort"
            aria-label="Sort results"
            value={sort}
            onChange={(e) => setSort(e.target.value as 'relevance' | 'date')}
          >
            <option value="relevance">Best match</option>
            <option value="date">Newest</option>
          </select>
        )}
      </div>
      <VirtualList
        count={count}
        rowHeight={searching ? SEARCH_ROW_HEIGHT : ROW_HEIGHT}
        renderRow={renderRow}
        onRange={searching ? () => {} : browse.ensure}
        resetKey={`${searching ? query : ''}\u0000${JSON.stringify(filters)}\u0000${sort}`}
        label={searching ? 'Search results' : 'Stories'}
        testId="story-list"
      />
      {!loading && count === 0 && (
        <p className="cd-empty-list">
          {view === 'queue'
            ? 'Nothing is waiting for review.'
            : searching
              ? 'Nothing in the archive matches. Try fewer words, or a word* prefix.'
              : status || tag
                ? 'No story matches these filters.'
                : 'No stories yet. Create one or import a script.'}
        </p>
      )}
      {shown && shown.rankedNewest !== null && (
        <p className="cd-list-more">
          Ranked among the newest {shown.rankedNewest.toLocaleString()} matches. Add a word to reach
          older stories.
        </p>
      )}
      {shown && shown.total > shown.items.length && shown.rankedNewest === null && (
        <p className="cd-list-more">
          Showing the best {shown.items.length}. Narrow the search to see the rest.
        </p>
      )}
    </nav>
  );
});
