import { useEffect, useState } from 'react';
import type { RundownSummary } from '../../shared/rundown/history';
import { formatClock } from '../../shared/rundown/clock';
import { formatDuration } from '../../shared/story/timing';
import { call } from '../api/calls';
import { onArchiveEvent } from '../api/archiveEvents';

// One formatter for every heading: building one per call costs more than the list itself.
const DAY = new Intl.DateTimeFormat([], {
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  year: 'numeric',
});

function dayHeading(airDate: string): string {
  return DAY.format(new Date(`${airDate}T12:00:00`));
}

/** The shows, by air date (latest first) and on-air time, with a button for a new one. */
export function RundownList({
  selectedId,
  version,
  onOpen,
  onNew,
}: {
  selectedId: string | null;
  /** Bumped when rundowns were created or deleted, so the list reloads. */
  version: number;
  onOpen: (id: string) => void;
  onNew: () => void;
}) {
  const [rundowns, setRundowns] = useState<RundownSummary[] | null>(null);
  const [changed, setChanged] = useState(0);

  useEffect(() => onArchiveEvent((e) => e.type === 'rundown' && setChanged((n) => n + 1)), []);
  useEffect(() => {
    void call('rundowns.list', {}).then((r) => r.ok && setRundowns(r.value));
  }, [version, changed]);

  const days = new Map<string, RundownSummary[]>();
  for (const r of rundowns ?? []) days.set(r.airDate, [...(days.get(r.airDate) ?? []), r]);

  return (
    <div className="cd-rundown-list" data-testid="rundown-list">
      <div className="cd-rundown-list-actions">
        <button type="button" className="cd-button cd-button-primary" onClick={onNew}>
          New rundown…
        </button>
      </div>
      {rundowns?.length === 0 && (
        <p className="cd-rundown-list-none">
          No shows yet. A rundown is a show’s running order: its stories, breaks and items, timed to
          the second.
        </p>
      )}
      {[...days].map(([day, shows]) => (
        <section key={day} aria-label={dayHeading(day)}>
          <h3 className="cd-list-heading">{dayHeading(day)}</h3>
          <ul>
            {shows.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  className={`cd-rundown-list-item${r.id === selectedId ? ' cd-selected' : ''}`}
                  aria-current={r.id === selectedId ? 'true' : undefined}
                  onClick={() => onOpen(r.id)}
                >
                  <span className="cd-item-top">
                    <span className="cd-item-slug">{r.title}</span>
                    <span className="cd-item-time">{formatClock(r.onAirSec).slice(0, 5)}</span>
                  </span>
                  <span className="cd-item-meta">
                    {formatDuration(r.lengthSec)} show · {r.rowCount}{' '}
                    {r.rowCount === 1 ? 'row' : 'rows'}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
