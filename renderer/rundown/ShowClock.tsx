import { useEffect, useState } from 'react';
import { DAY_SEC, formatClock, formatOverUnder } from '../../shared/rundown/clock';
import { describeHit, type RundownView } from '../../shared/rundown/view';
import { formatDuration } from '../../shared/story/timing';

/** Seconds from now to a clock time on the air date, in the viewer's time zone. */
function secondsUntil(airDate: string, secOfDay: number, now: number): number {
  const [y, m, d] = airDate.split('-').map(Number) as [number, number, number];
  // The clock time on that day as the wall clock reads it: on a day the clocks change, midnight
  // plus so many seconds is an hour off.
  return Math.round((new Date(y, m - 1, d, 0, 0, secOfDay).getTime() - now) / 1000);
}

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * A wait in words that cannot be read as a time of day: "18 h 59 min" (h:mm:ss next to the show's
 * clock times read as "airs at 18:59:49"); m:ss, ticking, within the last hour.
 */
export function formatWait(sec: number): string {
  if (sec < 3600) return formatDuration(sec);
  const minutes = Math.floor(sec / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Until air, on air, or off: the one clock a producer looks at besides over/under. */
function AirCountdown({ airDate, view }: { airDate: string; view: RundownView }) {
  const now = useNow();
  const toAir = secondsUntil(airDate, view.onAirSec, now);
  const toOff = secondsUntil(airDate, view.offAirSec, now);
  if (toAir > DAY_SEC) {
    // Calendar days from today's midnight to the air date's (the header says which date).
    const days = Math.round((secondsUntil(airDate, 0, now) + secondsSinceMidnight(now)) / DAY_SEC);
    return (
      <span className="cd-rd-countdown">
        {days === 1 ? 'Airs tomorrow' : `Airs in ${days} days`}
      </span>
    );
  }
  if (toAir > 0)
    return (
      <span className="cd-rd-countdown" data-testid="time-to-air">
        To air <strong>{formatWait(toAir)}</strong>
      </span>
    );
  if (toOff > 0)
    return (
      <span className="cd-rd-countdown cd-rd-on-air" data-testid="time-to-air">
        On air · to off-air <strong>{formatWait(toOff)}</strong>
      </span>
    );
  return <span className="cd-rd-countdown">Off air</span>;
}

function secondsSinceMidnight(now: number): number {
  const d = new Date(now);
  return d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds();
}

/**
 * The show's clocks: on-air to off-air, where it would end, and over/under — red when heavy,
 * as producers read it — with each hard hit the rows above do not reach on time (heavy: the
 * show's own over/under cannot say it, as the hit swallows what ran over) and each block that
 * has a budget.
 */
export function ShowClock({ airDate, view }: { airDate: string; view: RundownView }) {
  const heavy = view.overUnderSec > 0;
  const state = view.overUnderSec === 0 ? 'on time' : heavy ? 'heavy' : 'light';
  return (
    <div className="cd-rd-clocks">
      <span className="cd-rd-times">
        {formatClock(view.onAirSec)} – {formatClock(view.offAirSec)}
      </span>
      <span className="cd-rd-ends">Ends {formatClock(view.endSec)}</span>
      <span
        className={`cd-rd-overunder${heavy ? ' cd-rd-heavy' : view.overUnderSec < 0 ? ' cd-rd-light' : ''}`}
        data-testid="show-over-under"
        role="status"
        aria-label={`Over/under ${formatOverUnder(view.overUnderSec)}, ${state}`}
      >
        <span className="cd-rd-ou-value">{formatOverUnder(view.overUnderSec)}</span>
        <span className="cd-rd-ou-state">{state}</span>
      </span>
      {view.hits
        .filter((h) => h.intoHitSec !== 0)
        .map((h) => {
          const heavy = h.intoHitSec > 0;
          return (
            <span
              key={h.rowId}
              className={`cd-rd-hit-miss ${heavy ? 'cd-rd-heavy' : 'cd-rd-light'}`}
              data-testid="hit-over-under"
              title={`${h.page} ${h.slug}. ${describeHit(h.hitSec, h.intoHitSec)}`}
            >
              {h.page} hit {formatClock(h.hitSec).slice(0, 5)}{' '}
              <strong>{formatOverUnder(h.intoHitSec)}</strong> {heavy ? 'heavy' : 'light'}
            </span>
          );
        })}
      {view.blocks
        .filter((b) => b.budgetSec !== null)
        .map((b) => (
          <span
            key={b.name}
            className={`cd-rd-block-budget${b.overUnderSec! > 0 ? ' cd-rd-heavy' : ''}`}
            title={`Block ${b.name}: ${formatDuration(b.totalSec)} of ${formatDuration(b.budgetSec!)}`}
          >
            {b.name} {formatOverUnder(b.overUnderSec!)}
          </span>
        ))}
      <AirCountdown airDate={airDate} view={view} />
    </div>
  );
}
