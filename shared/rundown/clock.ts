import { formatDuration } from '../story/timing';

/**
 * Times of day in a show. A rundown counts in seconds from midnight of its air date; a show that
 * runs past midnight simply goes beyond 86,400, and is shown modulo the day.
 */
export const DAY_SEC = 24 * 3600;

/** `HH:MM:SS` in the show's time of day (past midnight wraps to 00:…). */
export function formatClock(secOfDay: number): string {
  const s = ((Math.round(secOfDay) % DAY_SEC) + DAY_SEC) % DAY_SEC;
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}`;
}

/** Reads `18:00`, `18:00:30`, `6:05` (24-hour clock); null when it is not a time of day. */
export function parseClock(input: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(input.trim());
  if (!m) return null;
  const [h, min, sec] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || min > 59 || sec > 59) return null;
  return h * 3600 + min * 60 + sec;
}

/**
 * Over/under as producers write it: `+0:25` heavy (over), `-0:40` light (under), `0:00` on time.
 */
export function formatOverUnder(sec: number): string {
  const s = Math.round(sec);
  if (s === 0) return '0:00';
  return `${s > 0 ? '+' : '-'}${formatDuration(Math.abs(s))}`;
}

/**
 * A hit typed as a time of day, placed in the show: a clock time earlier than the on-air time
 * belongs to the next day (a 23:30 show's 00:10 hit is 40 minutes in).
 */
export function hitInShow(clockSec: number, onAirSec: number): number {
  return clockSec < onAirSec ? clockSec + DAY_SEC : clockSec;
}
