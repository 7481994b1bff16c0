/**
 * A show's clocks, from its rows' lengths. Pure arithmetic on seconds; the rundown screen, the
 * CLI, the exports and the prompter all read these numbers, so they are computed in one place.
 *
 * For row i, d_i is 0 when the row is floated, else its actual length when entered, else its
 * estimate. Then:
 * - cume_i is the sum of d_j over the rows above it;
 * - front_i is when it starts: on-air for the first row, front_{i-1} + d_{i-1} after that, or its
 *   hard hit H when it has one, whatever came before;
 * - back_i is the latest it can start and still reach the next hard hit below it (or off-air
 *   when none follows) on time: that hit's time minus the lengths from row i down to it;
 * - over/under is the front after the last row minus off-air: positive is heavy (over);
 * - into a hit is, for a row with a hard hit, when the rows above would have it start minus its
 *   hit: positive is heavy (they run past the hit: that much must be cut above it), negative is
 *   light (that much is open before it, to fill).
 * A floated row is out of the timing: it has no front, back or cume, and its hit is ignored.
 */
export type TimedRow = {
  /** The row's length when not floated: actual if entered, else the estimate. */
  durSec: number;
  floated: boolean;
  /** The hard hit, in seconds from the air date's midnight; null when none. */
  hitSec: number | null;
};

export type RowClock = {
  frontSec: number;
  backSec: number;
  cumeSec: number;
  /** For a row with a hard hit: heavy (positive) or light (negative) into it; null without one. */
  intoHitSec: number | null;
};

export type ShowTiming = {
  /** One per row; null for a floated row. */
  rows: (RowClock | null)[];
  /** When the show would end: the front after the last row. */
  endSec: number;
  /** end − off-air: positive heavy (over), negative light (under). */
  overUnderSec: number;
  /** Sum of the lengths of the rows that count. */
  totalSec: number;
};

/** d_i: what a row counts for in the show's time. */
export function rowDuration(row: {
  floated: boolean;
  actualSec: number | null;
  estSec: number;
}): number {
  if (row.floated) return 0;
  return row.actualSec ?? row.estSec;
}

export function showTiming(
  rows: readonly TimedRow[],
  onAirSec: number,
  offAirSec: number,
): ShowTiming {
  const n = rows.length;
  const d = rows.map((r) => (r.floated ? 0 : r.durSec));
  const hit = rows.map((r) => (r.floated ? null : r.hitSec));

  const fronts = new Array<number>(n);
  const cumes = new Array<number>(n);
  const intoHits = new Array<number | null>(n).fill(null);
  let front = onAirSec;
  let cume = 0;
  for (let i = 0; i < n; i++) {
    if (hit[i] !== null) {
      intoHits[i] = front - hit[i]!;
      front = hit[i]!;
    }
    fronts[i] = front;
    cumes[i] = cume;
    front += d[i]!;
    cume += d[i]!;
  }

  // Back-times run upwards from the next hit below (or off-air at the end).
  const backs = new Array<number>(n);
  let target = offAirSec;
  for (let i = n - 1; i >= 0; i--) {
    target -= d[i]!;
    backs[i] = target;
    if (hit[i] !== null) target = hit[i]!;
  }

  return {
    rows: rows.map((r, i) =>
      r.floated
        ? null
        : {
            frontSec: fronts[i]!,
            backSec: backs[i]!,
            cumeSec: cumes[i]!,
            intoHitSec: intoHits[i]!,
          },
    ),
    endSec: front,
    overUnderSec: front - offAirSec,
    totalSec: cume,
  };
}
