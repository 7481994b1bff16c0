import { useEffect, useRef, useState } from 'react';
import type { RundownSummary } from '../../shared/rundown/history';
import { formatClock } from '../../shared/rundown/clock';
import { formatDuration } from '../../shared/story/timing';
import { call } from '../api/calls';
import { onArchiveEvent } from '../api/archiveEvents';
import { daysBefore, today } from './days';
import { whenPaused } from '../common/whenPaused';

/** The list starts this many days back: the past week's shows, and every show ahead. */
export const RECENT_DAYS = 7;
/** Each "Earlier shows" reaches this many days further back. */
export const EARLIER_DAYS = 30;

/**
 * How long the list waits after a show changed before it reads the shows again: a producer
 * moving rows changes the show several times a second, and the list shows none of what a move
 * changes. Read once the changes pause (or at the latest after LIST_RELOAD_MAX_WAIT_MS).
 */
export const LIST_RELOAD_PAUSE_MS = 400;
export const LIST_RELOAD_MAX_WAIT_MS = 2000;

/** True when two lists show the same (a summary's `updatedAt` is not shown). */
function sameList(a: RundownSummary[] | null, b: RundownSummary[]): boolean {
  return (
    a !== null &&
    a.length === b.length &&
    a.every((r, i) => {
      const o = b[i]!;
      return (
        r.id === o.id &&
        r.title === o.title &&
        r.airDate === o.airDate &&
        r.onAirSec === o.onAirSec &&
        r.lengthSec === o.lengthSec &&
        r.rowCount === o.rowCount
      );
    })
  );
}

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

/** A day's heading in the list: today and tomorrow say so, where a producer looks first. */
function listHeading(airDate: string, now: string): string {
  const day = dayHeading(airDate);
  if (airDate === now) return `Today · ${day}`;
  if (daysBefore(airDate, 1) === now) return `Tomorrow · ${day}`;
  if (daysBefore(now, 1) === airDate) return `Yesterday · ${day}`;
  return day;
}

/**
 * The shows, by air date (latest first) and on-air time, with a button for a new one: the past
 * week's and every one ahead, and further back a month at a time. (A year of five shows a day
 * is nearly two thousand; the list held them all, and read them all again after every change.)
 */
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
  const [day, setDay] = useState(today);
  const [from, setFrom] = useState(() => daysBefore(day, RECENT_DAYS));
  // A desk is left open for days: at midnight "Today" moves on, and so does the week shown
  // (unless someone reached further back).
  useEffect(() => {
    const now = new Date();
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    const timer = setTimeout(() => {
      const next = today();
      setFrom((f) => (f === daysBefore(day, RECENT_DAYS) ? daysBefore(next, RECENT_DAYS) : f));
      setDay(next);
    }, midnight.getTime() - now.getTime());
    return () => clearTimeout(timer);
  }, [day]);
  const [changed, setChanged] = useState(0);
  const shown = useRef(rundowns);
  shown.current = rundowns;

  useEffect(() => {
    const reload = whenPaused(LIST_RELOAD_PAUSE_MS, LIST_RELOAD_MAX_WAIT_MS, () =>
      setChanged((n) => n + 1),
    );
    const stop = onArchiveEvent((e) => e.type === 'rundown' && reload.poke());
    return () => {
      stop();
      reload.stop();
    };
  }, []);
  /** The latest show before the list's first day; null when there is none. */
  const [older, setOlder] = useState<RundownSummary | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void call('rundowns.list', { from }).then((r) => {
      // An answer that shows nothing new draws nothing.
      if (current && r.ok && !sameList(shown.current, r.value)) setRundowns(r.value);
    });
    void call('rundowns.list', { to: daysBefore(from, 1), limit: 1 }).then((r) => {
      if (!current || !r.ok) return;
      const next = r.value[0] ?? null;
      // The same show as before keeps its object: the list is not drawn again for it.
      setOlder((o) => (o !== undefined && o?.id === next?.id ? o : next));
    });
    return () => {
      current = false;
    };
  }, [version, changed, from]);
  // A month further back, and at least as far as the next show: never a press that adds nothing.
  const earlier = () =>
    setFrom((day) => {
      const month = daysBefore(day, EARLIER_DAYS);
      return older && older.airDate < month ? older.airDate : month;
    });

  const days = new Map<string, RundownSummary[]>();
  for (const r of rundowns ?? []) days.set(r.airDate, [...(days.get(r.airDate) ?? []), r]);

  return (
    <div className="cd-rundown-list" data-testid="rundown-list">
      <div className="cd-rundown-list-actions">
        <button type="button" className="cd-button cd-button-primary" onClick={onNew}>
          New rundown…
        </button>
      </div>
      {rundowns?.length === 0 && older !== undefined && (
        <p className="cd-rundown-list-none">
          {older ? `No shows since ${dayHeading(from)}.` : 'No shows yet.'} A rundown is a show’s
          running order: its stories, breaks and items, timed to the second.
        </p>
      )}
      {[...days].map(([airDate, shows]) => (
        <section key={airDate} aria-label={listHeading(airDate, day)}>
          <h3 className="cd-list-heading">{listHeading(airDate, day)}</h3>
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
      {older && (
        <div className="cd-rundown-list-earlier">
          <span>Since {dayHeading(from)}</span>
          <button type="button" className="cd-button" onClick={earlier}>
            Earlier shows
          </button>
        </div>
      )}
      {older === null && rundowns !== null && rundowns.length > 0 && (
        <p className="cd-rundown-list-earlier">No earlier shows.</p>
      )}
    </div>
  );
}
