import type { SearchPage } from '../../shared/ipc/types';
import './sidebar.css';

function quoted(words: readonly string[]): string {
  return words.map((w) => `“${w}”`).join(', ');
}

/** Below the list: why it is empty, or how much of a search it shows, and in what order. */
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
      {shown && shown.newestFirst && (
        <p className="cd-list-more" data-testid="search-order-note">
          Newest first: {quoted(shown.commonTerms)} {shown.commonTerms.length === 1 ? 'is' : 'are'}{' '}
          in most stories, so {shown.commonTerms.length === 1 ? 'it says' : 'they say'} nothing
          about which match is best. Add a rarer word to rank by relevance.
        </p>
      )}
      {shown && shown.rankedNewest !== null && (
        <p className="cd-list-more" data-testid="search-order-note">
          Ranked among the newest {shown.rankedNewest.toLocaleString()} matches
          {shown.commonTerms.length > 0 &&
            ` by the rarer words (${quoted(shown.commonTerms)} ${shown.commonTerms.length === 1 ? 'is' : 'are'} in most stories)`}
          . Add a word to reach older stories.
        </p>
      )}
      {shown &&
        shown.total > shown.items.length &&
        shown.rankedNewest === null &&
        !shown.newestFirst && (
          <p className="cd-list-more">
            Showing the best {shown.items.length}. Narrow the search to see the rest.
          </p>
        )}
    </>
  );
}
