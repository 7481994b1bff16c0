import { memo, useMemo, useState } from 'react';
import { STORY_STATUSES, type StoryStatus } from '../../shared/story/model';
import { STATUS_LABELS } from '../../shared/story/workflow';
import { VirtualList } from './VirtualList';
import { useStoryPages, type ListFilters } from './useStoryPages';
import { useArchiveSearch } from './useArchiveSearch';
import { useSidebarCounts } from './useSidebarCounts';
import { StoryRow } from './StoryRow';
import { ListNotes } from './ListNotes';
import {
  MoreFilters,
  moreFilterCount,
  NO_MORE_FILTERS,
  type MoreFilterValues,
} from './MoreFilters';
import { RundownList } from '../rundown/RundownList';
import './sidebar.css';

type Props = {
  selectedId: string | null;
  /** Bumped by the app whenever the archive changed, so the list reloads. */
  version: number;
  onOpen: (id: string) => void;
  searchRef: React.RefObject<HTMLInputElement | null>;
  onManageTags: () => void;
  /** The shows: the open one, and what opening or starting one does. */
  rundowns: {
    selectedId: string | null;
    onOpen: (id: string) => void;
    onNew: () => void;
  };
};

const ROW_HEIGHT = 80;
const SEARCH_ROW_HEIGHT = 118;

/**
 * The archive: search box, filters and the stories, newest first or best match first. The whole
 * archive scrolls (it is fetched a page at a time and only the rows in view are drawn); a search
 * shows its best matches.
 */
export const Sidebar = memo(function Sidebar({
  selectedId,
  version,
  onOpen,
  searchRef,
  onManageTags,
  rundowns,
}: Props) {
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [view, setView] = useState<'archive' | 'queue' | 'rundowns'>('archive');
  const [status, setStatus] = useState<StoryStatus | ''>('');
  const [moreOpen, setMoreOpen] = useState(false);
  const [more, setMore] = useState<MoreFilterValues>(NO_MORE_FILTERS);
  const [sort, setSort] = useState<'relevance' | 'date'>('relevance');
  const moreCount = moreFilterCount(more);
  const { tags, queueCount } = useSidebarCounts(version);

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
  const browse = useStoryPages(filters, version);
  const { searching, results: shown } = useArchiveSearch(query, filters, sort, version);

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
      <div className="cd-tabs" role="tablist" aria-label="Archive, review queue or rundowns">
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
        <button
          type="button"
          role="tab"
          aria-selected={view === 'rundowns'}
          onClick={() => setView('rundowns')}
          data-testid="rundowns-tab"
        >
          Rundowns
        </button>
      </div>
      {view === 'rundowns' ? (
        <RundownList
          selectedId={rundowns.selectedId}
          version={version}
          onOpen={rundowns.onOpen}
          onNew={rundowns.onNew}
        />
      ) : (
        <>
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
            {moreOpen && <MoreFilters more={more} onChange={setMore} />}
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
          <ListNotes
            empty={!loading && count === 0}
            queue={view === 'queue'}
            searching={searching}
            filtered={status !== '' || tag !== ''}
            shown={shown}
          />
        </>
      )}
    </nav>
  );
});
