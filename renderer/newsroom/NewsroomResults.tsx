import { useEffect, useState } from 'react';
import type { Output } from '../../shared/ipc/contract';
import { STATUS_BADGES } from '../../shared/story/workflow';
import { call } from '../api/calls';
import { Snippet } from '../sidebar/Snippet';
import './newsroom.css';

type Hit = Output<'newsroom.search'>['hits'][number];

/** Wait this long after the last key before asking the server. */
const DEBOUNCE_MS = 250;

/**
 * "Search the whole newsroom": the server's full-text search over every story, Hangul and CJK
 * included. A story not on this desk is brought from the newsroom when opened.
 */
export function NewsroomResults({
  query,
  onOpen,
}: {
  query: string;
  onOpen: (id: string, onDesk: boolean) => void;
}) {
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    if (query.trim() === '') {
      setHits([]);
      return;
    }
    let stale = false;
    const timer = setTimeout(async () => {
      const result = await call('newsroom.search', { query, limit: 50 }, { showsFailure: true });
      if (stale) return;
      setHits(result.ok ? result.value.hits : []);
      setProblem(result.ok ? '' : result.error.message);
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <div className="cd-newsroom-results" data-testid="newsroom-results">
      <div className="cd-list-count" aria-live="polite">
        {problem
          ? problem
          : hits === null
            ? 'Searching the newsroom…'
            : query.trim() === ''
              ? 'Type to search every story in the newsroom'
              : `${hits.length} ${hits.length === 1 ? 'match' : 'matches'} in the newsroom`}
      </div>
      <ul className="cd-newsroom-hits" aria-label="Newsroom search results">
        {(hits ?? []).map((hit) => (
          <li key={hit.id}>
            <button type="button" onClick={() => onOpen(hit.id, hit.onDesk)}>
              <span className="cd-newsroom-hit-head">
                <strong>{hit.slug || 'Untitled'}</strong>
                <span className={`cd-badge cd-status-badge cd-status-${hit.status}`}>
                  {STATUS_BADGES[hit.status]}
                </span>
              </span>
              <span className="cd-newsroom-hit-meta">
                {hit.format}
                {hit.reporter ? ` · ${hit.reporter}` : ''} ·{' '}
                {new Date(hit.updatedAt).toLocaleDateString()}
                {!hit.onDesk && ' · in the newsroom'}
              </span>
              <Snippet text={hit.snippet} />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
