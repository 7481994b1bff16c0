import type { SearchPage } from '../../shared/ipc/types';
import './sidebar.css';

/** Below the list: why it is empty, or how much of a search it shows. */
export function ListNotes({
  empty,
  queue,
  searching,
  filtered,
  shown,
}: {
  /** Loaded, and nothing to show. */
  empty: boolean;
  queue: boolean;
  searching: boolean;
  /** A status or tag filter is set. */
  filtered: boolean;
  shown: SearchPage | null;
}) {
  return (
    <>
      {empty && (
        <p className="cd-empty-list">
          {queue
            ? 'Nothing is waiting for review.'
            : searching
              ? 'Nothing in the archive matches. Try fewer words, or a word* prefix.'
              : filtered
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
    </>
  );
}
