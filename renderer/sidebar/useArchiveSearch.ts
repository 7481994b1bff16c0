import { useEffect, useRef, useState } from 'react';
import type { SearchPage } from '../../shared/ipc/types';
import { call } from '../api/calls';
import type { ListFilters } from './useStoryPages';

/** Best matches fetched for a search: ranked results past these are rarely what anyone wants. */
const SEARCH_LIMIT = 200;
/** Typing pauses this long before the archive is searched. */
const SEARCH_DELAY_MS = 120;

/**
 * The archive searched for what is typed, with the filters, best match or newest first. Only the
 * latest search's answer is kept; null while it is on its way.
 */
export function useArchiveSearch(
  query: string,
  filters: ListFilters,
  sort: 'relevance' | 'date',
  version: number,
) {
  const [results, setResults] = useState<SearchPage | null>(null);
  const request = useRef(0);
  const searching = query.trim() !== '';

  useEffect(() => {
    const id = ++request.current;
    if (!searching) return;
    const run = async () => {
      const result = await call('stories.search', { query, ...filters, sort, limit: SEARCH_LIMIT });
      if (id !== request.current) return;
      if (result.ok) setResults(result.value);
    };
    const timer = setTimeout(() => void run(), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, searching, filters, version, sort]);

  return { searching, results: searching ? results : null };
}
