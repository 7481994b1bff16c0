import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input } from '../../shared/ipc/contract';
import type { StorySummary } from '../../shared/ipc/types';
import { call } from '../api/calls';

/** Stories per `stories.list` call: a few screens of rows. */
export const PAGE_SIZE = 100;

/** What narrows the list: the filters of `stories.list`. */
export type ListFilters = Omit<Input<'stories.list'>, 'limit' | 'offset'>;

type Loaded = { generation: number; items: StorySummary[] };

export type StoryPages = {
  /** Stories in the list; null until the first page has arrived. */
  total: number | null;
  item: (index: number) => StorySummary | undefined;
  /** Loads the pages holding rows first..last that are missing or out of date. */
  ensure: (first: number, last: number) => void;
};

/**
 * The archive list, newest first, a page at a time as it scrolls into view. When the archive
 * changes (`version`) the pages on screen are fetched again and the old rows stay until the new
 * ones arrive, so an autosave never blanks the list; other filters start from scratch.
 */
export function useStoryPages(filters: ListFilters, version: number): StoryPages {
  // One string for the filters, so a new object with the same filters changes nothing.
  const key = JSON.stringify(filters);
  const [pages, setPages] = useState<ReadonlyMap<number, Loaded>>(new Map());
  const [total, setTotal] = useState<number | null>(null);
  const pagesRef = useRef(pages);
  const generation = useRef(0);
  const inFlight = useRef(new Map<number, number>());
  const range = useRef<[number, number]>([0, PAGE_SIZE - 1]);

  const fetchPage = useCallback(
    (page: number) => {
      const gen = generation.current;
      if (inFlight.current.get(page) === gen) return;
      inFlight.current.set(page, gen);
      void call('stories.list', {
        ...(JSON.parse(key) as ListFilters),
        limit: PAGE_SIZE,
        offset: page * PAGE_SIZE,
      }).then((result) => {
        if (gen !== generation.current) return;
        inFlight.current.delete(page);
        if (!result.ok) return;
        setTotal(result.value.total);
        setPages((old) => {
          const next = new Map(old).set(page, { generation: gen, items: result.value.items });
          pagesRef.current = next;
          return next;
        });
      });
    },
    [key],
  );

  const ensure = useCallback(
    (first: number, last: number) => {
      range.current = [first, last];
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
        if (pagesRef.current.get(page)?.generation !== generation.current) fetchPage(page);
      }
    },
    [fetchPage],
  );

  const shownKey = useRef(key);
  useEffect(() => {
    generation.current++;
    inFlight.current.clear();
    if (shownKey.current !== key) {
      shownKey.current = key;
      pagesRef.current = new Map();
      setPages(pagesRef.current);
      setTotal(null);
      range.current = [0, PAGE_SIZE - 1];
    }
    ensure(...range.current);
  }, [key, version, ensure]);

  const item = useCallback(
    (index: number) => pages.get(Math.floor(index / PAGE_SIZE))?.items[index % PAGE_SIZE],
    [pages],
  );
  return { total, item, ensure };
}
