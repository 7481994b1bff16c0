import { useEffect, useRef, useState } from 'react';
import type { SearchHit, StoryPage, TagCount } from '../../shared/ipc/types';
import { formatDuration } from '../../shared/story/timing';
import { api } from '../api/client';
import { Snippet } from './Snippet';
import {
  STORY_FORMATS,
  STORY_STATUSES,
  type StoryFormat,
  type StoryStatus,
} from '../../shared/story/model';
import { STATUS_BADGES, STATUS_LABELS } from '../../shared/story/workflow';

type Props = {
  selectedId: string | null;
  /** Bumped by the app whenever the archive changed, so the list reloads. */
  version: number;
  onOpen: (id: string) => void;
  onError: (message: string) => void;
  searchRef: React.RefObject<HTMLInputElement | null>;
  onManageTags: () => void;
};

const LIMIT = 200;

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

/** The archive: search box, tag filter and the stories, newest first or best match first. */
export function Sidebar({ selectedId, version, onOpen, onError, searchRef, onManageTags }: Props) {
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
  const [page, setPage] = useState<StoryPage<SearchHit>>({ total: 0, items: [] });
  const [loading, setLoading] = useState(true);
  const request = useRef(0);
  const onErrorRef = useRef(onError);
  useEffect(() => {
    onErrorRef.current = onError;
  }, [onError]);

  useEffect(() => {
    void api['tags.list']({}).then((r) => {
      if (r.ok) setTags(r.value);
    });
    void api['stories.list']({ status: 'ready', limit: 1 }).then((r) => {
      if (r.ok) setQueueCount(r.value.total);
    });
  }, [version]);

  const effectiveStatus = view === 'queue' ? 'ready' : status || undefined;

  useEffect(() => {
    const id = ++request.current;
    const run = async () => {
      const result = await api['stories.search']({
        query,
        tag: tag || undefined,
        status: effectiveStatus,
        format: more.format || undefined,
        presenter: more.presenter.trim() || undefined,
        reporter: more.reporter.trim() || undefined,
        from: more.from || undefined,
        to: more.to || undefined,
        sort,
        limit: LIMIT,
      });
      if (id !== request.current) return;
      setLoading(false);
      if (result.ok) setPage(result.value);
      else onErrorRef.current(result.error.message);
    };
    const timer = setTimeout(() => void run(), query ? 120 : 0);
    return () => clearTimeout(timer);
  }, [query, tag, effectiveStatus, version, more, sort]);

  const searching = query.trim() !== '';
  const countLabel = searching
    ? `${page.total} ${page.total === 1 ? 'match' : 'matches'}`
    : `${page.total} ${page.total === 1 ? 'story' : 'stories'}${tag ? ` tagged ${tag}` : ''}`;

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
      <div className="cd-list-count" aria-live="polite">
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
      <ul className="cd-story-list" data-testid="story-list">
        {page.items.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className={`cd-story-item${s.id === selectedId ? ' cd-selected' : ''}`}
              aria-current={s.id === selectedId ? 'true' : undefined}
              onClick={() => onOpen(s.id)}
            >
              <span className="cd-item-top">
                <span className="cd-item-slug">{s.slug || 'UNTITLED'}</span>
                <span className="cd-item-time">{formatDuration(s.totalSec)}</span>
              </span>
              <span className="cd-item-meta">
                <span className={`cd-badge cd-format-${s.format.replace('/', '-').toLowerCase()}`}>
                  {s.format}
                </span>
                {s.status !== 'draft' && (
                  <span className={`cd-badge cd-status-badge cd-status-${s.status}`}>
                    {STATUS_BADGES[s.status]}
                  </span>
                )}
                <span className="cd-item-date">{relativeTime(s.updatedAt)}</span>
                {s.presenter && <span className="cd-item-person">{s.presenter}</span>}
              </span>
              {searching && s.snippet && <Snippet text={s.snippet} />}
              {s.tags.length > 0 && (
                <span className="cd-item-tags">
                  {s.tags.map((t) => (
                    <span key={t} className="cd-item-tag">
                      #{t}
                    </span>
                  ))}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {!loading && page.items.length === 0 && (
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
      {page.total > page.items.length && (
        <p className="cd-list-more">
          Showing the first {page.items.length}. Narrow the search to see the rest.
        </p>
      )}
    </nav>
  );
}
