import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../shared/ipc/types';
import { formatDuration } from '../../shared/story/timing';
import { call } from '../api/calls';
import { Dialog } from '../common/Dialog';
import { useInFlight } from '../common/useInFlight';

/**
 * Finds a story in the archive and puts it in the rundown: type to search (the newest stories
 * show before anything is typed), arrows to pick, Enter to add. The dialog stays open so a
 * producer can add several in a row.
 */
export function AddStoryDialog({
  onAdd,
  onClose,
}: {
  /** Resolves true once the story is in the rundown. */
  onAdd: (story: { id: string; slug: string }) => Promise<boolean>;
  onClose: () => void;
}) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [added, setAdded] = useState<string[]>([]);
  const asked = useRef(0);

  useEffect(() => {
    const n = ++asked.current;
    const timer = setTimeout(async () => {
      const result = await call('stories.search', {
        query,
        sort: query ? 'relevance' : 'date',
        limit: 30,
      });
      if (n !== asked.current) return;
      if (!result.ok) return;
      setHits(result.value.items);
      setActive(0);
    }, 120);
    return () => clearTimeout(timer);
  }, [query]);

  // One at a time, marked once it is in, and not again from this dialog: Enter pressed twice
  // added the story twice, and a story the rundown refused was marked as added. A story the show
  // needs twice (a tease and the story) is added again by opening the dialog again.
  const { run } = useInFlight();
  const add = async (hit: SearchHit | undefined) => {
    if (!hit || added.includes(hit.id)) return;
    if (await run(() => onAdd({ id: hit.id, slug: hit.slug }))) setAdded((a) => [...a, hit.id]);
  };

  return (
    <Dialog title="Add a story to the rundown" onClose={onClose} testId="add-story-dialog">
      <input
        className="cd-rd-search"
        type="search"
        aria-label="Find a story to add"
        placeholder="Search the archive"
        data-autofocus
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            void add(hits[active]);
          }
        }}
      />
      <ul className="cd-rd-picker" role="listbox" aria-label="Stories">
        {hits.map((hit, i) => (
          <li
            key={hit.id}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'cd-rd-picker-active' : undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => void add(hit)}
          >
            <span className="cd-rd-picker-slug">{hit.slug || 'UNTITLED'}</span>
            <span className={`cd-badge cd-format-${hit.format.replace('/', '-').toLowerCase()}`}>
              {hit.format}
            </span>
            <span className="cd-rd-picker-time">{formatDuration(hit.totalSec)}</span>
            {added.includes(hit.id) && <span className="cd-rd-picker-added">Added</span>}
          </li>
        ))}
        {hits.length === 0 && <li className="cd-rd-picker-none">No story matches.</li>}
      </ul>
      <p className="cd-dialog-note">
        Enter adds the highlighted story below the selected row; Escape empties the search, then
        closes.
      </p>
    </Dialog>
  );
}
